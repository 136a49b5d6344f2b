import { describe, expect, it } from 'vitest'
import { namesToResolve, placeTargets } from './placement'
import type { InputTarget } from '../../protocols/targets'

const list: InputTarget[] = [
  { index: 0, name: 'NGC 6397' },
  { index: 1, name: 'star', ra: 1, dec: 2 },
  { index: 2, name: 'Nowhere' },
  { index: 3, name: 'bad', error: 'unreadable' },
]

describe('placing a target list', () => {
  it('asks the resolver for names only, corrections included', () => {
    expect(namesToResolve(list, {})).toEqual(['NGC 6397', 'Nowhere'])
    expect(namesToResolve(list, { 2: 'eta Car', 3: '10 20' })).toEqual(['NGC 6397', 'eta Car'])
  })

  it('places given and resolved positions, lists the rest with why', () => {
    const answers = new Map([['NGC 6397', { ra: 265, dec: -53, resolved: 'S' }], ['Nowhere', { error: 'unknown' }]])
    const r = placeTargets(list, {}, answers)
    expect(r.placed.map((t) => [t.index, t.name, t.ra])).toEqual([[0, 'NGC 6397', 265], [1, 'star', 1]])
    expect(r.failures).toEqual([{ index: 2, text: 'Nowhere', error: 'unknown' }, { index: 3, text: 'bad', error: 'unreadable' }])
    const fixed = placeTargets(list, { 2: '30 10', 3: '5 6' }, answers)
    expect(fixed.failures).toEqual([])
    expect(fixed.placed.map((t) => [t.index, t.name, t.ra, t.dec])).toContainEqual([2, '30 10', 30, 10])
  })
})
