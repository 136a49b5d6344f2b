import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { usePrivateSesame, withPrivateResolver } from './sesame'
import { test, expect, ARCHIVE, countColours } from './fixtures'

const OUT = process.env.E2E_OUT ?? '.tmp'
usePrivateSesame()
// first two line colours of src/components/plot/SpectrumPlot.tsx, and the first one's error band over white (22 % alpha)
const LINE_1 = '#0b5cad'
const LINE_2 = '#d1495b'
const BAND_1 = '#c9dbed'
const DARK_LINE_1 = '#7fb8ff'
const DARK_LINE_2 = '#ff8a9a'

/** Selects grid rows by the text of one of their cells (Ctrl adds to the selection). */
async function selectRows(page: Page, texts: string[]) {
  for (const [i, t] of texts.entries()) {
    await page.getByTestId('result-grid').locator('.ag-row', { hasText: t }).first().locator('.ag-cell').first().click({ modifiers: i ? ['ControlOrMeta'] : [] })
  }
}

async function spectraStatus(page: Page, text: string | RegExp) {
  await expect(page.getByTestId('spectra-status')).toHaveText(text)
}

test.describe('spectral search and spectrum viewer', () => {
  test('finds a spectrum by target name, plots it with its error band and labelled axes, zooms, pans and downloads it', async ({ page, watch }) => {
    await withPrivateResolver(page)
    await page.goto('/spectra?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('NGC 6397')
    await page.getByRole('textbox', { name: 'Diameter' }).fill('1')
    await expect(page.getByRole('status', { name: 'Resolved position' })).toContainText('Simbad: NGC 6397')
    await page.getByRole('textbox', { name: 'Wavelength from' }).fill('500')
    await page.getByRole('textbox', { name: 'Wavelength to' }).fill('700')
    await page.getByRole('button', { name: 'Search spectra' }).click()
    await spectraStatus(page, '1 spectrum')
    // the spectrum's position is a marker on the sky; clicking it selects its row
    const sky = page.getByTestId('sky-view')
    await expect(sky).toHaveAttribute('data-state', 'ready')
    await expect(sky).toHaveAttribute('data-footprints', '1')
    // its marker is coloured by its instrument, named in the legend (collection and target to choose from)
    await expect(page.getByLabel('Footprint colours')).toContainText('XSHOOTER (1)')
    const colourBy = page.getByRole('combobox', { name: 'Colour footprints by' })
    await colourBy.selectOption({ label: 'target' })
    await expect(page.getByLabel('Footprint colours')).toContainText('NGC 6397 star 1 (1)')
    await colourBy.selectOption({ label: 'instrument' })
    await expect(page.locator('.sky-host')).toHaveAttribute('data-drawn', /\d+/)
    await page.waitForTimeout(300)
    const marker = await page.evaluate(() => {
      const host = document.querySelector('.sky-host') as HTMLElement & { __sky: { aladin: { world2pix(ra: number, dec: number): [number, number] } } }
      const [x, y] = host.__sky.aladin.world2pix(265.176, -53.674)
      const r = host.querySelector('.sky-aladin')!.getBoundingClientRect()
      return { x: r.left + x, y: r.top + y }
    })
    await page.mouse.click(marker.x, marker.y)
    await expect(page.getByText('1 row · 1 selected')).toBeVisible()
    // every parameter is in the URL, BAND as typed with its unit
    const url = new URL(page.url())
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ target: 'NGC 6397', size: '1', wmin: '500', wmax: '700', go: '1' })

    await page.getByRole('button', { name: 'Plot selected' }).click()
    const legend = page.getByTestId('spectrum-legend-item')
    await expect(legend).toHaveCount(1)
    await expect(legend).toContainText('1,500 points · Å · erg·cm⁻²·s⁻¹·Å⁻¹ · with errors')
    const plot = page.getByTestId('spectrum-plot')
    await expect(plot).toHaveAttribute('data-points', '1500')
    await expect(plot).toHaveAttribute('aria-label', 'Flux [erg·cm⁻²·s⁻¹·Å⁻¹] against Wavelength [Å]')
    await expect(plot.locator('canvas')).toBeVisible()
    await page.waitForTimeout(200)
    await page.locator('.spectrum-section').screenshot({ path: `${OUT}/spectrum-one.png` })
    const [line, band] = await countColours(page, plot, [LINE_1, BAND_1], 10)
    expect(line).toBeGreaterThan(400)
    expect(band).toBeGreaterThan(2000)

    // the values under the cursor: wavelength, flux ± error
    const box = (await plot.locator('.u-over').boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await expect(page.getByTestId('spectrum-cursor')).toHaveText(/^λ 78\d\d\.\d+ Å\s+ADP\.2021-05-20T14:40:06\.006: [\d.]+e-14 ± [\d.]+e-15$/)
    await page.mouse.move(0, 0)

    // zoom in halves the wavelength range, panning shifts it, reset restores it
    const range = page.getByTestId('spectrum-range')
    const span = async () => {
      const [lo, hi] = (await range.innerText()).split(' – ').map((s) => parseFloat(s))
      return { lo: lo!, hi: hi!, width: hi! - lo! }
    }
    await expect(range).toHaveText(/^5500 – 10200 Å$/)
    const full = await span()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(async () => (await span()).width).toBeCloseTo(full.width / 2, 0)
    const zoomed = await span()
    await page.getByRole('button', { name: 'Pan to longer wavelengths' }).click()
    await expect.poll(async () => (await span()).lo).toBeCloseTo(zoomed.lo + zoomed.width / 4, 0)
    await page.getByRole('button', { name: 'Reset zoom' }).click()
    await expect(range).toHaveText(/^5500 – 10200 Å$/)

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: /^Download ADP\.2021-05-20T14:40:06\.006/ }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('ADP.2021-05-20T14_40_06.006.fits')
    const bytes = readFileSync((await file.path())!)
    const original = new Uint8Array(await (await fetch(`${ARCHIVE}/getproduct/eso/data/spec/ADP.2021-05-20T14_40_06.006.fits`)).arrayBuffer())
    expect(bytes.length).toBe(original.length)
    expect(bytes.subarray(0, 30).toString('latin1')).toMatch(/^SIMPLE {2}=\s+T/)

    // the selected spectrum's DataLink opens over the view, which stays as it was
    await page.getByRole('button', { name: 'Open DataLink' }).click()
    const drawer = page.getByRole('complementary', { name: 'DataLink panel' })
    await expect(drawer.getByRole('group', { name: 'The file itself' })).toContainText('application/fits')
    await expect(drawer).toContainText('XSHOOTER.2021-05-05T05:43:30.000')
    await expect(legend).toHaveCount(1)
    expect(watch.consoleErrors).toEqual([])
    expect(watch.pageErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('overlays a second spectrum, removes one, survives a reload, and says why the embargoed one cannot be shown', async ({ page, watch }) => {
    await page.goto('/spectra?profile=local')
    // DaCHS takes SIZE as the radius: 80° around the south pole holds all three spectra
    await page.getByRole('textbox', { name: 'Target' }).fill('0 -90')
    await page.getByRole('textbox', { name: 'Diameter' }).fill('80 deg')
    await page.getByRole('button', { name: 'Search spectra' }).click()
    await spectraStatus(page, '3 spectra')
    await expect(page.getByTestId('sky-view')).toHaveAttribute('data-footprints', '3')

    await selectRows(page, ['ADP.2018-11-02T11:30:05.005', 'ADP.2021-05-20T14:40:06.006'])
    await page.getByRole('button', { name: 'Plot selected' }).click()
    const legend = page.getByTestId('spectrum-legend-item')
    await expect(legend).toHaveCount(2)
    await expect(legend.nth(0)).toContainText('ADP.2018-11-02T11:30:05.005 · HD 10700')
    await expect(legend.nth(0)).toContainText('2,000 points')
    await expect(legend.nth(1)).toContainText('1,500 points')
    const plot = page.getByTestId('spectrum-plot')
    // both spectra on one wavelength axis (4800–6800 Å and 5500–10200 Å, no shared samples)
    await expect(plot).toHaveAttribute('data-points', '3500')
    await expect(page.getByTestId('spectrum-range')).toHaveText(/^4800 – 10200 Å$/)
    await page.waitForTimeout(200)
    await page.locator('.spectrum-section').screenshot({ path: `${OUT}/spectrum-overlay.png` })
    const [one, two] = await countColours(page, plot, [LINE_1, LINE_2], 10)
    expect(one).toBeGreaterThan(300)
    expect(two).toBeGreaterThan(300)
    await page.screenshot({ path: `${OUT}/spectra-view.png`, fullPage: true })

    // the dark theme redraws the plot in its own line colours
    await page.getByRole('button', { name: 'Switch to dark theme' }).click()
    await expect.poll(async () => (await countColours(page, plot, [DARK_LINE_1, DARK_LINE_2], 10)).every((n) => n > 300)).toBe(true)
    await page.locator('.spectrum-section').screenshot({ path: `${OUT}/spectrum-overlay-dark.png` })
    await page.getByRole('button', { name: 'Switch to light theme' }).click()

    // the plotted spectra are in the URL: a reload shows the same overlay
    expect(new URL(page.url()).searchParams.get('plot')).toBe('ivo://eso.localtest/ID?ADP.2018-11-02T11:30:05.005|ivo://eso.localtest/ID?ADP.2021-05-20T14:40:06.006')
    await page.reload()
    await expect(legend).toHaveCount(2)
    await expect(plot).toHaveAttribute('data-points', '3500')
    await expect(page.getByRole('textbox', { name: 'Diameter' })).toHaveValue('80 deg')

    await page.getByRole('button', { name: /^Remove ADP\.2018-11-02T11:30:05\.005/ }).click()
    await expect(legend).toHaveCount(1)
    await expect(plot).toHaveAttribute('data-points', '1500')
    const [gone] = await countColours(page, plot, [LINE_2], 10)
    expect(gone).toBe(0)

    // the embargoed spectrum: a clear refusal in its legend entry, the other plot stays
    await selectRows(page, ['ADP.2019-01-15T15:50:07.007'])
    await page.getByRole('button', { name: 'Plot selected' }).click()
    await expect(legend).toHaveCount(2)
    await expect(legend.nth(1).getByRole('alert')).toContainText('HTTP 401')
    await expect(plot).toHaveAttribute('data-points', '1500')
    expect(watch.pageErrors).toEqual([])
    expect(watch.externalRequests).toEqual([])
  })

  test('refuses bad form input field by field and keeps what was typed', async ({ page }) => {
    await page.goto('/spectra?profile=local')
    await page.getByRole('textbox', { name: 'Target' }).fill('265.176 -53.674')
    await page.getByRole('textbox', { name: 'Wavelength from' }).fill('700')
    await page.getByRole('textbox', { name: 'Wavelength to' }).fill('600')
    await page.getByRole('textbox', { name: 'Observed from' }).fill('last week')
    await page.getByRole('textbox', { name: 'MAXREC' }).fill('0')
    await page.getByRole('button', { name: 'Search spectra' }).click()
    await expect(page.getByText('The longest wavelength is below the shortest')).toBeVisible()
    await expect(page.getByText(/"last week" is neither a date/)).toBeVisible()
    await expect(page.getByText(/MAXREC must be a whole number/)).toBeVisible()
    await spectraStatus(page, 'Fill in the form and press Search spectra')
    await expect(page.getByRole('textbox', { name: 'Observed from' })).toHaveValue('last week')
  })

  test('a file that is not FITS gets a clear message in its legend entry, and the page goes on', async ({ page }) => {
    // injected fault: the archive answers the spectrum's URL with an HTML page
    await page.route('**/spec/ADP.2021-05-20T14_40_06.006.fits', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>Maintenance</body></html>' }))
    await page.goto('/spectra?profile=local&target=265.176%20-53.674&size=1&go=1')
    await spectraStatus(page, '1 spectrum')
    await selectRows(page, ['ADP.2021-05-20T14:40:06.006'])
    await page.getByRole('button', { name: 'Plot selected' }).click()
    const alert = page.getByTestId('spectrum-legend-item').getByRole('alert')
    await expect(alert).toContainText('could not be read as a spectrum')
    await expect(alert).toContainText('Not a FITS file: it starts with "<!DOCTYPE html><html><body>Mai", not SIMPLE =')
    await expect(page.getByTestId('spectrum-plot')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Search spectra' })).toBeEnabled()
    // the archive is back: Retry fetches the file again and plots it
    await page.unrouteAll()
    await page.getByRole('button', { name: 'Retry ADP.2021-05-20T14:40:06.006 · NGC 6397 star 1 · XSHOOTER' }).click()
    await expect(page.getByTestId('spectrum-plot')).toBeVisible()
    await expect(alert).toHaveCount(0)
    await expect(page.getByTestId('spectrum-legend-item')).toContainText('points')
  })
})
