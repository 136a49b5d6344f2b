/** Bounding cones and RA/Dec boxes, for the sky view's culling and for coarse ADQL constraints. */
import { containmentTest } from './contains'
import type { Shape } from './types'
import { angleBetween, cross, dot, negate, norm, normalize, onArc, ringCentre, toRaDec, toVector, type Vec3 } from './vector'

export interface BoundingCone {
  ra: number
  dec: number
  /** Degrees; 180 means the whole sky. */
  radius: number
}

/**
 * An RA/Dec box in degrees. RA runs from raMin eastwards to raMax; when the box straddles RA 0,
 * raMin > raMax (e.g. 350 → 10). A box around a pole, or the whole sky, has raMin 0 and raMax 360.
 */
export interface RaDecBox {
  raMin: number
  raMax: number
  decMin: number
  decMax: number
}

const WHOLE_SKY: BoundingCone = { ra: 0, dec: 90, radius: 180 }
const RAD = Math.PI / 180
const NORTH: Vec3 = [0, 0, 1]
const SOUTH: Vec3 = [0, 0, -1]

/** A cone that contains the shape (not always the smallest one). */
export function boundingCone(shape: Shape): BoundingCone {
  switch (shape.kind) {
    case 'point':
      return { ra: shape.ra, dec: shape.dec, radius: 0 }
    case 'circle':
      return { ra: shape.ra, dec: shape.dec, radius: shape.radius }
    case 'polygon': {
      const corners = shape.vertices.map(([ra, dec]) => toVector(ra, dec))
      const centre = ringCentre(corners)
      let radius = 0
      corners.forEach((a, i) => {
        const b = corners[(i + 1) % corners.length]!
        radius = Math.max(radius, angleBetween(centre, a))
        // an edge can bulge away from the centre beyond its corners only through the circle's far point
        const n = cross(a, b)
        if (norm(n) < 1e-15) return
        const far = negate(towards(centre, n))
        if (norm(far) > 1e-15 && onArc(far, a, b, n)) radius = Math.max(radius, angleBetween(centre, far))
      })
      const [ra, dec] = toRaDec(centre)
      return { ra, dec, radius: Math.min(180, radius) }
    }
    case 'union': {
      const cones = shape.shapes.map(boundingCone)
      if (cones.some((c) => c.radius >= 180)) return WHOLE_SKY
      const centre = ringCentre(cones.map((c) => toVector(c.ra, c.dec)))
      const radius = Math.max(...cones.map((c) => angleBetween(centre, toVector(c.ra, c.dec)) + c.radius))
      const [ra, dec] = toRaDec(centre)
      return { ra, dec, radius: Math.min(180, radius) }
    }
    case 'intersection':
      return shape.shapes.map(boundingCone).reduce((best, c) => (c.radius < best.radius ? c : best))
    case 'not':
      return WHOLE_SKY
  }
}

/** The point of the great circle with normal n that is nearest to direction d (zero vector if n ∥ d). */
function towards(d: Vec3, n: Vec3): Vec3 {
  const u = normalize(n)
  const k = dot(d, u)
  const p: Vec3 = [d[0] - k * u[0], d[1] - k * u[1], d[2] - k * u[2]]
  return norm(p) < 1e-15 ? [0, 0, 0] : normalize(p)
}

/** An RA interval as start and eastward length, both in degrees. */
type RaSpan = { start: number; length: number }

/** A box that contains the shape. */
export function boundingBox(shape: Shape): RaDecBox {
  const { spans, decMin, decMax } = extent(shape)
  return { ...coverRa(spans), decMin, decMax }
}

function extent(shape: Shape): { spans: RaSpan[]; decMin: number; decMax: number } {
  switch (shape.kind) {
    case 'point':
      return { spans: [{ start: wrap(shape.ra), length: 0 }], decMin: shape.dec, decMax: shape.dec }
    case 'circle': {
      const decMin = shape.dec - shape.radius
      const decMax = shape.dec + shape.radius
      if (decMax >= 90 || decMin <= -90) return { spans: [{ start: 0, length: 360 }], decMin: Math.max(-90, decMin), decMax: Math.min(90, decMax) }
      const half = Math.asin(Math.min(1, Math.sin(shape.radius * RAD) / Math.cos(shape.dec * RAD))) / RAD
      return { spans: [{ start: wrap(shape.ra - half), length: 2 * half }], decMin, decMax }
    }
    case 'polygon':
      return polygonExtent(shape.vertices)
    case 'union': {
      const parts = shape.shapes.map(extent)
      return {
        spans: parts.flatMap((p) => p.spans),
        decMin: Math.min(...parts.map((p) => p.decMin)),
        decMax: Math.max(...parts.map((p) => p.decMax)),
      }
    }
    case 'intersection': {
      // the smallest operand's box bounds the intersection
      const parts = shape.shapes.map(extent)
      const area = (p: (typeof parts)[number]) => coverLength(p.spans) * (p.decMax - p.decMin)
      const best = parts.reduce((a, b) => (area(b) < area(a) ? b : a))
      return { ...best, decMin: Math.max(...parts.map((p) => p.decMin)), decMax: Math.min(...parts.map((p) => p.decMax)) }
    }
    case 'not':
      return { spans: [{ start: 0, length: 360 }], decMin: -90, decMax: 90 }
  }
}

