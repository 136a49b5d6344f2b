import type { Locator, Page } from '@playwright/test'
import { test, expect, archiveCsv, runAdql } from './fixtures'
import { usePrivateSesame, withPrivateResolver } from './sesame'

const CURATED = ['dp_id', 'target_name', 's_ra [deg]', 's_dec [deg]', 'instrument_name', 'obs_collection', 'dataproduct_type', 't_min [UTC]', 't_exptime [s]']
const ADQL = "SELECT *\nFROM ivoa.ObsCore\nWHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.1754, -53.6743, 0.1)) = 1"

usePrivateSesame()


/** The grid's header labels in the order a user sees them (by aria-colindex, not DOM order). */
async function headers(grid: Locator): Promise<string[]> {
  return grid.locator('.ag-header-row-column [role="columnheader"]').evaluateAll((cells) =>
    cells
      .map((c) => ({ i: Number(c.getAttribute('aria-colindex')), text: (c.querySelector('.ag-header-cell-text')?.textContent ?? c.textContent ?? '').trim() }))
      .sort((a, b) => a.i - b.i)
      .map((c) => c.text),
  )
}

/** What the Search view adds to ObsCore rows: a thumbnail beside the identifier, observing conditions after the exposure. */
const VIEW_EXTRAS = ['Preview', 'Seeing [arcsec]', 'τ0 [ms]', 'PWV [mm]', 'Humidity [%]', 'Wind [m/s]']

/** The table's own columns, in the order a user sees them. */
async function ownHeaders(grid: Locator): Promise<string[]> {
  return (await headers(grid)).filter((h) => !VIEW_EXTRAS.includes(h))
}

/** The grid cell of a column (by its header label) in the first row. */
async function firstCell(grid: Locator, header: string): Promise<Locator> {
  const colId = await grid.locator('[role="columnheader"]', { hasText: header }).first().getAttribute('col-id')
  return grid.locator(`.ag-row[row-index="0"] [col-id="${colId}"]`)
}

async function search(page: Page) {
  await page.getByRole('textbox', { name: 'Target' }).fill('NGC 6397')
  await page.getByRole('textbox', { name: 'Radius' }).fill('6')
  await expect(page.getByTestId('search-adql')).toHaveText(ADQL)
  await page.getByRole('button', { name: 'Search' }).click()
}

