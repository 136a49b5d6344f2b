import { describe, expect, it } from 'vitest'
import { syncGetUrl } from './sync'

describe('syncGetUrl', () => {
  it('puts the query, its language and MAXREC into a sync GET URL', () => {
    const u = new URL(syncGetUrl('http://127.0.0.1:18080/tap/', { query: 'SELECT TOP 3 * FROM ivoa.ObsCore WHERE s_ra > 10', maxrec: 5 }))
    expect(u.origin + u.pathname).toBe('http://127.0.0.1:18080/tap/sync')
    expect(Object.fromEntries(u.searchParams)).toEqual({ REQUEST: 'doQuery', LANG: 'ADQL', QUERY: 'SELECT TOP 3 * FROM ivoa.ObsCore WHERE s_ra > 10', MAXREC: '5' })
  })
  it('leaves out MAXREC when the service default applies, and keeps a format', () => {
    const u = new URL(syncGetUrl('https://archive.eso.org/tap_obs', { query: 'SELECT 1', format: 'votable/b2' }))
    expect(u.searchParams.has('MAXREC')).toBe(false)
    expect(u.searchParams.get('RESPONSEFORMAT')).toBe('votable/b2')
  })
})
