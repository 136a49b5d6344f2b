import { describe, expect, it } from 'vitest'
import { createCredentialPolicy, type Credentials } from './policy'
import { authFailureMessage, parseChallenge } from './challenge'
import type { AuthSettings } from '../../config/types'

const auth: AuthSettings = {
  basic: true,
  bearerOrigins: ['https://archive.eso.org', 'https://dataportal.eso.org'],
  basicOrigins: ['https://dataportal.eso.org'],
}
const endpoints = {
  tap_obs: 'https://archive.eso.org/tap_obs',
  tap_cat: 'https://archive.eso.org/tap_cat',
  datalink: 'https://archive.eso.org/datalink/links',
  calselector: 'https://archive.eso.org/calselector/v1/associations',
  file: 'https://dataportal.eso.org/dataPortal/file',
}

function policy(c: Partial<Credentials>) {
  return createCredentialPolicy(auth, endpoints, () => ({ authorisedQuery: false, ...c }))
}
const ask = (p: ReturnType<typeof policy>, url: string) => p(new URL(url))?.Authorization

describe('credential policy', () => {
  it('sends the Bearer to tap_obs only with "authorised query" on', () => {
    expect(ask(policy({ bearer: 'T' }), 'https://archive.eso.org/tap_obs/sync')).toBeUndefined()
    expect(ask(policy({ bearer: 'T', authorisedQuery: true }), 'https://archive.eso.org/tap_obs/sync')).toBe('Bearer T')
    expect(ask(policy({ bearer: 'T', authorisedQuery: true }), 'https://archive.eso.org/tap_obs/async/123/results/result')).toBe('Bearer T')
  })

  it('treats a TAP service the user added on a Bearer origin like tap_obs: the token only with the switch on', () => {
    const added = ['https://archive.eso.org/tap_other']
    expect(ask(policy({ bearer: 'T', addedTapServices: added }), 'https://archive.eso.org/tap_other/sync')).toBeUndefined()
    expect(ask(policy({ bearer: 'T', addedTapServices: added }), 'https://archive.eso.org/tap_other/async/7')).toBeUndefined()
    expect(ask(policy({ bearer: 'T', addedTapServices: added, authorisedQuery: true }), 'https://archive.eso.org/tap_other/sync')).toBe('Bearer T')
    // a service added on a foreign host never gets it
    expect(ask(policy({ bearer: 'T', addedTapServices: ['https://evil.example/tap'], authorisedQuery: true }), 'https://evil.example/tap/sync')).toBeUndefined()
    // other archive URLs (DataLink…) still do while logged in
    expect(ask(policy({ bearer: 'T', addedTapServices: added }), 'https://archive.eso.org/datalink/links?ID=x')).toBe('Bearer T')
  })

  it('never sends anything to tap_cat, even with the switch on', () => {
    expect(ask(policy({ bearer: 'T', authorisedQuery: true, basic: 'Basic x' }), 'https://archive.eso.org/tap_cat/sync')).toBeUndefined()
  })

  it('sends the Bearer to DataLink, calSelector and file downloads while logged in', () => {
    const p = policy({ bearer: 'T' })
    expect(ask(p, 'https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?X')).toBe('Bearer T')
    expect(ask(p, 'https://archive.eso.org/calselector/v1/associations?dp_ids=X')).toBe('Bearer T')
    expect(ask(p, 'https://dataportal.eso.org/dataPortal/file/ADP.2019-01-15T15:50:07.007')).toBe('Bearer T')
    expect(ask(policy({}), 'https://dataportal.eso.org/dataPortal/file/X')).toBeUndefined()
  })

  it('never sends a credential to another origin, whatever the path looks like', () => {
    const p = policy({ bearer: 'T', authorisedQuery: true, basic: 'Basic x' })
    for (const url of [
      'https://evil.example/tap_obs/sync',
      'http://archive.eso.org/datalink/links', // other scheme, other origin
      'https://archive.eso.org:8443/datalink/links',
      'https://archive.eso.org.evil.example/datalink/links',
      'https://www.eso.org/sso/oidc/token',
    ]) expect(ask(p, url), url).toBeUndefined()
  })

  it('sends Basic only to its own origins and never to TAP', () => {
    const p = policy({ basic: 'Basic dTpw' })
    expect(ask(p, 'https://dataportal.eso.org/dataPortal/file/X')).toBe('Basic dTpw')
    expect(ask(p, 'https://archive.eso.org/datalink/links?ID=X')).toBeUndefined()
    const local = createCredentialPolicy({ ...auth, basicOrigins: ['http://127.0.0.1:18080'] }, { tap_obs: 'http://127.0.0.1:18080/tap', tap_cat: 'http://127.0.0.1:18080/tap' }, () => ({ basic: 'Basic dTpw', authorisedQuery: true }))
    expect(local(new URL('http://127.0.0.1:18080/tap/sync'))).toBeUndefined()
    expect(local(new URL('http://127.0.0.1:18080/getproduct/x.fits'))?.Authorization).toBe('Basic dTpw')
  })

  it('prefers the Bearer where both may go, and reads the credentials afresh on every request', () => {
    let c: Credentials = { bearer: 'A', basic: 'Basic x', authorisedQuery: false }
    const p = createCredentialPolicy(auth, endpoints, () => c)
    expect(ask(p, 'https://dataportal.eso.org/dataPortal/file/X')).toBe('Bearer A')
    c = { authorisedQuery: false } // logged out
    expect(ask(p, 'https://dataportal.eso.org/dataPortal/file/X')).toBeUndefined()
  })
})

describe('401 and 403 in words', () => {
  it('parses Bearer and Basic challenges', () => {
    expect(parseChallenge('Bearer realm="x", error="invalid_token", error_description="the token has expired"')).toEqual({
      scheme: 'Bearer',
      params: { realm: 'x', error: 'invalid_token', error_description: 'the token has expired' },
    })
    expect(parseChallenge('Basic realm=eso')).toEqual({ scheme: 'Basic', params: { realm: 'eso' } })
    expect(parseChallenge(null)).toBeUndefined()
  })

  it('says log in, log in again, or no permission', () => {
    expect(authFailureMessage(401, 'Basic realm="eso"', 'h')).toMatch(/needs a login .*log in and try again/)
    expect(authFailureMessage(401, undefined, 'h')).toMatch(/needs a login/)
    expect(authFailureMessage(401, 'Bearer error="invalid_token", error_description="the token has expired"', 'h')).toBe(
      'h did not accept your login (the token has expired): log in again.',
    )
    expect(authFailureMessage(403, undefined, 'h')).toMatch(/You lack permission/)
    expect(authFailureMessage(404, undefined, 'h')).toBeUndefined()
  })
})
