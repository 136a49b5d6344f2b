/** Point-in-shape on the sphere. */
import type { Shape } from './types'
import { add, angleBetween, cross, dot, negate, norm, ringCentre, toVector, type Vec3 } from './vector'

/** Positions closer than this (degrees) to a point shape count as on it. */
const POINT_TOLERANCE = 1e-9

export type ContainsTest = (ra: number, dec: number) => boolean

/**
 * Compiles a shape into a fast test for many positions (same frame as the shape).
 * Polygons mean the smaller region their edges enclose, whatever the winding, with even-odd
 * filling for self-crossing rings; concave polygons work.
 */
export function containmentTest(shape: Shape): ContainsTest {
  const test = compile(shape)
  return (ra, dec) => test(toVector(ra, dec))
}

/** Whether the shape contains the position (degrees, same frame as the shape). */
export function containsPoint(shape: Shape, ra: number, dec: number): boolean {
  return containmentTest(shape)(ra, dec)
}

function compile(shape: Shape): (p: Vec3) => boolean {
  switch (shape.kind) {
    case 'point': {
      const c = toVector(shape.ra, shape.dec)
      return (p) => angleBetween(c, p) <= POINT_TOLERANCE
    }
    case 'circle': {
      const c = toVector(shape.ra, shape.dec)
      const r = shape.radius
      return (p) => angleBetween(c, p) <= r
    }
    case 'polygon':
      return polygonTest(shape.vertices.map(([ra, dec]) => toVector(ra, dec)))
    case 'union': {
      const parts = shape.shapes.map(compile)
      return (p) => parts.some((t) => t(p))
    }
    case 'intersection': {
      const parts = shape.shapes.map(compile)
      return (p) => parts.every((t) => t(p))
    }
    case 'not': {
      const inner = compile(shape.shape)
      return (p) => !inner(p)
    }
  }
}

/**
 * Ray casting on the sphere: count how many edges the arc from p to a point surely outside
 * (the antipode of the corners' centre) crosses; odd means inside.
 */
function polygonTest(corners: Vec3[]): (p: Vec3) => boolean {
  const centre = ringCentre(corners)
  const outside = negate(centre)
  const edges = corners.map((a, i) => {
    const b = corners[(i + 1) % corners.length]!
    return { a, b, normal: cross(a, b), mid: add(a, b) }
  })
  return (p) => {
    const rayNormal = cross(p, outside)
    if (norm(rayNormal) < 1e-12) return dot(p, centre) > 0
    const rayMid = add(p, outside)
    let crossings = 0
    for (const e of edges) {
      if (dot(rayNormal, e.a) > 0 === dot(rayNormal, e.b) > 0) continue
      if (dot(e.normal, p) > 0 === dot(e.normal, outside) > 0) continue
      // the two great circles meet at ±x; the arcs meet only if both pick the same one
      const x = cross(rayNormal, e.normal)
      if (dot(x, e.mid) > 0 === dot(x, rayMid) > 0) crossings++
    }
    return crossings % 2 === 1
  }
}
