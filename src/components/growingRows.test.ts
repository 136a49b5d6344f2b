import { describe, expect, it } from 'vitest'
import { ADD_WEIGHT, SLICE_MS, nextSlice, rowObjects } from './growingRows'

describe('growing rows', () => {
  it('row objects index the rows asked for', () => {
    expect(rowObjects(3, 6)).toEqual([{ i: 3 }, { i: 4 }, { i: 5 }])
    expect(rowObjects(5, 5)).toEqual([])
  })

  it('sizes the next slice to take about SLICE_MS, counting the pass over the rows already in the grid', () => {
    // an empty grid: the cost is the rows added
    expect(nextSlice(0, 10_000, SLICE_MS)).toBe(Math.floor((10_000 * ADD_WEIGHT - 10_000) / ADD_WEIGHT))
    expect(nextSlice(0, 10_000, SLICE_MS / 2)).toBe(Math.floor((20_000 * ADD_WEIGHT - 10_000) / ADD_WEIGHT))
    // 20k rows there, 5k added, in half the budget: the unit is 25/2/35k ms; 70k units in the budget, 25k of them the pass
    expect(nextSlice(20_000, 5_000, SLICE_MS / 2)).toBe(15_000)
    // a fast step does not add everything at once
    expect(nextSlice(1_000_000, 1, 0)).toBe(50_000)
  })

  it('once the pass over the rows there takes the budget by itself, adds an eighth of them at a time', () => {
    expect(nextSlice(60_000, 4_000, 200)).toBe(8_000)
    // never less than a minimum slice (a busy page never stalls the growth)
    expect(nextSlice(2_000, 1_000, 10_000)).toBe(1_000)
  })

  it('starts with a first slice', () => {
    expect(nextSlice(0, 0, 0)).toBe(5_000)
  })
})
