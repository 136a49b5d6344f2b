import { test, expect, runAdql } from './fixtures'

test('URL cells become safe links (http/https only) that open in a new tab', async ({ page, watch }) => {
  await page.goto('/adql?profile=local')
  await runAdql(page, "SELECT TOP 2 access_url, 'javascript:alert(1)' AS evil_url FROM ivoa.ObsCore ORDER BY obs_publisher_did")
  const grid = page.getByTestId('result-grid')
  await expect(grid.locator('.ag-row')).toHaveCount(2)
  const link = grid.locator('.ag-row[row-index="0"] a').first()
  await expect(link).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:18080\/.*dlmeta\?ID=/)
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(link).toHaveAttribute('target', '_blank')
  // a javascript: value stays text
  await expect(grid.locator('.ag-row[row-index="0"]').getByText('javascript:alert(1)')).toBeVisible()
  await expect(grid.locator('a[href^="javascript"]')).toHaveCount(0)
  expect(watch.pageErrors).toEqual([])
})
