import { test, expect, archiveCsv, countColours } from './fixtures'

// footprint palette of src/components/sky/palette.ts (rows without a category take the last, grey)
const PALETTE = ['#ff5a5a', '#4da3ff', '#5ad15a', '#ff9f40', '#c77dff', '#ff6ec7', '#2ec4b6', '#b5e550', '#e07a5f', '#8f94ff', '#9aa0a6']

test.describe('catalogue and raw-frame searches', () => {
  test('cone-searches a catalogue table picked by typing, never sending a query with placeholder columns', async ({ page, watch }) => {
    test.setTimeout(180_000) // the catalogue list is three metadata queries, then two searches, on a shared 2-core machine
    // every query the page sends, to check none names the placeholder position columns
    const queries: string[] = []
    page.on('request', (r) => {
      if (!/\/(sync|async)(\?|$)/.test(r.url())) return
      const body = r.postData() ?? ''
      const q = new URLSearchParams(body).get('QUERY') ?? new URL(r.url()).searchParams.get('QUERY')
      if (q) queries.push(q)
    })
    // a shared link straight to a catalogue search: the query waits for the catalogue's position columns
    await page.goto('/search?profile=local&kind=catalogue&table=safcat.kids_dr4_cat&target=53.1+-27.8&radius=10&go=1')
    await expect(page.getByTestId('search-status')).toHaveText(/^\d+ rows$/, { timeout: 60_000 })
    expect(queries.some((q) => /COUNT\(\*\)/.test(q) && q.includes('raj2000'))).toBe(true)
    await page.goto('/search?profile=local')
    await page.getByLabel('Catalogues').check()
    const catalogue = page.getByRole('combobox', { name: 'Catalogue' })
    await expect(catalogue).toHaveAttribute('placeholder', /^search \d+ catalogues?: title, collection, table, description$/)
    await catalogue.fill('kids source')
    const options = page.getByRole('listbox', { name: 'Catalogues' }).getByRole('option')
    await expect(options).toHaveCount(1)
    await expect(options.first()).toContainText('KiDS-DR4-like multi-band source catalogue')
    await expect(options.first()).toContainText('safcat · safcat.kids_dr4_cat · raj2000, decj2000')
    await page.screenshot({ path: 'test-results/screenshots/catalogue-picker-open.png' })
    await catalogue.fill('no such catalogue')
    await expect(options).toHaveCount(0)
    await expect(page.getByText(/^0 of \d+ catalogues?$/)).toBeVisible()
    // by keyboard: Escape closes, arrows open and move, Enter chooses
    await catalogue.press('Escape')
    await expect(catalogue).toHaveAttribute('aria-expanded', 'false')
    await catalogue.press('ArrowDown')
    await expect(catalogue).toHaveAttribute('aria-expanded', 'true')
    await catalogue.pressSequentially('kids')
    await expect(options).toHaveCount(1)
    await expect(options.first()).toHaveAttribute('aria-selected', 'true')
    await expect(catalogue).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!)
    await catalogue.press('Enter')
    await expect(catalogue).toHaveAttribute('aria-expanded', 'false')
    await expect(catalogue).toHaveValue(/safcat\.kids_dr4_cat$/)
    // CDFS, inside a KiDS field
    await page.getByRole('textbox', { name: 'Target' }).fill('53.1 -27.8')
    await page.getByRole('textbox', { name: 'Radius' }).fill('10')
    const where = "CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', 53.1, -27.8, 0.166666666667)) = 1"
    await expect(page.getByTestId('search-adql')).toHaveText(`SELECT *\nFROM safcat.kids_dr4_cat\nWHERE ${where}`)
    await expect(page.getByText('ADQL sent to tap_cat')).toBeVisible()
    await page.getByRole('button', { name: 'Search' }).click()

    const expected = (await archiveCsv(`SELECT raj2000, decj2000 FROM safcat.kids_dr4_cat WHERE ${where}`)).slice(1)
    expect(expected.length).toBeGreaterThan(5)
    await expect(page.getByTestId('search-count')).toHaveText(`${expected.length} matching rows`)
    await expect(page.getByTestId('search-status')).toHaveText(`${expected.length} rows`)
    await expect(page.getByTestId('result-grid').locator('.ag-row').first()).toBeVisible()
    await expect(page).toHaveURL(/kind=catalogue/)
    await expect(page).toHaveURL(/table=safcat\.kids_dr4_cat/)

    const sky = page.getByTestId('sky-view')
    await expect(sky).toHaveAttribute('data-state', 'ready')
    await expect(sky).toHaveAttribute('data-footprints', String(expected.length))
    await expect(page.locator('.sky-host')).toHaveAttribute('data-drawn', String(expected.length))
    await page.waitForTimeout(300)
    const host = page.locator('.sky-host')
    await host.screenshot({ path: 'test-results/screenshots/catalogue-sky-points.png' })
    expect((await countColours(page, host, PALETTE)).reduce((a, b) => a + b, 0), 'the sources are drawn as points').toBeGreaterThan(expected.length * 2)

    expect(queries.filter((q) => /POINT\(''\s*,\s*ra\s*,\s*dec\s*\)/i.test(q) || q.includes('…')), 'no query with placeholder columns').toEqual([])
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('searches raw frames by instrument and date range, with wavelengths in nm', async ({ page, watch }) => {
    await page.goto('/search?profile=local')
    await page.getByLabel('Raw frames').check()
    await expect(page.getByRole('combobox', { name: 'Wavelength unit' })).toHaveValue('nm')
    await expect(page.getByRole('combobox', { name: 'Wavelength unit' }).locator('option:checked')).toHaveText('nm')
    await page.getByRole('textbox', { name: 'Instrument' }).fill('FORS2')
    await page.getByRole('textbox', { name: 'Observed from' }).fill('2021-05-01')
    await page.getByRole('textbox', { name: 'Observed until' }).fill('2021-06-01')
    await page.getByRole('textbox', { name: 'Wavelength from' }).fill('600')
    await page.getByRole('textbox', { name: 'Wavelength to' }).fill('700')
    // dbo.raw keeps nm and one MJD per frame
    const adql = "SELECT *\nFROM dbo.raw\nWHERE instrument = 'FORS2'\n  AND lambda_max >= 600\n  AND lambda_min <= 700\n  AND mjd_obs >= 59335\n  AND mjd_obs <= 59366"
    await expect(page.getByTestId('search-adql')).toHaveText(adql)
    await expect(page.getByText('MJD 59335', { exact: true })).toBeVisible()
    await page.getByRole('button', { name: 'Search' }).click()

    const expected = (await archiveCsv(adql.replace('*', 'dp_id, instrument, lambda_min, lambda_max, mjd_obs'))).slice(1)
    expect(expected.length).toBeGreaterThan(0)
    for (const [, instrument, lmin, lmax, mjd] of expected) {
      expect(instrument).toBe('FORS2')
      expect(Number(lmax)).toBeGreaterThanOrEqual(600)
      expect(Number(lmin)).toBeLessThanOrEqual(700)
      expect(Number(mjd)).toBeGreaterThanOrEqual(59335)
      expect(Number(mjd)).toBeLessThanOrEqual(59366)
    }
    await expect(page.getByTestId('search-count')).toHaveText(`${expected.length} matching ${expected.length === 1 ? 'row' : 'rows'}`)
    await expect(page.getByTestId('search-status')).toHaveText(`${expected.length} rows`)
    await expect(page.getByTestId('result-grid').locator('.ag-row').first()).toBeVisible()
    await expect(page.getByTestId('result-grid').getByText('FORS2').first()).toBeVisible()
    await expect(page).toHaveURL(/kind=raw/)
    await expect(page).toHaveURL(/instrument=FORS2/)

    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })
})
