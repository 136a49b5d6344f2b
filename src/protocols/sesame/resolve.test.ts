// @vitest-environment node
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ServiceError } from '../errors'
import { HttpClient, HttpError } from '../http'
import { DalError } from '../dal'
import { ProxyMap } from '../proxy'
import { clearNameCache, NameCache, NameNotFoundError, resolveName, sesameUrl, type ResolvedName } from './index'

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')

// A real loopback Sesame: /good answers from fixtures, /broken500 and /missing404 fail, /html sends
// a non-XML page, /slow never answers in time, /forbidden refuses. Every request is counted per mirror.
let server: Server
let base: string
let closedPort: string
const hits: Record<string, number> = {}
const seen: string[] = []

function answerFor(order: string, name: string): string {
  const key = name.toLowerCase().replace(/\s+/g, ' ').trim()
  if (key === 'm31' || key === 'm 31') return fixture('m31-simbad.xml')
  if (key === 'ngc 4993') return fixture('ngc4993-ned.xml')
  if (key === 'empty target') return `<?xml version="1.0"?><Sesame><Target option="${order}"><name>${name}</name><INFO>*** Nothing found ***</INFO></Target></Sesame>`
  return fixture('nothing-found.xml')
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x')
    const mirror = url.pathname.split('/')[1]!
    hits[mirror] = (hits[mirror] ?? 0) + 1
    seen.push(req.url!)
    const m = /^\/[^/]+\/cgi-bin\/nph-sesame\/-oxp\/([SNV]+)$/.exec(url.pathname)
    const name = decodeURIComponent(url.search.slice(1))
    if (mirror === 'broken500') return void res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal error')
    if (mirror === 'missing404') return void res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>Not Found</body></html>')
    if (mirror === 'forbidden') return void res.writeHead(403).end('go away')
    if (mirror === 'html') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>maintenance</body></html>')
    if (mirror === 'slow') return void setTimeout(() => res.writeHead(200).end(answerFor('SNV', name)), 3000)
    if (!m) return void res.writeHead(400).end('bad request')
    res.writeHead(200, { 'Content-Type': 'text/xml' }).end(answerFor(m[1]!, name))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // a port with nothing listening, for a mirror that cannot be reached at all
  const probe = createServer()
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
  closedPort = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`
  await new Promise<void>((r) => probe.close(() => r()))
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))
beforeEach(() => {
  for (const k of Object.keys(hits)) delete hits[k]
  seen.length = 0
  clearNameCache()
})

const http = new HttpClient({ proxy: new ProxyMap([], 'http://app.invalid'), retryBaseDelayMs: 1, retryMaxDelayMs: 5 })
const at = (mirror: string) => `${base}/${mirror}/cgi-bin/nph-sesame`

describe('resolveName against a local Sesame', () => {
  it('resolves a name through SIMBAD with aliases and type', async () => {
    const r = await resolveName(http, 'M31', { resolverUrl: at('good') })
    expect(r).toEqual<ResolvedName>({
      name: 'M 31',
      ra: 10.684708333,
      dec: 41.26875,
      resolver: 'Simbad',
      aliases: ['NAME Andromeda Galaxy', 'NGC 224', 'UGC 454'],
      objectType: 'AGN',
    })
    expect(seen).toEqual(['/good/cgi-bin/nph-sesame/-oxp/SNV?M31'])
  })

  it('encodes the name and sends the resolver order', async () => {
    const r = await resolveName(http, ' NGC  4993 ', { resolverUrl: at('good') + '/', order: 'NS' })
    expect(r).toMatchObject({ name: 'NGC 4993', resolver: 'NED', ra: 197.44875, dec: -23.383889 })
    expect(r.aliases).toBeUndefined()
    expect(seen).toEqual(['/good/cgi-bin/nph-sesame/-oxp/NS?NGC%204993'])
    expect(sesameUrl('https://cds.unistra.fr/cgi-bin/nph-sesame', 'α Cen & B')).toBe(
      'https://cds.unistra.fr/cgi-bin/nph-sesame/-oxp/SNV?%CE%B1%20Cen%20%26%20B',
    )
  })

  it('throws NameNotFoundError for an unknown name, without trying mirrors', async () => {
    const err = await resolveName(http, 'xyzzy-nowhere', { resolverUrl: at('good'), mirrors: [at('other')] }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NameNotFoundError)
    const nf = err as NameNotFoundError
    expect(nf.objectName).toBe('xyzzy-nowhere')
    expect(nf.message).toContain('No object named "xyzzy-nowhere"')
    expect(nf.details).toContain('*** Nothing found ***')
    expect(hits.other).toBeUndefined()
    const bare = await resolveName(http, 'empty target', { resolverUrl: at('good') }).catch((e: unknown) => e)
    expect(bare).toBeInstanceOf(NameNotFoundError)
  })

  it('fails over past 500, 404, unreachable and non-XML mirrors', async () => {
    const r = await resolveName(http, 'M31', {
      resolverUrl: at('broken500'),
      mirrors: [at('missing404'), `${closedPort}/cgi-bin/nph-sesame`, at('html'), at('good')],
    })
    expect(r.resolver).toBe('Simbad')
    expect(hits).toEqual({ broken500: 1, missing404: 1, html: 1, good: 1 })
  })

  it('reports every mirror when none answers', async () => {
    const err = await resolveName(http, 'M31', { resolverUrl: at('broken500'), mirrors: [at('missing404')] }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ServiceError)
    expect(err).not.toBeInstanceOf(NameNotFoundError)
    expect((err as Error).message).toMatch(/no Sesame mirror answered.*500.*404/)
    expect((err as ServiceError).cause).toBeInstanceOf(HttpError)
  })

  it('does not fail over on a refusal that every mirror would repeat', async () => {
    const err = await resolveName(http, 'M31', { resolverUrl: at('forbidden'), mirrors: [at('good')] }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HttpError)
    expect((err as HttpError).status).toBe(403)
    expect(hits.good).toBeUndefined()
  })

  it('fails over when a mirror times out', async () => {
    const r = await resolveName(http, 'M31', { resolverUrl: at('slow'), mirrors: [at('good')], timeoutMs: 200 })
    expect(r.name).toBe('M 31')
    expect(hits).toEqual({ slow: 1, good: 1 })
  })

  it('stops at once when cancelled, without trying mirrors', async () => {
    const controller = new AbortController()
    const pending = resolveName(http, 'M31', { resolverUrl: at('slow'), mirrors: [at('good')], signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    const err = await pending.catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DalError)
    expect((err as DalError).kind).toBe('aborted')
    // (had it waited, the slow mirror's answer would have come and M31 been resolved: no clock needed)
    expect(hits.good).toBeUndefined()
  })

  it('caches answers by name regardless of case and spacing', async () => {
    const first = await resolveName(http, 'M31', { resolverUrl: at('good') })
    const again = await resolveName(http, '  m31 ', { resolverUrl: at('good') })
    expect(again).toEqual(first)
    expect(hits.good).toBe(1)
    // a caller mutating its answer does not change the cached one
    again.aliases!.push('mine')
    expect((await resolveName(http, 'M31', { resolverUrl: at('good') })).aliases).toHaveLength(3)
    expect(hits.good).toBe(1)
    // another resolver order is another question
    await resolveName(http, 'M31', { resolverUrl: at('good'), order: 'S' })
    expect(hits.good).toBe(2)
  })

  it('does not cache failures, and can use its own cache or none', async () => {
    await resolveName(http, 'xyzzy-nowhere', { resolverUrl: at('good') }).catch(() => {})
    await resolveName(http, 'xyzzy-nowhere', { resolverUrl: at('good') }).catch(() => {})
    expect(hits.good).toBe(2)
    const cache = new NameCache<ResolvedName>(1)
    await resolveName(http, 'M31', { resolverUrl: at('good'), cache })
    await resolveName(http, 'NGC 4993', { resolverUrl: at('good'), cache })
    await resolveName(http, 'M31', { resolverUrl: at('good'), cache }) // evicted by the capacity of 1
    expect(hits.good).toBe(5)
    await resolveName(http, 'M31', { resolverUrl: at('good'), cache: null })
    await resolveName(http, 'M31', { resolverUrl: at('good'), cache: null })
    expect(hits.good).toBe(7)
  })

  it('rejects an empty name before asking anyone', async () => {
    await expect(resolveName(http, '   ', { resolverUrl: at('good') })).rejects.toThrow(RangeError)
    expect(hits.good).toBeUndefined()
  })
})
