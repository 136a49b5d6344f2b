import { describe, expect, it } from 'vitest'
import { isGeometryXtype, parseDaliCircle, parseDaliPoint, parseDaliPolygon, parseGeometryValue, StcsSyntaxError } from './index'

describe('DALI geometry values', () => {
  it('reads polygon, circle and point as number arrays', () => {
    expect(parseGeometryValue('polygon', [10, 20, 11, 20, 11, 21])).toEqual({
      kind: 'polygon',
      frame: 'ICRS',
      vertices: [[10, 20], [11, 20], [11, 21]],
    })
    expect(parseGeometryValue('circle', new Float64Array([10, 20, 0.5]))).toEqual({ kind: 'circle', frame: 'ICRS', ra: 10, dec: 20, radius: 0.5 })
    expect(parseGeometryValue('point', [85.41, -2.26])).toEqual({ kind: 'point', frame: 'ICRS', ra: 85.41, dec: -2.26 })
  })

  it('reads space-separated text and keeps a given frame', () => {
    expect(parseDaliPolygon(' 10 20  11 20 11 21 ')).toMatchObject({ vertices: [[10, 20], [11, 20], [11, 21]] })
    expect(parseDaliCircle('10 20 0.5', 'GALACTIC')).toMatchObject({ frame: 'GALACTIC', radius: 0.5 })
    expect(parseDaliPoint('1e1 -2.5E0')).toMatchObject({ ra: 10, dec: -2.5 })
    expect(parseGeometryValue('POLYGON', '1 2 3 4 5 6', { frame: 'FK5' })?.frame).toBe('FK5')
  })

  it('reads adql:REGION and adql:POINT as STC-S, and bare numbers in adql:POINT', () => {
    expect(parseGeometryValue('adql:REGION', 'POLYGON J2000 88.793454 7.406553 88.792421 7.406553 88.792421 7.407577 88.793454 7.407577')).toMatchObject({
      kind: 'polygon',
      frame: 'J2000',
    })
    expect(parseGeometryValue('adql:POINT', 'POSITION ICRS 10 20')).toEqual({ kind: 'point', frame: 'ICRS', ra: 10, dec: 20 })
    expect(parseGeometryValue('adql:POINT', '10 20')).toEqual({ kind: 'point', frame: 'ICRS', ra: 10, dec: 20 })
    expect(() => parseGeometryValue('adql:REGION', '10 20 1')).toThrow(/must start with a shape word/)
  })

  it('gives undefined for NULL cells', () => {
    expect(parseGeometryValue('polygon', null)).toBeUndefined()
    expect(parseGeometryValue('polygon', '')).toBeUndefined()
    expect(parseGeometryValue('adql:REGION', '  ')).toBeUndefined()
    expect(parseGeometryValue('point', [])).toBeUndefined()
  })

  it('rejects malformed values with the reason', () => {
    expect(() => parseDaliPolygon([1, 2, 3, 4, 5])).toThrow(/pairs of numbers, got 5/)
    expect(() => parseDaliPolygon([1, 2, 3, 4])).toThrow(/at least 3 vertices, got 2/)
    expect(() => parseDaliPoint([1, NaN])).toThrow(/element 1 is not a finite number/)
    expect(() => parseDaliPoint('1 2 3')).toThrow(/point needs 2 numbers, got 3/)
    expect(() => parseDaliCircle('10 20 -1')).toThrow(/radius -1/)
    expect(() => parseDaliPolygon('1 2 3 100 5 6')).toThrow(/latitude 100 \(element 3\)/)
    const e = (() => {
      try {
        parseDaliCircle('10 x 1')
      } catch (err) {
        return err as StcsSyntaxError
      }
    })()
    expect(e).toBeInstanceOf(StcsSyntaxError)
    expect(e?.token).toBe('x')
    expect(e?.offset).toBe(3)
    expect(() => parseGeometryValue('timestamp', '2020-01-01')).toThrow(RangeError)
  })

  it('recognises geometry xtypes', () => {
    expect(isGeometryXtype('adql:REGION')).toBe(true)
    expect(isGeometryXtype('polygon')).toBe(true)
    expect(isGeometryXtype('timestamp')).toBe(false)
    expect(isGeometryXtype(undefined)).toBe(false)
  })
})
