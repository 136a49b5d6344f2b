import { describe, expect, it } from 'vitest'
import {
  CoordinateError,
  formatAngle,
  formatDms,
  formatPosition,
  formatRaHms,
  galacticToIcrs,
  icrsToGalactic,
  parseAngle,
  parsePosition,
  parseRadius,
} from './index'

const ARCSEC = 1 / 3600

function errorOf(f: () => unknown): CoordinateError {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(CoordinateError)
    return e as CoordinateError
  }
  throw new Error('expected a CoordinateError')
}

describe('ICRS ↔ Galactic', () => {
  it('puts the North Galactic Pole at its defining ICRS position (192.85948, +27.12825)', () => {
    const ngp = galacticToIcrs(0, 90)
    expect(ngp.ra).toBeCloseTo(192.85948, 6)
    expect(ngp.dec).toBeCloseTo(27.12825, 6)
    expect(icrsToGalactic(192.85948, 27.12825).b).toBeCloseTo(90, 6)
  })

  it('gives the North Celestial Pole the defining Galactic longitude 122.93192', () => {
    const ncp = icrsToGalactic(0, 90)
    expect(ncp.l).toBeCloseTo(122.93192, 6)
    expect(ncp.b).toBeCloseTo(27.12825, 6)
  })

  it('puts the Galactic centre at RA 266.40499, Dec −28.93617', () => {
    const gc = galacticToIcrs(0, 0)
    expect(Math.abs(gc.ra - 266.40499)).toBeLessThan(1e-5)
    expect(Math.abs(gc.dec - -28.93617)).toBeLessThan(1e-5)
    // Hipparcos-matrix value (astropy's FK5-based route differs by ≈ 0.02″: 266.4049883, −28.9361778)
    expect(gc.ra).toBeCloseTo(266.4049948, 6)
    expect(gc.dec).toBeCloseTo(-28.936174, 6)
    const back = icrsToGalactic(gc.ra, gc.dec)
    expect(Math.min(back.l, 360 - back.l)).toBeLessThan(1e-9)
    expect(Math.abs(back.b)).toBeLessThan(1e-9)
  })

  it('places Sgr A* near the Galactic centre (l 359.9442, b −0.0462)', () => {
    const g = icrsToGalactic(266.41681662, -29.00782497)
    expect(g.l).toBeCloseTo(359.94423, 4)
    expect(g.b).toBeCloseTo(-0.04616, 4)
  })

  it('round-trips arbitrary positions to 1e-9 degrees', () => {
    for (const [ra, dec] of [[0, 0], [83.82, -5.39], [359.999, 89.9], [180, -89.5], [10.68, 41.27]] as const) {
      const g = icrsToGalactic(ra, dec)
      const e = galacticToIcrs(g.l, g.b)
      expect(Math.abs(((e.ra - ra + 540) % 360) - 180)).toBeLessThan(1e-9)
      expect(e.dec).toBeCloseTo(dec, 9)
    }
  })
})

