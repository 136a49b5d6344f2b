// @vitest-environment node
/**
 * The HTTP door with the credential policy against the real harness: OpenID provider, the token-verifying gateway
 * in front of the local archive, and a "foreign host" that records which requests carried credentials.
 */
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { freePorts, startHarness } from '../../../scripts/auth/spawn.mjs'
import { handBackRedirect, rewriteLocation } from '../../../scripts/dev-proxy'
import { HttpClient, HttpError } from '../http'
import { ProxyMap } from '../proxy'
import { fetchLinks } from '../datalink'
import { createJob, deleteJob } from '../uws'
import { createCredentialPolicy, type Credentials } from './policy'
import { passwordGrant } from './token'

let harness: Awaited<ReturnType<typeof startHarness>>
let app: Server
let appOrigin: string
let creds: Credentials = { authorisedQuery: false }

// a same-origin proxy like the dev proxy: prefixes to services, redirects handed back when the door asks
function startAppProxy(routes: { origin: string; prefix: string }[]): Promise<string> {
  app = createServer(async (req, res) => {
    const route = routes.find((r) => req.url!.startsWith(r.prefix + '/'))
    if (!route) return res.writeHead(404).end()
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'x-redirect-mode', 'connection', 'content-length'].includes(k)) headers[k] = v
    const up = await fetch(route.origin + req.url!.slice(route.prefix.length), { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, redirect: 'manual' })
    const out = { statusCode: up.status, headers: Object.fromEntries([...up.headers].filter(([k]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k))) as Record<string, string | string[] | undefined> }
    // onto any prefix, as a reverse proxy for all services may: then every redirect looks same-origin to the client
    if (typeof out.headers.location === 'string') out.headers.location = routes.reduce((loc, r) => rewriteLocation(loc, r), out.headers.location)
    if (req.headers['x-redirect-mode'] === 'manual') handBackRedirect(out)
    res.writeHead(out.statusCode, out.headers as Record<string, string>).end(Buffer.from(await up.arrayBuffer()))
  })
  return new Promise((r) => app.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(app.address() as AddressInfo).port}`)))
}

async function foreignLog(): Promise<{ url: string; authorization: string | null }[]> {
  return (await fetch(`${harness.foreign}/__log`)).json()
}

function door(proxied: boolean) {
  const routes = [
    { origin: harness.gateway, prefix: '/proxy/gateway' },
    { origin: harness.foreign, prefix: '/proxy/foreign' },
  ]
  const http = new HttpClient({ proxy: new ProxyMap(routes, appOrigin, new Set(proxied ? routes.map((r) => r.origin) : [])), retryBaseDelayMs: 1 })
  const endpoints = { tap_obs: `${harness.gateway}/tap`, datalink: `${harness.gateway}/eso/q/dl/dlmeta`, file: `${harness.gateway}/getproduct` }
  http.setCredentialPolicy(createCredentialPolicy({ basic: true, bearerOrigins: [harness.gateway], basicOrigins: [harness.gateway] }, endpoints, () => creds))
  return http
}

async function login(user: string, password: string): Promise<string> {
  const http = new HttpClient({ proxy: new ProxyMap([], appOrigin) })
  return (await passwordGrant(http, { tokenUrl: `${harness.issuer}/token`, clientId: 'clientid', method: 'POST' }, user, password)).bearer
}

const PRIVATE = "SELECT dp_id FROM ivoa.ObsCore WHERE obs_collection = 'PRIVATE'"
const FILE = '/getproduct/eso/data/spec/ADP.2019-01-15T15_50_07.007.fits'
const PRIVATE_ID = 'ivo://eso.localtest/ID?ADP.2025-07-01T00:00:08.008'

async function countRows(http: HttpClient, query: string): Promise<number> {
  const csv = await http.text(`${harness.gateway}/tap/sync`, { form: { REQUEST: 'doQuery', LANG: 'ADQL', RESPONSEFORMAT: 'csv', QUERY: query }, idempotent: true })
  return csv.trim().split(/\r?\n/).length - 1
}

beforeAll(async () => {
  const [provider, gateway, foreign] = await freePorts(3)
  harness = await startHarness({ provider, gateway, foreign })
  appOrigin = await startAppProxy([
    { origin: harness.gateway, prefix: '/proxy/gateway' },
    { origin: harness.foreign, prefix: '/proxy/foreign' },
  ])
}, 120_000)
afterAll(async () => {
  harness?.stop()
  await new Promise((r) => app?.close(r))
})
beforeEach(async () => {
  creds = { authorisedQuery: false }
  await fetch(`${harness.foreign}/__log`, { method: 'DELETE' })
})

describe.each([true, false])('door + policy + gateway (proxied: %s)', (proxied) => {
  it('shows the private rows only to an authorised query of an authorised user', async () => {
    const http = door(proxied)
    expect(await countRows(http, PRIVATE)).toBe(0)
    creds = { bearer: await login('esoteam', 's3cret'), authorisedQuery: false }
    expect(await countRows(http, PRIVATE)).toBe(0)
    creds = { ...creds, authorisedQuery: true }
    expect(await countRows(http, PRIVATE)).toBe(3)
    creds = { bearer: await login('visitor', 'visitor'), authorisedQuery: true }
    expect(await countRows(http, PRIVATE)).toBe(0)
  })

  it('downloads the embargoed file only with valid credentials, and says why not', async () => {
    const http = door(proxied)
    const anonymous = (await http.request(harness.gateway + FILE).catch((e: unknown) => e)) as HttpError
    expect(anonymous.status).toBe(401)
    expect(anonymous.message).toMatch(/needs a login/)
    creds = { bearer: await login('visitor', 'visitor'), authorisedQuery: false }
    const visitor = (await http.request(harness.gateway + FILE).catch((e: unknown) => e)) as HttpError
    expect(visitor.status).toBe(403)
    expect(visitor.message).toMatch(/You lack permission/)
    creds = { bearer: (await login('esoteam', 's3cret')) + 'x', authorisedQuery: false }
    const forged = (await http.request(harness.gateway + FILE).catch((e: unknown) => e)) as HttpError
    expect(forged.status).toBe(401)
    expect(forged.message).toMatch(/did not accept your login \(the token is not valid\): log in again/)
    creds = { bearer: await login('esoteam', 's3cret'), authorisedQuery: false }
    expect((await http.arrayBuffer(harness.gateway + FILE)).byteLength).toBe(40320)
    creds = { basic: 'Basic ' + Buffer.from('esoteam:s3cret').toString('base64'), authorisedQuery: false }
    expect((await http.arrayBuffer(harness.gateway + FILE)).byteLength).toBe(40320)
  })

  it('DataLink links and redirects to another host get no credentials', async () => {
    const http = door(proxied)
    creds = { bearer: await login('esoteam', 's3cret'), authorisedQuery: false }
    const links = await fetchLinks(http, { id: PRIVATE_ID }, { baseUrl: `${harness.gateway}/eso/q/dl/dlmeta` })
    const urls = links.rows.map((r) => r.accessUrl!)
    expect(urls).toEqual([
      `${harness.gateway}${FILE}`,
      `${harness.foreign}/file/ADP.2025-07-01T00:00:08.008.aux.fits`,
      `${harness.gateway}/moved/ADP.2025-07-01T00:00:08.008.progenitor.fits`,
    ])
    for (const url of urls) await http.arrayBuffer(url)
    const log = await foreignLog()
    expect(log.map((r) => r.url).sort()).toEqual(['/file/ADP.2025-07-01T00:00:08.008.aux.fits', '/file/ADP.2025-07-01T00:00:08.008.progenitor.fits'])
    expect(log.map((r) => r.authorization)).toEqual([null, null])
  })

  it("follows the UWS 303 of an authorised async query, keeping the token on the gateway's own origin", async () => {
    const http = door(proxied)
    creds = { bearer: await login('esoteam', 's3cret'), authorisedQuery: true }
    const { url, job } = await createJob(http, `${harness.gateway}/tap/async`, { REQUEST: 'doQuery', LANG: 'ADQL', QUERY: PRIVATE })
    // DaCHS sends the job to /__system__/tap/run/async/<id>; the gateway keeps it on its own origin
    expect(url).toMatch(new RegExp(`^${harness.gateway}/__system__/tap/run/async/\\w+$`))
    expect(job.phase).toBe('PENDING')
    expect(job.parameters.query).toContain('priv.obscore_all')
    await deleteJob(http, url)
  })
})

describe('a token past its exp', () => {
  it('is refused by the gateway (verified with the provider\'s JWKS), and the door says to log in again', async () => {
    // the same gateway with its clock 8 hours ahead: ESO's 8-hour token has run out there
    const [latePort] = await freePorts(1)
    const lateOrigin = `http://127.0.0.1:${latePort}`
    const late = spawn(process.execPath, ['scripts/auth/gateway.mjs'], {
      env: { ...process.env, GATEWAY_PORT: String(latePort), OIDC_ISSUER: harness.issuer, GATEWAY_CLOCK_OFFSET_S: String(8 * 3600 + 60) },
      stdio: 'ignore',
    })
    try {
      for (let i = 0; i < 100 && !(await fetch(`${lateOrigin}/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100))
      const bearer = await login('esoteam', 's3cret')
      const http = new HttpClient({ proxy: new ProxyMap([], appOrigin), retryBaseDelayMs: 1 })
      http.setCredentialPolicy((u) => (u.origin === lateOrigin ? { Authorization: `Bearer ${bearer}` } : undefined))
      const e = (await http.request(`${lateOrigin}${FILE}`).catch((x: unknown) => x)) as HttpError
      expect(e.status).toBe(401)
      expect(e.message).toBe(`127.0.0.1:${latePort} did not accept your login (the token has expired): log in again.`)
    } finally {
      late.kill()
    }
  })
})
