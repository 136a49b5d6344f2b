import { describe, expect, it } from 'vitest'
import { ESO_S_REGIONS } from './__fixtures__/eso-s-regions'
import {
  boundingBox,
  boundingCone,
  boundingConeOfAll,
  boxContains,
  containmentTest,
  containsPoint,
  formatAdql,
  formatStcs,
  parseStcs,
  separation,
  shapeToIcrs,
  StcsSyntaxError,
  tryParseStcs,
  type PolygonShape,
  type Shape,
  type UnionShape,
} from './index'

function syntaxError(text: string): StcsSyntaxError {
  try {
    parseStcs(text)
  } catch (e) {
    expect(e).toBeInstanceOf(StcsSyntaxError)
    return e as StcsSyntaxError
  }
  throw new Error(`expected "${text}" to be rejected`)
}

describe('ESO s_region values from the shared fixtures', () => {
  const all = ESO_S_REGIONS.flatMap((f) => f.values.map((v) => [f.source, v] as const))

  it('covers points and polygons from several sources', () => {
    expect(all.length).toBeGreaterThanOrEqual(100)
    expect(all.some(([, v]) => v.startsWith('POLYGON'))).toBe(true)
    expect(all.some(([, v]) => v.startsWith('POSITION'))).toBe(true)
  })

  it.each(all)('parses %s: %s', (_source, value) => {
    const shape = parseStcs(value)
    expect(shape.frame).toBe('J2000')
    const numbers = value.split(' ').slice(2).map(Number)
    if (shape.kind === 'point') {
      expect([shape.ra, shape.dec]).toEqual(numbers)
    } else {
      expect(shape.kind).toBe('polygon')
      const polygon = shape as PolygonShape
      expect(polygon.vertices.flat()).toEqual(numbers)
      // a footprint contains its own centre and is a few arcminutes to a degree across
      const cone = boundingCone(shape)
      expect(containsPoint(shape, cone.ra, cone.dec)).toBe(true)
      expect(cone.radius).toBeGreaterThan(0.0005)
      expect(cone.radius).toBeLessThan(1.5)
    }
    expect(parseStcs(formatStcs(shape))).toEqual(shape)
  })

  it('finds every VVV footprint near the search circle of the query that returned it', () => {
    // the query: intersects(s_region, circle('ICRS', 266.41681662, -29.00782497, 0.1775)) = 1
    const vvv = ESO_S_REGIONS.find((f) => f.source.includes('vvv'))!.values.map((v) => parseStcs(v))
    expect(vvv.length).toBeGreaterThan(20)
    for (const shape of vvv) {
      const cone = boundingCone(shape)
      expect(separation(cone.ra, cone.dec, 266.41681662, -29.00782497)).toBeLessThanOrEqual(cone.radius + 0.1775)
    }
    // the VVV tiles are ~1.5° × 1.2° and centred on the Galactic centre region: Sgr A* is inside most of them
    const covering = vvv.filter((s) => containsPoint(s, 266.41681662, -29.00782497)).length
    expect(covering).toBeGreaterThan(vvv.length / 2)
  })
})

