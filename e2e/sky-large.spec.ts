/**
 * A large result on the sky (30,000 footprints, more than the local archive holds: a stand-in TAP service in
 * page.route answers the search with a generated ObsCore VOTable). Dragging and wheel-zooming carry the last
 * drawing along while the view moves; once it stops, the overlay is drawn exactly where Aladin draws the sky,
 * and the selection and the hovered footprint still show.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect, skyPixel, colourGroupsInPng } from './fixtures'

const N = 30000
const CENTRE = [201.365, -43.019] as const // Cen A
// src/components/sky: palette.ts (footprints), renderer.ts (selection, hover, marker)
const PALETTE = ['#ff5a5a', '#4da3ff', '#5ad15a', '#ff9f40', '#c77dff', '#ff6ec7', '#2ec4b6', '#b5e550', '#e07a5f', '#8f94ff']
const SELECTED = '#ffd400'
const MARKER = '#ff2bd6'
const HOVER = '#ffffff'

/** Overlapping fields of a few sizes within 4° of the centre (a 32-bit LCG: the same rows every run). */
function votable(n: number): string {
  let seed = 4242
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296
  const instruments = ['FORS2', 'HAWKI', 'VIRCAM', 'OMEGACAM', 'MUSE']
  const sizes = [6.8 / 60, 7.5 / 60, 1.2, 1, 1 / 60]
  const cosd = Math.cos((CENTRE[1] * Math.PI) / 180)
  const rows: string[] = []
  for (let i = 0; i < n; i++) {
    const r = 4 * Math.sqrt(rnd())
    const t = rnd() * 2 * Math.PI
    const dec = CENTRE[1] + r * Math.sin(t)
    const ra = CENTRE[0] + (r * Math.cos(t)) / cosd
    const w = sizes[i % 5]! * (0.8 + 0.4 * rnd())
    const k = 1 / Math.cos((dec * Math.PI) / 180)
    const poly = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([x, y]) => `${(ra + (x! * w * k) / 2).toFixed(5)} ${(dec + (y! * w) / 2).toFixed(5)}`).join(' ')
    rows.push(`<TR><TD>BIG.${i}</TD><TD>${instruments[i % 5]}</TD><TD>${ra.toFixed(6)}</TD><TD>${dec.toFixed(6)}</TD><TD>Polygon ICRS ${poly}</TD></TR>`)
  }
  const fields = '<FIELD name="obs_id" datatype="char" arraysize="*" ucd="meta.id"/><FIELD name="instrument_name" datatype="char" arraysize="*" ucd="meta.id;instr"/><FIELD name="s_ra" datatype="double" unit="deg" ucd="pos.eq.ra"/><FIELD name="s_dec" datatype="double" unit="deg" ucd="pos.eq.dec"/><FIELD name="s_region" datatype="char" arraysize="*" ucd="pos.outline;obs.field" utype="obscore:Char.SpatialAxis.Coverage.Support.Area"/>'
  return `<?xml version="1.0" encoding="UTF-8"?>\n<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><INFO name="QUERY_STATUS" value="OK"/><TABLE>${fields}<DATA><TABLEDATA>\n${rows.join('\n')}\n</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n`
}
const COUNT = `<?xml version="1.0"?><VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><INFO name="QUERY_STATUS" value="OK"/><TABLE><FIELD name="n" datatype="long"/><DATA><TABLEDATA><TR><TD>${N}</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`

/** The Search view on a "big" profile whose ObsCore service is the stand-in. */
async function searchBig(page: Page) {
  const result = votable(N)
  await page.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json()
    const origin = new URL(route.request().url()).origin
    const local = config.profiles.local
    config.profiles.big = { ...local, label: 'Large stand-in', access: 'direct', endpoints: { ...local.endpoints, tap_obs: `${origin}/big-tap`, tap_cat: `${origin}/big-tap` }, hips: null }
    await route.fulfill({ json: config })
  })
  await page.route('**/big-tap/**', async (route) => {
    const body = route.request().postData() ?? ''
    const query = new URLSearchParams(body).get('QUERY') ?? new URL(route.request().url()).searchParams.get('QUERY') ?? ''
    await route.fulfill({ contentType: 'application/x-votable+xml', body: /COUNT\s*\(/i.test(query) ? COUNT : result })
  })
  await page.goto(`/search?profile=big&target=${CENTRE.join('+')}&radius=240&go=1&maxrec=${N}`)
  await expect(page.getByTestId('search-status')).toHaveText(`${N.toLocaleString('en')} rows`, { timeout: 60_000 })
  const sky = page.getByTestId('sky-view')
  await expect(sky).toHaveAttribute('data-state', 'ready')
  await expect(sky).toHaveAttribute('data-footprints', String(N), { timeout: 30_000 })
  await expect(page.locator('.sky-host')).toHaveAttribute('data-drawn', /^[1-9]\d*$/)
}

/** Pixels of each colour group in the sky (±24 per channel): how many, and the centre of those pixels (page coordinates). */
async function inks(page: Page, host: Locator, groups: string[][], clip?: { x: number; y: number; width: number; height: number }): Promise<{ n: number; x: number; y: number }[]> {
  const box = clip ?? (await host.boundingBox())!
  const { groups: found } = await colourGroupsInPng(page, clip ? await page.screenshot({ clip }) : await host.screenshot(), groups)
  return found.map((f) => ({ n: f.n, x: f.x + box.x, y: f.y + box.y }))
}

/** The sky position (ICRS degrees) that Aladin shows at a page point. */
const worldAt = (page: Page, x: number, y: number) =>
  page.evaluate(
    ({ x, y }) => {
      const host = document.querySelector('.sky-host') as HTMLElement & { __sky: { worldAtClient(x: number, y: number): [number, number] | undefined } }
      return host.__sky.worldAtClient(x, y)!
    },
    { x, y },
  )

