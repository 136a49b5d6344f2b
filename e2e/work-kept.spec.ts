import { test, expect, runAdql, fillAdql, expectEditorText } from './fixtures'
import type { Page } from '@playwright/test'

/** The ADQL drafts the page has saved for reloads. */
const savedDrafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('adql-draft')).map((k) => localStorage.getItem(k)).join('\n'))

// Nothing the user typed is lost: a reload keeps the latest text, a shared link does not destroy the draft.
test.describe('work kept across reloads and links', () => {
  test('text typed after a run survives a reload although the URL carries the run query', async ({ page }) => {
    await page.goto('/adql?profile=local')
    await runAdql(page, 'SELECT TOP 2 obs_id FROM ivoa.ObsCore')
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('2 rows')
    await fillAdql(page, 'SELECT TOP 3 obs_id, target_name FROM ivoa.ObsCore WHERE')
    await expect.poll(() => savedDrafts(page)).toContain('target_name FROM ivoa.ObsCore WHERE')
    await page.reload()
    await expectEditorText(page, 'SELECT TOP 3 obs_id, target_name FROM ivoa.ObsCore WHERE')
    expect(new URL(page.url()).searchParams.get('q')).toBe('SELECT TOP 2 obs_id FROM ivoa.ObsCore')
  })

  test("a link with another query opens it and offers the user's draft back, also after a reload", async ({ page }) => {
    await page.goto('/adql?profile=local')
    await fillAdql(page, 'SELECT dp_id FROM dbo.raw -- my unfinished work')
    await expect.poll(() => savedDrafts(page)).toContain('my unfinished work')
    await page.goto(`/adql?profile=local&q=${encodeURIComponent('SELECT TOP 1 * FROM asm.dimm_paranal')}`)
    await expectEditorText(page, 'SELECT TOP 1 * FROM asm.dimm_paranal')
    const offer = page.getByRole('status').filter({ hasText: 'This link opened its own query' })
    await expect(offer).toBeVisible()
    await page.reload()
    await expectEditorText(page, 'SELECT TOP 1 * FROM asm.dimm_paranal')
    await offer.getByRole('button', { name: 'Restore my draft' }).click()
    await expectEditorText(page, 'SELECT dp_id FROM dbo.raw -- my unfinished work')
    await expect(offer).toHaveCount(0)
  })
})

test.describe('job notices', () => {
  test('a finished job is announced once on another view, never over the page, and goes away by itself', async ({ page }) => {
    await page.goto('/adql?profile=local')
    await page.getByRole('radio', { name: 'async job' }).check()
    await runAdql(page, 'SELECT TOP 3 obs_id FROM ivoa.ObsCore ORDER BY obs_id')
    // leave at once: the job ends while the user is on another view
    await page.getByRole('link', { name: 'Search' }).click()
    const notices = page.getByRole('region', { name: 'Job notices' })
    const notice = notices.getByRole('status').filter({ hasText: 'Job finished' })
    await expect(notice).toBeVisible({ timeout: 30_000 })
    // in the page's flow: nothing of the view lies under it
    const box = (await notices.boundingBox())!
    const main = (await page.locator('main').boundingBox())!
    expect(main.y).toBeGreaterThanOrEqual(box.y + box.height)
    await page.screenshot({ path: 'test-results/screenshots/job-notice.png' })
    await expect(notice).toHaveCount(0, { timeout: 20_000 })
    // once per job: not again on another view or after a reload
    await page.getByRole('link', { name: 'Spectra' }).click()
    await page.reload()
    await expect(page.getByRole('region', { name: 'Job notices' })).toHaveCount(0)
  })

  test('no notice for the job the ADQL view is showing', async ({ page }) => {
    await page.goto('/adql?profile=local')
    await page.getByRole('radio', { name: 'async job' }).check()
    await runAdql(page, 'SELECT TOP 4 obs_id FROM ivoa.ObsCore ORDER BY obs_id')
    await expect(page.getByRole('status', { name: 'Job status' })).toContainText('COMPLETED', { timeout: 30_000 })
    await expect(page.getByTestId('result-grid').locator('.ag-row')).toHaveCount(4)
    await expect(page.getByRole('region', { name: 'Job notices' })).toHaveCount(0)
    await page.getByRole('link', { name: 'Jobs' }).click()
    await expect(page.getByRole('region', { name: 'Job notices' })).toHaveCount(0)
  })
})

test.describe('forms keep what was typed', () => {
  test('a Search form filled in but not yet submitted survives a reload', async ({ page }) => {
    await page.goto('/search?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('NGC 6397')
    await page.getByRole('textbox', { name: 'Instrument' }).fill('MUSE')
    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Target' })).toHaveValue('NGC 6397')
    await expect(page.getByRole('textbox', { name: 'Instrument' })).toHaveValue('MUSE')
  })

  test('a Spectra form filled in but not yet submitted survives a reload', async ({ page }) => {
    await page.goto('/spectra?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('NGC 6397')
    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Target' })).toHaveValue('NGC 6397')
  })

  test('the ADQL run settings and the DataLink product typed but not yet used survive a reload; a link still brings its own', async ({ page }) => {
    await page.goto('/adql?profile=local')
    await page.getByRole('radio', { name: 'async job' }).check()
    await page.getByRole('textbox', { name: 'MAXREC' }).fill('12345')
    await page.getByRole('textbox', { name: 'Add a TAP service by URL' }).fill('https://example.org/tap')
    await page.reload()
    await expect(page.getByRole('radio', { name: 'async job' })).toBeChecked()
    await expect(page.getByRole('textbox', { name: 'MAXREC' })).toHaveValue('12345')
    await expect(page.getByRole('textbox', { name: 'Add a TAP service by URL' })).toHaveValue('https://example.org/tap')
    // a link with its own MAXREC shows that one
    await page.goto('/adql?profile=local&maxrec=77')
    await expect(page.getByRole('textbox', { name: 'MAXREC' })).toHaveValue('77')

    await page.goto('/datalink?profile=local')
    const product = page.getByRole('textbox', { name: 'Product id, publisher DID or DataLink URL' })
    await product.fill('ADP.2019-01-15T15:50:07.007')
    await page.reload()
    await expect(product).toHaveValue('ADP.2019-01-15T15:50:07.007')
    await page.goto('/datalink?profile=local&id=ADP.2021-05-20T14%3A40%3A06.006')
    await expect(product).toHaveValue('ADP.2021-05-20T14:40:06.006')
  })
})
