import { spawn, type ChildProcess } from 'node:child_process'
import type { Page } from '@playwright/test'
import { test, expect, archiveCsv, countColours, skyPixel } from './fixtures'

const SESAME_PORT = Number(process.env.SESAME_PORT ?? 18090)
const SESAME_URL = `http://127.0.0.1:${SESAME_PORT}/cgi-bin/nph-sesame`
const NGC6397 = { ra: 265.1754, dec: -53.6743 }
// footprint palette, selection and cone colours of src/components/sky (palette.ts, renderer.ts)
const PALETTE = ['#ff5a5a', '#4da3ff', '#5ad15a', '#ff9f40', '#c77dff', '#ff6ec7', '#2ec4b6', '#b5e550', '#e07a5f', '#8f94ff', '#9aa0a6']
const SELECTED = '#ffd400'
const CONE = '#00e5ff'

let stub: ChildProcess | undefined

async function sesameUp(): Promise<boolean> {
  try {
    return (await fetch(`${SESAME_URL}/-oxp/SNV?NGC%206397`)).ok
  } catch {
    return false
  }
}

test.beforeAll(async () => {
  if (await sesameUp()) return
  stub = spawn(process.execPath, ['scripts/sesame-stub.mjs'], { env: { ...process.env, SESAME_PORT: String(SESAME_PORT) }, stdio: 'ignore' })
  for (let i = 0; i < 50 && !(await sesameUp()); i++) await new Promise((r) => setTimeout(r, 100))
})
test.afterAll(() => {
  stub?.kill()
})

/** The local profile with the Sesame stand-in as its resolver (until public/config.json names it). */
async function withLocalResolver(page: Page) {
  await page.route('**/config.json', async (route) => {
    const res = await route.fetch()
    const config = await res.json()
    config.profiles.local.endpoints.resolver ||= SESAME_URL
    await route.fulfill({ response: res, json: config })
  })
}


const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

async function skyReady(page: Page, footprints: number) {
  const sky = page.getByTestId('sky-view')
  await expect(sky).toHaveAttribute('data-state', 'ready')
  await expect(sky).toHaveAttribute('data-footprints', String(footprints))
  await expect(page.locator('.sky-host')).toHaveAttribute('data-drawn', /\d+/)
  await page.waitForTimeout(300)
}

