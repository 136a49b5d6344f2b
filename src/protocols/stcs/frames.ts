/** Bringing shapes into ICRS, the frame the sky view and ADQL queries work in. */
import { galacticToIcrs } from '../coords'
import type { Shape, SpaceFrame } from './types'

/** Frames equal to ICRS at the sky view's precision (FK5/J2000 differ by ≈ 0.02″). */
const ICRS_LIKE = new Set<SpaceFrame>(['ICRS', 'FK5', 'J2000'])

/**
 * The shape in ICRS: Galactic coordinates are rotated, FK5/J2000 relabelled. UNKNOWN is taken as ICRS
 * only when `assumeUnknownIsIcrs` (ESO's empty frames are); FK4/B1950 and ECLIPTIC throw a RangeError.
 * Galactic circles keep their radius; Galactic polygons keep great-circle edges, which rotation preserves.
 */
export function shapeToIcrs(shape: Shape, options: { assumeUnknownIsIcrs?: boolean } = {}): Shape {
  const convert = converter(shape.frame, options.assumeUnknownIsIcrs ?? false)
  switch (shape.kind) {
    case 'point': {
      const [ra, dec] = convert(shape.ra, shape.dec)
      return { kind: 'point', frame: 'ICRS', ra, dec }
    }
    case 'circle': {
      const [ra, dec] = convert(shape.ra, shape.dec)
      return { kind: 'circle', frame: 'ICRS', ra, dec, radius: shape.radius }
    }
    case 'polygon':
      return { kind: 'polygon', frame: 'ICRS', vertices: shape.vertices.map(([a, b]) => convert(a, b)) }
    case 'union':
    case 'intersection':
      return { kind: shape.kind, frame: 'ICRS', shapes: shape.shapes.map((s) => shapeToIcrs(s, options)) }
    case 'not':
      return { kind: 'not', frame: 'ICRS', shape: shapeToIcrs(shape.shape, options) }
  }
}

function converter(frame: SpaceFrame, assumeUnknownIsIcrs: boolean): (lon: number, lat: number) => [number, number] {
  if (ICRS_LIKE.has(frame) || (frame === 'UNKNOWN' && assumeUnknownIsIcrs)) return (ra, dec) => [ra, dec]
  if (frame === 'GALACTIC') {
    return (l, b) => {
      const p = galacticToIcrs(l, b)
      return [p.ra, p.dec]
    }
  }
  throw new RangeError(`Cannot convert a region in frame ${frame === 'UNKNOWN' ? 'UNKNOWNFrame' : frame} to ICRS`)
}
