import { describe, expect, it } from 'vitest'
import { SLICE_MS, nextSlice, rowObjects } from './growingRows'

describe('growing rows', () => {
  it('row objects index the rows asked for', () => {
    expect(rowObjects(3, 6)).toEqual([{ i: 3 }, { i: 4 }, { i: 5 }])
    expect(rowObjects(5, 5)).toEqual([])
  })

  it('sizes the next slice to take about SLICE_MS, within bounds', () => {
    expect(nextSlice(10_000, SLICE_MS)).toBe(10_000)
    expect(nextSlice(10_000, SLICE_MS * 2)).toBe(5_000)
    // a slow step (the page was busy) never stalls the growth: at least a minimum slice
    expect(nextSlice(2_000, 10_000)).toBe(2_000)
    // a fast one does not add everything at once
    expect(nextSlice(1_000_000, 0)).toBe(50_000)
  })
})
