/**
 * The geometry of drawing a preview image inside a footprint on the screen: which footprint corner takes which
 * image corner, the square → quadrilateral (perspective) mapping, and the affine transform of one mesh triangle.
 * Pure, tested in Node.
 */
import { unitVector } from './footprints'

export type Pt = readonly [number, number]
/** A canvas transform a, b, c, d, e, f: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Affine = [number, number, number, number, number, number]

/**
 * A four-cornered footprint's vertices (ICRS degrees) as the image's top-left, top-right, bottom-right and
 * bottom-left: previews are north up, east left, so top-left is the north-east corner, then around by position angle.
 */
export function imageCorners(vertices: readonly Pt[]): [Pt, Pt, Pt, Pt] | undefined {
  if (vertices.length !== 4) return undefined
  const u = vertices.map(([ra, dec]) => unitVector(ra, dec))
  const c = [0, 0, 0]
  for (const v of u) for (let k = 0; k < 3; k++) c[k]! += v[k]!
  const len = Math.hypot(c[0]!, c[1]!, c[2]!)
  if (len < 1e-12) return undefined
  const ra0 = Math.atan2(c[1]!, c[0]!)
  const e = [-Math.sin(ra0), Math.cos(ra0), 0]
  const z = c.map((x) => x / len)
  const n = [z[1]! * e[2]! - z[2]! * e[1]!, z[2]! * e[0]! - z[0]! * e[2]!, z[0]! * e[1]! - z[1]! * e[0]!]
  const dot = (a: readonly number[], b: readonly number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!
  // position angle (north through east) of each corner seen from the middle
  const pa = u.map((v) => (Math.atan2(dot(v, e), dot(v, n)) + 2 * Math.PI) % (2 * Math.PI))
  const order = [0, 1, 2, 3].sort((a, b) => pa[a]! - pa[b]!)
  const off = (a: number) => Math.abs(((a - Math.PI / 4 + 3 * Math.PI) % (2 * Math.PI)) - Math.PI)
  let first = 0
  for (let i = 1; i < 4; i++) if (off(pa[order[i]!]!) < off(pa[order[first]!]!)) first = i
  const ring = [0, 1, 2, 3].map((i) => vertices[order[(first + i) % 4]!]!)
  // by increasing position angle: NE, SE, SW, NW = top-left, bottom-left, bottom-right, top-right
  return [ring[0]!, ring[3]!, ring[2]!, ring[1]!]
}

/** Maps the unit square onto a quadrilateral: (0,0) → q[0], (1,0) → q[1], (1,1) → q[2], (0,1) → q[3]. */
export function squareToQuad(q: readonly [Pt, Pt, Pt, Pt]): (u: number, v: number) => [number, number] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q
  const sx = x0 - x1 + x2 - x3
  const sy = y0 - y1 + y2 - y3
  let a: number, b: number, d: number, e: number, g = 0, h = 0
  const dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2
  const den = dx1 * dy2 - dx2 * dy1
  if ((Math.abs(sx) < 1e-9 && Math.abs(sy) < 1e-9) || Math.abs(den) < 1e-12) {
    a = x1 - x0
    b = x3 - x0
    d = y1 - y0
    e = y3 - y0
  } else {
    g = (sx * dy2 - dx2 * sy) / den
    h = (dx1 * sy - sx * dy1) / den
    a = x1 - x0 + g * x1
    b = x3 - x0 + h * x3
    d = y1 - y0 + g * y1
    e = y3 - y0 + h * y3
  }
  return (u, v) => {
    const w = g * u + h * v + 1
    return [(a * u + b * v + x0) / w, (d * u + e * v + y0) / w]
  }
}

/** The canvas transform taking triangle `src` onto triangle `dst`; undefined for a flat triangle. */
export function triangleAffine(src: readonly [Pt, Pt, Pt], dst: readonly [Pt, Pt, Pt]): Affine | undefined {
  const [s0, s1, s2] = src
  const [d0, d1, d2] = dst
  const su1 = s1[0] - s0[0], sv1 = s1[1] - s0[1], su2 = s2[0] - s0[0], sv2 = s2[1] - s0[1]
  const det = su1 * sv2 - su2 * sv1
  if (Math.abs(det) < 1e-12) return undefined
  const dx1 = d1[0] - d0[0], dy1 = d1[1] - d0[1], dx2 = d2[0] - d0[0], dy2 = d2[1] - d0[1]
  const a = (dx1 * sv2 - dx2 * sv1) / det
  const c = (dx2 * su1 - dx1 * su2) / det
  const b = (dy1 * sv2 - dy2 * sv1) / det
  const d = (dy2 * su1 - dy1 * su2) / det
  return [a, b, c, d, d0[0] - a * s0[0] - c * s0[1], d0[1] - b * s0[0] - d * s0[1]]
}

/** A box fitted inside another keeping the image's aspect ratio, centred. */
export function containBox(box: { x: number; y: number; w: number; h: number }, width: number, height: number) {
  const s = Math.min(box.w / width, box.h / height)
  return { x: box.x + (box.w - width * s) / 2, y: box.y + (box.h - height * s) / 2, w: width * s, h: height * s }
}
