import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { usePrivateSesame, withPrivateResolver } from './sesame'

usePrivateSesame()
const SHOTS = 'test-results/screenshots'
const grid = (page: Page) => page.getByTestId('result-grid')

/** How many pixels differ (by more than a little) between two screenshots of the same size, in a box around their centre. */
async function changedPixels(page: Page, a: Buffer, b: Buffer, half: number): Promise<number> {
  return page.evaluate(
    async ({ a, b, half }) => {
      const read = async (b64: string) => {
        const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob())
        const c = new OffscreenCanvas(bmp.width, bmp.height)
        const ctx = c.getContext('2d')!
        ctx.drawImage(bmp, 0, 0)
        const x = Math.round(bmp.width / 2 - half), y = Math.round(bmp.height / 2 - half)
        return ctx.getImageData(x, y, 2 * half, 2 * half).data
      }
      const [pa, pb] = await Promise.all([read(a), read(b)])
      let n = 0
      for (let i = 0; i < pa.length; i += 4) if (Math.abs(pa[i]! - pb[i]!) + Math.abs(pa[i + 1]! - pb[i + 1]!) + Math.abs(pa[i + 2]! - pb[i + 2]!) > 30) n++
      return n
    },
    { a: a.toString('base64'), b: b.toString('base64'), half },
  )
}

test.describe('preview on the sky', () => {
  test('the selected product\'s preview is drawn inside its footprint; the toggle takes it off', async ({ page, watch }) => {
    await withPrivateResolver(page)
    await page.goto('/search?profile=local&target=NGC%206397&radius=6&collection=FORS2&go=1')
    await expect(page.getByTestId('search-status')).toHaveText('4 rows')
    const toggle = page.getByRole('checkbox', { name: 'Show previews on the sky' })
    await expect(toggle).toBeChecked()
    // select the product with a PNG preview: the sky pans to its footprint (the centre of the view)
    await grid(page).locator('.ag-row', { hasText: 'ADP.2021-05-10T12:00:01.001' }).first().locator('.ag-cell').nth(3).click()
    await expect(page.getByRole('figure', { name: 'Preview of the selected row' }).getByRole('img')).toBeVisible()
    const sky = page.getByRole('application', { name: 'Sky map' })
    await expect(page.locator('canvas.sky-preview-layer')).toHaveAttribute('data-state', 'drawn')
    // the view settles on the footprint (the pan is animated): two screenshots in a row the same
    await expect.poll(async () => (await changedPixels(page, await sky.screenshot(), await sky.screenshot(), 20)) === 0).toBe(true)
    await page.mouse.move(0, 0)
    const on = await sky.screenshot({ path: `${SHOTS}/sky-preview.png` })
    await page.screenshot({ path: `${SHOTS}/sky-preview-page.png`, fullPage: true })
    await toggle.uncheck()
    await expect(page.locator('canvas.sky-preview-layer')).toHaveAttribute('data-state', 'off')
    const off = await sky.screenshot({ path: `${SHOTS}/sky-preview-off.png` })
    // inside the footprint (a 20×20 px box at the centre, well inside it) the pixels change with the preview
    expect(await changedPixels(page, on, off, 10)).toBeGreaterThan(200)
    await toggle.check()
    await expect(page.locator('canvas.sky-preview-layer')).toHaveAttribute('data-state', 'drawn')
    expect(await changedPixels(page, await sky.screenshot(), off, 10)).toBeGreaterThan(200)

    // a rotated footprint takes the image by its corners (north-east corner at the top left of the image)
    await grid(page).locator('.ag-row', { hasText: 'ADP.2016-02-09T12:16:50.686' }).first().locator('.ag-cell').nth(3).click()
    await expect(page.getByRole('figure', { name: 'Preview of the selected row' }).getByRole('img')).toBeVisible()
    await expect(page.locator('canvas.sky-preview-layer')).toHaveAttribute('data-state', 'drawn')
    await sky.focus()
    await page.keyboard.press('+')
    await expect.poll(async () => (await changedPixels(page, await sky.screenshot(), await sky.screenshot(), 20)) === 0).toBe(true)
    await page.screenshot({ path: `${SHOTS}/sky-preview-rotated.png`, clip: (await page.locator('.search-split').boundingBox())! })

    // an SVG preview is never drawn: selecting its row clears the sky's preview
    await grid(page).locator('.ag-row', { hasText: 'ADP.2013-12-24T01:09:14.238' }).first().locator('.ag-cell').nth(3).click()
    await expect(page.getByRole('figure', { name: 'Preview of the selected row' })).toContainText('preview not shown: SVG')
    await expect(page.locator('canvas.sky-preview-layer')).toHaveCount(0)
    expect(await page.locator('svg script, img[src$=".svg"]').count()).toBe(0)
    expect(watch.pageErrors).toEqual([])
  })
})
