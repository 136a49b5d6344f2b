// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePorts, startHarness } from '../../../scripts/auth/spawn.mjs'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { AuthError, EXPIRY_MARGIN_MS, basicAuthorization, decodeJwtClaims, passwordGrant, sessionFromIdToken, usableUntil } from './token'

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const jwt = (claims: Record<string, unknown>) => `${b64url({ alg: 'RS256' })}.${b64url(claims)}.sig`

describe('token logic', () => {
  it('reads the claims of a JWT, including UTF-8 names', () => {
    expect(decodeJwtClaims(jwt({ sub: 'u', name: 'Jürgen Ø', exp: 1 }))).toEqual({ sub: 'u', name: 'Jürgen Ø', exp: 1 })
    expect(() => decodeJwtClaims('nonsense')).toThrow(AuthError)
    expect(() => decodeJwtClaims('a.%%%.c')).toThrow('not a readable JWT')
  })

  it('stops using the id_token 10 minutes before its exp, as astroquery does', () => {
    const exp = 1_800_000_000
    expect(EXPIRY_MARGIN_MS).toBe(600_000)
    expect(usableUntil(jwt({ exp }))).toBe(exp * 1000 - 600_000)
    expect(() => usableUntil(jwt({ sub: 'x' }))).toThrow('no expiry')
  })

  it('names the user from preferred_username and name', () => {
    const s = sessionFromIdToken(jwt({ sub: 's1', preferred_username: 'esoteam', name: 'ESO Team', exp: 2_000_000_000 }))
    expect(s).toMatchObject({ username: 'esoteam', displayName: 'ESO Team', expiresAt: 2_000_000_000_000 - 600_000 })
  })

  it('builds Basic credentials as base64 of UTF-8 user:password', () => {
    expect(basicAuthorization('esoteam', 's3cret')).toBe('Basic ' + Buffer.from('esoteam:s3cret').toString('base64'))
    expect(basicAuthorization('jörg', 'pä:ss')).toBe('Basic ' + Buffer.from('jörg:pä:ss', 'utf8').toString('base64'))
    expect(() => basicAuthorization('a:b', 'x')).toThrow(':')
  })
})

describe("ESO's password grant against the real OpenID provider", () => {
  let harness: Awaited<ReturnType<typeof startHarness>>
  const http = new HttpClient({ proxy: new ProxyMap([], 'http://127.0.0.1:1'), retryBaseDelayMs: 1 })
  beforeAll(async () => {
    const [provider, gateway, foreign] = await freePorts(3)
    harness = await startHarness({ provider, gateway, foreign })
  }, 30_000)
  afterAll(() => harness?.stop())

  for (const method of ['GET', 'POST'] as const) {
    it(`logs in with ${method} and returns the id_token as the Bearer, 8 hours minus the margin`, async () => {
      const before = Date.now()
      const s = await passwordGrant(http, { tokenUrl: `${harness.issuer}/token`, clientId: 'clientid', method }, 'esoteam', 's3cret')
      const claims = decodeJwtClaims(s.bearer)
      expect(claims.iss).toBe(harness.issuer)
      expect(claims.aud).toBe('clientid')
      expect(claims.groups).toEqual(['esoteam'])
      expect(s.username).toBe('esoteam')
      expect(s.displayName).toBe('ESO Team')
      const hours = (s.expiresAt + EXPIRY_MARGIN_MS - before) / 3_600_000
      expect(hours).toBeGreaterThan(7.99)
      expect(hours).toBeLessThanOrEqual(8.01)
    })
  }

  it('says "Wrong username or password" for a bad password, and asks for empty fields', async () => {
    const s = { tokenUrl: `${harness.issuer}/token`, clientId: 'clientid', method: 'POST' as const }
    await expect(passwordGrant(http, s, 'esoteam', 'nope')).rejects.toThrow('Wrong username or password')
    await expect(passwordGrant(http, s, 'nobody', 'x')).rejects.toThrow('Wrong username or password')
    await expect(passwordGrant(http, s, ' ', '')).rejects.toThrow('Enter your username and password')
  })
})
