import { spawn, type ChildProcess } from 'node:child_process'
import type { Locator, Page } from '@playwright/test'
import { test, expect, archiveCsv } from './fixtures'

const SESAME_PORT = Number(process.env.SESAME_PORT ?? 18090)
const SESAME_URL = `http://127.0.0.1:${SESAME_PORT}/cgi-bin/nph-sesame`
const NGC6397 = { ra: 265.1754, dec: -53.6743 }
// footprint palette, selection and cone colours of src/components/sky (palette.ts, renderer.ts)
const PALETTE = ['#ff5a5a', '#4da3ff', '#5ad15a', '#ff9f40', '#c77dff', '#ff6ec7', '#2ec4b6', '#b5e550', '#e07a5f', '#8f94ff', '#9aa0a6']
const SELECTED = '#ffd400'

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

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))

/** Pixels of each colour (±tolerance per channel) in a screenshot, decoded in the page with Image + canvas. */
async function countColours(page: Page, target: Locator, colours: string[], tolerance = 24): Promise<number[]> {
  const png = (await target.screenshot()).toString('base64')
  return page.evaluate(
    async ({ png, colours, tolerance }) => {
      const img = new Image()
      img.src = `data:image/png;base64,${png}`
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.width
      canvas.height = img.height
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const d = ctx.getImageData(0, 0, img.width, img.height).data
      const counts = colours.map(() => 0)
      for (let i = 0; i < d.length; i += 4) {
        for (let k = 0; k < colours.length; k++) {
          const c = colours[k]!
          if (Math.abs(d[i]! - c[0]!) <= tolerance && Math.abs(d[i + 1]! - c[1]!) <= tolerance && Math.abs(d[i + 2]! - c[2]!) <= tolerance) {
            counts[k]!++
            break
          }
        }
      }
      return counts
    },
    { png, colours: colours.map(rgb), tolerance },
  )
}

/** Viewport position of a sky position, from the Aladin view inside SkyView. */
async function skyPixel(page: Page, ra: number, dec: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ ra, dec }) => {
      const host = document.querySelector('.sky-host') as HTMLElement & { __sky: { aladin: { world2pix(ra: number, dec: number): [number, number] } } }
      const [x, y] = host.__sky.aladin.world2pix(ra, dec)
      const r = host.querySelector('.sky-aladin')!.getBoundingClientRect()
      return { x: r.left + x, y: r.top + y }
    },
    { ra, dec },
  )
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

    // Ctrl+click on empty sky adds nothing; a plain click there clears the selection
    await page.keyboard.down('Control')
    await page.mouse.click(box.x + 20, box.y + box.height - 20)
    await page.keyboard.up('Control')
    await expect(page.getByText(`${expected.length} rows · ${inside.length} selected`)).toBeVisible()
    await page.mouse.click(box.x + 20, box.y + box.height - 20)
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

  test('says when a name is unknown', async ({ page }) => {
    await withLocalResolver(page)
    await page.goto('/search?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('xyzzy nowhere')
    await expect(page.getByRole('alert').filter({ hasText: /xyzzy|not found|Nothing/i })).toBeVisible()
  })
})
