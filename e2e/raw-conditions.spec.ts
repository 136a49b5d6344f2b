import type { Page } from '@playwright/test'
import { test, expect, ARCHIVE, archiveCsv } from './fixtures'
import { usePrivateSesame, withPrivateResolver } from './sesame'

usePrivateSesame()
const SHOTS = 'test-results/screenshots'
const SCIENCE = ['FORS2.2021-05-04T05:10:01.000', 'FORS2.2021-05-04T05:10:51.000', 'FORS2.2021-05-04T05:11:41.000']
const grid = (page: Page) => page.getByTestId('result-grid')

async function selectRows(page: Page, texts: string[]) {
  for (const [i, t] of texts.entries()) {
    await grid(page).locator('.ag-row', { hasText: t }).first().locator('.ag-cell').nth(6).click({ modifiers: i ? ['ControlOrMeta'] : [] })
  }
}

/** The grid's header labels, in the order shown. */
async function headers(page: Page): Promise<string[]> {
  return (await grid(page).locator('.ag-header-cell-text, .ag-header-cell-label span').allInnerTexts()).map((s) => s.trim()).filter(Boolean)
}

test.describe('raw frames as ESO users search them', () => {
  test('programme, PI/CoI, OB, object, period and night fields make the ADQL and find the frames', async ({ page, watch }) => {
    await page.goto('/search?profile=local')
    await page.getByLabel('Raw frames').check()
    const fields = page.getByRole('group', { name: 'Raw frame fields' })
    await fields.getByRole('textbox', { name: 'Programme ID' }).fill('105.20AB.001')
    await fields.getByRole('textbox', { name: 'PI/CoI' }).fill('jansen')
    await fields.getByRole('textbox', { name: 'OB name' }).fill('OB_NGC*')
    await fields.getByRole('textbox', { name: 'Object' }).fill('NGC 6397')
    await fields.getByRole('textbox', { name: 'Period' }).fill('104-106')
    await fields.getByRole('textbox', { name: 'Night' }).fill('2021-05-03')
    await fields.getByRole('textbox', { name: 'Type' }).fill('OBJECT')
    await fields.getByRole('textbox', { name: 'Technique' }).fill('IMAGE')
    await page.getByRole('combobox', { name: 'Category' }).selectOption('SCIENCE')
    const where = [
      "dp_cat = 'SCIENCE'", "prog_id LIKE '105.20AB.001%'", "LOWER(pi_coi) LIKE '%jansen%'", "ob_name LIKE 'OB_NGC%'", "object = 'NGC 6397'",
      "dp_type = 'OBJECT'", "dp_tech = 'IMAGE'", 'period BETWEEN 104 AND 106', "date_obs >= '2021-05-03T12:00:00'", "date_obs < '2021-05-04T12:00:00'",
    ]
    await expect(page.getByTestId('search-adql')).toHaveText(`SELECT *\nFROM dbo.raw\nWHERE ${where.join('\n  AND ')}`)
    await page.getByRole('button', { name: 'Search' }).click()
    const expected = (await archiveCsv(`SELECT dp_id FROM dbo.raw WHERE ${where.join(' AND ')}`)).slice(1).map((r) => r[0])
    expect(expected.sort()).toEqual(SCIENCE)
    await expect(page.getByTestId('search-status')).toHaveText('3 rows')
    // ESO's raw-frame order: id, object, position, instrument, category/type/technique, time, programme, PI, OB, release
    // (the count can show before the grid has drawn its header: wait for the grid as a user would)
    await expect(grid(page).locator('.ag-row').first()).toBeVisible()
    await expect.poll(async () => (await headers(page)).includes('dp_id')).toBe(true)
    const h = await headers(page)
    const at = (name: string) => h.findIndex((x) => x === name || x.startsWith(`${name} [`))
    expect(at('dp_id')).toBeGreaterThanOrEqual(0)
    for (const [a, b] of [['dp_id', 'object'], ['object', 'dp_cat'], ['dp_cat', 'dp_type'], ['dp_type', 'dp_tech'], ['prog_id', 'pi_coi'], ['pi_coi', 'ob_name'], ['ob_name', 'ob_id'], ['ob_id', 'release_date']] as const) {
      expect(at(a), `${a} before ${b} in ${h.join(', ')}`).toBeLessThan(at(b))
    }
    await expect(grid(page).getByText('Jansen, P.').first()).toBeVisible()
    await expect(page).toHaveURL(/night=2021-05-03/)
    await page.screenshot({ path: `${SHOTS}/raw-fields.png`, fullPage: true })
    expect(watch.pageErrors).toEqual([])
  })

  test('a release date in the future reads "proprietary until"', async ({ page }) => {
    await withPrivateResolver(page)
    await page.goto('/search?profile=local&target=NGC%206397&radius=6&collection=MUSE&go=1')
    const row = grid(page).locator('.ag-row', { hasText: 'ADP.2015-11-27T00:05:27.711' }).first()
    await expect(row).toContainText(/proprietary until 2031-01-01/)
    await expect(grid(page).locator('.ag-row', { hasText: 'ADP.2023-04-10T13:33:49.977' }).first()).not.toContainText('proprietary')
  })

  test('calibrations for three selected frames: calSelector for each, one script for all files', async ({ page, watch }) => {
    const calselector: string[] = []
    page.on('request', (r) => r.url().includes('/calselector/') && calselector.push(r.url()))
    await page.goto('/search?profile=local&kind=raw&night=2021-05-03&instrument=FORS2&dptype=SCIENCE&go=1')
    await expect(page.getByTestId('search-status')).toHaveText('3 rows')
    const button = page.getByRole('button', { name: /^Calibrations for these frames/ })
    await expect(button).toBeDisabled()
    await selectRows(page, SCIENCE)
    await expect(button).toHaveText('Calibrations for these frames (3)')
    await button.click()
    const dialog = page.getByRole('dialog', { name: 'Calibrations for these frames' })
    await expect(dialog.getByTestId('calibrations-summary')).toContainText('files (frames and calibrations, each once)')
    const script = await dialog.getByRole('textbox', { name: 'Calibrations download script' }).inputValue()
    expect(calselector.length).toBe(3)
    const urls = [...script.matchAll(/^run \d+ '([^']*)'/gm)].map((m) => m[1]!)
    // the three frames and the night's seven calibration frames, each once
    expect(urls.length).toBe(10)
    expect(new Set(urls).size).toBe(10)
    for (const id of SCIENCE) expect(urls).toContain(`${ARCHIVE}/eso/q/files/static/raw/${id.replace(/:/g, '_')}.fits`)
    const bytes = new Uint8Array(await (await fetch(urls[urls.length - 1]!)).arrayBuffer())
    expect(new TextDecoder().decode(bytes.subarray(0, 9))).toBe('SIMPLE  =')
    await dialog.screenshot({ path: `${SHOTS}/raw-calibrations.png` })
    expect(watch.pageErrors).toEqual([])
  })
})