function polygonExtent(vertices: [number, number][]) {
  const corners = vertices.map(([ra, dec]) => toVector(ra, dec))
  let decMin = Math.min(...vertices.map((v) => v[1]))
  let decMax = Math.max(...vertices.map((v) => v[1]))
  const spans: RaSpan[] = []
  corners.forEach((a, i) => {
    const b = corners[(i + 1) % corners.length]!
    const n = cross(a, b)
    const [raA] = toRaDec(a)
    const [raB] = toRaDec(b)
    // an arc not through a pole runs the short way in RA
    const d = wrap(raB - raA)
    spans.push(d <= 180 ? { start: raA, length: d } : { start: raB, length: 360 - d })
    if (norm(n) < 1e-15) return
    // an edge can reach further north or south than its corners
    const top = towards(NORTH, n)
    if (onArc(top, a, b, n)) decMax = Math.max(decMax, toRaDec(top)[1])
    const bottom = towards(SOUTH, n)
    if (onArc(bottom, a, b, n)) decMin = Math.min(decMin, toRaDec(bottom)[1])
  })
  const inside = containmentTest({ kind: 'polygon', frame: 'UNKNOWN', vertices })
  const north = inside(0, 90)
  const south = inside(0, -90)
  if (north) decMax = 90
  if (south) decMin = -90
  return { spans: north || south ? [{ start: 0, length: 360 }] : spans, decMin, decMax }
}

function wrap(ra: number): number {
  const r = ra % 360
  return r < 0 ? r + 360 : r
}

/** Merged, non-overlapping [start, end] pieces in [0, 360] of the spans' union. */
function mergedPieces(spans: RaSpan[]): [number, number][] {
  const pieces: [number, number][] = []
  for (const s of spans) {
    if (s.length >= 360) return [[0, 360]]
    const start = wrap(s.start)
    const end = start + s.length
    if (end > 360) pieces.push([start, 360], [0, end - 360])
    else pieces.push([start, end])
  }
  pieces.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const p of pieces) {
    const last = merged[merged.length - 1]
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1])
    else merged.push([p[0], p[1]])
  }
  return merged
}

/** The shortest RA range covering all spans: the complement of the largest gap between them. */
function coverRa(spans: RaSpan[]): { raMin: number; raMax: number } {
  const merged = mergedPieces(spans)
  if (merged.length === 0) return { raMin: 0, raMax: 360 }
  let gapStart = merged[merged.length - 1]![1]
  let gapLength = merged[0]![0] + 360 - gapStart
  for (let i = 1; i < merged.length; i++) {
    const g = merged[i]![0] - merged[i - 1]![1]
    if (g > gapLength) {
      gapLength = g
      gapStart = merged[i - 1]![1]
    }
  }
  if (gapLength <= 0) return { raMin: 0, raMax: 360 }
  const raMin = wrap(gapStart + gapLength)
  return { raMin, raMax: gapStart }
}

function coverLength(spans: RaSpan[]): number {
  const { raMin, raMax } = coverRa(spans)
  return raMax >= raMin ? raMax - raMin : raMax + 360 - raMin
}

/** Whether a position falls in an RA/Dec box (handling boxes across RA 0). */
export function boxContains(box: RaDecBox, ra: number, dec: number): boolean {
  if (dec < box.decMin || dec > box.decMax) return false
  const r = wrap(ra)
  return box.raMin <= box.raMax ? r >= box.raMin && r <= box.raMax : r >= box.raMin || r <= box.raMax
}

/** The union of shapes' cones, e.g. to frame a whole result set in the sky view. */
export function boundingConeOfAll(shapes: Shape[]): BoundingCone | undefined {
  if (shapes.length === 0) return undefined
  return boundingCone({ kind: 'union', frame: 'UNKNOWN', shapes })
}
