// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HttpClient, HttpError, encodeForm, statusKind } from './http'
import { ProxyMap } from './proxy'

// A real loopback server into which the tests inject faults (slow answers, 503s, resets).
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void
let server: Server
let base: string
let handler: Handler
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body })
      handler(req, res, body)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))
beforeEach(() => {
  seen.length = 0
  handler = (_q, res) => res.end('ok')
})

function client(extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  return new HttpClient({ proxy: new ProxyMap([], 'http://app.invalid'), retryBaseDelayMs: 1, retryMaxDelayMs: 5, ...extra })
}

describe('HttpClient', () => {
  it('sends query parameters and urlencoded forms', async () => {
    handler = (_q, res) => res.end('done')
    const http = client()
    expect(await http.text(`${base}/tap/sync`, { query: { REQUEST: 'doQuery', MAXREC: 10, skip: undefined } })).toBe('done')
    await http.text(`${base}/tap/sync`, { form: { QUERY: 'SELECT TOP 1 * FROM ivoa.ObsCore', LANG: 'ADQL' } })
    expect(seen[0]!.url).toBe('/tap/sync?REQUEST=doQuery&MAXREC=10')
    expect(seen[1]!.method).toBe('POST')
    expect(seen[1]!.headers['content-type']).toContain('application/x-www-form-urlencoded')
    expect(new URLSearchParams(seen[1]!.body).get('QUERY')).toBe('SELECT TOP 1 * FROM ivoa.ObsCore')
  })

  it('turns an HTTP error status into an HttpError carrying status and body text', async () => {
    handler = (_q, res) => {
      res.writeHead(400, { 'Content-Type': 'text/plain' })
      res.end('Query error: column "foo" does not exist')
    }
    const err = await client().text(`${base}/tap/sync`).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HttpError)
    const h = err as HttpError
    expect(h.kind).toBe('http')
    expect(h.status).toBe(400)
    expect(h.body).toContain('column "foo" does not exist')
    expect(h.message).toContain('400')
  })

  it('retries idempotent requests on 503 and then succeeds', async () => {
    let n = 0
    handler = (_q, res) => {
      n++
      if (n < 3) {
        res.writeHead(503)
        res.end('busy')
      } else res.end('finally')
    }
    expect(await client().text(`${base}/x`)).toBe('finally')
    expect(n).toBe(3)
  })

  it('does not retry a non-idempotent POST', async () => {
    handler = (_q, res) => {
      res.writeHead(503)
      res.end('busy')
    }
    await expect(client().text(`${base}/tap/async`, { form: { QUERY: 'x' } })).rejects.toMatchObject({ kind: 'busy', status: 503 })
    expect(seen).toHaveLength(1)
  })

  it('gives up after the configured retries', async () => {
    handler = (_q, res) => {
      res.writeHead(502)
      res.end('bad gateway')
    }
    await expect(client().text(`${base}/x`, { retries: 2 })).rejects.toMatchObject({ kind: 'http', status: 502 })
    expect(seen).toHaveLength(3)
  })

  it('times out a request that takes too long', async () => {
    handler = (_q, res) => setTimeout(() => res.end('late'), 500)
    const err = (await client().text(`${base}/slow`, { timeoutMs: 50, retries: 0 }).catch((e: unknown) => e)) as HttpError
    expect(err.kind).toBe('timeout')
    expect(err.message).toMatch(/did not answer within/)
  })

  it('cancels with an AbortSignal and reports it as aborted, without retrying', async () => {
    handler = (_q, res) => setTimeout(() => res.end('late'), 500)
    const ac = new AbortController()
    const p = client().text(`${base}/slow`, { signal: ac.signal, retries: 3 })
    setTimeout(() => ac.abort(), 20)
    await expect(p).rejects.toMatchObject({ kind: 'aborted' })
    expect(seen.length).toBeLessThanOrEqual(1)
  })

  it('reports an unreachable host as a network error that says what to do', async () => {
    const dead = `http://127.0.0.1:1/tap`
    const err = (await client({ proxy: new ProxyMap([], 'http://127.0.0.1:1') }).text(dead, { retries: 0 }).catch((e: unknown) => e)) as HttpError
    expect(err.kind).toBe('network')
    expect(err.message).toContain('Could not reach 127.0.0.1:1')
  })

  it('classifies a cross-origin failure as a network error that names CORS', async () => {
    const err = (await client().text(`http://127.0.0.1:1/tap`, { retries: 0 }).catch((e: unknown) => e)) as HttpError
    expect(err.kind).toBe('network')
    expect(err.message).toMatch(/CORS/)
  })

  it('asks the credential policy with the real service URL and sends only what it returns', async () => {
    const asked: string[] = []
    const http = client({
      credentialPolicy: (u) => {
        asked.push(u.href)
        return u.pathname.startsWith('/private') ? { Authorization: 'Bearer t0k3n' } : undefined
      },
    })
    await http.text(`${base}/private/file`)
    await http.text(`${base}/public/file`)
    await http.text(`${base}/private/file`, { withCredentials: false })
    expect(seen[0]!.headers.authorization).toBe('Bearer t0k3n')
    expect(seen[1]!.headers.authorization).toBeUndefined()
    expect(seen[2]!.headers.authorization).toBeUndefined()
    expect(asked).toEqual([`${base}/private/file`, `${base}/public/file`])
  })

  it('follows a redirect of a credentialed proxied request itself, asking the policy again for the new URL', async () => {
    const proxy = new ProxyMap(
      [
        { origin: 'https://archive.eso.org', prefix: '/proxy/eso' },
        { origin: 'https://other.example', prefix: '/proxy/other' },
      ],
      base,
    )
    const asked: string[] = []
    const http = client({
      proxy,
      credentialPolicy: (u) => {
        asked.push(u.href)
        return u.origin === 'https://archive.eso.org' ? { Authorization: 'Bearer t0k3n' } : undefined
      },
    })
    handler = (q, res) => {
      // what the dev proxy does for X-Redirect-Mode: the 303 handed back readable
      if (q.url!.startsWith('/proxy/eso/tap_obs/async')) return res.writeHead(200, { 'X-Upstream-Status': '303', 'X-Upstream-Location': '/proxy/other/jobs/1' }).end()
      res.end('job')
    }
    const res = await http.request('https://archive.eso.org/tap_obs/async', { form: { QUERY: 'SELECT 1' } })
    expect(await res.text()).toBe('job')
    expect(http.serviceUrl(res.url)).toBe('https://other.example/jobs/1')
    expect(seen.map((r) => [r.method, r.url, r.headers.authorization, r.headers['x-redirect-mode']])).toEqual([
      ['POST', '/proxy/eso/tap_obs/async', 'Bearer t0k3n', 'manual'],
      ['GET', '/proxy/other/jobs/1', undefined, undefined],
    ])
    expect(seen[1]!.body).toBe('')
    expect(asked).toEqual(['https://archive.eso.org/tap_obs/async', 'https://other.example/jobs/1'])
  })

  it('keeps method and body on 307, stops after 10 redirects, and leaves a caller\'s own redirect: manual alone', async () => {
    const proxy = new ProxyMap([{ origin: 'https://archive.eso.org', prefix: '/proxy/eso' }], base)
    const http = client({ proxy, credentialPolicy: () => ({ Authorization: 'Bearer t' }) })
    handler = (q, res) => (q.url === '/proxy/eso/a' ? res.writeHead(307, { Location: '/proxy/eso/b' }).end() : res.end('b'))
    expect(await http.text('https://archive.eso.org/a', { form: { X: '1' } })).toBe('b')
    expect(seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/proxy/eso/a', 'X=1'],
      ['POST', '/proxy/eso/b', 'X=1'],
    ])
    handler = (_q, res) => res.writeHead(302, { Location: '/proxy/eso/loop' }).end()
    await expect(http.text('https://archive.eso.org/loop')).rejects.toThrow('redirected more than 10 times')
    seen.length = 0
    const own = await http.request('https://archive.eso.org/loop', { redirect: 'manual', acceptErrorStatus: true })
    expect(own.status).toBe(302)
    expect(seen[0]!.headers['x-redirect-mode']).toBeUndefined()
  })

  it('turns 401 and 403 into log in / no permission messages, reading WWW-Authenticate', async () => {
    handler = (q, res) =>
      q.url === '/expired'
        ? res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="the token has expired"' }).end()
        : res.writeHead(q.url === '/forbidden' ? 403 : 401, { 'X-Upstream-WWW-Authenticate': 'Basic realm="eso"' }).end('<html>no</html>')
    const host = new URL(base).host
    await expect(client().text(`${base}/expired`)).rejects.toThrow(`${host} did not accept your login (the token has expired): log in again.`)
    await expect(client().text(`${base}/file`)).rejects.toThrow(/needs a login for this/)
    const e = (await client().text(`${base}/forbidden`).catch((x: unknown) => x)) as HttpError
    expect(e.status).toBe(403)
    expect(e.message).toMatch(/^You lack permission for this on /)
  })

  it('requests a proxied service through its prefix and exposes the real URL', async () => {
    const proxy = new ProxyMap([{ origin: 'https://archive.eso.org', prefix: '/proxy/eso' }], base)
    const http = client({ proxy })
    handler = (_q, res) => res.end('via proxy')
    expect(await http.text('https://archive.eso.org/tap_obs/sync?LANG=ADQL')).toBe('via proxy')
    expect(seen[0]!.url).toBe('/proxy/eso/tap_obs/sync?LANG=ADQL')
    expect(http.serviceUrl(`${base}/proxy/eso/tap_obs/async/123`)).toBe('https://archive.eso.org/tap_obs/async/123')
  })

  it('parses JSON and says so when the body is not JSON', async () => {
    handler = (_q, res) => res.end('{"a":1}')
    expect(await client().json(`${base}/j`)).toEqual({ a: 1 })
    handler = (_q, res) => res.end('<html>')
    await expect(client().json(`${base}/j`)).rejects.toThrow(/did not return JSON/)
  })
})

describe('encodeForm', () => {
  it('repeats array values and drops undefined', () => {
    expect(encodeForm({ UPLOAD: ['a,param:a', 'b,param:b'], X: undefined, N: 0 }).toString()).toBe(
      'UPLOAD=a%2Cparam%3Aa&UPLOAD=b%2Cparam%3Ab&N=0',
    )
  })
})

describe('statusKind', () => {
  it('names what an HTTP error status means', () => {
    expect([401, 403, 429, 503, 400, 404, 500, 502].map(statusKind)).toEqual(['needs-login', 'forbidden', 'busy', 'busy', 'http', 'http', 'http', 'http'])
  })
})
