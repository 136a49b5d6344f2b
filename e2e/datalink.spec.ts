import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect, ARCHIVE, skyPixel } from './fixtures'

const IMAGE = 'ADP.2021-05-10T12:00:01.001'
const CUBE = 'ADP.2020-03-01T10:20:04.004'
const IMAGE_BYTES = 167040
const OUT = process.env.E2E_OUT ?? '.tmp'

/** NAXISn of the primary header of a FITS file, read from its 80-character cards. */
function fitsAxes(bytes: Buffer): { simple: boolean; axes: number[] } {
  const text = bytes.subarray(0, 2880 * 4).toString('latin1')
  const card = (k: string) => {
    for (let i = 0; i + 80 <= text.length; i += 80) {
      const c = text.slice(i, i + 80)
      if (c.slice(0, 8).trim() === k) return c.slice(10).split('/')[0]!.trim()
      if (c.startsWith('END ')) break
    }
    return undefined
  }
  const n = Number(card('NAXIS'))
  return { simple: card('SIMPLE') === 'T', axes: Array.from({ length: n }, (_, i) => Number(card(`NAXIS${i + 1}`))) }
}

async function openPanel(page: Page, dpId: string) {
  await page.goto(`/datalink?profile=local&id=${encodeURIComponent(dpId)}`)
  await expect(page.getByTestId('datalink-panel').getByRole('heading', { level: 3 }).first()).toHaveText(`DataLink of ${dpId}`)
  await expect(page.getByRole('group', { name: 'The file itself' })).toBeVisible()
}


test('a product DataLink tree: preview, progenitors and their calibrations', async ({ page, watch }) => {
  await openPanel(page, IMAGE)
  const preview = page.getByRole('group', { name: 'Previews' }).locator('img.dl-preview')
  await expect(preview).toBeVisible()
  // the archive's preview of this 200×200 image is a PNG of its pixels (not a placeholder)
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && [img.naturalWidth, img.naturalHeight])).toEqual([200, 200])
  const provenance = page.getByRole('group', { name: /Provenance/ })
  await expect(provenance.locator('.dl-entry')).toHaveCount(3)
  await expect(provenance).toContainText('FORS2.2021-05-04T05:10:01.000')
  await provenance.getByRole('button', { name: 'Calibrations' }).first().click()
  const set = provenance.getByTestId('calibration-set')
  await expect(set).toContainText('complete set')
  await expect(set).toContainText('certified')
  await expect(set.getByRole('group', { name: 'Calibrations' }).locator('.dl-entry')).toHaveCount(7)
  await page.screenshot({ path: `${OUT}/datalink-tree.png`, fullPage: true })
  expect(watch.pageErrors).toEqual([])
  expect(watch.consoleErrors).toEqual([])
})

test('a circle drawn on the sky over the footprint cuts a smaller, valid FITS out of the image', async ({ page, watch }) => {
  await openPanel(page, IMAGE)
  await page.getByRole('button', { name: 'Cut out…' }).click()
  const form = page.getByRole('region', { name: 'Cutout' })
  await expect(form.getByRole('textbox', { name: 'ID' })).toHaveValue(`ivo://eso.localtest/ID?${IMAGE}`)
  await expect(form.getByRole('textbox', { name: 'ID' })).toHaveAttribute('readonly', '')
  const sky = form.getByTestId('sky-view')
  await expect(sky).toHaveAttribute('data-state', 'ready')
  await expect(sky).toHaveAttribute('data-footprints', '1')
  // the one outline is the dataset's, named so; nothing here is selected by a click, so no word of it
  await expect(form.getByLabel('Footprint colours')).toContainText(`${IMAGE} (1)`)
  await expect(form.getByTestId('sky-stats')).toHaveText(/^1 footprint ·/)
  await expect(form.getByText('Click a footprint to select')).toHaveCount(0)
  await form.getByRole('button', { name: 'Draw circle' }).click()
  const from = await skyPixel(page, 265.1755, -53.6744)
  const to = await skyPixel(page, 265.1755, -53.6744 + 0.005)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 })
  await page.mouse.move(to.x, to.y, { steps: 3 })
  await page.mouse.up()
  // the drawn circle is in the form, where it can be adjusted
  const radius = form.getByRole('textbox', { name: 'CIRCLE radius', exact: true })
  await expect.poll(async () => Number(await radius.inputValue())).toBeGreaterThan(0.003)
  expect(Number(await radius.inputValue())).toBeLessThan(0.007)
  expect(Math.abs(Number(await form.getByRole('textbox', { name: 'CIRCLE RA', exact: true }).inputValue()) - 265.1755)).toBeLessThan(0.002)
  await page.screenshot({ path: `${OUT}/datalink-cutout-form.png`, fullPage: true })

  const downloading = page.waitForEvent('download')
  await form.getByRole('button', { name: 'Download cutout' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^ADP\.2021-05-10T12.00.01_proc\.fits$/)
  const file = readFileSync((await download.path())!)
  const { simple, axes } = fitsAxes(file)
  expect(simple).toBe(true)
  expect(axes).toHaveLength(2)
  expect(axes[0]!).toBeLessThan(200)
  expect(axes[1]!).toBeLessThan(200)
  expect(file.length).toBeLessThan(IMAGE_BYTES)
  await expect(form.getByTestId('cutout-done')).toContainText(`${axes[0]} × ${axes[1]} pixels`)
  expect(watch.pageErrors).toEqual([])
})

