import { test, expect, runAdql, expectEditorText } from './fixtures'

test.describe('async jobs', () => {
  test('an async query runs as a job, shows its rows, and survives a reload in the Jobs list', async ({ page, watch }) => {
    await page.goto('/adql?profile=local')
    await page.getByRole('radio', { name: 'async job' }).check()
    await runAdql(page, 'SELECT TOP 6 obs_id, target_name FROM ivoa.ObsCore ORDER BY obs_id')
    const status = page.getByRole('status', { name: 'Job status' })
    await expect(status).toContainText('COMPLETED', { timeout: 30_000 })
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(6)
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/^http:\/\/127\.0\.0\.1:18080\/.*\/async\/[^/]+$/)

    await page.reload()
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(6)

    await page.getByRole('link', { name: 'Jobs' }).click()
    const row = page.getByTestId('job-row').filter({ hasText: 'SELECT TOP 6 obs_id' })
    await expect(row).toContainText('COMPLETED')
    await row.getByRole('button', { name: 'Open results' }).click()
    await expect(page).toHaveURL(/\/adql\?.*job=/)
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(6)

    // delete it: gone from the list and from the service
    await page.getByRole('link', { name: 'Jobs' }).click()
    await row.getByRole('button', { name: 'Delete' }).click()
    await expect(row).toHaveCount(0)
    await page.screenshot({ path: 'test-results/screenshots/jobs.png' })
    expect(watch.pageErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test("a failing async job shows the service's message", async ({ page }) => {
    await page.goto('/adql?profile=local')
    await page.getByRole('radio', { name: 'async job' }).check()
    await runAdql(page, 'SELECT no_such_column FROM ivoa.ObsCore')
    await expect(page.getByRole('status', { name: 'Job status' })).toContainText('ERROR', { timeout: 30_000 })
    await expect(page.getByRole('alert').filter({ hasText: 'The job failed' })).toContainText(/no_such_column/i)
  })
})

test.describe('schema browser', () => {
  test('lists the tables of the service; a table starts a query, a column is inserted', async ({ page }) => {
    await page.goto('/adql?profile=local')
    const browser = page.getByRole('complementary', { name: 'Schema browser' })
    await browser.getByRole('searchbox', { name: 'Filter tables and columns' }).fill('dimm')
    await browser.getByRole('button', { name: 'asm.dimm_paranal', exact: true }).click()
    await browser.getByRole('button', { name: 'Start a query on asm.dimm_paranal' }).click()
    await expectEditorText(page, 'SELECT TOP 100 *\nFROM asm.dimm_paranal')
    const fwhm = browser.getByRole('list', { name: 'Columns of asm.dimm_paranal' }).getByRole('button', { name: 'fwhm', exact: true })
    await expect(fwhm).toHaveAttribute('title', /unit: arcsec/)
    // put the cursor after SELECT TOP 100 and insert the column there
    // put the cursor on the '*' and select it, then insert the column there
    const editor = page.getByRole('textbox', { name: 'ADQL query' })
    await editor.click()
    await page.keyboard.press('Control+Home')
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Shift+ArrowRight')
    await fwhm.click()
    await expectEditorText(page, 'SELECT TOP 100 fwhm\nFROM asm.dimm_paranal')
  })
})
