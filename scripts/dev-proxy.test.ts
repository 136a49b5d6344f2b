import { describe, expect, it } from 'vitest'
import { handBackRedirect, proxyFailure, proxyTable, rewriteLocation } from './dev-proxy'

describe('dev proxy', () => {
  it('has a route for every proxy prefix of public/config.json, each stripping its prefix', () => {
    const table = proxyTable(new URL('../public/config.json', import.meta.url))
    const local = table['/proxy/local']!
    expect(local.target).toBe('http://127.0.0.1:18080')
    expect(local.rewrite!('/proxy/local/tap/sync')).toBe('/tap/sync')
    expect(table['/proxy/eso-archive']!.target).toBe('https://archive.eso.org')
  })

  it('rewrites redirects to the service onto the proxy prefix and leaves others alone', () => {
    const route = { origin: 'http://127.0.0.1:18080', prefix: '/proxy/local' }
    expect(rewriteLocation('http://127.0.0.1:18080/tap/async/abc', route)).toBe('/proxy/local/tap/async/abc')
    expect(rewriteLocation('http://127.0.0.1:180801/x', route)).toBe('http://127.0.0.1:180801/x')
    expect(rewriteLocation('https://elsewhere.org/x', route)).toBe('https://elsewhere.org/x')
  })

  it('hands a redirect back as a readable 200 when the app asks (X-Redirect-Mode), and leaves other answers alone', () => {
    const res = { statusCode: 303, headers: { location: 'https://elsewhere.org/job/1', 'content-type': 'text/html' } as Record<string, string | undefined> }
    expect(handBackRedirect(res)).toBe(true)
    expect(res.statusCode).toBe(200)
    expect(res.headers).toEqual({ 'x-upstream-status': '303', 'x-upstream-location': 'https://elsewhere.org/job/1', 'content-type': 'text/html' })
    const ok = { statusCode: 200, headers: {} as Record<string, string | undefined> }
    expect(handBackRedirect(ok)).toBe(false)
    expect(ok.statusCode).toBe(200)
    expect(handBackRedirect({ statusCode: 304, headers: { location: '/x' } })).toBe(false)
  })

  it('routes the login gateway of the auth profile', () => {
    const table = proxyTable(new URL('../public/config.json', import.meta.url))
    expect(table['/proxy/auth-gateway']!.target).toBe('http://127.0.0.1:18111')
  })
})

describe('dev proxy: its own failures are marked', () => {
  async function proxied(origin: string): Promise<Response> {
    const { createServer } = await import('vite')
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'proxy-'))
    const file = join(dir, 'config.json')
    writeFileSync(file, JSON.stringify({ proxyRoutes: [{ origin, prefix: '/proxy/x' }] }))
    const server = await createServer({ configFile: false, logLevel: 'silent', root: dir, server: { host: '127.0.0.1', port: 0, proxy: proxyTable(new URL(`file://${file}`)) } })
    await server.listen()
    try {
      const addr = server.httpServer!.address() as { port: number }
      return await fetch(`http://127.0.0.1:${addr.port}/proxy/x/tap/sync`)
    } finally {
      await server.close()
    }
  }

  it('a refused port: 502 with X-Proxy-Error refused and the host in words', async () => {
    const res = await proxied('http://127.0.0.1:9')
    expect(res.status).toBe(502)
    expect(res.headers.get('x-proxy-error')).toBe('refused')
    expect(res.headers.get('x-proxy-target')).toBe('127.0.0.1:9')
    expect(await res.text()).toBe('The proxy cannot reach 127.0.0.1:9 (connection refused).')
  })

  it('an unresolvable host: 502 with X-Proxy-Error dns', async () => {
    const res = await proxied('http://no-such-host.invalid')
    expect(res.status).toBe(502)
    expect(res.headers.get('x-proxy-error')).toBe('dns')
    expect(await res.text()).toContain('no-such-host.invalid (DNS lookup failed)')
  }, 30_000)

  it('classifies the other ways an origin cannot be reached', () => {
    const err = (code: string, message = '') => Object.assign(new Error(message), { code })
    expect(proxyFailure(err('ETIMEDOUT')).reason).toBe('timeout')
    expect(proxyFailure(err('ECONNRESET')).reason).toBe('reset')
    expect(proxyFailure(err('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).reason).toBe('tls')
    expect(proxyFailure(err('EHOSTUNREACH')).words).toBe('EHOSTUNREACH')
  })
})