/** The footprints drawn afresh for the view as it is now (what a still view must already show). */
const redrawn = (page: Page) => page.evaluate(() => void (document.querySelector('.sky-host') as HTMLElement & { __sky: { drawNow(): void } }).__sky.drawNow())

test.describe('a large result on the sky', () => {
  test.setTimeout(180_000)

  test('dragging and wheel-zooming: the overlay moves with the sky and is exact once the view stops; selection and hover still show', async ({ page, watch }) => {
    await searchBig(page)
    const host = page.locator('.sky-host')
    const box = (await host.boundingBox())!
    const cx = box.x + box.width / 2
    const cy = box.y + box.height / 2
    await page.waitForTimeout(500)
    const [loaded] = await inks(page, host, [PALETTE])
    expect(loaded!.n, 'footprints are drawn').toBeGreaterThan(2000)
    await host.screenshot({ path: 'test-results/screenshots/sky-large-loaded.png' })

    // a click selects every footprint there and marks the point
    await page.mouse.click(cx + 50, cy - 40)
    await expect(page.getByText(/· \d+ selected/)).toBeVisible()
    await page.mouse.move(box.x - 30, box.y + 10)
    await page.waitForTimeout(500)
    const [marker0, selection0] = await inks(page, host, [[MARKER], [SELECTED]])
    expect(marker0!.n, 'the clicked point is marked').toBeGreaterThan(20)
    expect(Math.hypot(marker0!.x - cx - 50, marker0!.y - cy + 40), 'the mark is where the click was').toBeLessThan(2.5)
    expect(selection0!.n, 'the selection is outlined and tinted').toBeGreaterThan(50)
    // the clicked point (the view does not move on a click)
    const clicked = await worldAt(page, cx + 50, cy - 40)

    /**
     * After the view stopped: the marker where Aladin draws the clicked point; footprints and selection as a fresh
     * drawing for the view as it is now would put them.
     */
    const exactAfterMotion = async (what: string) => {
      await expect.poll(async () => {
        const at = await skyPixel(page, clicked[0], clicked[1])
        const [m] = await inks(page, host, [[MARKER]])
        return Math.hypot(m!.x - at.x, m!.y - at.y)
      }, { message: `after ${what} the marker is where Aladin draws the clicked point` }).toBeLessThan(2.5)
      // once the view is still, what shows is the exact drawing for that view
      await page.waitForTimeout(400)
      const [settled, settledSel] = await inks(page, host, [PALETTE, [SELECTED]])
      await redrawn(page)
      await page.waitForTimeout(100)
      const [fresh, freshSel] = await inks(page, host, [PALETTE, [SELECTED]])
      expect(Math.abs(settled!.n - fresh!.n) / fresh!.n, `after ${what} the footprints are drawn exactly`).toBeLessThan(0.01)
      expect(Math.hypot(settled!.x - fresh!.x, settled!.y - fresh!.y), `after ${what} the footprints are where a fresh drawing puts them`).toBeLessThan(1)
      expect(freshSel!.n, `after ${what} the selection still shows`).toBeGreaterThan(50)
      expect(Math.abs(settledSel!.n - freshSel!.n) / freshSel!.n, `after ${what} the selection is drawn exactly`).toBeLessThan(0.01)
      expect(Math.hypot(settledSel!.x - freshSel!.x, settledSel!.y - freshSel!.y), `after ${what} the selection is where a fresh drawing puts it`).toBeLessThan(1)
      return settled!
    }

    // drag: the footprints stay on screen while the sky moves (carried along), and are exact once it stops
    await page.mouse.move(cx, cy)
    await page.mouse.down()
    for (let i = 1; i <= 12; i++) await page.mouse.move(cx - 8 * i, cy + 5 * i)
    await host.screenshot({ path: 'test-results/screenshots/sky-large-dragging.png' })
    const [dragging] = await inks(page, host, [PALETTE])
    expect(dragging!.n, 'footprints stay drawn while dragging').toBeGreaterThan(loaded!.n * 0.5)
    await page.mouse.up()
    await page.mouse.move(box.x - 30, box.y + 10)
    await exactAfterMotion('a drag')
    await host.screenshot({ path: 'test-results/screenshots/sky-large-after-drag.png' })

    // wheel-zoom in over the sky
    await page.mouse.move(cx, cy)
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -120)
      await page.waitForTimeout(30)
    }
    await page.mouse.move(box.x - 30, box.y + 10)
    const zoomed = await exactAfterMotion('a wheel zoom')
    expect(zoomed.n, 'zoomed in, footprints are still drawn').toBeGreaterThan(1000)
    await host.screenshot({ path: 'test-results/screenshots/sky-large-after-zoom.png' })

    // hovering outlines the footprint under the pointer in white (the white list of footprints here closed first)
    await page.getByRole('button', { name: 'Close the list of footprints here' }).click()
    await expect(page.getByRole('group', { name: 'Footprints at the clicked point' })).toHaveCount(0)
    await expect(page.getByText(/· \d+ selected/)).toBeVisible()
    const at = await skyPixel(page, CENTRE[0], CENTRE[1])
    const around = { x: at.x - 80, y: at.y - 35, width: 120, height: 120 }
    const [before] = await inks(page, host, [[HOVER]], around)
    await page.mouse.move(at.x - 20, at.y + 25)
    await expect.poll(async () => (await inks(page, host, [[HOVER]], around))[0]!.n, { message: 'the hovered footprint is outlined' }).toBeGreaterThan(before!.n + 20)
    await host.screenshot({ path: 'test-results/screenshots/sky-large-hover.png' })

    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
  })
})
