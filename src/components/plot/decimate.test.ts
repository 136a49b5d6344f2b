import { describe, expect, it } from 'vitest'
import { decimateMinMax, sortByX } from './decimate'
import { isoToUnixSeconds } from '../../protocols/table'

describe('plot decimation', () => {
  it('sorts by x and drops points that cannot be drawn', () => {
    const { x, y } = sortByX(Float64Array.of(3, 1, NaN, 2), Float64Array.of(30, 10, 5, NaN))
    expect([...x]).toEqual([1, 3])
    expect([...y]).toEqual([10, 30])
  })

  it('reduces 100k points to at most 4 per bucket and keeps every extreme', () => {
    const n = 100_000
    const x = Float64Array.from({ length: n }, (_, i) => i)
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 500))
    y[54321] = 42 // a spike
    y[777] = -42
    const d = decimateMinMax(x, y, 1000)
    expect(d.x.length).toBeLessThanOrEqual(4000)
    expect(d.x.length).toBeGreaterThan(1000)
    expect(Math.max(...d.y)).toBe(42)
    expect(Math.min(...d.y)).toBe(-42)
    expect(d.x[0]).toBe(0)
    expect(d.x[d.x.length - 1]).toBe(n - 1)
    for (let i = 1; i < d.x.length; i++) expect(d.x[i]!).toBeGreaterThanOrEqual(d.x[i - 1]!)
  })

  it('leaves small series alone', () => {
    const x = Float64Array.of(1, 2, 3)
    expect(decimateMinMax(x, x, 1000).x).toBe(x)
  })

  it('reads timestamps without a zone as UTC', () => {
    expect(isoToUnixSeconds('2021-05-04T21:00:00')).toBe(Date.UTC(2021, 4, 4, 21) / 1000)
    expect(isoToUnixSeconds('2021-05-04T21:00:00.500Z')).toBe(Date.UTC(2021, 4, 4, 21) / 1000 + 0.5)
    expect(isoToUnixSeconds('')).toBeNaN()
  })
})