test('a BAND cutout of the MUSE cube, typed in nm, has fewer spectral planes', async ({ page }) => {
  await openPanel(page, CUBE)
  await page.getByRole('button', { name: 'Cut out…' }).click()
  const form = page.getByRole('region', { name: 'Cutout' })
  await expect(form.getByRole('combobox', { name: 'BAND unit' })).toHaveValue('nm')
  await form.getByRole('textbox', { name: 'BAND from' }).fill('640')
  await form.getByRole('textbox', { name: 'BAND to' }).fill('670')
  const downloading = page.waitForEvent('download')
  // the header check goes first, with the same cutout parameters as the data
  const checked = page.waitForRequest((r) => r.url().includes('/dlget?') && r.url().includes('KIND=HEADER'))
  await form.getByRole('button', { name: 'Download cutout' }).click()
  expect(new URL((await checked).url()).searchParams.get('BAND')).toBe('6.4e-7 6.7e-7')
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.fits$/)
  const file = readFileSync((await download.path())!)
  const { simple, axes } = fitsAxes(file)
  expect(simple).toBe(true)
  expect(axes.slice(0, 2)).toEqual([50, 50])
  expect(axes[2]!).toBeGreaterThan(0)
  expect(axes[2]!).toBeLessThan(100)
})

test('an out-of-range value is refused with a clear message and nothing is sent', async ({ page }) => {
  await openPanel(page, CUBE)
  await page.getByRole('button', { name: 'Cut out…' }).click()
  const form = page.getByRole('region', { name: 'Cutout' })
  const soda: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/dlget')) soda.push(r.url())
  })
  await form.getByRole('textbox', { name: 'BAND from' }).fill('900')
  await form.getByRole('textbox', { name: 'BAND to' }).fill('1000')
  await form.getByRole('button', { name: 'Download cutout' }).click()
  await expect(form.getByTestId('cutout-refused')).toContainText("BAND upper limit 1000 nm is above the dataset's maximum 930.4 nm")
  await expect(form.getByRole('textbox', { name: 'BAND to' })).toHaveAttribute('aria-invalid', 'true')
  await form.getByRole('textbox', { name: 'SCALE' }).fill('100')
  await expect(form.getByTestId('cutout-refused')).toContainText("SCALE 100 is above the dataset's maximum 32")
  // what was typed stays, so it can be corrected
  await expect(form.getByRole('textbox', { name: 'BAND from' })).toHaveValue('900')
  await page.waitForTimeout(300)
  expect(soda).toEqual([])
})