describe('parseStcs dialects', () => {
  const chipA = '10 -1 11 -1 11 1 10 1'
  const chipB = '11.2 -1 12.2 -1 12.2 1 11.2 1'

  it('reads a UNION of polygons (multi-chip cameras)', () => {
    const shape = parseStcs(`UNION ICRS ( POLYGON ${chipA} POLYGON ${chipB} )`) as UnionShape
    expect(shape.kind).toBe('union')
    expect(shape.frame).toBe('ICRS')
    expect(shape.shapes.map((s) => [s.kind, s.frame])).toEqual([['polygon', 'ICRS'], ['polygon', 'ICRS']])
    expect(containsPoint(shape, 10.5, 0)).toBe(true)
    expect(containsPoint(shape, 11.7, 0)).toBe(true)
    expect(containsPoint(shape, 11.1, 0)).toBe(false) // the gap between the chips
  })

  it('reads ESO bare concatenations of polygons as a union', () => {
    const shape = parseStcs(`POLYGON J2000 ${chipA} POLYGON J2000 ${chipB}`) as UnionShape
    expect(shape.kind).toBe('union')
    expect(shape.frame).toBe('J2000')
    expect(shape.shapes).toHaveLength(2)
    expect((shape.shapes[1] as PolygonShape).vertices[0]).toEqual([11.2, -1])
  })

  it('reads DaCHS mixed case and drops a repeated closing vertex', () => {
    expect(parseStcs('Circle ICRS 10 20 0.5')).toEqual({ kind: 'circle', frame: 'ICRS', ra: 10, dec: 20, radius: 0.5 })
    expect(parseStcs('Position ICRS 10 20')).toEqual({ kind: 'point', frame: 'ICRS', ra: 10, dec: 20 })
    expect(parseStcs('polygon icrs 1 2 3 4 5 6')).toEqual({ kind: 'polygon', frame: 'ICRS', vertices: [[1, 2], [3, 4], [5, 6]] })
    const closed = parseStcs('Polygon UNKNOWNFrame 0 0 0 30 30 30 30 0 0 0') as PolygonShape
    expect(closed.frame).toBe('UNKNOWN')
    expect(closed.vertices).toEqual([[0, 0], [0, 30], [30, 30], [30, 0]])
  })

  it('skips fillfactor, equinox, reference position and flavor words, and applies a unit', () => {
    expect(parseStcs('Circle ICRS BARYCENTER SPHERICAL2 10 20 1')).toMatchObject({ kind: 'circle', frame: 'ICRS', radius: 1 })
    expect(parseStcs('Polygon fillfactor 0.9 FK5 J2000 TOPOCENTER 1 2 3 4 5 6')).toMatchObject({ frame: 'FK5', vertices: [[1, 2], [3, 4], [5, 6]] })
    expect(parseStcs('Circle 10 20 1')).toMatchObject({ frame: 'UNKNOWN' })
    expect(parseStcs('Circle 10 20 1', { defaultFrame: 'ICRS' })).toMatchObject({ frame: 'ICRS' })
    expect(parseStcs('CIRCLE ICRS 10 20 30 unit arcmin')).toMatchObject({ ra: 10 / 60, dec: 20 / 60, radius: 0.5 })
    expect(parseStcs('Circle GALACTIC_II 0 0 1').frame).toBe('GALACTIC')
  })

  it('tags Galactic regions and converts them to ICRS on request', () => {
    const gal = parseStcs('Circle GALACTIC 0 0 1')
    expect(gal.frame).toBe('GALACTIC')
    const icrs = shapeToIcrs(gal)
    expect(icrs).toMatchObject({ kind: 'circle', frame: 'ICRS', radius: 1 })
    if (icrs.kind !== 'circle') throw new Error('circle expected')
    expect(icrs.ra).toBeCloseTo(266.40499, 4)
    expect(icrs.dec).toBeCloseTo(-28.93617, 4)
    expect(shapeToIcrs(parseStcs('POLYGON J2000 1 2 3 4 5 6')).frame).toBe('ICRS')
    expect(() => shapeToIcrs(parseStcs('Circle FK4 1 2 3'))).toThrow(RangeError)
    expect(() => shapeToIcrs(parseStcs('Circle 1 2 3'))).toThrow(/UNKNOWNFrame/)
    expect(shapeToIcrs(parseStcs('Circle 1 2 3'), { assumeUnknownIsIcrs: true }).frame).toBe('ICRS')
  })

  it('turns a BOX into a great-circle polygon of the given full width and height', () => {
    const box = parseStcs('Box ICRS 10 20 2 4') as PolygonShape
    expect(box.kind).toBe('polygon')
    expect(box.vertices).toHaveLength(4)
    expect(containsPoint(box, 10, 20)).toBe(true)
    expect(containsPoint(box, 10, 21.95)).toBe(true)
    expect(containsPoint(box, 10, 22.05)).toBe(false)
    // 1° east of centre along the great circle is RA + 1/cos(20°) ≈ 1.064°
    expect(containsPoint(box, 11.05, 20)).toBe(true)
    expect(containsPoint(box, 11.1, 20)).toBe(false)
    const polar = parseStcs('Box ICRS 0 90 2 2')
    expect(containsPoint(polar, 123, 89.5)).toBe(true)
    expect(boundingBox(polar)).toMatchObject({ raMin: 0, raMax: 360, decMax: 90 })
  })

  it('reads nested unions, intersections and NOT', () => {
    const annulus = parseStcs('Intersection ICRS ( Circle 10 10 5 Not ( Circle 10 10 1 ) )')
    expect(annulus.kind).toBe('intersection')
    expect(containsPoint(annulus, 10, 13)).toBe(true)
    expect(containsPoint(annulus, 10, 10)).toBe(false)
    expect(containsPoint(annulus, 10, 16)).toBe(false)
    const nested = parseStcs('Union ICRS ( Circle 0 0 1 Union ( Circle 10 0 1 Polygon 20 0 21 0 21 1 ) )') as UnionShape
    expect(nested.shapes[1]!.kind).toBe('union')
    expect((nested.shapes[1] as UnionShape).shapes[1]!.frame).toBe('ICRS')
    expect(containsPoint(nested, 20.8, 0.2)).toBe(true)
    expect(containsPoint(nested, 10.5, 0)).toBe(true)
    expect(containsPoint(nested, 5, 0)).toBe(false)
    const everywhereBut = parseStcs('NOT ICRS ( CIRCLE 0 0 10 )')
    expect(containsPoint(everywhereBut, 180, 0)).toBe(true)
    expect(containsPoint(everywhereBut, 0, 0)).toBe(false)
    expect(boundingCone(everywhereBut).radius).toBe(180)
  })
})

