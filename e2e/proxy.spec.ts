import { test, expect } from './fixtures'

// The same-origin proxy in front of the local archive handles DaCHS's quirks without weakening the app.
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156 Safari/537.36'
const FORS2 = 'ivo://eso.localtest/ID?ADP.2021-05-10T12:00:01.001'

test.describe('service proxy', () => {
  test('a browser gets the DataLink VOTable, not the HTML page DaCHS sends to browsers', async ({ request }) => {
    const res = await request.get(`/proxy/local/eso/q/dl/dlmeta?ID=${encodeURIComponent(FORS2)}`, { headers: { 'User-Agent': BROWSER_UA } })
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toContain('votable')
    expect(await res.text()).toContain('#this')
  })

  test('UWS job redirects stay on the proxy, so the browser never leaves the origin', async ({ request }) => {
    const res = await request.post('/proxy/local/tap/async', {
      form: { REQUEST: 'doQuery', LANG: 'ADQL', QUERY: 'SELECT TOP 1 obs_id FROM ivoa.ObsCore' },
      maxRedirects: 0,
    })
    expect(res.status()).toBe(303)
    const location = res.headers()['location']!
    expect(location).toMatch(/^\/proxy\/local\/.*async\/[^/]+$/)
    await request.post(location, { form: { ACTION: 'DELETE' }, maxRedirects: 0 })
  })

  test('a protected file answers 401 without a Basic challenge (no browser login pop-up), and 200 with credentials', async ({ request }) => {
    const path = '/proxy/local/getproduct/eso/data/spec/ADP.2019-01-15T15_50_07.007.fits'
    const anon = await request.get(path)
    expect(anon.status()).toBe(401)
    expect(anon.headers()['www-authenticate']).toBeUndefined()
    expect(anon.headers()['x-upstream-www-authenticate']).toMatch(/^Basic/)
    const authed = await request.get(path, { headers: { Authorization: `Basic ${Buffer.from('esoteam:s3cret').toString('base64')}` } })
    expect(authed.status()).toBe(200)
    expect((await authed.body()).subarray(0, 6).toString()).toBe('SIMPLE')
  })
})
