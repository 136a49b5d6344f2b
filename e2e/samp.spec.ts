/**
 * SAMP with a real hub on loopback (astropy's Web Profile hub, scripts/samp/hub.py) and a Python client standing
 * where TOPCAT would (scripts/samp/client.py): it reads the tables it is sent with astropy, reports what it got,
 * and sends messages back on command.
 */
import { test, expect, archiveCsv, runAdql, ARCHIVE } from './fixtures'
import type { Page } from '@playwright/test'
// the test client's control port (playwright.config.ts starts it)
const SAMP_CLIENT = 'http://127.0.0.1:18121'

const CLIENT = 'pyclient'

interface Received {
  mtype: string
  params: Record<string, unknown>
  sender_name?: string
  rows?: number
  ids?: string[]
  error?: string
}

async function received(mtype: string): Promise<Received[]> {
  const res = await fetch(`${SAMP_CLIENT}/received`)
  return ((await res.json()) as Received[]).filter((m) => m.mtype === mtype)
}

async function clientSends(mtype: string, params: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${SAMP_CLIENT}/send`, { method: 'POST', body: JSON.stringify({ mtype, params, to: 'ESO Archive Explorer' }) })
  expect(res.ok, await res.text()).toBe(true)
}

async function connect(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Connect to a SAMP hub' }).click()
  await expect(page.getByRole('button', { name: 'Disconnect from the SAMP hub' })).toBeVisible()
  await expect(page.getByRole('status', { name: 'SAMP status' })).toContainText(CLIENT)
}

// (a row may be drawn in more than one column container)
const selectedRows = (page: Page) =>
  page.getByTestId('result-grid').locator('.ag-row.ag-row-selected').evaluateAll((rows) => [...new Set(rows.map((r) => Number(r.getAttribute('row-index'))))].sort((a, b) => a - b))

const QUERY = 'SELECT TOP 7 dp_id, s_ra, s_dec FROM ivoa.ObsCore ORDER BY dp_id'

test.describe('SAMP: talking to TOPCAT & co. through a hub', () => {
  test.beforeEach(async () => {
    await fetch(`${SAMP_CLIENT}/reset`, { method: 'POST' })
  })

  test('says so when no hub runs, and that the hub asks permission the first time', async ({ page }) => {
    await page.route('http://localhost:21012/**', (route) => route.abort('connectionrefused'))
    await page.goto('/adql?profile=local')
    await page.getByRole('button', { name: 'Connect to a SAMP hub' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'SAMP' })
    await expect(alert).toContainText('No SAMP hub is running: start TOPCAT or Aladin Desktop, then connect')
    await expect(alert).toContainText('will ask permission')
  })

  test('sends the result table: the client reads the same rows from the archive; selections go both ways', async ({ page, watch }) => {
    await page.goto('/adql?profile=local')
    await connect(page)
    await runAdql(page, QUERY)
    await expect(page.getByRole('status').filter({ hasText: 'rows' }).first()).toHaveText('7 rows')
    await page.getByRole('combobox', { name: 'Send table to SAMP client' }).selectOption({ label: CLIENT })
    await expect(page.getByRole('status').filter({ hasText: 'Sent the table' })).toHaveText(`Sent the table to ${CLIENT}`)

    const expected = (await archiveCsv(QUERY)).slice(1).map((r) => r[0])
    await expect.poll(async () => (await received('table.load.votable'))[0]?.rows, { timeout: 20_000 }).toBe(7)
    const [load] = await received('table.load.votable')
    expect(load!.error).toBeUndefined()
    expect(load!.ids).toEqual(expected)
    expect(load!.sender_name).toBe('ESO Archive Explorer')
    // a URL any program can fetch: the TAP sync GET of the query, on the service itself (not the app's proxy)
    expect(String(load!.params.url)).toMatch(new RegExp(`^${ARCHIVE}/tap/sync\\?`))
    const tableId = load!.params['table-id']

    // rows selected in the grid → table.select.rowList with the same table-id and 0-based indices
    const grid = page.getByTestId('result-grid')
    await grid.locator('.ag-row[row-index="1"] .ag-cell').first().click()
    await grid.locator('.ag-row[row-index="3"] .ag-cell').first().click({ modifiers: ['ControlOrMeta'] })
    await expect
      .poll(async () => (await received('table.select.rowList')).map((m) => m.params['row-list']).pop(), { timeout: 10_000 })
      .toEqual(['1', '3'])
    expect((await received('table.select.rowList')).at(-1)!.params['table-id']).toBe(tableId)

    // rows selected in the client → the grid follows
    await clientSends('table.select.rowList', { 'table-id': tableId, url: load!.params.url, 'row-list': ['0', '4', '6'] })
    await expect.poll(() => selectedRows(page)).toEqual([0, 4, 6])
    await clientSends('table.highlight.row', { 'table-id': tableId, url: load!.params.url, row: '2' })
    await expect.poll(() => selectedRows(page)).toEqual([2])

    // one row selected: its position can point the client's sky views (coord.pointAt.sky)
    await page.getByRole('combobox', { name: 'Send position to SAMP client' }).selectOption({ label: CLIENT })
    const row = (await archiveCsv(QUERY))[3]!
    await expect.poll(async () => (await received('coord.pointAt.sky')).map((m) => [Number(m.params.ra), Number(m.params.dec)]).pop()).toEqual([Number(row[1]), Number(row[2])])

    expect(watch.pageErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('a table the client sends opens in the result grid, and its selection follows both ways', async ({ page, watch }) => {
    await page.goto('/search?profile=local')
    await connect(page)
    const query = 'SELECT TOP 4 dp_id, target_name FROM ivoa.ObsCore ORDER BY dp_id DESC'
    const url = `${ARCHIVE}/tap/sync?${new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', QUERY: query })}`
    await clientSends('table.load.votable', { url, 'table-id': 'pyclient-table-1', name: 'newest four' })

    // it opens in the ADQL view, wherever the user was
    await expect(page).toHaveURL(/\/adql\?profile=local/)
    await expect(page.getByRole('status', { name: 'Table received over SAMP' })).toContainText(`newest four, sent by ${CLIENT} over SAMP · 4 rows`)
    const expected = (await archiveCsv(query)).slice(1)
    const grid = page.getByTestId('result-grid')
    await expect(grid.locator('.ag-row')).toHaveCount(4)
    for (let i = 0; i < 4; i++) await expect(grid.locator(`.ag-row[row-index="${i}"] .ag-cell`)).toHaveText(expected[i]!)

    await clientSends('table.select.rowList', { 'table-id': 'pyclient-table-1', url, 'row-list': ['1', '2'] })
    await expect.poll(() => selectedRows(page)).toEqual([1, 2])
    // another table's rows are not this one's
    await clientSends('table.select.rowList', { 'table-id': 'some-other-table', url: 'http://127.0.0.1:1/x', 'row-list': ['0'] })
    await grid.locator('.ag-row[row-index="3"] .ag-cell').first().click()
    await expect
      .poll(async () => (await received('table.select.rowList')).map((m) => [m.params['table-id'], m.params['row-list']]).pop(), { timeout: 10_000 })
      .toEqual(['pyclient-table-1', ['3']])

    expect(watch.pageErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })
})