describe('parseStcs errors name the token and its position', () => {
  it.each([
    ['POLYGON J2000 1 2 3 4 5 6 7', 'no partner', '7', 26],
    ['POLYGON J2000 1 2 3 4', 'needs at least 6 numbers, got 4', '', 21],
    ['CIRCLE ICRS 10 abc 1', 'CIRCLE needs 3 numbers, got 1', 'abc', 15],
    ['HEXAGON ICRS 1 2', 'unknown shape', 'HEXAGON', 0],
    ['UNION ICRS ( CIRCLE 1 2 3', 'missing ")"', '', 25],
    ['CIRCLE ICRS 10 95 1', 'latitude out of range', '95', 15],
    ['CIRCLE ICRS 10 20 200', 'radius must be between 0 and 180', '200', 18],
    ['', 'empty region', '', 0],
    ['POLYGON CART2 1 2 3 4 5 6', 'SPHERICAL2', 'CART2', 8],
    ['CIRCLE ICRS 1 2 3 4', 'CIRCLE takes 3 numbers', '4', 18],
    ['CIRCLE ICRS 1 2 3 )', 'unbalanced', ')', 18],
    ['CIRCLE ICRS 1 2 3 Size 1', 'unexpected word', 'Size', 18],
    ['NOT ICRS ( CIRCLE 1 2 3 CIRCLE 4 5 6 )', 'exactly one', ')', 37],
    ['UNION ICRS CIRCLE 1 2 3', 'expected "(" after UNION', 'CIRCLE', 11],
    ['1 2 3', 'unexpected number', '1', 0],
  ])('%j', (text, reason, token, position) => {
    const e = syntaxError(text)
    expect(e.message).toContain(reason)
    expect(e.token).toBe(token)
    expect(e.offset).toBe(position)
    expect(e.message).toContain(`position ${position}`)
  })

  it('tryParseStcs gives undefined for empty or malformed values only', () => {
    expect(tryParseStcs('')).toBeUndefined()
    expect(tryParseStcs(null)).toBeUndefined()
    expect(tryParseStcs('POLYGON J2000 1 2')).toBeUndefined()
    expect(tryParseStcs('POSITION J2000 1 2')).toEqual({ kind: 'point', frame: 'J2000', ra: 1, dec: 2 })
  })
})

