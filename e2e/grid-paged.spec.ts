import type { Locator, Page } from '@playwright/test'
import { test, expect, ARCHIVE, parseCsv, runAdql } from './fixtures'

/** s_ra sorted descending by two header clicks, target_name filtered to those containing `filter`; the s_ra header. */
async function sortRaDownFilterTarget(page: Page, filter: string): Promise<Locator> {
  const grid = page.getByTestId('result-grid')
  const raHeader = grid.getByRole('columnheader', { name: /^s_ra/ })
  await raHeader.locator('.ag-header-cell-label').click()
  await raHeader.locator('.ag-header-cell-label').click()
  await expect(raHeader).toHaveAttribute('aria-sort', 'descending')
  await grid.getByRole('columnheader', { name: /^target_name/ }).locator('.ag-header-cell-filter-button').click()
  await page.locator('.ag-filter input[type="text"]').first().fill(filter)
  await page.keyboard.press('Escape')
  return raHeader
}

/**
 * While the first 500 rows are in: s_ra sorted descending, target_name filtered to those containing `filter` (111 of
 * the 500: e.g. NGC 4, 40-49, 400-499), s_dec hidden, two rows selected; `first` is the first row then. The s_ra header.
 */
async function arrangeWhileArriving(page: Page, filter: string, first: string): Promise<Locator> {
  const grid = page.getByTestId('result-grid')
  const count = page.locator('.grid-toolbar > .muted').first()
  const raHeader = await sortRaDownFilterTarget(page, filter)
  await expect(count).toHaveText('111 of 500 rows (filtered)')
  await expect(grid.locator('.ag-row[row-index="0"]')).toContainText(first)
  await page.getByText('Columns (4/4)').click()
  await page.getByRole('group', { name: 'Shown columns' }).getByLabel('s_dec').uncheck()
  await expect(grid.getByRole('columnheader', { name: /^s_dec/ })).toHaveCount(0)
  await page.getByText('Columns (3/4)').click()
  await grid.locator('.ag-row[row-index="0"] .ag-cell').first().click()
  await grid.locator('.ag-row[row-index="2"] .ag-cell').first().click({ modifiers: ['ControlOrMeta'] })
  await expect(count).toHaveText('111 of 500 rows (filtered) · 2 selected')
  return raHeader
}


