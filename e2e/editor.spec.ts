import { test, expect, expectEditorText } from './fixtures'

test.describe('ADQL editor', () => {
  test('completes a table and an aliased column, flags a syntax error live, and runs', async ({ page, watch }) => {
    await page.goto('/adql?profile=local')
    // wait for the service's tables (completion needs TAP_SCHEMA)
    await expect(page.getByRole('complementary', { name: 'Schema browser' }).getByText(/\d+ tables/)).toBeVisible()
    const editor = page.getByRole('textbox', { name: 'ADQL query' })
    await editor.click()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    await page.keyboard.type('SELECT TOP 3 o.s_ra FROM ivoa.Obs')
    const popup = page.locator('.cm-tooltip-autocomplete')
    await expect(popup.getByRole('option').filter({ hasText: /^\W*ivoa\.obscore/i })).toBeVisible()
    // CodeMirror ignores Enter for a moment after the list opens (interactionDelay)
    await page.waitForTimeout(150)
    await page.keyboard.press('Enter')
    // DaCHS names the table in lower case in TAP_SCHEMA
    await expectEditorText(page, 'SELECT TOP 3 o.s_ra FROM ivoa.obscore')

    await page.keyboard.type(' AS o WHERE o.s_de')
    await expect(popup.getByRole('option').filter({ hasText: /^\W*s_dec/ })).toBeVisible()
    await page.waitForTimeout(150)
    await page.keyboard.press('Enter')
    await expectEditorText(page, 'SELECT TOP 3 o.s_ra FROM ivoa.obscore AS o WHERE o.s_dec')

    // an unfinished condition is a syntax error, underlined at its place
    await page.keyboard.type(' <')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('validation')).toHaveText('1 syntax error')
    await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1)
    await page.getByRole('button', { name: 'Run' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'syntax error' })).toContainText('send anyway')

    await editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' 0')
    await expect(page.getByTestId('validation')).toHaveText('valid ADQL')
    await expect(page.locator('.cm-lint-marker-error')).toHaveCount(0)
    await page.keyboard.press('Control+Enter')
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('3 rows')
    await page.screenshot({ path: 'test-results/screenshots/editor.png' })
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
  })

  test('hover over a column shows its description, unit and UCD; Format pretty-prints', async ({ page }) => {
    await page.goto('/adql?profile=local&q=' + encodeURIComponent('select s_ra from ivoa.ObsCore where s_dec < 0'))
    await expect(page.getByRole('complementary', { name: 'Schema browser' }).getByText(/\d+ tables/)).toBeVisible()
    // hover the middle of the word s_ra
    const at = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.cm-content')!, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf('s_ra')
        if (i < 0) continue
        const r = document.createRange()
        r.setStart(n, i + 1)
        r.setEnd(n, i + 3)
        const b = r.getBoundingClientRect()
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 }
      }
      return null
    })
    await page.mouse.move(at!.x - 20, at!.y)
    await page.mouse.move(at!.x, at!.y, { steps: 3 })
    const tip = page.locator('.cm-tooltip-hover')
    await expect(tip).toContainText(/ivoa\.obscore\.s_ra/i)
    await expect(tip).toContainText('unit: deg')
    await expect(tip).toContainText('UCD: pos.eq.ra')
    await page.getByRole('button', { name: 'Format' }).click()
    await expectEditorText(page, 'SELECT s_ra\nFROM ivoa.ObsCore\nWHERE s_dec < 0')
  })
})