test('a parameter of a type the form does not know gets a free-text field that is sent as typed', async ({ page }) => {
  // an injected fault: the archive's descriptor with one more parameter of an unknown xtype
  await page.route(/\/eso\/q\/dl\/dlmeta/, async (route) => {
    const res = await route.fetch()
    const body = (await res.text()).replace('<GROUP name="inputParams">', '<GROUP name="inputParams"><PARAM arraysize="*" datatype="char" name="HEALPIX_ORDER" xtype="x-healpix-moc" value=""><DESCRIPTION>Cells to cut out</DESCRIPTION></PARAM>')
    await route.fulfill({ response: res, body })
  })
  await openPanel(page, IMAGE)
  await page.getByRole('button', { name: 'Cut out…' }).click()
  const form = page.getByRole('region', { name: 'Cutout' })
  const field = form.getByRole('textbox', { name: 'HEALPIX_ORDER' })
  await expect(field).toBeEditable()
  await expect(form.locator('[data-kind="text"]')).toContainText('free text, sent as typed (char [*] xtype x-healpix-moc)')
  await field.fill('8/1234')
  await form.getByRole('textbox', { name: 'CIRCLE RA', exact: true }).fill('265.1755')
  await form.getByRole('textbox', { name: 'CIRCLE Dec', exact: true }).fill('-53.6744')
  await form.getByRole('textbox', { name: 'CIRCLE radius', exact: true }).fill('10')
  await form.getByRole('combobox', { name: 'CIRCLE radius unit' }).selectOption('arcsec')
  const sent = page.waitForRequest((r) => r.url().includes('/dlget?'))
  await form.getByRole('button', { name: 'Download cutout' }).click()
  const url = new URL((await sent).url())
  expect(url.searchParams.get('HEALPIX_ORDER')).toBe('8/1234')
  expect(url.searchParams.get('CIRCLE')).toMatch(/^265\.1755 -53\.6744 0\.00277/)
  // DaCHS refuses the parameter it does not know; its words are shown, not a file
  await expect(form.getByRole('alert')).toContainText('are not accepted by this service: healpix_order')
  await page.screenshot({ path: `${OUT}/datalink-unknown-param.png`, fullPage: true })
})

test('Open DataLink for the selected row: from ADQL results, and from Search with its region in the cutout form', async ({ page }) => {
  await page.goto(`/adql?profile=local&q=${encodeURIComponent(`SELECT dp_id, access_url, access_format FROM ivoa.ObsCore WHERE dp_id = '${IMAGE}'`)}`)
  await page.getByRole('button', { name: 'Run' }).click()
  const open = page.getByRole('button', { name: 'Open DataLink' })
  await expect(open).toBeDisabled()
  await page.getByTestId('result-grid').getByRole('gridcell', { name: IMAGE, exact: true }).click()
  await open.click()
  const drawer = page.getByRole('complementary', { name: 'DataLink panel' })
  await expect(drawer.getByRole('group', { name: 'The file itself' })).toContainText('application/fits')
  expect(new URL(page.url()).searchParams.get('datalink')).toMatch(/\/eso\/q\/dl\/dlmeta\?ID=ivo:\/\/eso\.localtest\/ID\?ADP\.2021-05-10T12:00:01\.001$/)
  // the query and its result are still there underneath
  await expect(page.getByTestId('result-grid')).toContainText(IMAGE)
  await drawer.getByRole('button', { name: 'Close the DataLink panel' }).click()
  await expect(drawer).toHaveCount(0)
  // the row's DataLink URL in the grid opens the panel too, not a tab with the raw VOTable
  await page.getByTestId('result-grid').getByRole('link', { name: /\/eso\/q\/dl\/dlmeta/ }).click()
  await expect(drawer.getByRole('group', { name: 'Previews' })).toBeVisible()
  expect(page.context().pages()).toHaveLength(1)

  await page.goto('/search?profile=local&target=265.1755%20-53.6744&radius=0.3%20arcmin&go=1')
  await page.getByTestId('result-grid').getByRole('gridcell', { name: IMAGE, exact: true }).click()
  await page.getByRole('button', { name: 'Open DataLink' }).click()
  await drawer.getByRole('button', { name: 'Cut out…' }).click()
  const form = drawer.getByRole('region', { name: 'Cutout' })
  await expect(form.getByRole('textbox', { name: 'CIRCLE RA', exact: true })).toHaveValue('265.1755')
  await expect(form.getByRole('textbox', { name: 'CIRCLE radius', exact: true })).toHaveValue('0.005')
  await expect(form.getByTestId('sky-view')).toHaveAttribute('data-state', 'ready')
  await page.screenshot({ path: `${OUT}/datalink-drawer-search.png` })
})