describe('parsePosition', () => {
  const orion = { ra: (5 + 35 / 60 + 17.3 / 3600) * 15, dec: -(5 + 23 / 60 + 28 / 3600) }

  it.each([
    ['83.82 -5.39', 83.82, -5.39],
    ['83.82, -5.39', 83.82, -5.39],
    ['83.82,-5.39', 83.82, -5.39],
    ['83.82d -5.39d', 83.82, -5.39],
    ['83.82° −5.39°', 83.82, -5.39],
    ['83.82-5.39', 83.82, -5.39],
    ['  10.5   +41.2 ', 10.5, 41.2],
    ['ra=83.82 dec=-5.39', 83.82, -5.39],
    ['5.588h -5.39', 5.588 * 15, -5.39],
  ])('reads decimal degrees %j', (text, ra, dec) => {
    const p = parsePosition(text)
    expect(p.ra).toBeCloseTo(ra, 10)
    expect(p.dec).toBeCloseTo(dec, 10)
    expect(p.frame).toBe('icrs')
  })

  it.each([
    '05 35 17.3 -05 23 28',
    '05:35:17.3 -05:23:28',
    '05:35:17.3, -05:23:28',
    '5h35m17.3s -5d23m28s',
    '5h 35m 17.3s -5d 23m 28s',
    '05h35m17.3s-05d23m28s',
    '5h35′17.3″ −5°23′28″',
    '5h35\'17.3" -5°23\'28"',
    '05 35 17.3 -05 23 28 icrs',
  ])('reads sexagesimal %j', (text) => {
    const p = parsePosition(text)
    expect(Math.abs(p.ra - orion.ra)).toBeLessThan(1e-9)
    expect(Math.abs(p.dec - orion.dec)).toBeLessThan(1e-9)
  })

  it('keeps the sign of a declination between 0 and −1 degree', () => {
    expect(parsePosition('12 00 00 -00 30 00').dec).toBeCloseTo(-0.5, 12)
    expect(parsePosition('12:00:00 +00:30:00').dec).toBeCloseTo(0.5, 12)
  })

  it('splits six unsigned fields into three and three', () => {
    const p = parsePosition('00 42 44.3 41 16 09')
    expect(p.ra).toBeCloseTo((42 / 60 + 44.3 / 3600) * 15, 9)
    expect(p.dec).toBeCloseTo(41 + 16 / 60 + 9 / 3600, 9)
  })

  it.each([
    ['l=209.01 b=-19.38'],
    ['l=209.01, b=-19.38'],
    ['G209.01-19.38'],
    ['gal 209.01 -19.38'],
    ['209.01 -19.38 galactic'],
  ])('reads Galactic %j and converts to ICRS', (text) => {
    const p = parsePosition(text)
    expect(p.frame).toBe('galactic')
    expect(p.galactic).toEqual({ l: 209.01, b: -19.38 })
    const expected = galacticToIcrs(209.01, -19.38)
    expect(p.ra).toBeCloseTo(expected.ra, 10)
    expect(p.dec).toBeCloseTo(expected.dec, 10)
    // l=209.01 b=-19.38 is the Orion Nebula region
    expect(Math.abs(p.ra - 83.82)).toBeLessThan(0.05)
    expect(Math.abs(p.dec - -5.39)).toBeLessThan(0.05)
  })

  it('takes an explicit Galactic frame option for plain numbers', () => {
    const p = parsePosition('0 0', { frame: 'galactic' })
    expect(p.ra).toBeCloseTo(266.40499, 4)
    expect(parsePosition('0 0').ra).toBe(0)
  })

  it.each([
    ['83.82 95', 'Dec must be between −90 and +90, got 95'],
    ['83.82 -90.5', 'got -90.5'],
    ['400 10', 'RA must be between 0 and 360, got 400'],
    ['-10 10', 'RA must be between 0 and 360, got -10'],
    ['25:00:00 +10:00:00', 'RA must be between 0h and 24h, got 25h'],
    ['05:61:00 +10:00:00', 'Minutes must be below 60, got 61'],
    ['05:35:17 +10:00:60', 'Seconds must be below 60, got 60'],
    ['l=209 b=95', 'b must be between −90 and +90, got 95'],
    ['83.82', 'Expected two coordinates'],
    ['', 'Enter a position'],
    ['M31', 'Expected two coordinates'],
    ['1, 2, 3', 'one comma'],
    ['05.5:35:17 +10:00:00', 'Only the last sexagesimal field may have decimals'],
    ['abc def', 'Cannot read RA "abc"'],
    ['l=10 dec=20', 'different frames'],
  ])('rejects %j with a clear message', (text, message) => {
    expect(errorOf(() => parsePosition(text)).message).toContain(message)
  })
})

