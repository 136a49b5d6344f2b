/**
 * Finding one's way on the sky: grid, compass, frame, read-out, selection that does not pile up, the
 * click marker and list, panning to a grid row without zooming, and the keyboard.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { test, expect, archiveCsv, coloursInPng, countColours, pngPixels, skyPixel } from './fixtures'
import { usePrivateSesame, withPrivateResolver } from './sesame'

const NGC6397 = { ra: 265.1754, dec: -53.6743 }
// src/components/sky: renderer.ts (selection, marker), engine.ts (grid)
const SELECTED = '#ffd400'
const MARKER = '#ff2bd6'
const GRID = '#5a8cb4'

usePrivateSesame()

/** Searches 6′ around NGC 6397 on the local profile; returns the number of rows. */
async function searchNgc6397(page: Page, theme: 'light' | 'dark' = 'light'): Promise<number> {
  await page.addInitScript((t) => localStorage.setItem('eae:theme', JSON.stringify(t)), theme)
  await withPrivateResolver(page)
  await page.goto('/search?profile=local')
  await page.getByRole('textbox', { name: 'Target' }).fill('NGC 6397')
  await page.getByRole('textbox', { name: 'Radius' }).fill('6')
  await expect(page.getByRole('status', { name: 'Resolved position' })).toContainText('265.17540 -53.67430')
  await page.getByRole('button', { name: 'Search' }).click()
  const rows = (await archiveCsv("SELECT obs_publisher_did FROM ivoa.ObsCore WHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.1754, -53.6743, 0.1)) = 1")).length - 1
  await expect(page.getByTestId('search-status')).toHaveText(`${rows} rows`)
  const sky = page.getByTestId('sky-view')
  await expect(sky).toHaveAttribute('data-state', 'ready')
  await expect(sky).toHaveAttribute('data-footprints', String(rows))
  await expect(page.locator('.sky-host')).toHaveAttribute('data-drawn', /\d+/)
  await page.waitForTimeout(300)
  return rows
}

const readout = (page: Page) => page.getByTestId('sky-readout')
const fovOf = (text: string) => /FoV .*$/.exec(text)?.[0]
const SEXAGESIMAL_CENTRE = /^Centre α \d\dh \d\dm \d\d\.\d\ds δ [−+]\d\d° \d\d′ \d\d\.\d″ · FoV \d+\.\d+[°′″] × \d+\.\d+[°′″]$/

/** Fraction of a square's pixels (side `size`, centred at x, y) that are of `colour`. */
async function fractionOf(page: Page, host: Locator, x: number, y: number, size: number, colour: string): Promise<number> {
  const box = (await host.boundingBox())!
  const png = await page.screenshot({ clip: { x: x - size / 2, y: y - size / 2, width: size, height: size } })
  expect(box.width).toBeGreaterThan(size)
  const { counts, pixels } = await coloursInPng(page, png, [colour])
  return counts[0]! / pixels
}

