import { describe, expect, it } from 'vitest'
import { compareRows, extendKeys, mergeRows, rowRange, sortDistinct, sortRows, type Keys, type SortKey } from './rowSort'

const nums = (v: (number | null)[]): Keys => extendKeys(undefined, 'number', (r) => v[r], v.length)
const strs = (v: (string | null)[]): Keys => extendKeys(undefined, 'string', (r) => v[r], v.length)
const mixed = (v: (number | string | null)[]): Keys => extendKeys(undefined, 'mixed', (r) => v[r], v.length)
const sorted = (keys: SortKey[], n: number) => Array.from(sortRows(rowRange(0, n), keys))

/** The order a plain comparator sort gives (Array.prototype.sort is stable): the reference for the radix sort. */
function reference(keys: SortKey[], n: number) {
  return Array.from({ length: n }, (_, r) => r).sort((a, b) => compareRows(keys, a, b))
}

describe('row sort on the column store', () => {
  it('sorts numbers both ways, stable, with null and NaN last both ways', () => {
    const v = [3, null, -1, 3, NaN, 0, -0, 2.5, -Infinity, Infinity, 3]
    const k = nums(v)
    expect(sorted([{ keys: k, desc: false }], v.length)).toEqual([8, 2, 5, 6, 7, 0, 3, 10, 9, 1, 4])
    // equal keys keep row order in both directions; the empty cells stay last
    expect(sorted([{ keys: k, desc: true }], v.length)).toEqual([9, 0, 3, 10, 7, 5, 6, 2, 8, 1, 4])
  })

  it('orders negative and positive doubles and integers by value, not by their bits', () => {
    const v = [1e300, -1e-300, 5e-324, -5e-324, -(2 ** 53), 2 ** 53, 1, -1, 0.1, -0.1]
    const asc = sorted([{ keys: nums(v), desc: false }], v.length).map((r) => v[r])
    expect(asc).toEqual([...v].sort((a, b) => a - b))
  })

  it('sorts strings in plain code-unit order, null last, stable', () => {
    const v = ['b', null, 'B', 'a', 'b', '', 'ä', 'a10', 'a9', null]
    const k = strs(v)
    expect(sorted([{ keys: k, desc: false }], v.length).map((r) => v[r])).toEqual(['', 'B', 'a', 'a10', 'a9', 'b', 'b', 'ä', null, null])
    expect(sorted([{ keys: k, desc: false }], v.length)).toEqual([5, 2, 3, 7, 8, 0, 4, 6, 1, 9])
    expect(sorted([{ keys: k, desc: true }], v.length)).toEqual([6, 0, 4, 8, 7, 3, 2, 5, 1, 9])
  })

  it('sorts a mix of numbers and strings: numbers first ascending, empty last', () => {
    const v = ['x', 2, null, 1, 'a', NaN, 2]
    const k = mixed(v)
    expect(sorted([{ keys: k, desc: false }], v.length).map((r) => v[r])).toEqual([1, 2, 2, 'a', 'x', null, NaN])
    expect(sorted([{ keys: k, desc: true }], v.length)).toEqual([0, 4, 1, 6, 3, 2, 5])
  })

  it('sorts by several columns, the first first', () => {
    const a = strs(['m', 'n', 'm', 'n', 'm'])
    const b = nums([5, 1, 3, null, 3])
    expect(sorted([{ keys: a, desc: false }, { keys: b, desc: true }], 5)).toEqual([0, 2, 4, 1, 3])
    expect(sorted([{ keys: b, desc: false }, { keys: a, desc: true }], 5)).toEqual([1, 2, 4, 0, 3])
  })

  it('matches a comparator sort on many random rows with ties (the radix passes over 16 bits)', () => {
    let seed = 7
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296
    const n = 30_000
    const v = Array.from({ length: n }, () => (rnd() < 0.05 ? null : Math.round((rnd() - 0.5) * 1e6) / 8))
    const s = Array.from({ length: n }, () => (rnd() < 0.05 ? null : `s${Math.floor(rnd() * 40_000)}`))
    for (const desc of [false, true]) {
      expect(sorted([{ keys: nums(v), desc }], n)).toEqual(reference([{ keys: nums(v), desc }], n))
      expect(sorted([{ keys: strs(s), desc }], n)).toEqual(reference([{ keys: strs(s), desc }], n))
    }
  })

  it('sorts many distinct strings with long shared prefixes, prefixes of each other, NUL and non-ASCII units', () => {
    let seed = 3
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296
    const units = ['a', 'b', 'A', '0', '\0', 'é', '\uffff', '\ud83d\ude00', '-', '']
    const set = new Set<string>()
    while (set.size < 20_000) {
      let s = rnd() < 0.7 ? 'ivo://eso.org/ID?ADP.20' : ''
      const len = Math.floor(rnd() * 12)
      for (let c = 0; c < len; c++) s += units[Math.floor(rnd() * units.length)]
      set.add(s)
    }
    const strings = [...set]
    const want = [...strings].sort()
    expect(Array.from(sortDistinct(strings), (x) => strings[x])).toEqual(want)
  })

  it('rows arriving later merge into a sorted order as a whole sort would place them', () => {
    const v: (number | null)[] = [4, 2, null, 2, 9, 1, 2, null, 0, 4]
    let k = extendKeys(undefined, 'number', (r) => v[r], 6)
    const first = sortRows(rowRange(0, 6), [{ keys: k, desc: true }])
    k = extendKeys(k, 'number', (r) => v[r], 10)
    const keys = [{ keys: k, desc: true }]
    const merged = mergeRows(first, sortRows(rowRange(6, 10), keys), keys)
    expect(Array.from(merged)).toEqual(sorted(keys, 10))
    expect(Array.from(merged).map((r) => v[r])).toEqual([9, 4, 4, 2, 2, 2, 1, 0, null, null])
  })

  it('reads numbers from booleans and big integers; other values as text', () => {
    const k = extendKeys(undefined, 'number', (r) => [true, 5n, null, false][r], 4)
    expect(Array.from((k as { k: Float64Array }).k.subarray(0, 4))).toEqual([1, 5, NaN, 0])
    expect(sorted([{ keys: k, desc: false }], 4)).toEqual([3, 0, 1, 2])
  })
})