// a result over 20,000 rows is given to the grid page by page; sorting, filtering and selecting work as on a small one
test('a large result sorts by a header, filters a column and selects rows, page by page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
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

  // the filter cleared: every row is shown again, the two selected stay
  await grid.getByRole('columnheader', { name: /^target_name/ }).locator('.ag-header-cell-filter-button').click()
  await page.locator('.ag-filter input[type="text"]').first().fill('')
  await page.keyboard.press('Escape')
  await expect(count).toHaveText('30,000 rows · 2 selected')
  // Ctrl+A selects every row shown, most of them on pages never shown; a Ctrl+click on one keeps all the others
  await grid.locator('.ag-row[row-index="1"] .ag-cell[col-id="c0"]').click()
  await expect(count).toHaveText('30,000 rows · 1 selected')
  await page.keyboard.press('ControlOrMeta+a')
  await expect(count).toHaveText('30,000 rows · 30,000 selected')
  await grid.locator('.ag-row[row-index="3"] .ag-cell[col-id="c0"]').click({ modifiers: ['ControlOrMeta'] })
  await expect(count).toHaveText('30,000 rows · 29,999 selected')
  await expect(grid.locator('.ag-row[row-index="3"]')).not.toHaveClass(/ag-row-selected/)
  await expect(grid.locator('.ag-row[row-index="4"]')).toHaveClass(/ag-row-selected/)
  await page.getByRole('button', { name: 'Copy selected' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText('29,999 rows copied')
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split('\n')
  // a header line and one line a row
  expect(copied.length).toBe(30_000)
  // the rows at the end (sorted by s_ra, descending: the smallest s_ra last) were never shown, and are copied
  expect(copied.some((l) => Number(l.split('\t')[1]) === Math.min(...ras))).toBe(true)
  await page.screenshot({ path: 'test-results/screenshots/grid-paged-all-but-one.png' })
})

// the job's result (20,000 rows) comes page by page: what the user set while it arrived stays when it is whole
test('a result sorted, filtered and selected while it arrives keeps all of it when it is whole', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const faults = `http://127.0.0.1:${process.env.FAULTS_PORT ?? 18150}/async-trickle/tap`
  await page.goto('/adql?profile=local')
  await page.getByRole('textbox', { name: 'Add a TAP service by URL' }).fill(faults)
  await page.getByRole('button', { name: 'Add TAP service' }).click()
  await expect(page.getByRole('combobox', { name: 'TAP service' })).toHaveValue(faults)
  await page.getByRole('radio', { name: 'async job' }).check()
  await runAdql(page, 'SELECT obs_id, target_name, s_ra, s_dec FROM ivoa.obscore')
  const progress = page.getByRole('status', { name: 'Result rows' })
  await expect(progress).toHaveText('Receiving the result… 500 rows so far', { timeout: 30_000 })
  const grid = page.getByTestId('result-grid')
  const count = page.locator('.grid-toolbar > .muted').first()

  const raHeader = await arrangeWhileArriving(page, 'NGC 4', 'NGC 499')
  await page.screenshot({ path: 'test-results/screenshots/grid-arriving-set.png' })

  // the rest comes: the same sort, filter, columns and selection over all 20,000 rows
  expect((await page.request.post(`http://127.0.0.1:${process.env.FAULTS_PORT ?? 18150}/__release`)).ok()).toBe(true)
  await expect(progress).toHaveText('20,000 rows')
  // NGC 4, 40-49, 400-499, 4000-4999
  await expect(count).toHaveText('1,111 of 20,000 rows (filtered) · 2 selected')
  await expect(raHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(grid.locator('.ag-row[row-index="0"]')).toContainText('NGC 4999')
  await expect(grid.getByRole('columnheader', { name: /^s_dec/ })).toHaveCount(0)
  await expect(page.getByText('Columns (3/4)')).toBeVisible()
  // the rows selected (NGC 499 and NGC 497, now past the first thousand rows shown) are the ones copied
  await page.getByRole('button', { name: 'Copy selected' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText('2 rows copied')
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split('\n').slice(1)
  expect(copied.map((l) => l.split('\t').slice(0, 2))).toEqual([['FAULT.0498', 'NGC 497'], ['FAULT.0500', 'NGC 499']])
  await expect(page.getByRole('button', { name: 'Download script (2)' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/grid-arriving-whole.png' })
})

// rows selected in TOPCAT & co. (over SAMP) on pages the grid has not shown: a Ctrl+click in the grid adds to them
test('rows selected elsewhere on pages not shown stay selected through a Ctrl+click', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const samp = 'http://127.0.0.1:18121'
  await fetch(`${samp}/reset`, { method: 'POST' })
  const received = async (mtype: string) => ((await (await fetch(`${samp}/received`)).json()) as { mtype: string; params: Record<string, unknown>; rows?: number }[]).filter((m) => m.mtype === mtype)
  await page.goto('/adql?profile=local')
  await page.getByRole('button', { name: 'Connect to a SAMP hub' }).click()
  await expect(page.getByRole('status', { name: 'SAMP status' })).toContainText('pyclient')
  await page.getByRole('textbox', { name: 'MAXREC' }).fill('30000')
  await runAdql(page, 'SELECT TOP 30000 a.obs_id, a.s_ra, a.target_name FROM ivoa.ObsCore AS a, ivoa.ObsCore AS b')
  const count = page.locator('.grid-toolbar > .muted').first()
  await expect(count).toHaveText('30,000 rows', { timeout: 60_000 })
  await page.getByRole('combobox', { name: 'Send table to SAMP client' }).selectOption({ label: 'pyclient' })
  await expect.poll(async () => (await received('table.load.votable'))[0]?.rows, { timeout: 30_000 }).toBe(30000)
  const load = (await received('table.load.votable'))[0]!
  const send = { 'table-id': load.params['table-id'], url: load.params.url, 'row-list': ['15000', '29990'] }
  const res = await fetch(`${samp}/send`, { method: 'POST', body: JSON.stringify({ mtype: 'table.select.rowList', params: send, to: 'ESO Archive Explorer' }) })
  expect(res.ok).toBe(true)
  await expect(count).toHaveText('30,000 rows · 2 selected')
  const grid = page.getByTestId('result-grid')
  // the grid scrolled to the first of them
  await expect(grid.locator('.ag-row[row-index="15000"]')).toHaveClass(/ag-row-selected/)
  await grid.locator('.ag-row[row-index="15001"] .ag-cell[col-id="c0"]').click({ modifiers: ['ControlOrMeta'] })
  await expect(count).toHaveText('30,000 rows · 3 selected')
  await expect(grid.locator('.ag-row[row-index="15000"]')).toHaveClass(/ag-row-selected/)
  await expect.poll(async () => (await received('table.select.rowList')).map((m) => m.params['row-list']).pop(), { timeout: 10_000 }).toEqual(['15000', '15001', '29990'])
  await page.getByRole('button', { name: 'Copy selected' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText('3 rows copied')
  await page.screenshot({ path: 'test-results/screenshots/grid-paged-samp-selection.png' })
})

/** The ADQL view on the fault service in a mode (scripts/faults), added by URL as a user adds any TAP service. */
async function onFaults(page: Page, mode: string): Promise<void> {
  const url = `http://127.0.0.1:${process.env.FAULTS_PORT ?? 18150}/${mode}/tap`
  await page.goto('/adql?profile=local')
  await page.getByRole('textbox', { name: 'Add a TAP service by URL' }).fill(url)
  await page.getByRole('button', { name: 'Add TAP service' }).click()
  await expect(page.getByRole('combobox', { name: 'TAP service' })).toHaveValue(url)
  await page.getByRole('radio', { name: 'sync', exact: true }).check()
}

const release = async (page: import('@playwright/test').Page) =>
  expect((await page.request.post(`http://127.0.0.1:${process.env.FAULTS_PORT ?? 18150}/__release`)).ok()).toBe(true)

// a sync query's rows arrive into the grid that then shows the whole result: nothing the user set meanwhile is lost
test('a sync result sorted, filtered and selected while its rows arrive keeps all of it when it is whole', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await onFaults(page, 'trickle')
  // (ORDER BY: no separate preview, the rows shown are the result's own)
  await runAdql(page, 'SELECT obs_id, target_name, s_ra, s_dec FROM ivoa.obscore ORDER BY obs_id')
  const status = page.getByRole('status').filter({ hasText: /rows/ }).first()
  await expect(status).toHaveText('Receiving… 500 rows so far', { timeout: 30_000 })
  const grid = page.getByTestId('result-grid')
  const count = page.locator('.grid-toolbar > .muted').first()
  await expect(count).toHaveText('500 rows')
  // saving waits for the whole result
  await expect(page.getByRole('button', { name: 'Save CSV' })).toHaveCount(0)
  // (to tell that the grid is the same element at the end)
  await grid.locator('.ag-root-wrapper').evaluate((e) => e.setAttribute('data-e2e-mark', 'arriving'))

  const raHeader = await arrangeWhileArriving(page, 'NGC 1', 'NGC 199')
  await page.getByRole('button', { name: 'Copy selected' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText('2 rows copied')
  const before = await page.evaluate(() => navigator.clipboard.readText())
  await page.screenshot({ path: 'test-results/screenshots/sync-arriving-set.png' })

  // the rest comes: the same grid, with the same sort, filter, columns and selection over all 2,000 rows
  await release(page)
  await expect(status).toHaveText('2,000 rows')
  // NGC 1, 10-19, 100-199, 1000-1999
  await expect(count).toHaveText('1,111 of 2,000 rows (filtered) · 2 selected')
  await expect(raHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(grid.locator('.ag-row[row-index="0"]')).toContainText('NGC 1999')
  await expect(grid.getByRole('columnheader', { name: /^s_dec/ })).toHaveCount(0)
  await expect(page.getByText('Columns (3/4)')).toBeVisible()
  await expect(grid.locator('.ag-root-wrapper')).toHaveAttribute('data-e2e-mark', 'arriving')
  await expect(page.getByRole('button', { name: 'Save CSV' })).toBeVisible()
  // Copy selected gives the same two rows as before
  await page.getByRole('button', { name: 'Copy selected' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText('2 rows copied')
  const after = await page.evaluate(() => navigator.clipboard.readText())
  expect(after).toBe(before)
  expect(after.trimEnd().split('\n').slice(1).map((l) => l.split('\t').slice(0, 2))).toEqual([['FAULT.0198', 'NGC 197'], ['FAULT.0200', 'NGC 199']])
  await expect(page.getByRole('button', { name: 'Download script (2)' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/sync-arriving-whole.png' })
})

// the first screen asked for on its own is another table: its sort, filter, columns and selection go over to the whole result
test('the sort, filter, columns and rows selected on a preview stay when the whole result replaces it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await onFaults(page, 'late')
  await runAdql(page, 'SELECT obs_id, target_name, s_ra, s_dec FROM ivoa.obscore')
  const banner = page.getByTestId('result-preview')
  await expect(banner).toContainText('A preview: the first 50 rows', { timeout: 30_000 })
  await expect(banner).toContainText('The sort, filters, columns and rows you select now stay.')
  const grid = page.getByTestId('result-grid')
  const count = page.locator('.grid-toolbar > .muted').first()
  const raHeader = await sortRaDownFilterTarget(page, 'NGC 1')
  // NGC 1, 10-19
  await expect(count).toHaveText('11 of 50 rows (filtered)')
  await expect(grid.locator('.ag-row[row-index="0"]')).toContainText('NGC 19')
  await page.getByText('Columns (4/4)').click()
  await page.getByRole('group', { name: 'Shown columns' }).getByLabel('s_dec').uncheck()
  await page.getByText('Columns (3/4)').click()
  // two rows picked on the preview: NGC 19 (first) and, with Ctrl, NGC 15
  await grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="c0"]').click()
  await grid.locator('.ag-row', { hasText: 'NGC 15' }).locator('.ag-cell[col-id="c0"]').click({ modifiers: ['ControlOrMeta'] })
  await expect(count).toHaveText('11 of 50 rows (filtered) · 2 selected')
  await page.screenshot({ path: 'test-results/screenshots/sync-preview-set.png' })

  await release(page)
  await expect(page.getByRole('status').filter({ hasText: /rows/ }).first()).toHaveText('2,000 rows')
  await expect(banner).toHaveCount(0)
  // the same two rows stay selected in the whole result (found by their values)
  await expect(count).toHaveText('1,111 of 2,000 rows (filtered) · 2 selected')
  await expect(raHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(grid.locator('.ag-row[row-index="0"]')).toContainText('NGC 1999')
  await expect(grid.getByRole('columnheader', { name: /^s_dec/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Copy selected' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText('2 rows copied')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied.trimEnd().split('\n').slice(1).map((l) => l.split('\t')[1]).sort()).toEqual(['NGC 15', 'NGC 19'])
  await page.screenshot({ path: 'test-results/screenshots/sync-preview-whole.png' })
})
