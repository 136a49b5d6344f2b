import { test, expect, ARCHIVE, parseCsv, runAdql } from './fixtures'

// a result over 20,000 rows is given to the grid page by page; sorting, filtering and selecting work as on a small one
test('a large result sorts by a header, filters a column and selects rows, page by page', async ({ page }) => {
  const q = 'SELECT TOP 30000 a.obs_id, a.s_ra, a.target_name FROM ivoa.ObsCore AS a, ivoa.ObsCore AS b'
  const body = new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', RESPONSEFORMAT: 'csv', MAXREC: '30000', QUERY: q })
  const rows = parseCsv(await (await fetch(`${ARCHIVE}/tap/sync`, { method: 'POST', body })).text()).slice(1)
  expect(rows.length).toBe(30000)
  await page.goto('/adql?profile=local')
  await page.getByRole('textbox', { name: 'MAXREC' }).fill('30000')
  await runAdql(page, q)
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('30,000 rows', { timeout: 60_000 })
  const grid = page.getByTestId('result-grid')
  await expect(grid.locator('[aria-rowcount]').first()).toHaveAttribute('aria-rowcount', '30001')
  const cells = async (col: string, n: number) => {
    const out: string[] = []
    for (let i = 0; i < n; i++) out.push((await grid.locator(`.ag-row[row-index="${i}"] .ag-cell[col-id="${col}"]`).innerText()).trim())
    return out
  }
  // sorted by s_ra, ascending then descending: the first rows are the smallest, then the largest, of all 30,000
  const ras = rows.map((r) => Number(r[1])).filter((v) => !Number.isNaN(v))
  const raHeader = grid.getByRole('columnheader', { name: /^s_ra \[deg\]/ })
  await raHeader.locator('.ag-header-cell-label').click()
  await expect(raHeader).toHaveAttribute('aria-sort', 'ascending')
  const asc = [...ras].sort((a, b) => a - b).slice(0, 5)
  await expect.poll(async () => (await cells('c1', 5)).map(Number)).toEqual(asc.map((v) => expect.closeTo(v, 4)))
  await raHeader.locator('.ag-header-cell-label').click()
  await expect(raHeader).toHaveAttribute('aria-sort', 'descending')
  const desc = [...ras].sort((a, b) => b - a).slice(0, 5)
  await expect.poll(async () => (await cells('c1', 5)).map(Number)).toEqual(desc.map((v) => expect.closeTo(v, 4)))

  // a text filter on target_name: the count of rows left, each of them containing what was typed
  const part = 'ngc'
  const want = rows.filter((r) => r[2]!.toLowerCase().includes(part)).length
  expect(want).toBeGreaterThan(0)
  expect(want).toBeLessThan(rows.length)
  await grid.getByRole('columnheader', { name: /^target_name/ }).locator('.ag-header-cell-filter-button').click()
  await page.locator('.ag-filter input[type="text"]').first().fill(part)
  const count = page.locator('.grid-toolbar > .muted').first()
  await expect(count).toHaveText(`${want.toLocaleString('en')} of 30,000 rows (filtered)`)
  for (const name of await cells('c2', Math.min(5, want))) expect(name.toLowerCase()).toContain(part)
  await page.keyboard.press('Escape')

  // a click selects a row, a Ctrl+click a second
  await grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="c0"]').click()
  await expect(count).toContainText('· 1 selected')
  await grid.locator('.ag-row[row-index="2"] .ag-cell[col-id="c0"]').click({ modifiers: ['Control'] })
  await expect(count).toContainText('· 2 selected')
  await expect(grid.locator('.ag-row.ag-row-selected')).not.toHaveCount(0)
  await page.screenshot({ path: 'test-results/screenshots/grid-paged.png' })
})
