import { test, expect, runAdql } from './fixtures'
import { FOREIGN, EMBARGOED, PRIVATE_QUERY, OUT, passwordLogin, foreignLog, storageDump, bearerOf, workerAnswer, savedBytes, noUnexpectedErrors } from './auth-helpers'

test('the embargoed file streams to disk through the download worker after login, not before; links to other hosts get no credentials', async ({ page, watch }) => {
  await fetch(`${FOREIGN}/__log`, { method: 'DELETE' })
  const saved: string[] = []
  page.on('download', (d) => saved.push(d.suggestedFilename()))
  const toWorker: string[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/__download/')) toWorker.push(r.url())
  })
  await page.goto('/adql?profile=local-auth')
  // the embargoed product's file on the gateway, as a link in a result (anonymous: no private rows to click)
  await runAdql(page, `SELECT TOP 1 dp_id, '${EMBARGOED}' AS file_url FROM ivoa.ObsCore WHERE dp_id = 'ADP.2019-01-15T15:50:07.007'`)
  const grid = page.getByTestId('result-grid')
  await grid.locator(`a[href="${EMBARGOED}"]`).click()
  await expect(page.getByTestId('download-status')).toContainText('needs a login for this (it may be a private or embargoed product)')
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${OUT}/download-needs-login.png` })
  // refused by the door's check: nothing handed to the worker, nothing saved
  expect(toWorker).toEqual([])
  expect(saved).toEqual([])

  await passwordLogin(page, 'esoteam', 's3cret')
  const first = page.waitForEvent('download')
  const answered = workerAnswer(page)
  await grid.locator(`a[href="${EMBARGOED}"]`).click()
  const file = await first
  expect(file.suggestedFilename()).toBe('ADP.2019-01-15T15_50_07.007.fits')
  // the bytes came from the service worker, not from a Blob the page held
  const answer = await answered
  expect(answer.fromServiceWorker()).toBe(true)
  expect(answer.headers()['x-download-via']).toBe('service-worker')
  // the gateway sends this file chunked: no size is claimed, none is shown
  expect(answer.headers()['content-length']).toBeUndefined()
  // the same bytes the gateway gives this user's token
  const direct = await fetch(EMBARGOED, { headers: { Authorization: `Bearer ${await bearerOf(page)}` } })
  expect(direct.status).toBe(200)
  expect((await savedBytes(file)).equals(Buffer.from(await direct.arrayBuffer()))).toBe(true)
  await expect(page.getByTestId('download-status')).toHaveText('Saving ADP.2019-01-15T15_50_07.007.fits: your browser writes it to disk as it arrives ×')
  await page.screenshot({ path: `${OUT}/download-streaming.png` })
  // the worker keeps nothing: its one-time address answers a short text the second time
  expect(toWorker).toHaveLength(1)
  const replay = await page.evaluate(async (url) => {
    const frame = document.createElement('iframe')
    frame.src = url
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))
    document.body.append(frame)
    await loaded
    const text = frame.contentDocument?.body.innerText ?? ''
    frame.remove()
    return text
  }, toWorker[0]!)
  expect(replay).toBe('This download has expired or was already used. Start it again from the page.')

  // the private rows: one access_url is redirected by the gateway to another host, one points there directly
  await page.getByLabel('Authorised query').check()
  await runAdql(page, PRIVATE_QUERY)
  await expect(grid.locator('.ag-row')).toHaveCount(3)
  const moved = page.waitForEvent('download')
  const handedBack = page.waitForResponse(/\/proxy\/auth-gateway\/moved\//)
  await grid.locator('a[href$="/moved/ADP.2025-07-01T00_00_09.009.fits"]').click()
  // the proxy handed the 302 back to the door (the browser did not follow it with the token)
  const hop = await handedBack
  expect(hop.status()).toBe(200)
  expect(hop.headers()['x-upstream-status']).toBe('302')
  expect(hop.request().headers()['authorization']).toMatch(/^Bearer ey/)
  // the door followed the 302 itself; the worker fetched the other host's file without the token
  expect((await moved).suggestedFilename()).toBe('ADP.2025-07-01T00_00_09.009.fits')
  // a plain link to another host: the browser opens it in a new tab, the app adds nothing
  await grid.locator(`a[href^="${FOREIGN}/file/ADP.2025-07-01T00_00_10.010"]`).click()
  await expect.poll(async () => new Set((await foreignLog()).map((r) => r.url)).size).toBe(2)

  const log = await foreignLog()
  expect([...new Set(log.map((r) => r.url))].sort()).toEqual(['/file/ADP.2025-07-01T00_00_09.009.fits', '/file/ADP.2025-07-01T00_00_10.010.fits'])
  for (const r of log) {
    expect(r.authorization).toBeNull()
    expect(r.requestHeaders ?? '').not.toMatch(/authorization/i)
  }
  noUnexpectedErrors(watch)
})

test('HTTP Basic for downloads: the archive itself checks the password', async ({ page }) => {
  const file = 'http://127.0.0.1:18080/getproduct/eso/data/spec/ADP.2019-01-15T15_50_07.007.fits'
  await page.goto('/adql?profile=local')
  await runAdql(page, `SELECT TOP 1 dp_id, '${file}' AS file_url FROM ivoa.ObsCore WHERE dp_id = 'ADP.2019-01-15T15:50:07.007'`)
  const link = page.getByTestId('result-grid').locator(`a[href="${file}"]`)
  await link.click()
  await expect(page.getByTestId('download-status')).toContainText('needs a login')

  await page.getByTestId('login-slot').getByRole('button', { name: 'Log in' }).click()
  const dialog = page.getByRole('dialog', { name: 'Log in' })
  await dialog.getByLabel('HTTP Basic (file downloads and SODA only)').check()
  await dialog.getByLabel('Username').fill('esoteam')
  await dialog.getByLabel('Password').fill('s3cret')
  await dialog.getByRole('button', { name: 'Log in', exact: true }).click()
  await expect(page.getByTestId('login-who')).toHaveText('esoteam (Basic)')
  const download = page.waitForEvent('download')
  const answered = workerAnswer(page)
  await link.click()
  expect((await download).suggestedFilename()).toBe('ADP.2019-01-15T15_50_07.007.fits')
  // from DaCHS (through the proxy, no gateway) via the worker, with the size the archive gives
  const answer = await answered
  expect(answer.fromServiceWorker()).toBe(true)
  expect(answer.headers()['content-length']).toBe('40320')
  const direct = await fetch(file, { headers: { Authorization: `Basic ${Buffer.from('esoteam:s3cret').toString('base64')}` } })
  expect((await savedBytes(await download)).equals(Buffer.from(await direct.arrayBuffer()))).toBe(true)
  await expect(page.getByTestId('download-status')).toHaveText('Saving ADP.2019-01-15T15_50_07.007.fits (39 KiB): your browser writes it to disk as it arrives ×')
  // Basic lives in memory only
  const stores = await storageDump(page)
  expect(stores.local + stores.session).not.toMatch(/Basic |czNjcmV0/)

  await page.getByRole('button', { name: 'Log out' }).click()
  await link.click()
  await expect(page.getByTestId('download-status')).toContainText('needs a login')
})

function fitsAxes(bytes: Buffer): { simple: boolean; axes: number[] } {
  const cards = bytes.subarray(0, 2880 * 4).toString('latin1').match(/.{80}/g) ?? []
  const card = (k: string) => cards.find((c) => c.slice(0, 8).trim() === k)?.slice(10).split('/')[0]!.trim()
  const n = Number(card('NAXIS'))
  return { simple: card('SIMPLE') === 'T', axes: Array.from({ length: n }, (_, i) => Number(card(`NAXIS${i + 1}`))) }
}

test('a logged-in SODA cutout streams through the download worker, with the token, as a smaller valid FITS', async ({ page, watch }) => {
  const IMAGE = 'ADP.2021-05-10T12:00:01.001'
  // ESO's SODA service sits on a credential origin; the local archive's descriptor names DaCHS itself, so the
  // gateway's copy of the descriptor is pointed at the gateway (which checks the token and forwards to DaCHS)
  await page.route(/\/proxy\/auth-gateway\/eso\/q\/dl\/dlmeta/, async (route) => {
    const res = await route.fetch()
    const body = (await res.text()).replaceAll('http://127.0.0.1:18080/eso/q/dl/dlget', 'http://127.0.0.1:18111/eso/q/dl/dlget')
    await route.fulfill({ response: res, body })
  })
  // the worker's own request, as the browser sent it (Chromium reports service-worker requests on the context)
  const fromWorker = page.context().waitForEvent('request', (r) => !!r.serviceWorker() && r.url().includes('/proxy/auth-gateway/eso/q/dl/dlget?'))
  await page.goto(`/datalink?profile=local-auth&id=${encodeURIComponent(IMAGE)}`)
  await passwordLogin(page, 'esoteam', 's3cret')
  await page.getByRole('button', { name: 'Cut out…' }).click()
  const form = page.getByRole('region', { name: 'Cutout' })
  await expect(form.locator('.service-url')).toHaveText('http://127.0.0.1:18111/eso/q/dl/dlget')
  await form.getByRole('textbox', { name: 'CIRCLE RA', exact: true }).fill('265.1755')
  await form.getByRole('textbox', { name: 'CIRCLE Dec', exact: true }).fill('-53.6744')
  await form.getByRole('textbox', { name: 'CIRCLE radius', exact: true }).fill('18')
  await form.getByRole('combobox', { name: 'CIRCLE radius unit' }).selectOption('arcsec')
  const downloading = page.waitForEvent('download')
  const answered = workerAnswer(page)
  await form.getByRole('button', { name: 'Download cutout' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^ADP\.2021-05-10T12.00.01(\.001)?_proc\.fits$/)
  expect((await answered).fromServiceWorker()).toBe(true)
  const sent = await fromWorker
  expect(sent.headers()['authorization']).toMatch(/^Bearer ey/)
  expect(new URL(sent.url()).searchParams.get('CIRCLE')).toMatch(/^265\.1755 -53\.6744 0\.005/)
  const file = await savedBytes(download)
  const { simple, axes } = fitsAxes(file)
  expect(simple).toBe(true)
  expect(axes).toHaveLength(2)
  expect(axes[0]!).toBeLessThan(200)
  expect(axes[1]!).toBeLessThan(200)
  expect(file.length).toBeLessThan(167040)
  expect(file.length % 2880).toBe(0)
  await expect(form.getByTestId('cutout-done')).toContainText(`${axes[0]} × ${axes[1]} pixels`)
  await page.screenshot({ path: `${OUT}/cutout-streamed.png`, fullPage: true })
  noUnexpectedErrors(watch)
})

test('a refusal that reaches only the download worker is shown in the page, and nothing of the service is saved', async ({ page, watch }) => {
  await page.goto('/adql?profile=local-auth')
  await runAdql(page, `SELECT TOP 1 dp_id, '${EMBARGOED}' AS file_url FROM ivoa.ObsCore WHERE dp_id = 'ADP.2019-01-15T15:50:07.007'`)
  await passwordLogin(page, 'esoteam', 's3cret')
  // an injected fault: the token is revoked between the page's check and the worker's fetch
  await page.context().route(/\/proxy\/auth-gateway\/getproduct\//, (route) =>
    route.request().serviceWorker()
      ? route.fulfill({ status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="eso", error="invalid_token", error_description="token revoked"' }, body: '<script>alert(1)</script>revoked' })
      : route.continue(),
  )
  const saved: string[] = []
  page.on('download', (d) => saved.push(d.suggestedFilename()))
  await page.getByTestId('result-grid').locator(`a[href="${EMBARGOED}"]`).click()
  const status = page.getByTestId('download-status')
  await expect(status).toContainText('127.0.0.1:18111 did not accept your login (token revoked): log in again.')
  await expect(status).toHaveAttribute('role', 'alert')
  await expect(page.locator('iframe[src*="/__download/"]')).toHaveCount(0)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${OUT}/download-refused-in-worker.png` })
  expect(saved).toEqual([])
  noUnexpectedErrors(watch)
})

test.describe('without service workers', () => {
  test.use({ serviceWorkers: 'block' })

  test('the embargoed file is still saved, through memory as before', async ({ page }) => {
    await page.goto('/adql?profile=local-auth')
    await runAdql(page, `SELECT TOP 1 dp_id, '${EMBARGOED}' AS file_url FROM ivoa.ObsCore WHERE dp_id = 'ADP.2019-01-15T15:50:07.007'`)
    await passwordLogin(page, 'esoteam', 's3cret')
    const toWorker: string[] = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/__download/')) toWorker.push(r.url())
    })
    const download = page.waitForEvent('download')
    await page.getByTestId('result-grid').locator(`a[href="${EMBARGOED}"]`).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('ADP.2019-01-15T15_50_07.007.fits')
    expect(file.url()).toMatch(/^blob:/)
    const direct = await fetch(EMBARGOED, { headers: { Authorization: `Bearer ${await bearerOf(page)}` } })
    expect((await savedBytes(file)).equals(Buffer.from(await direct.arrayBuffer()))).toBe(true)
    await expect(page.getByTestId('download-status')).toHaveText('Downloaded ADP.2019-01-15T15_50_07.007.fits (39 KiB) ×')
    expect(toWorker).toEqual([])
  })
})