test("ESO's other forms: one link to a sub-DataLink of progenitors (fetched only when opened), error rows, a raw frame's calSelector link, the FITS header", async ({ page }) => {
  const rawDl = `${ARCHIVE}/eso/q/rawdl/dlmeta?ID=ivo://eso.localtest/ID?FORS2.2021-05-04T05:10:01.000`
  // ESO's 2026 form cannot exist here: the archive's document with its inline progenitors replaced by one link to a DataLink, plus an error row
  await page.route(/\/eso\/q\/dl\/dlmeta/, async (route) => {
    const res = await route.fetch()
    const body = (await res.text())
      .replace(/<TR><TD>[^<]*<\/TD><TD>[^<]*<\/TD><TD><\/TD><TD><\/TD><TD>File used to generate[^]*?<\/TR>/g, '')
      .replace('<TABLEDATA>', `<TABLEDATA><TR><TD>ivo://eso.localtest/ID?${IMAGE}</TD><TD>${rawDl.replace(/&/g, '&amp;')}</TD><TD></TD><TD></TD><TD>Link that brings to the actual list of progenitors</TD><TD>#progenitor</TD><TD>application/x-votable+xml</TD><TD>-1</TD><TD></TD></TR><TR><TD>ivo://eso.localtest/ID?${IMAGE}</TD><TD></TD><TD></TD><TD>NotAuthorizedFault: you do not have access permissions</TD><TD></TD><TD>#auxiliary</TD><TD></TD><TD>-1</TD><TD></TD></TR>`)
    await route.fulfill({ response: res, body })
  })
  const rawRequests: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/rawdl/')) rawRequests.push(r.url())
  })
  await openPanel(page, IMAGE)
  await expect(page.getByRole('group', { name: 'Errors' })).toContainText('NotAuthorizedFault: you do not have access permissions')
  const provenance = page.getByRole('group', { name: /Provenance/ })
  await expect(provenance.locator('.dl-entry')).toHaveCount(1)
  expect(rawRequests).toEqual([])
  await provenance.getByRole('button', { name: 'Show the progenitors' }).click()
  // the sub-DataLink is a raw frame's: its own file, its calibrations and the calSelector link
  const sub = provenance.locator('.dl-tree[data-depth="1"]')
  await expect(sub.getByRole('group', { name: 'The file itself' })).toContainText('Requested file')
  expect(rawRequests).toHaveLength(1)
  const calibrations = sub.getByRole('group', { name: 'Calibrations' })
  await calibrations.getByRole('button', { name: 'Show calibrations' }).click()
  await expect(calibrations.getByTestId('calibration-set')).toContainText('Raw2Raw')
  await expect(calibrations.getByTestId('calibration-set')).toContainText('complete set')

  await page.getByRole('group', { name: 'The file itself' }).first().getByRole('button', { name: 'FITS header' }).click()
  const header = page.getByLabel('FITS header')
  await expect(header).toContainText(/^SIMPLE {2}= +T/)
  await expect(header).toContainText(/NAXIS1 {2}= +200/)
  await expect(header).toContainText(/\nEND$/)
  await page.screenshot({ path: `${OUT}/datalink-sub-datalink.png`, fullPage: true })
})

test('an unknown product shows the service’s NotFoundFault as an error', async ({ page }) => {
  await page.goto('/datalink?profile=local&id=ADP.1999-01-01T00:00:00.000')
  await expect(page.getByRole('group', { name: 'Errors' })).toContainText('NotFoundFault')
})

test('a DataLink answer that breaks off is marked partial: the links that came, or "no rows arrived", never "no links"', async ({ page }) => {
  // injected fault: the archive's answer cut inside its last row (or its first)
  let keepRows = true
  await page.route(/\/dl\/dlmeta\?/, async (route) => {
    const text = await (await route.fetch()).text()
    const cut = keepRows ? text.lastIndexOf('<TR>') : text.indexOf('<TR>')
    await route.fulfill({ status: 200, contentType: 'application/x-votable+xml;content=datalink', body: text.slice(0, cut + 30) })
  })
  await page.goto(`/datalink?profile=local&id=${encodeURIComponent(CUBE)}`)
  const notice = page.getByRole('alert', { name: 'Partial result' })
  await expect(notice).toContainText(/Partial result: only \d+ rows arrived/)
  await expect(page.getByRole('group', { name: 'The file itself' })).toBeVisible()
  keepRows = false
  await notice.getByRole('button', { name: 'Retry' }).click()
  await expect(notice).toContainText('Partial result: no rows arrived — the document ends inside row 1')
  await expect(page.getByText('No links arrived.')).toBeVisible()
  await expect(page.getByText('The service lists no links')).toHaveCount(0)
})