test.describe('search and sky explorer', () => {
  test('resolves a name, searches ObsCore, links footprints and rows both ways, and restores it all from the URL', async ({ page, context, watch }) => {
    await withLocalResolver(page)
    await page.goto('/search?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('NGC 6397')
    await page.getByRole('textbox', { name: 'Radius' }).fill('6')
    await expect(page.getByRole('status', { name: 'Resolved position' })).toContainText('265.17540 -53.67430')
    await expect(page.getByRole('status', { name: 'Resolved position' })).toContainText('Simbad: NGC 6397')
    const adql = "SELECT *\nFROM ivoa.ObsCore\nWHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.1754, -53.6743, 0.1)) = 1"
    await expect(page.getByTestId('search-adql')).toHaveText(adql)
    await page.getByRole('button', { name: 'Search' }).click()

    const expected = (await archiveCsv(adql.replace('*', 'obs_publisher_did'))).slice(1).map((r) => r[0]!)
    expect(expected.length).toBeGreaterThan(3)
    await expect(page.getByTestId('search-status')).toHaveText(`${expected.length} rows`)
    await expect(page.getByTestId('result-grid').locator('.ag-row').first()).toBeVisible()
    await skyReady(page, expected.length)

    const host = page.locator('.sky-host')
    const [footprintPixels0, selectedPixels0] = [sum((await countColours(page, host, PALETTE)).slice()), (await countColours(page, host, [SELECTED]))[0]!]
    await host.screenshot({ path: 'test-results/screenshots/search-sky-footprints.png' })
    expect(footprintPixels0, 'footprint outlines are drawn').toBeGreaterThan(300)
    expect(selectedPixels0).toBe(0)

    // click the sky at the target: every footprint that contains it is selected, and their rows
    const inside = (await archiveCsv(`SELECT obs_publisher_did FROM ivoa.ObsCore WHERE CONTAINS(POINT('ICRS', ${NGC6397.ra}, ${NGC6397.dec}), s_region) = 1`)).slice(1).map((r) => r[0]!)
    expect(inside.length).toBeGreaterThan(0)
    const box = (await host.boundingBox())!
    const at = await skyPixel(page, NGC6397.ra, NGC6397.dec)
    await page.mouse.click(at.x, at.y)
    await expect(page.getByText(`${expected.length} rows · ${inside.length} selected`)).toBeVisible()
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')?.split('|').sort()).toEqual([...inside].sort())
    await expect(page.getByTestId('result-grid').locator('.ag-row-selected')).not.toHaveCount(0)
    await page.waitForTimeout(200)
    expect((await countColours(page, host, [SELECTED]))[0], 'selected footprints are highlighted').toBeGreaterThan(200)
    await host.screenshot({ path: 'test-results/screenshots/search-sky-clicked.png' })

    // Ctrl+click on empty sky (above the zoom buttons, which take their own clicks) adds nothing; a plain click there clears the selection
    await page.keyboard.down('Control')
    await page.mouse.click(box.x + 20, box.y + box.height - 70)
    await page.keyboard.up('Control')
    await expect(page.getByText(`${expected.length} rows · ${inside.length} selected`)).toBeVisible()
    await page.mouse.click(box.x + 20, box.y + box.height - 70)
    await expect(page.getByText(`${expected.length} rows · ${inside.length} selected`)).toHaveCount(0)
    await page.waitForTimeout(200)
    expect((await countColours(page, host, [SELECTED]))[0]).toBe(0)

    // selecting a row in the grid highlights its footprint (and pans to it)
    const row = page.getByTestId('result-grid').locator('.ag-row[row-index="0"]')
    await row.locator('.ag-cell').nth(1).click()
    await expect(page.getByText(`${expected.length} rows · 1 selected`)).toBeVisible()
    await page.waitForTimeout(400)
    expect((await countColours(page, host, [SELECTED]))[0], 'the row footprint is highlighted').toBeGreaterThan(50)
    await host.screenshot({ path: 'test-results/screenshots/search-sky-row-selected.png' })
    const sel = new URL(page.url()).searchParams.get('sel')
    expect(sel).toBeTruthy()
    expect(expected).toContain(sel)

    // the shared URL gives the same search, results and selection in a new page
    const shared = await context.newPage()
    await withLocalResolver(shared)
    await shared.goto(page.url())
    await expect(shared.getByRole('textbox', { name: 'Target' })).toHaveValue('NGC 6397')
    await expect(shared.getByTestId('search-status')).toHaveText(`${expected.length} rows`)
    await expect(shared.getByText(`${expected.length} rows · 1 selected`)).toBeVisible()
    await skyReady(shared, expected.length)
    expect((await countColours(shared, shared.locator('.sky-host'), [SELECTED]))[0]).toBeGreaterThan(50)
    await shared.close()

    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('takes sexagesimal and galactic coordinates, CONTAINS mode and filters, with back/forward', async ({ page, watch }) => {
    await page.goto('/search?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('17:40:42.1 -53:40:27')
    await page.getByLabel('target inside footprint').check()
    await page.getByRole('combobox', { name: 'Product type' }).selectOption('image')
    await expect(page.getByTestId('search-adql')).toContainText("CONTAINS(POINT('ICRS', 265.175416667, -53.6741666667), s_region) = 1")
    await expect(page.getByTestId('search-adql')).toContainText("dataproduct_type = 'image'")
    await page.getByRole('button', { name: 'Search' }).click()
    const expected = await archiveCsv("SELECT obs_publisher_did FROM ivoa.ObsCore WHERE CONTAINS(POINT('ICRS', 265.175416667, -53.6741666667), s_region) = 1 AND dataproduct_type = 'image'")
    await expect(page.getByTestId('search-status')).toHaveText(`${expected.length - 1} rows`)

    // a second search, then back to the first
    await page.getByRole('textbox', { name: 'Target' }).fill('l=338.17 b=-11.96')
    await expect(page.getByRole('status', { name: 'Resolved position' })).toContainText('galactic')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL(/l%3D338\.17|l=338\.17/)
    await page.goBack()
    await expect(page.getByRole('textbox', { name: 'Target' })).toHaveValue('17:40:42.1 -53:40:27')
    await expect(page.getByTestId('search-status')).toHaveText(`${expected.length - 1} rows`)

    await page.getByRole('button', { name: 'Open in ADQL editor' }).click()
    await expect(page).toHaveURL(/\/adql\?/)
    await expect(page.getByRole('textbox', { name: 'ADQL query' })).toContainText('CONTAINS(POINT')
    expect(watch.pageErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('draws a circle on the sky to set the search region, counts first, and searches it', async ({ page, watch }) => {
    await page.goto('/search?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('265.1754 -53.6743')
    await page.getByRole('textbox', { name: 'Radius' }).fill('6')
    await page.getByRole('button', { name: 'Search' }).click()
    const first = (await archiveCsv("SELECT obs_publisher_did FROM ivoa.ObsCore WHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.1754, -53.6743, 0.1)) = 1")).length - 1
    await expect(page.getByTestId('search-count')).toHaveText(`${first} matching rows`)
    await expect(page.getByTestId('search-status')).toHaveText(`${first} rows`)
    await expect(page.getByTestId('search-truncation')).toHaveCount(0)
    await skyReady(page, first)

    // press-drag from the new centre out to its edge
    const want = { ra: 265.25, dec: -53.6, radius: 0.04 }
    const draw = page.getByRole('button', { name: 'Draw circle' })
    await draw.click()
    await expect(draw).toHaveAttribute('aria-pressed', 'true')
    const from = await skyPixel(page, want.ra, want.dec)
    const to = await skyPixel(page, want.ra, want.dec + want.radius)
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 })
    await page.mouse.move(to.x, to.y, { steps: 3 })
    await page.mouse.up()
    await expect(draw).toHaveAttribute('aria-pressed', 'false')

    // the form and the (shareable) URL hold the drawn circle
    await expect.poll(() => new URL(page.url()).searchParams.get('target')).not.toBe('265.1754 -53.6743')
    const url = new URL(page.url())
    const [ra, dec] = url.searchParams.get('target')!.split(/\s+/).map(Number) as [number, number]
    const radius = Number(/^([\d.]+) arcmin$/.exec(url.searchParams.get('radius')!)![1]) / 60
    expect(Math.abs(ra - want.ra)).toBeLessThan(0.005)
    expect(Math.abs(dec - want.dec)).toBeLessThan(0.003)
    expect(Math.abs(radius - want.radius)).toBeLessThan(0.004)
    expect(url.searchParams.get('go')).toBe('1')
    await expect(page.getByRole('textbox', { name: 'Target' })).toHaveValue(url.searchParams.get('target')!)
    await expect(page.getByRole('textbox', { name: 'Radius' })).toHaveValue(url.searchParams.get('radius')!)

    // a new search ran on exactly that circle: the archive gives the same rows
    await expect(page.getByTestId('search-adql')).toHaveText(/INTERSECTS\(s_region, CIRCLE\('ICRS', 265\.2\d*, -53\.[56]\d*, 0\.0\d+\)\) = 1/)
    const adql = await page.getByTestId('search-adql').innerText()
    const rows = (await archiveCsv(adql.replace('*', 's_ra, s_dec, s_fov'))).slice(1)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).not.toBe(first)
    await expect(page.getByTestId('search-count')).toHaveText(`${rows.length} matching rows`)
    await expect(page.getByTestId('search-status')).toHaveText(`${rows.length} rows`)
    await skyReady(page, rows.length)
    // every row's footprint reaches the circle: its centre is within the radius plus its own size
    const RAD = Math.PI / 180
    for (const [sra, sdec, fov] of rows.map((r) => r.map(Number))) {
      const d = Math.acos(Math.sin(dec * RAD) * Math.sin(sdec! * RAD) + Math.cos(dec * RAD) * Math.cos(sdec! * RAD) * Math.cos((sra! - ra) * RAD)) / RAD
      expect(d).toBeLessThan(radius + (fov || 1))
    }
    // the circle is drawn
    const host = page.locator('.sky-host')
    await host.screenshot({ path: 'test-results/screenshots/search-sky-drawn-circle.png' })
    expect((await countColours(page, host, [CONE]))[0], 'the drawn circle is outlined').toBeGreaterThan(40)

    // the URL alone restores it
    await page.goto(page.url())
    await expect(page.getByTestId('search-status')).toHaveText(`${rows.length} rows`)
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('draws a polygon on the sky and searches the footprints meeting it', async ({ page, watch }) => {
    await page.goto('/search?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('265.1754 -53.6743')
    await page.getByRole('textbox', { name: 'Radius' }).fill('6')
    await page.getByRole('button', { name: 'Search' }).click()
    const first = (await archiveCsv("SELECT obs_publisher_did FROM ivoa.ObsCore WHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.1754, -53.6743, 0.1)) = 1")).length - 1
    await expect(page.getByTestId('search-status')).toHaveText(`${first} rows`)
    await skyReady(page, first)

    const want: [number, number][] = [[265.2, -53.64], [265.3, -53.64], [265.3, -53.58]]
    const draw = page.getByRole('button', { name: 'Draw polygon' })
    await draw.click()
    await expect(draw).toHaveAttribute('aria-pressed', 'true')
    const pixels = []
    for (const [ra, dec] of want) pixels.push(await skyPixel(page, ra, dec))
    for (const p of pixels) {
      await page.mouse.click(p.x, p.y)
      await page.waitForTimeout(150)
    }
    await page.mouse.move(pixels[0]!.x + 20, pixels[0]!.y + 10, { steps: 2 })
    await page.waitForTimeout(150)
    await page.locator('.sky-host').screenshot({ path: 'test-results/screenshots/search-sky-drawing-polygon.png' })
    await page.mouse.click(pixels[0]!.x + 2, pixels[0]!.y + 1)
    await expect(draw).toHaveAttribute('aria-pressed', 'false')

    await expect.poll(() => new URL(page.url()).searchParams.get('polygon')).toBeTruthy()
    const got = new URL(page.url()).searchParams.get('polygon')!.split(' ').map(Number)
    expect(got).toHaveLength(6)
    want.forEach(([ra, dec], i) => {
      expect(Math.abs(got[2 * i]! - ra)).toBeLessThan(0.005)
      expect(Math.abs(got[2 * i + 1]! - dec)).toBeLessThan(0.003)
    })
    await expect(page.getByRole('textbox', { name: 'Polygon' })).toHaveValue(got.join(' '))
    await expect(page.getByTestId('search-adql')).toHaveText(/^SELECT \*\nFROM ivoa\.ObsCore\nWHERE INTERSECTS\(s_region, POLYGON\('ICRS', 265\.2[\d.]*, -53\.6[\d.]*, [^)]*\)\) = 1$/)
    const adql = await page.getByTestId('search-adql').innerText()
    const rows = (await archiveCsv(adql.replace('*', 'obs_publisher_did'))).slice(1)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).not.toBe(first)
    await expect(page.getByTestId('search-count')).toHaveText(`${rows.length} matching rows`)
    await expect(page.getByTestId('search-status')).toHaveText(`${rows.length} rows`)
    await skyReady(page, rows.length)
    const host = page.locator('.sky-host')
    await host.screenshot({ path: 'test-results/screenshots/search-sky-polygon.png' })
    expect((await countColours(page, host, [CONE]))[0], 'the polygon is outlined').toBeGreaterThan(40)

    // shareable; clearing the polygon goes back to the target cone
    await page.goto(page.url())
    await expect(page.getByTestId('search-status')).toHaveText(`${rows.length} rows`)
    await page.getByRole('button', { name: 'Clear' }).click()
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByTestId('search-status')).toHaveText(`${first} rows`)
    expect(new URL(page.url()).searchParams.get('polygon')).toBeNull()
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('announces truncation from the count and offers to raise MAXREC', async ({ page, watch }) => {
    const adql = "SELECT *\nFROM ivoa.ObsCore\nWHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.1754, -53.6743, 0.1)) = 1"
    const n = (await archiveCsv(adql.replace('*', 'obs_publisher_did'))).length - 1
    expect(n).toBeGreaterThan(10)
    await page.goto('/search?profile=local&target=265.1754+-53.6743&radius=6&go=1&maxrec=10')
    await expect(page.getByTestId('search-adql')).toHaveText(adql)
    await expect(page.getByTestId('search-count')).toHaveText(`${n} matching rows`)
    const banner = page.getByTestId('search-truncation')
    await expect(banner).toContainText(`${n} rows match, more than the limit of 10: only the first 10 are fetched`)
    await expect(page.getByTestId('search-status')).toHaveText('10 rows (truncated at 10; narrow the search)')
    await banner.getByRole('button', { name: `Fetch up to ${n} rows` }).click()
    await expect(page).toHaveURL(new RegExp(`maxrec=${n}`))
    await expect(page.getByTestId('search-status')).toHaveText(`${n} rows`)
    await expect(banner).toHaveCount(0)
    expect(watch.pageErrors).toEqual([])
    expect(watch.consoleErrors).toEqual([])
  })

  test('says when a name is unknown', async ({ page }) => {
    await withLocalResolver(page)
    await page.goto('/search?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('xyzzy nowhere')
    await expect(page.getByRole('alert').filter({ hasText: /xyzzy|not found|Nothing/i })).toBeVisible()
  })
})

test('an unreachable sky survey (ESO profile, offline) is announced once instead of flooding errors', async ({ page, watch }) => {
  await page.goto('/search?profile=eso')
  await expect(page.getByRole('status').filter({ hasText: 'cannot be reached' })).toContainText('alasky.cds.unistra.fr/DSS/DSSColor')
  // the sky still works without a survey
  await expect(page.getByRole('button', { name: 'Draw circle' })).toBeVisible()
  await page.waitForTimeout(2000)
  expect(watch.pageErrors).toEqual([])
  // the one probe of the survey's properties, and nothing after it
  expect(watch.externalRequests.filter((u) => u.includes('alasky'))).toHaveLength(1)
})
