import { describe, expect, it } from 'vitest'
import { allShown, clickSelection, sameRows, type DisplayOrder } from './gridSelection'

/** Rows shown in this order (the others are filtered out). */
const shown = (rows: number[]): DisplayOrder => ({ count: () => rows.length, rowAt: (k) => rows[k], positionOf: (r) => rows.indexOf(r) })

describe('grid selection', () => {
  const order = shown([5, 2, 9, 0, 7])
  // rows 100 and 200 were selected on the sky: their pages were never shown
  const sky = new Set([100, 200, 2])

  it('a Ctrl/Cmd+click toggles one row and keeps every other, shown or not', () => {
    expect([...clickSelection(sky, 9, { ctrl: true, shift: false }, undefined, order).rows].sort((a, b) => a - b)).toEqual([2, 9, 100, 200])
    const off = clickSelection(sky, 2, { ctrl: true, shift: false }, undefined, order)
    expect([...off.rows].sort((a, b) => a - b)).toEqual([100, 200])
    expect(off.anchor).toBe(2)
  })

  it('a plain click replaces the selection', () => {
    expect([...clickSelection(sky, 0, { ctrl: false, shift: false }, 5, order).rows]).toEqual([0])
  })

  it('a Shift+click takes the rows between in the order shown; with Ctrl it adds them', () => {
    const r = clickSelection(sky, 0, { ctrl: false, shift: true }, 2, order)
    expect([...r.rows].sort((a, b) => a - b)).toEqual([0, 2, 9])
    expect(r.anchor).toBe(2)
    expect([...clickSelection(sky, 5, { ctrl: true, shift: true }, 9, order).rows].sort((a, b) => a - b)).toEqual([2, 5, 9, 100, 200])
    // an anchor no longer shown: a plain click
    expect([...clickSelection(sky, 5, { ctrl: false, shift: true }, 100, order).rows]).toEqual([5])
  })

  it('select all takes the rows shown; rows compare as sets', () => {
    expect([...allShown(order)]).toEqual([5, 2, 9, 0, 7])
    expect(sameRows(new Set([1, 2]), [2, 1])).toBe(true)
    expect(sameRows(new Set([1, 2]), [2])).toBe(false)
  })
})
