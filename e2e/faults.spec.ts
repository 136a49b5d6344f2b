// A user against misbehaving services: every fault gets its own message in words, nothing partial passes for
// whole, no markup runs, and afterwards the query text is still there and a local query still works.
import type { Page } from '@playwright/test'
import { test, expect, runAdql, expectEditorText } from './fixtures'

const FAULTS = `http://127.0.0.1:${process.env.FAULTS_PORT ?? 18150}`
const QUERY = 'SELECT obs_id, target_name, s_ra, s_dec FROM ivoa.obscore'

/** Opens the ADQL view on the fault service in the given mode, added by URL as a user adds any TAP service. */
async function onFaultyService(page: Page, mode: string): Promise<void> {
  await page.goto('/adql?profile=local')
  await page.getByRole('textbox', { name: 'Add a TAP service by URL' }).fill(`${FAULTS}/${mode}/tap`)
  await page.getByRole('button', { name: 'Add TAP service' }).click()
  await expect(page.getByRole('combobox', { name: 'TAP service' })).toHaveValue(`${FAULTS}/${mode}/tap`)
}

/** The app is still usable: the query text is kept, and the local archive answers a query afterwards. */
async function stillUsable(page: Page, query = QUERY): Promise<void> {
  await expectEditorText(page, query)
  await page.getByRole('combobox', { name: 'TAP service' }).selectOption('tap_obs')
  await page.getByRole('radio', { name: 'sync', exact: true }).check()
  await runAdql(page, 'SELECT TOP 2 obs_id FROM ivoa.ObsCore')
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('2 rows')
}

const alert = (page: Page) => page.getByRole('alert').filter({ hasNot: page.getByRole('textbox') }).first()