describe('point in shape', () => {
  it('handles polygons across RA 0', () => {
    const p = parseStcs('POLYGON ICRS 359 -1 1 -1 1 1 359 1')
    expect(containsPoint(p, 0, 0)).toBe(true)
    expect(containsPoint(p, 359.5, 0.5)).toBe(true)
    expect(containsPoint(p, 0.9, -0.9)).toBe(true)
    expect(containsPoint(p, 2, 0)).toBe(false)
    expect(containsPoint(p, 358, 0)).toBe(false)
    expect(containsPoint(p, 180, 0)).toBe(false)
  })

  it('handles a polygon around a pole', () => {
    const p = parseStcs('POLYGON ICRS 0 80 90 80 180 80 270 80')
    expect(containsPoint(p, 0, 90)).toBe(true)
    expect(containsPoint(p, 0, 81)).toBe(true)
    expect(containsPoint(p, 45, 83.5)).toBe(true)
    // the great-circle edge between the corners at RA 0 and 90 passes RA 45 at Dec ≈ 82.9
    expect(containsPoint(p, 45, 82.5)).toBe(false)
    expect(containsPoint(p, 45, 75)).toBe(false)
    expect(containsPoint(p, 45, -89)).toBe(false)
  })

  it('handles concave polygons in either winding', () => {
    // a U: two prongs rising from a base, with a notch between them at 1 < ra < 2, dec > 1
    const u = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]] as [number, number][]
    for (const vertices of [u, [...u].reverse()]) {
      const test = containmentTest({ kind: 'polygon', frame: 'ICRS', vertices })
      expect(test(0.5, 2)).toBe(true)
      expect(test(2.5, 2)).toBe(true)
      expect(test(1.5, 0.5)).toBe(true)
      expect(test(1.5, 2)).toBe(false)
      expect(test(3.5, 1)).toBe(false)
    }
  })

  it('counts crossings by parity when the polygon lies on both sides of an outside point', () => {
    // a C open to the east; the corners' centre (2.25, 2) lies in the hollow, outside the polygon,
    // so the ray from a hollow point crosses the back wall twice
    const c = parseStcs('POLYGON ICRS 0 0 4 0 4 1 1 1 1 3 4 3 4 4 0 4')
    expect(containsPoint(c, 2, 2)).toBe(false)
    expect(containsPoint(c, 2.25, 2)).toBe(false)
    expect(containsPoint(c, 0.5, 2)).toBe(true)
    expect(containsPoint(c, 3, 0.5)).toBe(true)
    expect(containsPoint(c, 3, 3.5)).toBe(true)
  })

  it('follows great-circle edges, not lines of constant Dec', () => {
    // the edge from (0, 60) to (90, 60) bulges north to Dec ≈ 67.79 at RA 45
    const p = parseStcs('POLYGON ICRS 0 60 90 60 45 40')
    expect(containsPoint(p, 45, 65)).toBe(true)
    expect(containsPoint(p, 45, 68)).toBe(false)
    const box = boundingBox(p)
    expect(box.decMax).toBeCloseTo((Math.atan(Math.tan((60 * Math.PI) / 180) / Math.cos(Math.PI / 4)) * 180) / Math.PI, 6)
    expect(box.decMin).toBeCloseTo(40, 9)
  })

  it('uses great-circle distance for circles near the pole and across RA 0', () => {
    const c = parseStcs('CIRCLE ICRS 0 89 2')
    expect(containsPoint(c, 180, 89.1)).toBe(true) // 1.9° away across the pole
    expect(containsPoint(c, 180, 88)).toBe(false) // 3° away
    const wrap = parseStcs('CIRCLE ICRS 359.5 0 1')
    expect(containsPoint(wrap, 0.4, 0)).toBe(true)
    expect(containsPoint(wrap, 0.6, 0)).toBe(false)
  })

  it('treats a point as containing only itself', () => {
    const p = parseStcs('POSITION J2000 85.410192 -2.25911')
    expect(containsPoint(p, 85.410192, -2.25911)).toBe(true)
    expect(containsPoint(p, 85.4102, -2.25911)).toBe(false)
  })
})

