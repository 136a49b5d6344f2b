import { describe, expect, it } from 'vitest'
import { buildFootprintStore, footprintCentre, FootprintKind } from './footprints'
import { candidatesAt, candidatesInCone } from './gridIndex'
import { FootprintHitTester } from './hitTest'

const square = (ra: number, dec: number, h: number) =>
  `Polygon ICRS ${ra - h} ${dec - h} ${ra + h} ${dec - h} ${ra + h} ${dec + h} ${ra - h} ${dec + h}`

describe('footprint store', () => {
  it('reads polygons, unions, circles, positions and falls back to s_ra/s_dec', () => {
    const regions = [
      square(10, 0, 1),
      'UNION (POLYGON J2000 10 10 11 10 11 11 10 11 POLYGON J2000 12 10 13 10 13 11 12 11)',
      'CIRCLE ICRS 200 -30 0.5',
      'POSITION ICRS 50 20',
      null,
      'garbage',
    ]
    const s = buildFootprintStore({ regions, ra: [0, 0, 0, 0, 33, null], dec: [0, 0, 0, 0, -3, null] })
    expect(Array.from(s.kind)).toEqual([1, 1, 1, 2, 2, 0])
    expect(s.ringStart[2]! - s.ringStart[1]!).toBe(2)
    expect(footprintCentre(s, 2)!.ra).toBeCloseTo(200, 6)
    expect(footprintCentre(s, 2)!.radius).toBeCloseTo(0.5, 6)
    expect(footprintCentre(s, 4)).toMatchObject({ ra: expect.closeTo(33, 9), dec: expect.closeTo(-3, 9) })
    expect(footprintCentre(s, 5)).toBeUndefined()
  })

  it('splits long edges so outlines follow great circles', () => {
    const s = buildFootprintStore({ regions: ['Polygon ICRS 0 0 10 0 10 10'] })
    expect(s.vertStart[1]! - s.vertStart[0]!).toBeGreaterThan(12)
    for (let i = 0; i < s.xyz.length; i += 3) expect(Math.hypot(s.xyz[i]!, s.xyz[i + 1]!, s.xyz[i + 2]!)).toBeCloseTo(1, 12)
  })
})

describe('grid index and hit-testing', () => {
  it('finds footprints containing a point with a true spherical test, not the bounding box', () => {
    // a triangle: its bounding box contains (10.9, 10.9) but the triangle does not
    const regions = ['Polygon ICRS 10 10 11 10 10 11', square(10.5, 10.5, 2), 'CIRCLE ICRS 359.9 -20 0.3', 'Polygon ICRS 0 89 120 89 240 89']
    const s = buildFootprintStore({ regions })
    const hit = new FootprintHitTester(s, regions)
    expect(hit.at(10.2, 10.2)).toEqual([0, 1])
    expect(hit.at(10.9, 10.9)).toEqual([1])
    expect(hit.at(0.1, -20)).toEqual([2]) // across RA 0
    expect(hit.at(359.7, -20)).toEqual([2])
    expect(hit.at(77, 89.9)).toEqual([3]) // around the pole
    expect(hit.at(100, 0)).toEqual([])
  })

  it('agrees with brute force on 5,000 random footprints', () => {
    let seed = 7
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    const regions: string[] = []
    for (let i = 0; i < 5000; i++) {
      const ra = rnd() * 360
      const dec = Math.asin(2 * rnd() - 1) * (180 / Math.PI) * 0.98
      regions.push(i % 3 === 0 ? `CIRCLE ICRS ${ra} ${dec} ${0.1 + rnd() * 2}` : square(ra, dec, 0.05 + rnd() * 1.5))
    }
    const s = buildFootprintStore({ regions })
    const hit = new FootprintHitTester(s, regions)
    const brute = new FootprintHitTester({ ...s, index: { ...s.index, cellStart: new Int32Array(s.index.cellStart.length), items: new Int32Array(0), big: Int32Array.from(regions.keys()) } }, regions)
    for (let k = 0; k < 300; k++) {
      const ra = rnd() * 360
      const dec = Math.asin(2 * rnd() - 1) * (180 / Math.PI)
      expect(hit.at(ra, dec)).toEqual(brute.at(ra, dec))
    }
    expect(s.kind.every((k) => k === FootprintKind.Outline)).toBe(true)
  })

  it('lists candidates of a cell and of a cone', () => {
    const regions = [square(10, 0, 0.2), square(40, 0, 0.2)]
    const s = buildFootprintStore({ regions })
    expect(Array.from(candidatesAt(s.index, 10.1, 0.1)[0]!)).toEqual([0])
    const stamp = new Uint32Array(2)
    const [x, y, z] = [Math.cos(0.2), Math.sin(0.2), 0]
    expect(candidatesInCone(s.index, x, y, z, 0.1, stamp, 1)).toEqual([0])
  })
})
