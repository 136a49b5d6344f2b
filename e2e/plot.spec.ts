import { test, expect, runAdql } from './fixtures'

test('plots seeing against time from an asm table', async ({ page, watch }) => {
  await page.goto('/adql?profile=local')
  await runAdql(page, "SELECT midpoint_date, fwhm, airmass FROM asm.dimm_paranal WHERE midpoint_date BETWEEN '2021-05-04T21:00:00' AND '2021-05-05T10:00:00' ORDER BY midpoint_date")
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText(/^\d+ rows$/)
  await page.getByRole('tab', { name: 'Plot' }).click()
  await expect(page.getByRole('combobox', { name: 'X column' })).toHaveValue('0')
  await page.getByRole('combobox', { name: 'Y column' }).selectOption({ label: 'fwhm [arcsec]' })
  const info = page.getByRole('status').filter({ hasText: 'points' })
  await expect(info).toContainText(/^\d{3,} points/)
  const plot = page.getByTestId('xy-plot')
  await expect(plot.locator('canvas')).toBeVisible()
  await expect(plot).toContainText('midpoint_date')
  // drawn pixels: the canvas is not blank
  const inked = await plot.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    let n = 0
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++
    return n
  })
  expect(inked).toBeGreaterThan(500)
  await page.screenshot({ path: 'test-results/screenshots/plot-dimm.png' })
  expect(watch.pageErrors).toEqual([])
  expect(watch.consoleErrors).toEqual([])
})
