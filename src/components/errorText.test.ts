import { describe, expect, it } from 'vitest'
import { DalError } from '../protocols/dal'
import { QueryError } from '../protocols/errors'
import { errorText } from './errorText'

describe('errorText', () => {
  it('gives each kind its title in words', () => {
    const of = (kind: DalError['kind'], extra = {}) => errorText(new DalError(kind, 'm', { url: 'https://archive.eso.org/tap_obs/sync', ...extra }))
    expect(of('needs-login')).toEqual({ title: 'You need to log in for this', hint: 'Log in (top right) and try again.' })
    expect(of('forbidden').title).toBe('Your login does not give access to this')
    expect(of('busy', { retryAfterMs: 30_000 }).title).toBe('The service is busy — try again in 30 s')
    expect(of('busy').title).toBe('The service is busy — try again later')
    expect(of('proxy-unreachable')).toEqual({ title: 'Cannot reach archive.eso.org', hint: 'Check the network, or switch to the Local archive profile.' })
    expect(of('network').title).toBe('The service could not be reached')
    expect(of('timeout').title).toBe('The service took too long')
    expect(of('aborted').title).toBe('Cancelled')
    expect(of('http', { status: 500 }).title).toBe('The service answered with an error (HTTP 500)')
    expect(of('bad-response').title).toBe("The service's answer could not be read")
    expect(of('partial').title).toBe('The result is incomplete')
    expect(errorText(new Error('x')).title).toBe('The request failed')
  })

  it('says where the service found the problem in the query', () => {
    const t = errorText(new QueryError("near 'x'", 'u', { position: { line: 1, column: 8 } }))
    expect(t).toEqual({ title: 'The service rejected the query', where: 'at line 1, column 8' })
  })

  it('a TAP or SSAP refusal is of a query; a DataLink or SODA one of a request', () => {
    expect(errorText(new QueryError('x', 'https://archive.eso.org/tap_obs/sync')).title).toBe('The service rejected the query')
    expect(errorText(new QueryError('x', 'http://127.0.0.1:18080/eso/q/ssap/ssap.xml?POS=1,2')).title).toBe('The service rejected the query')
    expect(errorText(new QueryError('NotFoundFault', 'https://archive.eso.org/datalink/links?ID=x')).title).toBe('The service rejected the request')
    expect(errorText(new QueryError('UsageError', 'https://dataportal.eso.org/dataPortal/soda/sync?ID=x')).title).toBe('The service rejected the request')
  })
})
