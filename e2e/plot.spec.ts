import { test, expect, runAdql } from './fixtures'

test('plots seeing against time from an asm table', async ({ page, watch }) => {
  await page.goto('/adql?profile=local')
  await runAdql(page, "SELECT midpoint_date, fwhm, airmass FROM asm.dimm_paranal WHERE midpoint_date BETWEEN '2021-05-04T21:00:00' AND '2021-05-05T10:00:00' ORDER BY midpoint_date")
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toHaveText(/^[\d,]+ rows$/)
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
  // the time under the pointer reads in 24-hour UTC (the axis ticks are drawn the same way)
  const over = (await plot.locator('.u-over').boundingBox())!
  await page.mouse.move(over.x + over.width / 3, over.y + over.height / 2)
  await expect(plot.locator('.u-legend .u-series').first().locator('.u-value')).toHaveText(/^2021-05-0[45] \d\d:\d\d:\d\d UTC$/)

  // zoom with the wheel, pan with Shift+drag, and double-click back to the whole night
  const canvas = plot.locator('canvas')
  const picture = () => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL())
  const whole = await picture()
  const area = await plot.locator('.u-over').boundingBox()
  const cx = area!.x + area!.width / 2
  const cy = area!.y + area!.height / 2
  await page.mouse.move(cx, cy)
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -100)
  await expect.poll(picture).not.toBe(whole)
  const zoomed = await picture()
  await page.keyboard.down('Shift')
  await page.mouse.move(cx, cy)
  await page.mouse.down()
  await page.mouse.move(cx + 200, cy, { steps: 5 })
  await page.mouse.up()
  await page.keyboard.up('Shift')
  await expect.poll(picture).not.toBe(zoomed)
  await page.screenshot({ path: 'test-results/screenshots/plot-dimm-zoomed.png' })
  await page.mouse.dblclick(cx, cy)
  await expect.poll(picture).toBe(whole)
  expect(watch.pageErrors).toEqual([])
  expect(watch.consoleErrors).toEqual([])
})
