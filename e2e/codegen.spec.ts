import { test, expect, fillAdql } from './fixtures'

test.describe('Copy as code', () => {
  test('the ADQL view copies the query as pyvo code for the service itself, and as curl from the keyboard', async ({ page, context, watch }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('/adql?profile=local')
    const query = "SELECT TOP 5 obs_id, s_ra FROM ivoa.ObsCore WHERE obs_collection <> 'it''s' ORDER BY obs_id"
    await fillAdql(page, query)

    await page.getByRole('button', { name: 'Copy as…' }).click()
    await page.getByRole('menu', { name: 'Copy this query as' }).getByRole('menuitem', { name: 'pyvo' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied pyvo code')
    const pyvo = await page.evaluate(() => navigator.clipboard.readText())
    // the service as it knows itself, not the app's proxy prefix
    expect(pyvo).toContain('service = pyvo.dal.TAPService("http://127.0.0.1:18080/tap")')
    expect(pyvo).toContain(`query = "${query}"`)
    expect(pyvo).toContain('service.run_sync(query).to_table()')
    expect(pyvo).not.toContain('/proxy/')
    expect(pyvo).not.toContain('ESO_TOKEN')

    // astroquery.eso reaches ESO's own services only: offered, but not for the local archive
    const button = page.getByRole('button', { name: 'Copy as…' })
    await button.focus()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu', { name: 'Copy this query as' })
    await expect(menu.getByRole('menuitem', { name: /astroquery\.eso/ })).toHaveAttribute('aria-disabled', 'true')
    await expect(menu.getByRole('menuitem', { name: 'pyvo' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(menu.getByRole('menuitem', { name: 'curl' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied curl code')
    await expect(menu).toHaveCount(0)
    await expect(button).toBeFocused()
    const curl = await page.evaluate(() => navigator.clipboard.readText())
    expect(curl).toContain("TAP='http://127.0.0.1:18080/tap'")
    expect(curl).toContain(`--data-urlencode 'QUERY=${query.replace(/'/g, `'\\''`)}'`)

    // Escape closes the menu without copying
    await button.click()
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
  })
})
