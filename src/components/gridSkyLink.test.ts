import { describe, expect, it } from 'vitest'
import { addedRows, focusAfter, gridRow, sameRows, skyRow } from './gridSkyLink'

describe('selections shared by the grid and the sky', () => {
  it('are the same whatever the order (the grid reports sorted rows, the sky in hit order)', () => {
    expect(sameRows([3, 1, 2], [1, 2, 3])).toBe(true)
    expect(sameRows([], [])).toBe(true)
    expect(sameRows([1, 2], [1, 2, 3])).toBe(false)
    expect(sameRows([1, 2], [1, 3])).toBe(false)
  })
  it('tell the rows a selection added', () => {
    expect(addedRows([1, 2], [2, 5, 1, 7])).toEqual([5, 7])
    expect(addedRows([1, 2], [1])).toEqual([])
  })
})

describe('where the sky pans after a grid selection', () => {
  it('goes to the last row added, with a new sequence number each time', () => {
    const f = focusAfter(undefined, [], [4])
    expect(f).toEqual({ row: 4, seq: 1 })
    expect(focusAfter(f, [4], [4, 9, 2])).toEqual({ row: 2, seq: 2 })
    // the same row again still pans (a new seq)
    expect(focusAfter({ row: 4, seq: 2 }, [], [4])).toEqual({ row: 4, seq: 3 })
  })
  it('stays when rows were only removed', () => {
    const f = { row: 4, seq: 2 }
    expect(focusAfter(f, [4, 9], [9])).toBe(f)
    expect(focusAfter(undefined, [4], [])).toBeUndefined()
  })
})

describe('the hovered row', () => {
  it('is -1 on the sky and undefined in the grid when there is none; otherwise the same row index', () => {
    expect(skyRow(undefined)).toBe(-1)
    expect(skyRow(0)).toBe(0)
    expect(gridRow(-1)).toBeUndefined()
    expect(gridRow(0)).toBe(0)
    expect(gridRow(12)).toBe(12)
  })
})