describe('bounding cone and RA/Dec box', () => {
  it('boxes a polygon across RA 0 with raMin > raMax', () => {
    const box = boundingBox(parseStcs('POLYGON ICRS 359 -1 1 -1 1 1 359 1'))
    expect(box.raMin).toBeCloseTo(359, 9)
    expect(box.raMax).toBeCloseTo(1, 9)
    expect(box.decMax).toBeGreaterThan(1)
    expect(box.decMax).toBeLessThan(1.001)
    expect(boxContains(box, 0, 0)).toBe(true)
    expect(boxContains(box, 359.5, 0)).toBe(true)
    expect(boxContains(box, 180, 0)).toBe(false)
    expect(boxContains(box, 2, 0)).toBe(false)
  })

  it('boxes circles: RA half-width grows as 1/cos(Dec), and polar caps take all RA', () => {
    const box = boundingBox(parseStcs('CIRCLE ICRS 100 60 1'))
    const half = (Math.asin(Math.sin(Math.PI / 180) / Math.cos(Math.PI / 3)) * 180) / Math.PI
    expect(box.raMin).toBeCloseTo(100 - half, 9)
    expect(box.raMax).toBeCloseTo(100 + half, 9)
    expect(box).toMatchObject({ decMin: 59, decMax: 61 })
    expect(boundingBox(parseStcs('CIRCLE ICRS 0 -89 2'))).toEqual({ raMin: 0, raMax: 360, decMin: -90, decMax: -87 })
    const wrap = boundingBox(parseStcs('CIRCLE ICRS 359.5 0 1'))
    expect(wrap.raMin).toBeCloseTo(358.5, 9)
    expect(wrap.raMax).toBeCloseTo(0.5, 9)
  })

  it('boxes a polygon around the pole with all RA', () => {
    const box = boundingBox(parseStcs('POLYGON ICRS 0 80 90 80 180 80 270 80'))
    expect(box).toMatchObject({ raMin: 0, raMax: 360, decMax: 90 })
    expect(box.decMin).toBeCloseTo(80, 9)
    const cone = boundingCone(parseStcs('POLYGON ICRS 0 80 90 80 180 80 270 80'))
    expect(cone.dec).toBeCloseTo(90, 9)
    expect(cone.radius).toBeCloseTo(10, 9)
  })

  it('boxes a union across RA 0 by its smallest covering RA range', () => {
    const box = boundingBox(parseStcs('UNION ICRS ( CIRCLE 359 0 1 CIRCLE 1 0 1 POSITION 0.5 3 )'))
    expect(box.raMin).toBeCloseTo(358, 6)
    expect(box.raMax).toBeCloseTo(2, 6)
    expect(box.decMin).toBeCloseTo(-1, 9)
    expect(box.decMax).toBeCloseTo(3, 9)
  })

  it('gives a union cone that holds every member', () => {
    const union = parseStcs('UNION ICRS ( CIRCLE 10 0 1 CIRCLE 20 0 2 )')
    const cone = boundingCone(union)
    expect(cone.ra).toBeCloseTo(15, 6)
    expect(cone.radius).toBeCloseTo(7, 6)
    expect(boundingConeOfAll([])).toBeUndefined()
    const all = boundingConeOfAll([parseStcs('POSITION ICRS 350 0'), parseStcs('POSITION ICRS 10 0')])!
    expect(Math.min(all.ra, 360 - all.ra)).toBeCloseTo(0, 6)
    expect(all.radius).toBeCloseTo(10, 6)
  })

  it('bounds an intersection by its smallest operand', () => {
    const shape = parseStcs('INTERSECTION ICRS ( CIRCLE 10 0 5 CIRCLE 12 0 1 )')
    expect(boundingCone(shape)).toEqual({ ra: 12, dec: 0, radius: 1 })
    const box = boundingBox(shape)
    expect(box.raMin).toBeCloseTo(11, 6)
    expect(box.raMax).toBeCloseTo(13, 6)
  })

  it('bounds a polygon edge that bends away from the centre', () => {
    // a long thin polygon whose long edges are ~80° arcs
    const shape = parseStcs('POLYGON ICRS 0 0 80 0 80 1 0 1')
    const cone = boundingCone(shape)
    for (const [ra, dec] of [[0, 0], [40, 0], [80, 1], [40, 1.2]] as const) {
      expect(separation(cone.ra, cone.dec, ra, dec)).toBeLessThanOrEqual(cone.radius + 1e-9)
    }
  })
})

