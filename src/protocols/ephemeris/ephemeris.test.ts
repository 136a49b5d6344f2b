import { describe, expect, it } from 'vitest'
import { airmassOf, gmst, moonIllumination, precessFromJ2000, separation, skyAt, SITES, type SiteId } from '.'
import reference from './ephemeris.astropy.json'

// figures from astropy 5.2.1 (builtin ephemeris, bundled IERS-B, no refraction): scripts/ephemeris-astropy.py
describe('sky at a moment against astropy', () => {
  for (const c of reference.cases) {
    it(`${c.site} ${c.utc} RA ${c.ra} Dec ${c.dec}`, () => {
      const s = skyAt(c.ra, c.dec, Date.parse(c.utc), SITES[c.site as SiteId])
      // target: precession + mean sidereal time, no nutation/aberration: within 0.02°
      expect(Math.abs(s.altitude - c.altitude)).toBeLessThan(0.02)
      if (c.secz !== null) expect(Math.abs(s.airmass! - c.secz) / c.secz).toBeLessThan(0.002)
      // the Moon, topocentric: within 0.1° (Schlyter's series, ~2′)
      expect(Math.abs(s.moonAltitude - c.moonAltitude)).toBeLessThan(0.1)
      expect(Math.abs(s.moonSeparation - c.moonSeparation)).toBeLessThan(0.1)
      // illuminated fraction: within 0.005
      expect(Math.abs(s.moonIllumination - c.moonIllumination)).toBeLessThan(0.005)
    })
  }
})

describe('pieces', () => {
  it('GMST at J2000.0 is 280.46°', () => {
    expect(gmst(Date.parse('2000-01-01T12:00:00Z'))).toBeCloseTo(280.46061837, 6)
  })
  it('precession: Meeus example 21.b (θ Persei to 2028-11-13.19 TT)', () => {
    const p = precessFromJ2000(41.054063, 49.227750, Date.parse('2028-11-13T04:33:36Z') - 69_184)
    expect(p.ra).toBeCloseTo(41.547214, 3)
    expect(p.dec).toBeCloseTo(49.348483, 3)
  })
  it('airmass is sec z, none below 5°', () => {
    expect(airmassOf(90)).toBeCloseTo(1, 9)
    expect(airmassOf(30)).toBeCloseTo(2, 9)
    expect(airmassOf(4)).toBeUndefined()
  })
  it('separation across RA 0 and at the poles', () => {
    expect(separation(359.5, 0, 0.5, 0)).toBeCloseTo(1, 9)
    expect(separation(10, 90, 200, 89)).toBeCloseTo(1, 9)
  })
  it('full and new moon', () => {
    // 2021-05-26T11:14Z full moon, 2021-05-11T19:00Z new moon
    expect(moonIllumination(Date.parse('2021-05-26T11:14:00Z'))).toBeGreaterThan(0.99)
    expect(moonIllumination(Date.parse('2021-05-11T19:00:00Z'))).toBeLessThan(0.01)
  })
})
