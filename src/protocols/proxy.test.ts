import { describe, expect, it } from 'vitest'
import { ProxyMap } from './proxy'

const routes = [
  { origin: 'https://archive.eso.org', prefix: '/proxy/eso-archive' },
  { origin: 'https://archive.eso.org:8443', prefix: '/proxy/eso-archive-alt' },
  { origin: 'http://127.0.0.1:18080', prefix: '/proxy/local' },
]
const app = 'http://127.0.0.1:5173'

describe('ProxyMap', () => {
  const map = new ProxyMap(routes, app)

  it('rewrites a configured origin onto its prefix, keeping path and query', () => {
    expect(map.toRequestUrl('https://archive.eso.org/tap_obs/async/1a2b?WAIT=30')).toBe(`${app}/proxy/eso-archive/tap_obs/async/1a2b?WAIT=30`)
    expect(map.toRequestUrl('http://127.0.0.1:18080/getproduct/eso/data/x.fits')).toBe(`${app}/proxy/local/getproduct/eso/data/x.fits`)
  })

  it('leaves unknown origins alone (direct access)', () => {
    expect(map.toRequestUrl('https://other.example/tap/sync')).toBe('https://other.example/tap/sync')
    // same host, other port is another origin
    expect(map.toRequestUrl('http://127.0.0.1:18081/tap')).toBe('http://127.0.0.1:18081/tap')
  })

  it('maps proxied URLs back to the service URL, longest prefix first', () => {
    expect(map.toServiceUrl(`${app}/proxy/eso-archive-alt/x`)).toBe('https://archive.eso.org:8443/x')
    expect(map.toServiceUrl(`${app}/proxy/eso-archive/tap_obs`)).toBe('https://archive.eso.org/tap_obs')
    expect(map.toServiceUrl(`${app}/proxy/local`)).toBe('http://127.0.0.1:18080/')
    expect(map.toServiceUrl(`${app}/proxy/localx/a`)).toBe(`${app}/proxy/localx/a`)
  })

  it('goes direct for origins the profile does not proxy', () => {
    const direct = new ProxyMap(routes, app, new Set(['http://127.0.0.1:18080']))
    expect(direct.toRequestUrl('https://archive.eso.org/tap_obs')).toBe('https://archive.eso.org/tap_obs')
    expect(direct.isCrossOrigin('https://archive.eso.org/tap_obs')).toBe(true)
    expect(direct.isCrossOrigin('http://127.0.0.1:18080/tap')).toBe(false)
  })
})
