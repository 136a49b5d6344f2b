import { describe, expect, it } from 'vitest'
import { HostBreaker } from './breaker'

describe('HostBreaker', () => {
  it('lets at most 3 requests a minute go to a host that cannot be reached, and all again once it answers', () => {
    let t = 0
    const b = new HostBreaker<string>(3, 60_000, () => t)
    expect(b.check('a.org')).toBeUndefined()
    b.trip('a.org', 'Cannot reach a.org (DNS lookup failed)')
    expect(b.check('a.org')).toBeUndefined()
    expect(b.check('a.org')).toBeUndefined()
    expect(b.check('a.org')).toBe('Cannot reach a.org (DNS lookup failed)')
    expect(b.check('b.org')).toBeUndefined()
    t = 60_000
    expect(b.check('a.org')).toBeUndefined()
    b.reset('a.org')
    for (let i = 0; i < 10; i++) expect(b.check('a.org')).toBeUndefined()
  })
})
