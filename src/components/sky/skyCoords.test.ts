import { describe, expect, it } from 'vitest'
import { compassAngles, zoomFor, formatAngle, formatDegrees, formatFov, formatHours, formatPosition, icrsToGalactic } from './skyCoords'

describe('sky read-out', () => {
  it('converts ICRS to Galactic', () => {
    const [l, b] = icrsToGalactic(192.85948, 27.12825) // the north galactic pole
    expect(b).toBeCloseTo(90, 3)
    const [l0, b0] = icrsToGalactic(266.40499, -28.93617) // the Galactic centre
    expect(l0 > 359.9 || l0 < 0.1).toBe(true)
    expect(b0).toBeCloseTo(0, 3)
    const [l1, b1] = icrsToGalactic(265.1754, -53.6743) // NGC 6397
    expect(l1).toBeCloseTo(338.165, 2)
    expect(b1).toBeCloseTo(-11.96, 2)
    expect(Number.isFinite(l)).toBe(true)
  })

  it('writes sexagesimal with units, carrying over 60', () => {
    expect(formatHours(265.1754)).toBe('17h 40m 42.10s')
    expect(formatHours(359.99999999)).toBe('00h 00m 00.00s')
    expect(formatDegrees(-53.6743)).toBe('−53° 40′ 27.5″')
    expect(formatDegrees(0.5)).toBe('+00° 30′ 00.0″')
    expect(formatDegrees(29.99999999)).toBe('+30° 00′ 00.0″')
    expect(formatDegrees(338.1, false)).toBe('338° 06′ 00.0″')
  })

  it('writes a position in either frame and format', () => {
    expect(formatPosition(265.1754, -53.6743, 'ICRS', 'sexagesimal')).toBe('α 17h 40m 42.10s δ −53° 40′ 27.5″')
    expect(formatPosition(265.1754, -53.6743, 'ICRS', 'decimal')).toBe('α 265.17540° δ −53.67430°')
    expect(formatPosition(265.1754, -53.6743, 'Galactic', 'decimal')).toMatch(/^l 338\.16\d{3}° b −11\.95\d{3}°$/)
    expect(formatPosition(265.1754, -53.6743, 'Galactic', 'sexagesimal')).toMatch(/^l 338° 09′ \d\d\.\d″ b −11° 57′ \d\d\.\d″$/)
  })

  it('writes sizes in the unit that reads best', () => {
    expect(formatAngle(3)).toBe('3.00°')
    expect(formatAngle(12.5)).toBe('12.5°')
    expect(formatAngle(0.2)).toBe('12.0′')
    expect(formatAngle(58 / 3600)).toBe('58.0″')
    expect(formatFov([0.2, 0.1])).toBe('FoV 12.0′ × 6.0′')
  })

  it('finds north and east on the screen', () => {
    // the usual sky: north up, east left
    expect(compassAngles({ a: -100, d: 0, b: 0, f: -100 })).toEqual({ north: 0, east: 270 })
    // turned 90° clockwise: north to the right, east up
    const c = compassAngles({ a: 0, d: -100, b: 100, f: 0 })
    expect(c.north).toBeCloseTo(90)
    expect(c.east).toBeCloseTo(0)
  })
})

describe('zoomFor', () => {
  it('keeps the field while the footprint is visible, zooms in only when it is a few pixels', () => {
    const r = 29 / 3600 // a 58″ footprint
    expect(zoomFor(r, 0.3, 600)).toBeUndefined() // 32 px across
    expect(zoomFor(r, 10, 600)).toBeCloseTo(r * 40) // under 2 px
    expect(zoomFor(1, 0.5, 600)).toBe(3) // larger than the view
  })
})