test.describe('observing conditions beside each observation', () => {
  test('median seeing, τ0, PWV, humidity and wind per frame, fetched by night, and the selected frame over time', async ({ page, watch }) => {
    const asm: string[] = []
    page.on('request', (r) => {
      const body = r.postData() ?? ''
      if (/asm\.|asm%2E|ASM/i.test(decodeURIComponent(body.replace(/\+/g, ' '))) && /FROM asm\./.test(decodeURIComponent(body.replace(/\+/g, ' ')))) asm.push(body)
    })
    await page.goto('/search?profile=local&kind=raw&instrument=FORS2&go=1')
    await expect(page.getByTestId('search-status')).toHaveText(/^\d+ rows$/)
    const rows = Number((await page.getByTestId('search-status').innerText()).split(' ')[0])
    await expect(page.getByTestId('conditions-status')).toContainText(/\d+ queries for \d+ observations/, { timeout: 60_000 })
    const status = await page.getByTestId('conditions-status').innerText()
    const queries = Number(/(\d+) queries/.exec(status)![1])
    // batched by night: a few queries per asm table, not one per frame
    expect(queries).toBeLessThanOrEqual(3 * Math.ceil(rows / 24))
    expect(asm.length).toBe(queries)
    expect(asm.length).toBeLessThan(rows)

    // the first science frame's median seeing is the archive's DIMM median during its exposure (± 2.5 min)
    const row = grid(page).locator('.ag-row', { hasText: SCIENCE[0]! }).first()
    await row.scrollIntoViewIfNeeded()
    const seeingCell = row.locator('.ag-cell[col-id="x-seeing"]')
    await expect(seeingCell).toHaveText(/^\d\.\d\d$/)
    const samples = (await archiveCsv("SELECT fwhm FROM asm.dimm_paranal WHERE valid = 1 AND midpoint_date BETWEEN '2021-05-04T05:07:31' AND '2021-05-04T05:12:31'")).slice(1).map((r) => Number(r[0])).sort((a, b) => a - b)
    const m = samples.length % 2 ? samples[samples.length >> 1]! : (samples[samples.length / 2 - 1]! + samples[samples.length / 2]!) / 2
    expect(Number(await seeingCell.innerText())).toBeCloseTo(m, 2)
    for (const c of ['x-tau0', 'x-pwv', 'x-humidity', 'x-wind']) await expect(row.locator(`.ag-cell[col-id="${c}"]`)).toHaveText(/^\d+(\.\d+)?$/)

    await row.locator('.ag-cell').nth(8).click()
    const panel = page.getByRole('region', { name: 'Observing conditions of the selected observation' })
    await expect(panel).toContainText(`Conditions at Paranal around ${SCIENCE[0]}`)
    // five asm series and the airmass
    await expect(panel.getByRole('img')).toHaveCount(6)
    await expect(panel.getByRole('img', { name: /^Seeing \[arcsec\]: \d+ samples, exposure marked$/ })).toBeVisible()
    await expect(panel.getByTestId('exposure-interval')).toHaveCount(6)
    await page.screenshot({ path: `${SHOTS}/raw-conditions.png`, fullPage: true })
    await panel.screenshot({ path: `${SHOTS}/raw-conditions-panel.png` })
    expect(watch.pageErrors).toEqual([])
  })
})

