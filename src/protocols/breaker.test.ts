import { describe, expect, it } from 'vitest'
import { HostBreaker } from './breaker'

describe('HostBreaker', () => {
  it('lets at most 3 requests a minute go to a host that cannot be reached, and all again once it answers', async () => {
    let t = 0
    const b = new HostBreaker<string>(3, 60_000, () => t)
    expect(await b.admit('a.org')).toBeUndefined()
    b.unreachable('a.org', 'Cannot reach a.org (DNS lookup failed)')
    expect(await b.admit('a.org')).toBeUndefined()
    expect(await b.admit('a.org')).toBeUndefined()
    expect(await b.admit('a.org')).toBe('Cannot reach a.org (DNS lookup failed)')
    t = 60_000
    expect(await b.admit('a.org')).toBeUndefined()
    b.reached('a.org')
    for (let i = 0; i < 10; i++) expect(await b.admit('a.org')).toBeUndefined()
  })

  it('holds a burst to a host not yet heard from to 3 in flight; the rest go when it answers, or fail when it cannot be reached', async () => {
    const b = new HostBreaker<string>()
    const first = await Promise.all([b.admit('new.org'), b.admit('new.org'), b.admit('new.org')])
    expect(first).toEqual([undefined, undefined, undefined])
    let fourth: string | undefined | 'pending' = 'pending'
    void b.admit('new.org').then((r) => (fourth = r))
    await Promise.resolve()
    expect(fourth).toBe('pending')
    b.reached('new.org')
    await new Promise((r) => setTimeout(r, 0))
    expect(fourth).toBeUndefined()

    const down = new HostBreaker<string>()
    await Promise.all([down.admit('gone.org'), down.admit('gone.org'), down.admit('gone.org')])
    const waiting = down.admit('gone.org')
    down.unreachable('gone.org', 'Cannot reach gone.org')
    expect(await waiting).toBe('Cannot reach gone.org')
  })

  it('frees the slot of a request that ended without an answer', async () => {
    const b = new HostBreaker<string>(1)
    await b.admit('slow.org')
    const next = b.admit('slow.org')
    b.released('slow.org')
    expect(await next).toBeUndefined()
  })
})