describe('formatting', () => {
  it('writes STC-S', () => {
    expect(formatStcs(parseStcs('Polygon ICRS 1 2 3 4 5 6'))).toBe('POLYGON ICRS 1 2 3 4 5 6')
    expect(formatStcs(parseStcs('POLYGON J2000 1 2 3 4 5 6 POLYGON J2000 7 8 9 10 11 12'))).toBe(
      'UNION J2000 ( POLYGON 1 2 3 4 5 6 POLYGON 7 8 9 10 11 12 )',
    )
    expect(formatStcs(parseStcs('Circle 10 20 1'))).toBe('CIRCLE UNKNOWNFrame 10 20 1')
    expect(formatStcs(parseStcs('Circle ICRS 10.123456789 20 1'), { decimals: 4 })).toBe('CIRCLE ICRS 10.1235 20 1')
  })

  it('writes ADQL geometry literals', () => {
    expect(formatAdql(parseStcs('POLYGON J2000 1 2 3 4 5 6'))).toBe("POLYGON('J2000', 1, 2, 3, 4, 5, 6)")
    expect(formatAdql(parseStcs('CIRCLE ICRS 266.41681662 -29.00782497 0.1775'))).toBe("CIRCLE('ICRS', 266.41681662, -29.00782497, 0.1775)")
    expect(formatAdql(parseStcs('POSITION 10 -20'))).toBe("POINT('', 10, -20)")
    expect(formatAdql(parseStcs('POSITION ICRS 10.00004 -20'), { decimals: 4 })).toBe("POINT('ICRS', 10, -20)")
    expect(() => formatAdql(parseStcs('UNION ICRS ( CIRCLE 1 2 3 CIRCLE 4 5 6 )'))).toThrow(RangeError)
  })

  it.each([
    'UNION ICRS ( POLYGON 1 2 3 4 5 6 CIRCLE GALACTIC 1 2 3 )',
    'INTERSECTION FK5 ( CIRCLE 10 10 5 NOT ( CIRCLE 10 10 1 ) UNION ( POSITION 1 2 POLYGON 0 0 1 0 1 1 ) )',
    'NOT UNKNOWNFrame ( POLYGON 359.99 -0.5 0.01 -0.5 0 89.9 )',
    'CIRCLE B1950 1e-7 -0.000001 1.5e-3',
  ])('round-trips %j', (text) => {
    const shape: Shape = parseStcs(text)
    expect(parseStcs(formatStcs(shape))).toEqual(shape)
    expect(formatStcs(parseStcs(formatStcs(shape)))).toBe(formatStcs(shape))
  })
})