test('a spectrum (DataLink redirected to the spectra service): BAND and FORMAT from its descriptor, no sky, the cutout saved under its own name', async ({ page }) => {
  await openPanel(page, 'ADP.2021-05-20T14:40:06.006')
  await page.getByRole('button', { name: 'Cut out…' }).click()
  const form = page.getByRole('region', { name: 'Cutout' })
  await expect(form.getByTestId('sky-view')).toHaveCount(0)
  await form.getByRole('textbox', { name: 'BAND from' }).fill('600')
  await form.getByRole('textbox', { name: 'BAND to' }).fill('650')
  await form.getByRole('combobox', { name: 'FORMAT' }).selectOption('text/csv')
  const downloading = page.waitForEvent('download')
  await form.getByRole('button', { name: 'Download cutout' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  expect(readFileSync((await download.path())!, 'utf8')).toMatch(/^# accref = /)
  await expect(form.getByRole('status').filter({ hasText: 'Saved' })).toContainText(/Saved .+\.csv/)
})

test('a raw-frame ID typed into the DataLink view shows its links (the local archive serves raw frames from another DataLink)', async ({ page }) => {
  await page.goto('/datalink?profile=local')
  await page.getByRole('textbox', { name: 'Product id, publisher DID or DataLink URL' }).fill('FORS2.2021-05-03T22:48:00.000')
  await page.getByRole('button', { name: 'Show links' }).click()
  const panel = page.getByTestId('datalink-panel')
  await expect(panel.getByRole('heading', { name: 'DataLink of FORS2.2021-05-03T22:48:00.000' })).toBeVisible()
  await expect(panel).not.toContainText('No product with this ID')
  await expect(panel).toContainText('The file itself (1)')
  await expect(panel.getByRole('link', { name: 'Download' }).first()).toBeVisible()
  // the request shown is the one that answered: the raw frames' DataLink
  await expect(panel.getByTitle('The DataLink request')).toContainText('/rawdl/dlmeta')
})

test("ESO's placeholder size of previews (content_length 1000000) reads as unknown, real sizes as they are", async ({ page }) => {
  // ESO's preview rows cannot exist here: the archive's document with two, as ESO writes them
  const preview = (type: string, url: string, what: string) =>
    `<TR><TD>ivo://eso.localtest/ID?${IMAGE}</TD><TD>${url}</TD><TD></TD><TD></TD><TD>${what}</TD><TD>#preview</TD><TD>${type}</TD><TD>1000000</TD><TD></TD></TR>`
  await page.route(/\/eso\/q\/dl\/dlmeta/, async (route) => {
    const res = await route.fetch()
    const body = (await res.text()).replace(
      '<TABLEDATA>',
      `<TABLEDATA>${preview('application/pdf', `${ARCHIVE}/eso/q/files/static/preview.pdf`, 'Preview of the product (PDF)')}${preview('text/html', `${ARCHIVE}/eso/q/files/static/preview.html`, 'Preview page')}`,
    )
    await route.fulfill({ response: res, body })
  })
  await openPanel(page, IMAGE)
  const pdf = page.locator('.dl-entry', { hasText: 'Preview of the product (PDF)' })
  await expect(pdf.locator('.dl-size')).toHaveText('size unknown')
  await expect(page.locator('.dl-entry', { hasText: 'Preview page' }).locator('.dl-size')).toHaveText('size unknown')
  await expect(page.getByTestId('datalink-panel')).not.toContainText('977 KiB')
  // the file itself keeps its size
  await expect(page.getByRole('group', { name: 'The file itself' }).locator('.dl-size').first()).toHaveText(/^\d+(\.\d+)? (B|KiB|MiB|GiB)$/)
  await pdf.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `test-results/screenshots/datalink-preview-size-unknown.png` })
})
