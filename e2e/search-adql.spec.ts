import { test, expect } from './fixtures'
import { inTheme, type Theme } from './views'

const SEARCH = '/search?profile=local&target=265.1754+-53.6743&radius=6&go=1'

for (const theme of ['light', 'dark'] as Theme[]) {
  test(`${theme}: the ADQL sent is one line until opened, and leaves the results their room at 1280×720`, async ({ page, watch }) => {
    test.setTimeout(120_000)
    await inTheme(page, theme)
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto(SEARCH)
    await expect(page.getByTestId('search-status')).toHaveText(/^\d+ rows$/, { timeout: 60_000 })
    const toggle = page.getByRole('button', { name: 'ADQL sent to tap_obs' })
    const preview = page.getByLabel('ADQL query preview')
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    // one line, the whole query still its text
    await expect(page.getByTestId('search-adql')).toHaveText(/^SELECT \*\nFROM ivoa\.ObsCore\nWHERE INTERSECTS/)
    expect((await preview.boundingBox())!.height).toBeLessThan(24)
    // the first result rows are above the fold
    const row = page.getByTestId('result-grid').locator('.ag-row[row-index="2"]')
    await expect(row).toBeVisible()
    expect((await row.boundingBox())!.y + 40).toBeLessThan(720)
    await page.screenshot({ path: `test-results/screenshots/search-adql-1280x720-${theme}.png` })

    // opened: the whole query on its lines; remembered across a reload
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect((await preview.boundingBox())!.height).toBeGreaterThan(30)
    await page.screenshot({ path: `test-results/screenshots/search-adql-open-1280x720-${theme}.png` })
    await page.reload()
    await expect(page.getByRole('button', { name: 'ADQL sent to tap_obs' })).toHaveAttribute('aria-expanded', 'true')
    await page.getByRole('button', { name: 'ADQL sent to tap_obs' }).click()
    await expect(page.getByRole('button', { name: 'ADQL sent to tap_obs' })).toHaveAttribute('aria-expanded', 'false')

    // 800 px: no sideways scroll, the catalogue picker open
    await page.setViewportSize({ width: 800, height: 900 })
    await expect(page.getByTestId('search-status')).toHaveText(/^\d+ rows$/, { timeout: 60_000 })
    await page.screenshot({ path: `test-results/screenshots/search-adql-800-${theme}.png` })
    await page.getByLabel('Catalogues').check()
    const catalogue = page.getByRole('combobox', { name: 'Catalogue' })
    await expect(catalogue).toHaveAttribute('placeholder', /^search \d+ catalogues?/, { timeout: 60_000 })
    await catalogue.click()
    await expect(page.getByRole('listbox', { name: 'Catalogues' }).getByRole('option').first()).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800)
    await page.screenshot({ path: `test-results/screenshots/catalogue-picker-800-${theme}.png` })
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.screenshot({ path: `test-results/screenshots/catalogue-picker-1280x720-${theme}.png` })
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
  })
}