test.describe('airmass and Moon beside each observation', () => {
  // astropy 5.2.1 (builtin ephemeris, no refraction) at mid-exposure, Paranal: see scripts/ephemeris-astropy.py
  // FORS2.2021-05-04T05:10:01 (NGC 6397, header airmass 1.212): Moon 46.0 % lit, 4.36° up, 55.68° from the target
  // FORS2.2021-05-04T02:24:00 (no header airmass; RA 168.05, Dec -40): sec z 1.0825, Moon 47.2 %, -27.05° up, 115.33° away
  test('header airmass or a computed one, Moon illumination and separation per frame, and the selected frame\'s airmass and Moon', async ({ page, watch }) => {
    await page.goto('/search?profile=local&kind=raw&night=2021-05-03&instrument=FORS2&go=1')
    await expect(page.getByTestId('search-status')).toHaveText(/^\d+ rows$/)
    await expect(page.getByTestId('sky-status')).toContainText(/Airmass and Moon for \d+ observations at ESO sites/)
    await expect.poll(async () => (await headers(page)).includes('Moon sep. [°]')).toBe(true)
    const h = await headers(page)
    expect(h.indexOf('Airmass')).toBeGreaterThan(h.indexOf('Wind [m/s]'))
    expect(h.indexOf('Moon illum. [%]')).toBeGreaterThan(h.indexOf('Airmass'))
    expect(h.indexOf('Moon sep. [°]')).toBeGreaterThan(h.indexOf('Moon illum. [%]'))

    const measured = grid(page).locator('.ag-row', { hasText: SCIENCE[0]! }).first()
    await measured.scrollIntoViewIfNeeded()
    // the header's airmass, as measured: no "calc."
    await expect(measured.locator('.ag-cell[col-id="x-airmass"]')).toHaveText('1.21')
    await expect(measured.locator('.ag-cell[col-id="x-moon-illum"]')).toHaveText('46')
    expect(Math.abs(Number(await measured.locator('.ag-cell[col-id="x-moon-sep"]').innerText()) - 55.68)).toBeLessThanOrEqual(0.15)

    const computed = grid(page).locator('.ag-row', { hasText: 'FORS2.2021-05-04T02:24:00.000' }).first()
    await computed.scrollIntoViewIfNeeded()
    await expect(computed.locator('.ag-cell[col-id="x-airmass"]')).toHaveText('1.08 calc.')
    await expect(computed.locator('.ag-cell[col-id="x-moon-illum"]')).toHaveText('47')
    expect(Math.abs(Number(await computed.locator('.ag-cell[col-id="x-moon-sep"]').innerText()) - 115.33)).toBeLessThanOrEqual(0.15)

    // the selected frame: header airmass, computed airmass over the exposure, the Moon
    await measured.scrollIntoViewIfNeeded()
    await measured.locator('.ag-cell').nth(6).click()
    const panel = page.getByRole('region', { name: 'Observing conditions of the selected observation' })
    const facts = panel.getByRole('definition')
    await expect(panel.getByText('Airmass, measured (header TEL.AIRM.START → END)')).toBeVisible()
    await expect(panel.getByTestId('airmass-measured')).toHaveText('1.212 → –')
    await expect(panel.getByTestId('airmass-computed')).toHaveText(/^1\.29\d \(altitude 50\.[34]°\)$/)
    await expect(panel.getByTestId('moon-facts')).toHaveText(/^46% illuminated, altitude 4\.[2-5]°, 55\.[5-8]° from the target$/)
    expect(await facts.count()).toBe(3)
    await expect(panel.getByRole('img', { name: /^Airmass \(line computed, dots header\): \d+ computed points, 1 measured, exposure marked$/ })).toBeVisible()
    await expect(panel.getByTestId('measured-airmass')).toHaveCount(1)
    // the grid scrolled to the new columns for the picture
    await measured.locator('.ag-cell[col-id="x-moon-sep"]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/airmass-moon.png`, fullPage: true })
    await panel.screenshot({ path: `${SHOTS}/airmass-moon-panel.png` })
    expect(watch.pageErrors).toEqual([])
  })
})

test.describe('preview thumbnails', () => {
  test('DataLink #preview images in the grid as blob: images; an SVG preview is named, never shown or run', async ({ page, watch }) => {
    await withPrivateResolver(page)
    // the four FORS2 products at NGC 6397: a file product, two metadata-only ones (PNG, SVG preview) and one without
    await page.goto('/search?profile=local&target=NGC%206397&radius=6&collection=FORS2&go=1')
    await expect(page.getByTestId('search-status')).toHaveText('4 rows')
    const img = grid(page).getByRole('img', { name: 'Preview of ADP.2021-05-10T12:00:01.001' })
    await expect(img).toBeVisible()
    expect(await img.getAttribute('src')).toMatch(/^blob:/)
    // a metadata-only product with a PNG preview through the archive's DataLink
    await expect(grid(page).getByRole('img', { name: 'Preview of ADP.2016-02-09T12:16:50.686' })).toBeVisible()
    const svgRow = grid(page).locator('.ag-row', { hasText: 'ADP.2013-12-24T01:09:14.238' }).first()
    await expect(svgRow.locator('.ag-cell[col-id="x-preview"]')).toHaveText('preview not shown: SVG')
    await expect(grid(page).locator('.ag-row', { hasText: 'ADP.2012-11-06T12:38:33.553' }).first().locator('.ag-cell[col-id="x-preview"]')).toHaveText('no preview')
    expect(await page.evaluate(() => (window as unknown as { __svgRan?: number }).__svgRan)).toBeUndefined()
    expect(await page.locator('svg script, img[src$=".svg"]').count()).toBe(0)
    // the selected row's preview beside the sky
    await grid(page).locator('.ag-row', { hasText: 'ADP.2021-05-10T12:00:01.001' }).first().locator('.ag-cell').nth(3).click()
    const figure = page.getByRole('figure', { name: 'Preview of the selected row' })
    await expect(figure.getByRole('img', { name: 'Preview of ADP.2021-05-10T12:00:01.001' })).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/previews.png`, fullPage: true })
    expect(watch.pageErrors).toEqual([])
  })

  test('only rows on screen load their previews', async ({ page }) => {
    const dl: string[] = []
    page.on('request', (r) => /\/dlmeta\?/.test(r.url()) && dl.push(r.url()))
    await page.goto('/search?profile=local&collection=MUSE&go=1')
    await expect(page.getByTestId('search-status')).toHaveText(/^\d+ rows$/)
    const rows = Number((await page.getByTestId('search-status').innerText()).split(' ')[0])
    expect(rows).toBeGreaterThan(100)
    await expect(grid(page).getByRole('img', { name: /^Preview of / }).first()).toBeVisible()
    await expect.poll(() => dl.length).toBeGreaterThan(0)
    expect(dl.length).toBeLessThan(40)
  })
})