test.describe('sky navigation', () => {
  test('grid, compass, frame label and a read-out with units before the mouse moves', async ({ page, watch }) => {
    await searchNgc6397(page)
    const host = page.locator('.sky-host')
    await expect(readout(page)).toHaveText(SEXAGESIMAL_CENTRE)
    await expect(page.getByTestId('sky-frame-label')).toHaveText('ICRS')
    await expect(page.getByRole('img', { name: /^Compass: north \d+°, east \d+° clockwise from up$/ })).toBeVisible()

    // no survey on this profile: the grid is on; the toggle takes it off and on again
    const grid = page.getByRole('button', { name: 'Grid' })
    await expect(grid).toHaveAttribute('aria-pressed', 'true')
    await page.waitForTimeout(300)
    const withGrid = (await countColours(page, host, [GRID]))[0]!
    await host.screenshot({ path: 'test-results/screenshots/sky-nav-grid.png' })
    await grid.click()
    await expect(grid).toHaveAttribute('aria-pressed', 'false')
    await page.waitForTimeout(300)
    const withoutGrid = (await countColours(page, host, [GRID]))[0]!
    expect(withGrid, 'the grid draws lines').toBeGreaterThan(withoutGrid + 200)

    // the pointer on the sky: its position; off the sky: the centre again
    const box = (await host.boundingBox())!
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3)
    await expect(readout(page)).toHaveText(/^Pointer α \d\dh/)
    await page.mouse.move(box.x - 40, box.y + 10)
    await expect(readout(page)).toHaveText(SEXAGESIMAL_CENTRE)

    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
  })

  test('Galactic and decimal switches change the read-out; footprints stay in place', async ({ page, watch }) => {
    await searchNgc6397(page)
    const host = page.locator('.sky-host')
    const box = (await host.boundingBox())!
    await page.getByRole('combobox', { name: 'Coordinate frame' }).selectOption('Galactic')
    await expect(page.getByTestId('sky-frame-label')).toHaveText('Galactic')
    await expect(readout(page)).toHaveText(/^Centre l 338° \d\d′ \d\d\.\d″ b −11° \d\d′ \d\d\.\d″ · FoV /)
    await page.getByRole('combobox', { name: 'Coordinate format' }).selectOption('decimal')
    await expect(readout(page)).toHaveText(/^Centre l 338\.\d{5}° b −11\.\d{5}° · FoV /)
    await page.waitForTimeout(300)
    await host.screenshot({ path: 'test-results/screenshots/sky-nav-galactic.png' })
    // turned to Galactic north, the footprints are still where they belong
    const inside = (await archiveCsv(`SELECT obs_publisher_did FROM ivoa.ObsCore WHERE CONTAINS(POINT('ICRS', ${NGC6397.ra}, ${NGC6397.dec}), s_region) = 1`)).length - 1
    const at = await skyPixel(page, NGC6397.ra, NGC6397.dec)
    await page.mouse.click(at.x, at.y)
    await expect(page.getByText(new RegExp(`· ${inside} selected`))).toBeVisible()
    await page.mouse.move(box.x - 40, box.y + 10)
    await page.getByRole('combobox', { name: 'Coordinate frame' }).selectOption('ICRS')
    await expect(readout(page)).toHaveText(/^Centre α 265\.\d{5}° δ −53\.\d{5}° · FoV /)
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`clicking many footprints: a marker, a list, a selection that stays see-through (${theme})`, async ({ page, watch }) => {
      await searchNgc6397(page, theme)
      const host = page.locator('.sky-host')
      const inside = (await archiveCsv(`SELECT obs_publisher_did FROM ivoa.ObsCore WHERE CONTAINS(POINT('ICRS', ${NGC6397.ra}, ${NGC6397.dec}), s_region) = 1`)).slice(1).map((r) => r[0]!)
      expect(inside.length).toBeGreaterThan(3)
      const at = await skyPixel(page, NGC6397.ra, NGC6397.dec)
      await page.mouse.click(at.x, at.y)
      await expect(page.getByText(new RegExp(`· ${inside.length} selected`))).toBeVisible()
      const list = page.getByRole('group', { name: 'Footprints at the clicked point' })
      await expect(list).toContainText(`${inside.length} footprints here`)
      await expect(list.getByRole('button', { name: inside[0]! })).toBeVisible()
      await page.mouse.move(at.x + 300, at.y + 600)
      await page.waitForTimeout(300)
      expect((await countColours(page, host, [MARKER]))[0], 'the clicked point is marked').toBeGreaterThan(20)
      // beside the marker, inside dozens of selected footprints: the fill is no more opaque than one
      const solid = await fractionOf(page, host, at.x + 30, at.y + 30, 24, SELECTED)
      expect(solid, 'overlapping selected footprints do not become a solid yellow').toBeLessThan(0.3)
      await page.screenshot({ path: `test-results/screenshots/sky-nav-clicked-${theme}.png` })

      // one of the list: just it
      await list.getByRole('button', { name: inside[1]! }).click()
      await expect(page.getByText(/· 1 selected/)).toBeVisible()
      await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(inside[1])
      await page.keyboard.press('Escape')
      await expect(list).toHaveCount(0)
      expect(watch.pageErrors).toEqual([])
    })
  }

  test('selecting a row pans to its footprint without zooming in while it is visible', async ({ page }) => {
    await searchNgc6397(page)
    const before = await readout(page).textContent()
    const row = page.getByTestId('result-grid').locator('.ag-row[row-index="2"]')
    await row.locator('.ag-cell').nth(1).click()
    await expect(page.getByText(/· 1 selected/)).toBeVisible()
    await page.waitForTimeout(400)
    const after = await readout(page).textContent()
    expect(fovOf(after!)).toBe(fovOf(before!))
  })

  test('keyboard: Tab reaches the sky, arrows pan, + zooms, Enter selects what is under the centre', async ({ page }) => {
    await searchNgc6397(page)
    await page.getByRole('combobox', { name: 'Coordinate format' }).selectOption('decimal')
    const sky = page.getByRole('application', { name: 'Sky map' })
    await expect(sky).toHaveAttribute('aria-roledescription', 'sky map')
    // Tab from the last sky tool reaches the map
    await page.getByRole('button', { name: 'Draw polygon' }).focus()
    await page.keyboard.press('Tab')
    await expect(sky).toBeFocused()

    const ra = async () => Number(/α ([\d.]+)°/.exec((await readout(page).textContent())!)![1])
    const fov = async () => fovOf((await readout(page).textContent())!)
    const ra0 = await ra()
    await page.keyboard.press('ArrowRight')
    await expect.poll(ra).not.toBe(ra0)
    const fov0 = await fov()
    await page.keyboard.press('+')
    await expect.poll(fov).not.toBe(fov0)
    await expect(page.getByTestId('sky-summary')).toHaveText(/^Centre α [\d.]+° δ −[\d.]+°, FoV .*: (\d+ footprints?|no footprint) under the centre\.$/)

    // back over the cluster, then Enter
    await page.evaluate(({ ra, dec }) => (document.querySelector('.sky-host') as HTMLElement & { __sky: { goTo(ra: number, dec: number): void } }).__sky.goTo(ra, dec), NGC6397)
    await expect(page.getByTestId('sky-summary')).toHaveText(/: \d+ footprints under the centre\.$/)
    await page.keyboard.press('Enter')
    await expect(page.getByText(/· \d+ selected/)).toBeVisible()
    await expect(page.getByRole('group', { name: 'Footprints at the clicked point' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Zoom the sky in' })).toBeVisible()
    // Aladin's own controls have names too
    const axe = await new AxeBuilder({ page }).include('.sky-view').withRules(['button-name', 'image-alt', 'link-name', 'aria-allowed-role', 'nested-interactive']).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([])
  })
})

/** The box around the reddish pixels of a PNG (r above g and b by more than 50). */
async function reddishBox(page: Page, png: Buffer): Promise<{ n: number; x0: number; y0: number; x1: number; y1: number }> {
  const { width, data: d } = await pngPixels(page, png)
  const box = { n: 0, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }
  for (let i = 0; i < d.length; i += 4) {
    if (d[i]! - Math.max(d[i + 1]!, d[i + 2]!) <= 50) continue
    const x = (i / 4) % width, y = Math.floor(i / 4 / width)
    box.n++
    box.x0 = Math.min(box.x0, x)
    box.y0 = Math.min(box.y0, y)
    box.x1 = Math.max(box.x1, x)
    box.y1 = Math.max(box.y1, y)
  }
  return box
}

test('footprints stay on their sky position while the window is resized in steps (the sky takes its new size late)', async ({ page }) => {
  const id = 'ivo://eso.localtest/ID?ADP.2021-05-10T12:00:01.001'
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto(`/datalink?profile=local&id=${encodeURIComponent(id)}`)
  await page.getByRole('button', { name: 'Cut out…' }).click()
  await expect(page.getByTestId('sky-view').first()).toHaveAttribute('data-state', 'ready')
  // the dataset's outline (drawn red: the footprint palette's first colour), from its RA/Dec range
  const [ra0, ra1, dec0, dec1] = [265.15205, 265.19873, -53.688147, -53.660508]
  const M = 12
  const outlineAt = async (where: string) => {
    const corners = await Promise.all([[ra0, dec0], [ra0, dec1], [ra1, dec0], [ra1, dec1]].map(([r, d]) => skyPixel(page, r!, d!)))
    const xs = corners.map((c) => c.x), ys = corners.map((c) => c.y)
    const clip = { x: Math.min(...xs) - M, y: Math.min(...ys) - M, width: Math.max(...xs) - Math.min(...xs) + 2 * M, height: Math.max(...ys) - Math.min(...ys) + 2 * M }
    const host = (await page.locator('.sky-host').first().boundingBox())!
    expect(clip.x >= host.x && clip.y >= host.y && clip.x + clip.width <= host.x + host.width && clip.y + clip.height <= host.y + host.height, `${where}: the dataset is in view`).toBe(true)
    const red = await reddishBox(page, await page.screenshot({ clip }))
    // the outline runs along the dataset's edges, M px inside the clip on every side
    expect(red.n, `${where}: an outline is drawn where Aladin puts the dataset`).toBeGreaterThan(200)
    for (const [got, want, edge] of [[red.x0, M, 'left'], [red.y0, M, 'top'], [red.x1, clip.width - M, 'right'], [red.y1, clip.height - M, 'bottom']] as const)
      expect(Math.abs(got - want), `${where}: the outline's ${edge} edge on the dataset's`).toBeLessThan(4)
  }
  await outlineAt('1400×900')
  for (const size of [{ width: 1280, height: 720 }, { width: 800, height: 900 }, { width: 1100, height: 800 }]) {
    await page.setViewportSize(size)
    await page.waitForTimeout(600)
    await outlineAt(`${size.width}×${size.height}`)
  }
})
