import { describe, expect, it } from 'vitest'
import { draftTargetText, positionOf } from './target'

describe('the target text to resolve while typing', () => {
  it('waits for typing to pause: the debounced text while the draft differs from the submitted target', () => {
    expect(draftTargetText('NGC 63', 'M 31', 'NGC 6')).toBe('NGC 6')
    expect(draftTargetText('NGC 6397', 'M 31', 'NGC 6397')).toBe('NGC 6397')
  })
  it('takes the submitted target at once when the draft is back to it (a link, a drawn circle)', () => {
    expect(draftTargetText('M 31', 'M 31', 'NGC 6397')).toBe('M 31')
  })
})

describe('positionOf', () => {
  it('is the position of a resolved target only', () => {
    const position = { ra: 10.68, dec: 41.27, source: 'coordinates' }
    expect(positionOf({ status: 'ok', position })).toBe(position)
    expect(positionOf({ status: 'resolving' })).toBeUndefined()
    expect(positionOf({ status: 'error', message: 'no' })).toBeUndefined()
    expect(positionOf({ status: 'none' })).toBeUndefined()
  })
})
