import { describe, expect, it } from 'vitest'
import { handBackRedirect, proxyTable, rewriteLocation } from './dev-proxy'

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
