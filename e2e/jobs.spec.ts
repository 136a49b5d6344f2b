import { test, expect, runAdql, expectEditorText, ARCHIVE } from './fixtures'

test.describe('async jobs', () => {
  test('an async query runs as a job, shows its rows, and survives a reload in the Jobs list', async ({ page, watch, browser }) => {
    await page.goto('/adql?profile=local')
    await page.getByRole('radio', { name: 'async job' }).check()
    await runAdql(page, 'SELECT TOP 6 obs_id, target_name FROM ivoa.ObsCore ORDER BY obs_id')
    const status = page.getByRole('status', { name: 'Job status' })
    await expect(status).toContainText('COMPLETED', { timeout: 30_000 })
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(6)
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/^http:\/\/127\.0\.0\.1:18080\/.*\/async\/[^/]+$/)

    await page.reload()
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(6)

    // the link, shared with a browser that never saw the job: it is offered, then followed, with its rows
    const elsewhere = await browser.newContext()
    const shared = await elsewhere.newPage()
    await shared.goto(page.url())
    await expect(shared.getByRole('status', { name: 'Job status' })).toContainText("not in this browser's list")
    await shared.screenshot({ path: 'test-results/screenshots/job-shared.png' })
    await shared.getByRole('button', { name: 'Follow this job here' }).click()
    await expect(shared.getByRole('status', { name: 'Job status' })).toContainText('COMPLETED')
    await expect(shared.getByTestId('result-grid').locator('.ag-row')).toHaveCount(6)
    await shared.getByRole('link', { name: 'Jobs' }).click()
    await expect(shared.getByTestId('job-row').filter({ hasText: 'SELECT TOP 6 obs_id' })).toContainText('COMPLETED')
    await elsewhere.close()

    await page.getByRole('link', { name: 'Jobs' }).click()
    const row = page.getByTestId('job-row').filter({ hasText: 'SELECT TOP 6 obs_id' })
    await expect(row).toContainText('COMPLETED')
    await expect(row.getByTestId('job-elapsed')).toHaveText(/^\d+ s$/)
    await expect(row.getByTestId('job-destruction')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/)
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

test.describe('jobs made elsewhere', () => {
  /** A job made outside the app (as pyvo or curl would), left PENDING: its URL, as the service names it. */
  async function pendingJob(query: string): Promise<string> {
    const res = await fetch(`${ARCHIVE}/tap/async`, { method: 'POST', body: new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', QUERY: query, MAXREC: '4' }), redirect: 'manual' })
    const url = res.headers.get('location')
    if (res.status !== 303 || !url) throw new Error(`the archive answered ${res.status} without a job`)
    return url
  }
  const phaseOf = async (url: string) => (await (await fetch(`${ARCHIVE}${new URL(url).pathname}/phase`)).text()).trim()
  const destructionOf = async (url: string) => Date.parse((await (await fetch(`${ARCHIVE}${new URL(url).pathname}/destruction`)).text()).trim())

  test('a job made elsewhere is resumed by URL or from the service', async ({ page, watch }) => {
    const byUrl = await pendingJob('SELECT TOP 4 obs_id FROM ivoa.ObsCore ORDER BY obs_id')
    const listed = await pendingJob('SELECT TOP 4 target_name FROM ivoa.ObsCore ORDER BY target_name')
    await page.goto('/jobs?profile=local')

    // a mistyped URL is explained and kept for correction
    const input = page.getByRole('textbox', { name: 'Resume a job by URL' })
    await input.fill('archive/async/x')
    await page.getByRole('button', { name: 'Resume job' }).click()
    await expect(page.getByRole('alert')).toContainText('Job URL')
    await expect(input).toHaveValue('archive/async/x')

    await input.fill(byUrl)
    await page.getByRole('button', { name: 'Resume job' }).click()
    const row = page.getByTestId('job-row').filter({ hasText: 'SELECT TOP 4 obs_id' })
    await expect(row).toContainText('PENDING')
    await expect(row.locator('.service-url')).toHaveText(`${ARCHIVE}/tap`)
    await expect(input).toHaveValue('')

    // abort: the service says ABORTED too, and there are no results to open
    await row.getByRole('button', { name: 'Abort' }).click()
    await expect(row).toContainText('ABORTED')
    expect(await phaseOf(byUrl)).toBe('ABORTED')
    await expect(row.getByRole('button', { name: 'Abort' })).toHaveCount(0)
    await expect(row.getByRole('button', { name: 'Open results' })).toBeDisabled()

    // keep longer: the service keeps it about a week from now (DaCHS's default is two days)
    const before = await destructionOf(byUrl)
    const shown = await row.getByTestId('job-destruction').textContent()
    await row.getByRole('button', { name: 'Keep longer' }).click()
    await expect(row.getByTestId('job-destruction')).not.toHaveText(shown ?? '')
    const after = await destructionOf(byUrl)
    expect(after - before).toBeGreaterThan(4 * 86400_000)
    expect(Math.abs(after - (Date.now() + 7 * 86400_000))).toBeLessThan(3600_000)

    // the service's own list has the other job; adding it puts it in ours, and the button says so
    const lists = page.getByRole('group', { name: `Jobs ${ARCHIVE}/tap lists` })
    await lists.locator('summary').click()
    const id = listed.split('/').pop()!
    await lists.getByRole('button', { name: `Add job ${id} to the list` }).click()
    const second = page.getByTestId('job-row').filter({ hasText: 'SELECT TOP 4 target_name' })
    await expect(second).toContainText('PENDING')
    await expect(lists.getByRole('button', { name: `Add job ${id} to the list` })).toHaveText('Listed above')
    await expect(lists.getByRole('button', { name: `Add job ${id} to the list` })).toBeDisabled()
    await page.screenshot({ path: 'test-results/screenshots/jobs-resumed.png', fullPage: true })

    // both survive a reload
    await page.reload()
    await expect(row).toContainText('ABORTED')
    await expect(second).toContainText('PENDING')

    // re-run: the ADQL view with the job's query, as an async job with its MAXREC, which then completes
    await second.getByRole('button', { name: 'Re-run' }).click()
    await expect(page).toHaveURL(/\/adql\?/)
    await expectEditorText(page, 'SELECT TOP 4 target_name FROM ivoa.ObsCore ORDER BY target_name')
    await expect(page.getByRole('radio', { name: 'async job' })).toBeChecked()
    await expect(page.getByLabel('MAXREC', { exact: true })).toHaveValue('4')
    await page.getByRole('button', { name: 'Run' }).click()
    await expect(page.getByRole('status', { name: 'Job status' })).toContainText('COMPLETED', { timeout: 30_000 })
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(4)

    // tidy up: all three gone from the service
    await page.getByRole('link', { name: 'Jobs' }).click()
    const rows = page.getByTestId('job-row')
    await expect(rows).toHaveCount(3)
    for (let n = 3; n > 0; n--) {
      await rows.first().getByRole('button', { name: 'Delete' }).click()
      await expect(rows).toHaveCount(n - 1)
    }
    expect((await fetch(byUrl)).status).toBe(404)
    expect(watch.pageErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })
})
