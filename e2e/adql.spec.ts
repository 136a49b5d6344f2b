import { test, expect, archiveCsv, runAdql } from './fixtures'

test.describe('ADQL against the local archive', () => {
  test('runs SELECT TOP 10 * FROM ivoa.ObsCore and shows the 10 rows the archive holds', async ({ page, watch }) => {
    await page.goto('/adql?profile=local')
    await expect(page.getByRole('combobox', { name: 'Service profile' })).toHaveValue('local')
    await runAdql(page, 'SELECT TOP 10 * FROM ivoa.ObsCore ORDER BY obs_publisher_did')
    await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText('10 rows')

    const grid = page.getByTestId('result-grid')
    await expect(grid.getByRole('columnheader', { name: /^obs_publisher_did/ })).toBeVisible()
    await expect(grid.getByRole('columnheader', { name: /^s_ra \[deg\]/ })).toBeVisible()
    // the first row shown is the first row the archive returns for the same query
    const expected = await archiveCsv('SELECT TOP 10 obs_publisher_did FROM ivoa.ObsCore ORDER BY obs_publisher_did')
    expect(expected.length).toBe(11)
    await expect(grid.getByRole('gridcell', { name: expected[1]![0]!, exact: true })).toBeVisible()
    expect(await grid.locator('.ag-center-cols-viewport [role="row"], .ag-center-cols-container [role="row"]').count()).toBe(10)

    await page.screenshot({ path: 'test-results/screenshots/adql-local-obscore.png' })
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test("shows the server's own message for a bad query and keeps the query text", async ({ page, watch }) => {
    await page.goto('/adql?profile=local')
    await runAdql(page, 'SELECT TOP 5 no_such_column FROM ivoa.ObsCore')
    const alert = page.getByRole('alert').filter({ hasText: 'rejected the query' })
    await expect(alert).toBeVisible()
    await expect(alert).toContainText(/no_such_column/i)
    await expect(page.getByRole('textbox', { name: 'ADQL query' })).toHaveValue('SELECT TOP 5 no_such_column FROM ivoa.ObsCore')
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
    await expect(page.getByRole('textbox', { name: 'ADQL query' })).toHaveValue('SELECT TOP 2 obs_id FROM ivoa.ObsCore')
    await expect(page.getByRole('combobox', { name: 'Service profile' })).toHaveValue('local')
  })
})