test('search results open in the portal order, identifiers whole, times in UTC; the user’s columns are kept and reset', async ({ page, watch }) => {
  test.setTimeout(180_000) // two searches and a reload on a shared 2-core machine
  await page.setViewportSize({ width: 1400, height: 900 })
  await withPrivateResolver(page)
  await page.goto('/search?profile=local')
  await search(page)
  const rows = (await archiveCsv(ADQL.replace('*', 'dp_id, t_min'))).slice(1)
  await expect(page.getByTestId('search-status')).toHaveText(`${rows.length} rows`)
  const grid = page.getByTestId('result-grid')
  await expect(grid.locator('.ag-row').first()).toBeVisible()
  expect((await ownHeaders(grid)).slice(0, CURATED.length)).toEqual(CURATED)
  // the thumbnail sits beside the identifier; the conditions, when there, after the exposure
  expect((await headers(grid)).slice(0, 2)).toEqual(['dp_id', 'Preview'])
  const first = await headers(grid)
  if (first.includes('Seeing [arcsec]')) expect(first[first.indexOf('t_exptime [s]') + 1]).toBe('Seeing [arcsec]')

  // the identifier is whole: its text is one of the archive's dp_ids and it fits its cell
  const id = await firstCell(grid, 'dp_id')
  const idText = (await id.textContent())!.trim()
  expect(rows.map((r) => r[0])).toContain(idText)
  expect(await id.evaluate((el) => { const v = el.querySelector('.ag-cell-value') ?? el; return v.scrollWidth <= v.clientWidth })).toBe(true)
  // the observation date reads as ISO UTC, the MJD in its tooltip
  const tmin = await firstCell(grid, 't_min [UTC]')
  await expect(tmin).toHaveText(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
  await expect(tmin.locator('[title^="MJD "]')).toHaveCount(1)
  await tmin.scrollIntoViewIfNeeded()
  await grid.screenshot({ path: 'test-results/screenshots/results-order-times.png' })
  await grid.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => { el.scrollLeft = 0 })
  await page.screenshot({ path: 'test-results/screenshots/results-order-1400.png' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: 'test-results/screenshots/results-order-1280.png' })

  // hide obs_collection in the column chooser, drag s_dec in front of s_ra
  await page.getByText(/^Columns \(\d+\/\d+\)$/).click()
  await page.getByRole('checkbox', { name: 'obs_collection', exact: true }).uncheck()
  await page.getByText(/^Columns \(\d+\/\d+\)$/).click()
  await expect.poll(() => headers(grid)).not.toContain('obs_collection')
  // (at this width s_dec is off to the right: scroll the grid sideways as a user would, until both are in view)
  const gridBox = (await grid.boundingBox())!
  for (let i = 0; i < 12; i++) {
    const box = await grid.locator('[role="columnheader"]', { hasText: 's_dec [deg]' }).boundingBox()
    if (box && box.x + box.width <= gridBox.x + gridBox.width - 20) break
    await grid.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => { el.scrollLeft += 80 })
  }
  const from = (await grid.locator('[role="columnheader"]', { hasText: 's_dec [deg]' }).boundingBox())!
  const to = (await grid.locator('[role="columnheader"]', { hasText: 's_ra [deg]' }).boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(to.x + 10, to.y + to.height / 2, { steps: 12 })
  await page.mouse.move(to.x + 5, to.y + to.height / 2, { steps: 4 })
  await page.mouse.up()
  const moved = ['dp_id', 'target_name', 's_dec [deg]', 's_ra [deg]', 'instrument_name', 'dataproduct_type']
  await expect.poll(async () => (await ownHeaders(grid)).slice(0, moved.length)).toEqual(moved)

  // a reload and the same search again: the user's columns are kept
  await page.reload()
  await expect(page.getByTestId('search-status')).toHaveText(`${rows.length} rows`)
  await search(page)
  await expect(page.getByTestId('search-status')).toHaveText(`${rows.length} rows`)
  await expect(grid.locator('.ag-row').first()).toBeVisible()
  await expect.poll(async () => (await ownHeaders(grid)).slice(0, moved.length)).toEqual(moved)
  await expect(page.getByText(/^Columns \(\d+\/\d+\)$/)).toHaveText(/^Columns \((\d+)\/(\d+)\)$/)
  const [shown, all] = (await page.getByText(/^Columns \(\d+\/\d+\)$/).textContent())!.match(/\d+/g)!.map(Number)
  expect(shown).toBe(all! - 1)

  // Reset columns: the default order, every column shown
  await page.getByText(/^Columns \(\d+\/\d+\)$/).click()
  await page.getByRole('button', { name: 'Reset columns' }).click()
  await expect.poll(async () => (await ownHeaders(grid)).slice(0, CURATED.length)).toEqual(CURATED)
  await expect(page.getByText(/^Columns \(\d+\/\d+\)$/)).toHaveText(`Columns (${all}/${all})`)
  await expect(page.getByRole('button', { name: 'Reset columns' })).toBeDisabled()

  // times as MJD (the service's numbers), then back to ISO
  await page.getByRole('radio', { name: 'MJD' }).check()
  await expect(await firstCell(grid, 't_min [d]')).toHaveText(/^\d{5}\.\d+$/)
  await page.getByRole('radio', { name: 'ISO (UTC)' }).check()
  await expect(await firstCell(grid, 't_min [UTC]')).toHaveText(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
  expect(watch.pageErrors).toEqual([])
  expect(watch.consoleErrors).toEqual([])
})

test('an ADQL SELECT * FROM ivoa.ObsCore opens in the same order', async ({ page, watch }) => {
  await page.goto('/adql?profile=local')
  await runAdql(page, 'SELECT * FROM ivoa.ObsCore')
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText(/^[\d,]+ rows/)
  const grid = page.getByTestId('result-grid')
  await expect(grid.locator('.ag-row').first()).toBeVisible()
  await expect.poll(async () => (await ownHeaders(grid)).slice(0, CURATED.length)).toEqual(CURATED)
  await page.screenshot({ path: 'test-results/screenshots/results-order-adql.png' })
  expect(watch.pageErrors).toEqual([])
  expect(watch.consoleErrors).toEqual([])
})

test('an ADQL query that lists its columns shows them in the order written, whatever was chosen before', async ({ page, watch }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/adql?profile=local')
  const grid = page.getByTestId('result-grid')
  const columns = page.getByText(/^Columns \(\d+\/\d+\)$/)
  await runAdql(page, 'SELECT TOP 20 obs_id, target_name, t_min, s_ra FROM ivoa.ObsCore')
  await expect(grid.locator('.ag-row').first()).toBeVisible()
  await expect.poll(() => headers(grid)).toEqual(['obs_id', 'target_name', 't_min [UTC]', 's_ra [deg]'])
  await expect(columns).toHaveText('Columns (4/4)')
  await page.screenshot({ path: 'test-results/screenshots/results-order-adql-listed.png' })

  // a column hidden by hand in this result…
  await columns.click()
  await page.getByRole('checkbox', { name: 'target_name', exact: true }).uncheck()
  await columns.click()
  await expect.poll(() => headers(grid)).toEqual(['obs_id', 't_min [UTC]', 's_ra [deg]'])

  // …and the same columns listed in another order: that order, every column shown
  await runAdql(page, 'SELECT TOP 20 s_ra, obs_id, target_name, t_min FROM ivoa.ObsCore')
  await expect.poll(() => headers(grid)).toEqual(['s_ra [deg]', 'obs_id', 'target_name', 't_min [UTC]'])
  await expect(columns).toHaveText('Columns (4/4)')

  // SELECT * of the same table still opens in the curated order
  await runAdql(page, 'SELECT TOP 20 * FROM ivoa.ObsCore')
  await expect.poll(async () => (await ownHeaders(grid)).slice(0, CURATED.length)).toEqual(CURATED)
  expect(watch.pageErrors).toEqual([])
  expect(watch.consoleErrors).toEqual([])
})
