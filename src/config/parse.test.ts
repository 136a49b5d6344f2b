import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, normaliseServiceUrl, parseRuntimeConfig } from './parse'

const shipped = JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8'))

describe('runtime configuration', () => {
  it('reads the shipped config: ESO is the default, local points at the loopback archive', () => {
    const c = parseRuntimeConfig(shipped)
    expect(c.defaultProfile).toBe('eso')
    expect(c.profiles.eso!.endpoints.tap_obs).toBe('https://archive.eso.org/tap_obs')
    expect(c.profiles.eso!.endpoints.soda).toBe('https://dataportal.eso.org/dataPortal/soda/sync')
    expect(c.profiles.local!.endpoints.tap_obs).toBe('http://127.0.0.1:18080/tap')
    expect(c.profiles.local!.hips).toBeNull()
    expect(c.profiles.local!.idTemplate).toBe('ivo://eso.localtest/ID?{dp_id}')
    expect(c.profiles.eso!.idTemplate).toBe('ivo://eso.org/ID?{dp_id}')
    // empty endpoints are simply absent
    expect(c.profiles.local!.endpoints.oidc_token).toBeUndefined()
    // every ESO service origin has a proxy route
    for (const url of Object.values(c.profiles.eso!.endpoints).filter((u) => !u!.includes('cds.unistra'))) {
      expect(c.proxyRoutes.some((r) => r.origin === new URL(url!).origin)).toBe(true)
    }
  })

  it('names the wrong key in its messages', () => {
    expect(() => parseRuntimeConfig({ profiles: {} })).toThrow(/at least one profile/)
    expect(() => parseRuntimeConfig({ profiles: { a: { endpoints: { tap_ob: 'https://x/tap' } } } })).toThrow(/profiles\.a\.endpoints\.tap_ob is not a known endpoint/)
    expect(() => parseRuntimeConfig({ profiles: { a: { endpoints: {}, access: 'tunnel' } } })).toThrow(/profiles\.a\.access/)
    expect(() => parseRuntimeConfig({ profiles: { a: { endpoints: {}, idTemplate: 'ivo://x' } } })).toThrow(/idTemplate must contain \{dp_id\}/)
    expect(() => parseRuntimeConfig({ defaultProfile: 'b', profiles: { a: { endpoints: {} } } })).toThrow(/defaultProfile "b"/)
    expect(() => parseRuntimeConfig({ profiles: { a: { endpoints: {} } }, proxyRoutes: [{ origin: 'https://x', prefix: 'noslash' }] })).toThrow(ConfigError)
  })

  it('reads hips as none, one survey or a list of them (the first is the default)', () => {
    const profile = (hips: unknown) => parseRuntimeConfig({ profiles: { a: { endpoints: {}, hips } } }).profiles.a!
    expect(profile(null)).toMatchObject({ hips: null, surveys: [] })
    expect(profile(undefined)).toMatchObject({ hips: null, surveys: [] })
    expect(profile('CDS/P/DSS2/color')).toMatchObject({ hips: 'CDS/P/DSS2/color', surveys: ['CDS/P/DSS2/color'] })
    expect(profile(['https://alasky.cds.unistra.fr/DSS/DSSColor', 'CDS/P/2MASS/color'])).toMatchObject({ hips: 'https://alasky.cds.unistra.fr/DSS/DSSColor', surveys: ['https://alasky.cds.unistra.fr/DSS/DSSColor', 'CDS/P/2MASS/color'] })
    expect(profile([])).toMatchObject({ hips: null, surveys: [] })
    expect(() => profile(['CDS/P/DSS2/color', 3])).toThrow(/profiles\.a\.hips\[1\] must be a HiPS id or URL/)
    expect(() => profile('')).toThrow(/profiles\.a\.hips must be a HiPS id or URL/)
  })

  it('accepts only credential-free http(s) service URLs', () => {
    expect(normaliseServiceUrl(' https://archive.eso.org/tap_obs/ ', 'x')).toBe('https://archive.eso.org/tap_obs')
    expect(() => normaliseServiceUrl('archive.eso.org/tap_obs', 'TAP')).toThrow(/TAP: "archive.eso.org\/tap_obs" is not an absolute URL/)
    expect(() => normaliseServiceUrl('javascript:alert(1)', 'TAP')).toThrow(/only http and https/)
    expect(() => normaliseServiceUrl('https://user:pw@host/tap', 'TAP')).toThrow(/must not carry credentials/)
  })

  it('reads the login settings: which origins get the Bearer and which the Basic credentials', () => {
    const c = parseRuntimeConfig(shipped)
    expect(c.profiles.eso!.auth).toEqual({
      passwordGrant: { tokenUrl: 'https://www.eso.org/sso/oidc/token', clientId: 'clientid', method: 'GET' },
      basic: true,
      bearerOrigins: ['https://archive.eso.org', 'https://dataportal.eso.org'],
      basicOrigins: ['https://dataportal.eso.org'],
    })
    expect(c.profiles.local!.auth!.oidc).toEqual({ authority: 'http://127.0.0.1:18110', clientId: 'eso-archive-explorer', scope: 'openid profile email groups' })
    expect(c.profiles['local-auth']!.auth!.bearerOrigins).toEqual(['http://127.0.0.1:18111'])
    expect(c.profiles['local-auth']!.endpoints.tap_cat).toBe('http://127.0.0.1:18080/tap')
  })

  it('rejects login settings that are not plain origins or lack a client id', () => {
    const with_ = (auth: unknown) => ({ profiles: { p: { endpoints: {}, auth } } })
    expect(() => parseRuntimeConfig(with_({ bearerOrigins: ['https://archive.eso.org/tap_obs'] }))).toThrow('profiles.p.auth.bearerOrigins[0] must be an origin')
    expect(() => parseRuntimeConfig(with_({ bearerOrigins: ['https://u:p@archive.eso.org'] }))).toThrow('must not carry credentials')
    expect(() => parseRuntimeConfig(with_({ oidc: { authority: 'https://sso.example' } }))).toThrow('profiles.p.auth.oidc needs "authority" (URL) and "clientId"')
    expect(() => parseRuntimeConfig(with_({ passwordGrant: { tokenUrl: 'https://sso.example/token', clientId: 'c', method: 'PUT' } }))).toThrow('must be "GET" or "POST"')
    expect(parseRuntimeConfig(with_({ bearerOrigins: ['https://Archive.ESO.org/'] })).profiles.p!.auth).toEqual({ basic: false, bearerOrigins: ['https://archive.eso.org'], basicOrigins: [] })
  })
})
