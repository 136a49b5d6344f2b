import { readFileSync } from 'node:fs'
import { test, expect, archiveCsv, parseCsv, runAdql, expectEditorText } from './fixtures'
import type { Page } from '@playwright/test'

test.describe('ADQL against the local archive', () => {
  test('runs SELECT TOP 10 * FROM ivoa.ObsCore and shows 10 real rows of the archive', async ({ page, watch }) => {
    await page.goto('/adql?profile=local')
    await expect(page.getByRole('combobox', { name: 'Service profile' })).toHaveValue('local')
    await runAdql(page, 'SELECT TOP 10 * FROM ivoa.ObsCore')
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('10 rows')

    const grid = page.getByTestId('result-grid')
    await expect(grid.getByRole('columnheader', { name: /^access_estsize \[kbyte\]/ })).toBeVisible()
    await expect(grid.locator('.ag-row')).toHaveCount(10)
    // a column's label carries its description, UCD and type (from the service's FIELD) as a tooltip
    const raLabel = grid.getByRole('columnheader', { name: /^s_ra \[deg\]/ }).locator('[title]')
    await expect(raLabel).toHaveText('s_ra [deg]')
    await expect(raLabel).toHaveAttribute('title', /right ascension[\s\S]*\nUCD: pos\.eq\.ra[\s\S]*\ntype: double$/i)
    // every product id shown is one the archive holds, and they are 10 different products
    const dpIdCol = await grid.locator('.ag-header-cell').filter({ has: page.locator('.ag-header-cell-text', { hasText: /^dp_id$/ }) }).getAttribute('col-id')
    const shown = await grid.locator(`.ag-row .ag-cell[col-id="${dpIdCol}"]`).allInnerTexts()
    const known = new Set((await archiveCsv('SELECT dp_id FROM ivoa.ObsCore')).slice(1).map((r) => r[0]))
    expect(known.size).toBeGreaterThan(1000)
    expect(new Set(shown).size).toBe(10)
    for (const id of shown) expect(known.has(id), `${id} is in ivoa.ObsCore`).toBe(true)

    await page.screenshot({ path: 'test-results/screenshots/adql-local-obscore.png' })
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('shows the values the archive returns, cell by cell, for an ordered query', async ({ page }) => {
    await page.goto('/adql?profile=local')
    await runAdql(page, 'SELECT TOP 3 obs_publisher_did, target_name, calib_level FROM ivoa.ObsCore ORDER BY obs_publisher_did')
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('3 rows')
    const expected = await archiveCsv('SELECT TOP 3 obs_publisher_did, target_name, calib_level FROM ivoa.ObsCore ORDER BY obs_publisher_did')
    const grid = page.getByTestId('result-grid')
    for (let i = 0; i < 3; i++) {
      await expect(grid.locator(`.ag-row[row-index="${i}"] .ag-cell`)).toHaveText(expected[i + 1]!)
    }
  })

  test("shows the server's own message for a bad query and keeps the query text", async ({ page, watch }) => {
    await page.goto('/adql?profile=local')
    await runAdql(page, 'SELECT TOP 5 no_such_column FROM ivoa.ObsCore')
    const alert = page.getByRole('alert').filter({ hasText: 'rejected the query' })
    await expect(alert).toBeVisible()
    await expect(alert).toContainText(/no_such_column/i)
    await expectEditorText(page, 'SELECT TOP 5 no_such_column FROM ivoa.ObsCore')
    expect(watch.externalRequests).toEqual([])
  })

  test('announces truncation when the service cuts the result at MAXREC', async ({ page }) => {
    await page.goto('/adql?profile=local')
    await page.getByRole('textbox', { name: 'MAXREC' }).fill('3')
    await runAdql(page, 'SELECT obs_id FROM ivoa.ObsCore')
    await expect(page.getByRole('status').filter({ hasText: 'truncated' })).toContainText('truncated at 3 rows')
  })

  test('the query text, service and profile survive a reload and are in the URL', async ({ page }) => {
    await page.goto('/adql?profile=local')
    await runAdql(page, 'SELECT TOP 2 obs_id FROM ivoa.ObsCore')
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('2 rows')
    expect(new URL(page.url()).searchParams.get('q')).toBe('SELECT TOP 2 obs_id FROM ivoa.ObsCore')
    await page.reload()
    await expectEditorText(page, 'SELECT TOP 2 obs_id FROM ivoa.ObsCore')
    await expect(page.getByRole('combobox', { name: 'Service profile' })).toHaveValue('local')
  })
})

test.describe('result grid', () => {
  test('hides columns with the chooser and copies selected rows as tab-separated text', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('/adql?profile=local')
    await runAdql(page, 'SELECT TOP 5 obs_publisher_did, target_name, s_ra FROM ivoa.ObsCore ORDER BY obs_publisher_did')
    const grid = page.getByTestId('result-grid')
    await expect(grid.locator('.ag-row')).toHaveCount(5)
    await page.getByText('Columns (3/3)').click()
    await page.getByRole('group', { name: 'Shown columns' }).getByLabel('target_name').uncheck()
    await expect(grid.getByRole('columnheader', { name: /^target_name/ })).toHaveCount(0)
    await expect(page.getByText('Columns (2/3)')).toBeVisible()

    await grid.locator('.ag-row[row-index="1"] .ag-cell').first().click()
    await grid.locator('.ag-row[row-index="3"] .ag-cell').first().click({ modifiers: ['Control'] })
    await expect(page.getByText('5 rows · 2 selected')).toBeVisible()
    await page.getByRole('button', { name: 'Copy selected' }).click()
    const text = await page.evaluate(() => navigator.clipboard.readText())
    const lines = text.trim().split('\n')
    expect(lines[0]).toBe('obs_publisher_did\ts_ra')
    expect(lines).toHaveLength(3)
    const expected = await archiveCsv('SELECT TOP 5 obs_publisher_did FROM ivoa.ObsCore ORDER BY obs_publisher_did')
    expect(lines[1]!.split('\t')[0]).toBe(expected[2]![0])
    expect(lines[2]!.split('\t')[0]).toBe(expected[4]![0])
  })
  test('sorts by a column header, filters a column, and hides a column', async ({ page }) => {
    // 8 rows: all of them in view, so the grid draws every row
    const q = 'SELECT TOP 8 obs_id, s_ra, target_name FROM ivoa.ObsCore ORDER BY obs_id'
    const rows = (await archiveCsv(q)).slice(1)
    await page.goto('/adql?profile=local')
    await runAdql(page, q)
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('8 rows')
    const grid = page.getByTestId('result-grid')
    const column = async (col: string) => {
      const n = await grid.locator('.ag-row').count()
      const out: string[] = []
      for (let i = 0; i < n; i++) out.push((await grid.locator(`.ag-row[row-index="${i}"] .ag-cell[col-id="${col}"]`).innerText()).trim())
      return out
    }
    const ras = rows.map((r) => Number(r[1]))
    const raHeader = grid.getByRole('columnheader', { name: /^s_ra \[deg\]/ })
    // numbers line up on the right, in figures of one width; text starts on the left
    const align = (col: string) => grid.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${col}"]`).evaluate((e) => getComputedStyle(e).textAlign)
    expect(await align('c1')).toBe('right')
    expect(await grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="c1"]').evaluate((e) => getComputedStyle(e).fontVariantNumeric)).toBe('tabular-nums')
    expect(await align('c2')).not.toBe('right')
    // one click sorts ascending, a second descending (numbers as numbers, not as text)
    await raHeader.locator('.ag-header-cell-label').click()
    await expect(raHeader).toHaveAttribute('aria-sort', 'ascending')
    expect((await column('c1')).map(Number)).toEqual([...ras].sort((a, b) => a - b))
    await raHeader.locator('.ag-header-cell-label').click()
    await expect(raHeader).toHaveAttribute('aria-sort', 'descending')
    expect((await column('c1')).map(Number)).toEqual([...ras].sort((a, b) => b - a))
    // a third click takes the sort off: the rows in the order the query gave them
    await raHeader.locator('.ag-header-cell-label').click()
    await expect(raHeader).toHaveAttribute('aria-sort', 'none')
    expect((await column('c1')).map(Number)).toEqual(ras)

    // a text filter on target_name keeps only the rows whose name contains what was typed
    const part = 'ngc'
    const want = rows.filter((r) => r[2]!.toLowerCase().includes(part)).map((r) => r[0]).sort()
    expect(want.length).toBeGreaterThan(0)
    expect(want.length).toBeLessThan(rows.length)
    await grid.getByRole('columnheader', { name: /^target_name/ }).locator('.ag-header-cell-filter-button').click()
    await page.locator('.ag-filter input[type="text"]').first().fill(part)
    await expect(grid.locator('.ag-row')).toHaveCount(want.length)
    const count = page.locator('.grid-toolbar > .muted').first()
    await expect(count).toHaveText(`${want.length} of 8 rows (filtered)`)
    expect((await column('c0')).sort()).toEqual(want)
    await page.screenshot({ path: 'test-results/screenshots/adql-sort-filter.png' })
    await page.locator('.ag-filter input[type="text"]').first().fill('')
    await expect(grid.locator('.ag-row')).toHaveCount(8)
    await expect(count).toHaveText('8 rows')
    await page.keyboard.press('Escape')

    // the column chooser hides a column and shows it again
    await page.getByText(/^Columns \(3\/3\)$/).click()
    await page.getByRole('group', { name: 'Shown columns' }).getByLabel('s_ra').uncheck()
    await expect(grid.getByRole('columnheader', { name: /^s_ra/ })).toHaveCount(0)
    await expect(page.getByText(/^Columns \(2\/3\)$/)).toBeVisible()
    await page.getByRole('group', { name: 'Shown columns' }).getByLabel('s_ra').check()
    await expect(raHeader).toBeVisible()
  })

  test('copies the focused cell with Ctrl+C in a large result (no text selection there)', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('/adql?profile=local')
    await page.getByRole('textbox', { name: 'MAXREC' }).fill('6000')
    await runAdql(page, 'SELECT TOP 6000 a.obs_id, a.s_ra, a.target_name FROM ivoa.ObsCore AS a, ivoa.ObsCore AS b')
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('6,000 rows', { timeout: 30_000 })
    const cell = page.getByTestId('result-grid').locator('.ag-row[row-index="2"] .ag-cell[col-id="c1"]')
    const shown = (await cell.innerText()).trim()
    expect(Number(shown)).not.toBeNaN()
    await cell.click()
    await page.keyboard.press('Control+c')
    await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveText('s_ra [deg] copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown)
  })
})

test.describe('export', () => {
  test('saves the result as VOTable and CSV files that hold the rows shown', async ({ page }) => {
    await page.goto('/adql?profile=local')
    await runAdql(page, 'SELECT TOP 4 obs_publisher_did, s_ra, calib_level, t_min FROM ivoa.ObsCore ORDER BY obs_publisher_did')
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(4)
    const expected = await archiveCsv('SELECT TOP 4 obs_publisher_did, s_ra, calib_level, t_min FROM ivoa.ObsCore ORDER BY obs_publisher_did')

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save CSV' }).click()])
    expect(csvDownload.suggestedFilename()).toMatch(/^result-.*\.csv$/)
    const csv = parseCsv(readFileSync(await csvDownload.path(), 'utf8'))
    expect(csv[0]).toEqual(['obs_publisher_did', 's_ra', 'calib_level', 't_min'])
    expect(csv.slice(1, 5).map((r) => r[0])).toEqual(expected.slice(1, 5).map((r) => r[0]))
    expect(csv.slice(1, 5).map((r) => Number(r[1]))).toEqual(expected.slice(1, 5).map((r) => Number(r[1])))

    const [votDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save VOTable' }).click()])
    expect(votDownload.suggestedFilename()).toMatch(/^result-.*\.vot$/)
    const vot = readFileSync(await votDownload.path(), 'utf8')
    expect(vot).toContain('<BINARY2>')
    // astropy-independent check with our own reader is in the unit tests; here: the archive's values are in the file
    const { parseVOTable } = await import('../src/protocols/votable/index.ts')
    const t = parseVOTable(vot).tables[0]!
    expect(t.rowCount).toBe(4)
    for (let r = 0; r < 4; r++) {
      expect(t.value(r, 0)).toBe(expected[r + 1]![0])
      expect(t.value(r, 2)).toBe(Number(expected[r + 1]![2]))
    }
  })
})

test.describe('a large sync result', () => {
  // DaCHS writes a whole sync result before it sends the first byte (seconds for this one): the page asks for
  // the first screen of rows on its own first and shows it until the result itself arrives
  const BIG = 'SELECT TOP 20000 a.obs_id, a.target_name, a.s_ra, a.s_dec, a.s_region FROM ivoa.ObsCore AS a, ivoa.ObsCore AS b'
  /** The MAXREC of each sync request the page sends for `query` ('' when none), as they go out. */
  const syncMaxrecs = (page: Page, query: string): string[] => {
    const sent: string[] = []
    page.on('request', (r) => {
      const form = new URLSearchParams(r.postData() ?? '')
      if (r.method() === 'POST' && /\/tap\/sync$/.test(r.url()) && form.get('QUERY') === query) sent.push(form.get('MAXREC') ?? '')
    })
    return sent
  }

  test('shows a preview of the first rows while the service prepares the rest, then the whole result', async ({ page, watch }) => {
    const syncPosts = syncMaxrecs(page, BIG)
    await page.goto('/adql?profile=local')
    await runAdql(page, BIG)
    const preview = page.getByTestId('result-preview')
    await expect(preview).toContainText('the first 50 rows')
    await expect(page.getByRole('status').filter({ hasText: /Running/ })).toBeVisible()
    const grid = page.getByTestId('result-grid')
    const firstCells = async () => grid.locator('.ag-row[row-index="0"] .ag-cell').allInnerTexts()
    const previewFirst = await firstCells()
    expect(previewFirst[0]).toMatch(/\S/)
    await page.screenshot({ path: 'test-results/screenshots/adql-preview.png' })

    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('20,000 rows', { timeout: 60_000 })
    await expect(preview).toHaveCount(0)
    // the preview showed the result's own first row
    expect(await firstCells()).toEqual(previewFirst)
    // the first screen first, then the whole query (without MAXREC: the service's default)
    expect(syncPosts).toEqual(['50', ''])
    expect(watch.pageErrors).toEqual([])
  })

  test('a first screen that is slow to come does not hold the whole query back', async ({ page, context }) => {
    // fault injected on purpose: the service takes 4 s over the first screen
    let previewAnsweredAt = Infinity
    let mainSentAt = Infinity
    await context.route(/\/tap\/sync$/, async (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '')
      if (form.get('QUERY') !== BIG) return route.continue()
      if (form.get('MAXREC') !== '50') {
        mainSentAt = Date.now()
        return route.continue()
      }
      await new Promise((r) => setTimeout(r, 4000))
      previewAnsweredAt = Date.now()
      return route.continue()
    })
    await page.goto('/adql?profile=local')
    await runAdql(page, BIG)
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('20,000 rows', { timeout: 60_000 })
    // the whole query went out after about a second, while the first screen was still on its way
    expect(mainSentAt).toBeLessThan(previewAnsweredAt)
    await expect(page.getByTestId('result-preview')).toHaveCount(0)
    await expect(page.getByTestId('result-grid').locator('.ag-row').first()).toBeVisible()
  })

  test('Cancel during the preview stops the run and keeps the query', async ({ page }) => {
    await page.goto('/adql?profile=local')
    await runAdql(page, BIG)
    await expect(page.getByTestId('result-preview')).toBeVisible()
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Cancelled' })).toBeVisible()
    await expect(page.getByTestId('result-preview')).toHaveCount(0)
    await expect(page.getByTestId('result-grid')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled()
    await expectEditorText(page, BIG)
  })

  test('a result that fits in the first screen is the whole result: one request, no second query', async ({ page }) => {
    const q = "SELECT obs_id, target_name, s_region FROM ivoa.ObsCore WHERE target_name = 'NGC 6397'"
    const expected = (await archiveCsv(q)).length - 1
    expect(expected).toBeGreaterThan(0)
    expect(expected).toBeLessThan(50)
    const syncPosts = syncMaxrecs(page, q)
    await page.goto('/adql?profile=local')
    await runAdql(page, q)
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText(`${expected} rows`)
    await expect(page.getByTestId('result-grid').locator('.ag-row')).not.toHaveCount(0)
    await expect(page.getByText('The result is truncated')).toHaveCount(0)
    expect(syncPosts).toEqual(['50'])
  })

  test('asks for no preview when the first rows cost the service as much as all of them (ORDER BY)', async ({ page }) => {
    const ordered = 'SELECT a.obs_id, a.target_name, a.s_ra, a.s_dec, a.s_region FROM ivoa.ObsCore AS a, ivoa.ObsCore AS b WHERE b.obs_id = a.obs_id ORDER BY a.obs_id'
    const syncPosts = syncMaxrecs(page, ordered)
    await page.goto('/adql?profile=local')
    await runAdql(page, ordered)
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText(/^\d{1,3}(,\d{3})+ rows$/, { timeout: 60_000 })
    await expect(page.getByTestId('result-preview')).toHaveCount(0)
    expect(syncPosts).toEqual([''])
  })
})
