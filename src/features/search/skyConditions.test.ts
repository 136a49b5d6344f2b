import { describe, expect, it } from 'vitest'
import { SITES, skyAt } from '../../protocols/ephemeris'
import type { Exposure } from './conditions'
import { airmassCurve, headerAirmass, midTime, skySummaries, skySummaryOf } from './skyConditions'

const t = (iso: string) => Date.parse(`${iso}Z`)
// the local archive's first FORS2 science frame on NGC 6397, lengthened to 50 s so its mid-time is the astropy case's (05:10:26)
const fors2: Exposure = { row: 0, start: t('2021-05-04T05:10:01'), end: t('2021-05-04T05:10:51'), site: 'paranal', ra: 265.17539, dec: -53.67433 }

describe('airmass and Moon per observation', () => {
  it('computes the airmass at mid-exposure when the header has none (astropy: sec z 1.2973, Moon 46 %, 4.41° up, 55.69° away)', () => {
    const s = skySummaryOf(fors2)!
    expect(s.airmassFrom).toBe('computed')
    expect(s.airmass).toBeCloseTo(1.297, 2)
    expect(s.moonIllumination).toBeCloseTo(0.46, 2)
    expect(s.moonAltitude!).toBeCloseTo(4.41, 1)
    expect(s.moonSeparation!).toBeCloseTo(55.69, 1)
  })
  it('prefers the header airmass (mean of start and end) and still computes its own', () => {
    const s = skySummaryOf({ ...fors2, airmassStart: 1.2, airmassEnd: 1.3 })!
    expect(s.airmassFrom).toBe('header')
    expect(s.airmass).toBeCloseTo(1.25, 9)
    expect(s.computedAirmass).toBeCloseTo(1.297, 2)
    expect(headerAirmass({ ...fors2, airmassEnd: 1.4 })).toBe(1.4)
  })
  it('without a pointing: the Moon of the site, no airmass', () => {
    const s = skySummaryOf({ row: 1, start: fors2.start, end: fors2.end, site: 'lasilla' })!
    expect(s.airmass).toBeUndefined()
    expect(s.moonSeparation).toBeUndefined()
    expect(s.moonAltitude).toBeCloseTo(skyAt(0, 0, midTime(fors2), SITES.lasilla).moonAltitude, 9)
  })
  it('no site, no summary; a map by row', () => {
    expect(skySummaryOf({ row: 2, start: 0, end: 0 })).toBeUndefined()
    expect([...skySummaries([fors2, { row: 2, start: 0, end: 0 }]).keys()]).toEqual([0])
  })
  it('airmass curve over an hour either side, falling as the target rises', () => {
    const c = airmassCurve(fors2, fors2.start - 3_600_000, fors2.end + 3_600_000)
    expect(c.t.length).toBe(61)
    expect(c.airmass[0]!).toBeGreaterThan(c.airmass[60]!)
  })
})