test.describe('partial results are marked everywhere', () => {
  test('a connection reset after 100 of 200 rows: marked partial, with the reason, Retry and Run as async', async ({ page }) => {
    await onFaultyService(page, 'reset')
    await runAdql(page, QUERY)
    const notice = page.getByRole('alert', { name: 'Partial result' })
    await expect(notice).toContainText('Partial result: only 100 rows arrived')
    await expect(notice).toContainText('the connection broke after 100 rows')
    await expect(page.getByRole('status').filter({ hasText: 'rows' }).first()).toHaveText('100 rows (partial)')
    await expect(page.getByTestId('result-grid').locator('..')).toContainText('(partial)')
    await expect(notice.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(notice.getByRole('button', { name: 'Run as async job' })).toBeVisible()
    // the export says so in its name and inside the file
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Save CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^result-partial-.*\.csv$/)
    const text = await (await file.createReadStream()).toArray()
    expect(Buffer.concat(text).toString('utf8')).toMatch(/^# partial result \(100 rows\): the connection broke after 100 rows/)
    await page.screenshot({ path: 'test-results/screenshots/fault-partial.png' })
    await stillUsable(page)
  })

  test('a document that ends inside row 2 is one row of a partial result, not "1 rows"', async ({ page }) => {
    await onFaultyService(page, 'truncated')
    await runAdql(page, QUERY)
    await expect(page.getByRole('alert', { name: 'Partial result' })).toContainText('the document ends inside row 2')
    await expect(page.getByRole('status').filter({ hasText: 'row' }).first()).toHaveText('1 row (partial)')
    await stillUsable(page)
  })

  test('QUERY_STATUS=ERROR after the rows: partial, with the service\'s reason', async ({ page }) => {
    await onFaultyService(page, 'error-after-rows')
    await runAdql(page, QUERY)
    const notice = page.getByRole('alert', { name: 'Partial result' })
    await expect(notice).toContainText('only 100 rows arrived')
    await expect(notice).toContainText('the time limit was reached after 100 rows')
    await stillUsable(page)
  })
})

test.describe('errors say what happened', () => {
  const cases: { mode: string; title: string | RegExp; detail?: string | RegExp }[] = [
    { mode: 'http500', title: 'The service answered with an error (HTTP 500)', detail: 'The server encountered an unexpected condition' },
    { mode: 'unauthorized', title: 'You need to log in for this', detail: 'token expired' },
    { mode: 'forbidden', title: 'Your login does not give access to this', detail: 'not allowed to query this table' },
    { mode: 'error-votable', title: 'The service rejected the query', detail: "Column 'foo_bar' is not known" },
    { mode: 'not-votable', title: "The service's answer could not be read", detail: /HTML|Scheduled maintenance/ },
    { mode: 'empty', title: "The service's answer could not be read", detail: /empty|nothing/i },
    { mode: 'busy-forever', title: /The service is busy — try again in \d+ s/, detail: 'busy' },
  ]
  for (const c of cases) {
    test(`${c.mode}: "${String(c.title)}"`, async ({ page }) => {
      await onFaultyService(page, c.mode)
      await runAdql(page, QUERY)
      const notice = alert(page)
      await expect(notice).toContainText(c.title)
      if (c.detail) await expect(notice).toContainText(c.detail)
      // never called a rejected query when it is not one
      if (c.mode !== 'error-votable') await expect(notice).not.toContainText('rejected the query')
      await stillUsable(page)
    })
  }

  test('a 401 offers to log in, whatever its body says', async ({ page }) => {
    await onFaultyService(page, 'unauthorized')
    await runAdql(page, QUERY)
    await alert(page).getByRole('button', { name: 'Log in' }).click()
    await expect(page.getByRole('dialog', { name: 'Log in' })).toBeVisible()
  })

  test('a rejected query is located in the editor at the line and column the service gives', async ({ page }) => {
    await onFaultyService(page, 'error-votable')
    await runAdql(page, 'SELECT foo_bar\nFROM ivoa.obscore')
    await expect(alert(page)).toContainText('at line 1, column 8')
    // the editor marks the place, and says it is the service's word
    const mark = page.locator('.cm-lintRange-error').filter({ hasText: 'foo_bar' })
    await expect(mark).toHaveCount(1)
    await mark.hover()
    await expect(page.locator('.cm-tooltip-lint')).toContainText("The service: Could not parse your query: Column 'foo_bar' is not known")
  })

  test('a 503 that a retry cures is no error at all', async ({ page }) => {
    await onFaultyService(page, 'busy')
    await runAdql(page, `${QUERY} WHERE 1=1`)
    await expect(page.getByRole('status').filter({ hasText: 'rows' }).first()).toHaveText('200 rows')
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('a redirect to a foreign host carries no credential and says where it went', async ({ page }) => {
    await onFaultyService(page, 'redirect-foreign')
    await runAdql(page, QUERY)
    // the foreign host answers with a file, not a VOTable: the answer is unreadable, and said so
    await expect(alert(page)).toContainText("The service's answer could not be read")
    await stillUsable(page)
  })

  test('markup in every field of the answer is shown as text and never runs', async ({ page }) => {
    await onFaultyService(page, 'markup')
    await runAdql(page, QUERY)
    await expect(page.getByRole('status').filter({ hasText: 'rows' }).first()).toHaveText('5 rows')
    await expect(page.getByTestId('result-grid')).toContainText('<script>')
    expect(await page.title()).not.toBe('PWNED')
    expect(await page.locator('img[src="x"]').count()).toBe(0)
  })

  test('a TAP_SCHEMA without table_name: the schema browser says what is missing', async ({ page }) => {
    await onFaultyService(page, 'schema-missing')
    const browser = page.getByRole('complementary', { name: 'Schema browser' })
    await expect(browser).toContainText("This service's table list is incomplete")
    await expect(browser).toContainText('TAP_SCHEMA.tables has no table_name column')
    await expect(browser).not.toContainText('undefined')
  })
})

test.describe('async jobs that go wrong', () => {
  async function runAsync(page: Page, mode: string): Promise<void> {
    await onFaultyService(page, mode)
    await page.getByRole('radio', { name: 'async job' }).check()
    await runAdql(page, QUERY)
  }

  test('a job in ERROR shows the service\'s message', async ({ page }) => {
    await runAsync(page, 'async-error')
    await expect(page.getByRole('status', { name: 'Job status' })).toContainText('ERROR', { timeout: 30_000 })
    await expect(page.getByRole('alert').filter({ hasText: 'The job failed' })).toContainText('relation "ivoa.nothing" does not exist')
    await stillUsable(page)
  })

  test('a big result that trickles in shows its first rows while the rest is on its way, then the whole count', async ({ page }) => {
    await runAsync(page, 'async-trickle')
    await expect(page.getByRole('status', { name: 'Job status' })).toContainText('COMPLETED', { timeout: 30_000 })
    // the service has sent 500 of 20,000 rows and holds the rest: they are in the grid already
    const progress = page.getByRole('status', { name: 'Result rows' })
    await expect(progress).toHaveText('Receiving the result… 500 rows so far')
    const grid = page.getByTestId('result-grid')
    await expect(grid.locator('.ag-row').first()).toContainText('FAULT.0001')
    await expect(page.locator('.grid-toolbar')).toContainText('500 rows')
    // saving waits for the whole result
    await expect(page.getByRole('button', { name: 'Save CSV' })).toHaveCount(0)
    await page.screenshot({ path: 'test-results/screenshots/job-result-arriving.png' })
    // the rest comes: the same grid ends with every row, and the count is final
    expect((await page.request.post(`${FAULTS}/__release`)).ok()).toBe(true)
    await expect(progress).toHaveText('20,000 rows')
    await expect(grid.locator('[aria-rowcount]').first()).toHaveAttribute('aria-rowcount', '20001')
    await expect(page.locator('.grid-toolbar')).toContainText('20,000 rows')
    await expect(page.getByRole('button', { name: 'Save CSV' })).toBeVisible()
    await page.screenshot({ path: 'test-results/screenshots/job-result-whole.png' })
  })

  test('an ABORTED job says so', async ({ page }) => {
    await runAsync(page, 'async-aborted')
    await expect(page.getByRole('status', { name: 'Job status' })).toContainText('ABORTED', { timeout: 30_000 })
  })

  test('a job deleted under the app says the service no longer has it', async ({ page }) => {
    await runAsync(page, 'async-deleted')
    await expect(page.getByText('The service no longer has this job')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('radio', { name: 'async job' })).toBeChecked()
    await expectEditorText(page, QUERY)
  })
})

test('bulk download: DataLink links in access_url without access_format give the products, not the DataLink documents', async ({ page }) => {
  await onFaultyService(page, 'datalink-no-format')
  await runAdql(page, 'SELECT dp_id, dataproduct_type, access_url, access_estsize FROM ivoa.ObsCore')
  await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(5)
  for (let i = 1; i <= 5; i++) {
    await page.getByTestId('result-grid').locator('.ag-row', { hasText: `ADP.FAULT.${i}` }).first().locator('.ag-cell').first().click({ modifiers: i > 1 ? ['ControlOrMeta'] : [] })
  }
  await page.getByRole('button', { name: 'Download script (5)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bulk download' })
  await expect(dialog.getByTestId('bulk-summary')).toContainText('5 files')
  const script = await dialog.getByRole('textbox', { name: 'Download script' }).inputValue()
  for (let i = 1; i <= 5; i++) expect(script).toContain(`${FAULTS}/datalink-no-format/files/ADP.FAULT.${i}.fits`)
  expect(script).not.toMatch(/\/datalink\?ID=/)
})

test.describe('offline, with the default ESO profile', () => {
  test('says once, at the top, that archive.eso.org cannot be reached and why, and asks each host at most 3 times a minute', async ({ page }) => {
    // let the app's requests reach its own proxy, which cannot resolve ESO's hosts here (no internet)
    await page.unroute(/\/proxy\/eso-/)
    const asked = new Map<string, number>()
    page.on('request', (r) => {
      const m = /\/proxy\/(eso-[a-z-]+)\//.exec(r.url())
      const host = m?.[1] ?? (/^https?:\/\/(?!127\.0\.0\.1|localhost)([^/]+)/.exec(r.url())?.[1])
      if (host) asked.set(host, (asked.get(host) ?? 0) + 1)
    })
    await page.goto('/adql')
    const banner = page.getByRole('alert', { name: 'Unreachable services' })
    await expect(banner).toContainText(/Cannot reach archive\.eso\.org \((DNS lookup failed|connection refused|no answer in time)\): check the network or switch to the Local archive/)
    await expect(banner).toHaveCount(1)
    // the panels do not each tell the whole story again
    await expect(page.getByRole('alert').filter({ hasText: 'archive.eso.org' })).toHaveCount(1)
    await page.screenshot({ path: 'test-results/screenshots/offline-eso.png' })
    // the sky view for a while: no flood of requests to hosts that cannot be reached
    await page.getByRole('link', { name: 'Search' }).click()
    await page.waitForTimeout(20_000)
    for (const [host, n] of asked) expect(n, `${host} asked ${n} times in about 25 s (at most 3 a minute)`).toBeLessThanOrEqual(3)
    // switching to the local archive: the note goes, and queries work
    await banner.getByRole('button', { name: /Switch to Local archive/ }).click()
    await expect(banner).toHaveCount(0)
    await page.getByRole('link', { name: 'ADQL' }).click()
    await runAdql(page, 'SELECT TOP 2 obs_id FROM ivoa.ObsCore')
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('2 rows')
  })
})