describe('parseAngle / parseRadius', () => {
  it.each([
    ['2 arcmin', 2 / 60],
    ['2arcmin', 2 / 60],
    ['30"', 30 * ARCSEC],
    ['30″', 30 * ARCSEC],
    ["30''", 30 * ARCSEC],
    ['0.5 deg', 0.5],
    ['0.5d', 0.5],
    ['0.5°', 0.5],
    ["10'", 10 / 60],
    ['10′', 10 / 60],
    ['1.5 arcsec', 1.5 * ARCSEC],
    ['250 mas', 250 / 3_600_000],
    ['1°30′', 1.5],
    ['0d30m00s', 0.5],
    ['0.25', 0.25],
  ])('reads %j', (text, deg) => {
    expect(parseAngle(text)).toBeCloseTo(deg, 12)
  })

  it('uses the default unit for a bare number', () => {
    expect(parseAngle('3', { defaultUnit: 'arcmin' })).toBeCloseTo(0.05, 12)
  })

  it('rejects unknown units and out-of-range radii', () => {
    expect(errorOf(() => parseAngle('3 parsec')).message).toContain('Unknown angle unit "parsec"')
    expect(errorOf(() => parseRadius('0')).message).toContain('greater than 0')
    expect(errorOf(() => parseRadius('-1 arcmin')).message).toContain('greater than 0')
    expect(errorOf(() => parseRadius('200 deg')).message).toContain('at most 180')
    expect(parseRadius('5 arcmin')).toBeCloseTo(5 / 60, 12)
  })
})

describe('formatting', () => {
  it('formats RA in hours with configurable precision and style', () => {
    const ra = (5 + 35 / 60 + 17.3 / 3600) * 15
    expect(formatRaHms(ra)).toBe('05:35:17.30')
    expect(formatRaHms(ra, { decimals: 0, style: 'spaces' })).toBe('05 35 17')
    expect(formatRaHms(ra, { decimals: 1, style: 'letters' })).toBe('05h35m17.3s')
    expect(formatRaHms(-15)).toBe('23:00:00.00')
  })

  it('carries rounded 60 seconds into minutes and hours', () => {
    expect(formatRaHms(359.99999999)).toBe('00:00:00.00')
    expect(formatDms(10 + 59 / 60 + 59.99 / 3600, { decimals: 1 })).toBe('+11:00:00.0')
  })

  it('formats Dec signed, including small negative values', () => {
    expect(formatDms(-(5 + 23 / 60 + 28 / 3600))).toBe('-05:23:28.0')
    expect(formatDms(-0.5, { decimals: 0 })).toBe('-00:30:00')
    expect(formatDms(41.5, { style: 'symbols', decimals: 0 })).toBe('+41°30′00″')
    expect(formatDms(-41.5, { style: 'symbols', decimals: 0 })).toBe('−41°30′00″')
    expect(formatDms(-1e-9, { decimals: 1 })).toBe('+00:00:00.0')
  })

  it('formats a position both ways and parses it back', () => {
    expect(formatPosition(83.82, -5.39)).toBe('83.820000 -5.390000')
    expect(formatPosition(83.82, -5.39, { decimals: 2 })).toBe('83.82 -5.39')
    const sx = formatPosition(83.82, -5.39, { format: 'sexagesimal', decimals: 3 })
    expect(sx).toBe('05:35:16.800 -05:23:24.00')
    const back = parsePosition(sx)
    expect(back.ra).toBeCloseTo(83.82, 9)
    expect(back.dec).toBeCloseTo(-5.39, 9)
  })

  it('formats radii in a fitting unit', () => {
    expect(formatAngle(2 / 60)).toBe('2′')
    expect(formatAngle(30 / 3600)).toBe('30″')
    expect(formatAngle(1.5)).toBe('1.5°')
    expect(formatAngle(0.5, { ascii: true })).toBe('30 arcmin')
    expect(parseAngle(formatAngle(7.25 / 3600))).toBeCloseTo(7.25 / 3600, 12)
  })
})
