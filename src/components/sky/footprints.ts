/**
 * Footprints as flat typed arrays, built once per result set (in a worker for big sets):
 * outlines as unit vectors for fast projection, a bounding cone per footprint for culling,
 * and an RA/Dec grid index for hit-testing. Pure: runs in the browser, a worker and Node.
 */
import { boundingCone, shapeToIcrs, tryParseStcs, type Shape } from '../../protocols/stcs'
import { buildGridIndex, type GridIndex } from './gridIndex'

/** What a footprint is drawn as. */
export const FootprintKind = { None: 0, Outline: 1, Point: 2 } as const

/** One result row's sky information, as the rows hold it. */
export interface FootprintInput {
  /** s_region (STC-S) per row; null/empty where unknown. */
  regions: readonly (string | null | undefined)[]
  /** Fallback position (degrees) for rows without a region: drawn as a marker. */
  ra?: ArrayLike<number | null>
  dec?: ArrayLike<number | null>
}

export interface FootprintStore {
  count: number
  kind: Uint8Array
  /** Footprint f has rings ringStart[f] … ringStart[f+1]-1. */
  ringStart: Int32Array
  /** Ring r has vertices vertStart[r] … vertStart[r+1]-1 (in xyz, 3 numbers each). */
  vertStart: Int32Array
  xyz: Float64Array
  /** Bounding cone per footprint: unit centre x, y, z and radius in radians. */
  cone: Float64Array
  index: GridIndex
}

const RAD = Math.PI / 180
/** Edges longer than this (radians) are split so that straight screen segments follow great circles. */
const MAX_EDGE = 2 * RAD
const CIRCLE_STEPS = 48

export function unitVector(ra: number, dec: number): [number, number, number] {
  const c = Math.cos(dec * RAD)
  return [c * Math.cos(ra * RAD), c * Math.sin(ra * RAD), Math.sin(dec * RAD)]
}

/** Parses a region into ICRS, undefined when empty, malformed or in a frame we cannot convert. */
export function icrsShape(region: string | null | undefined): Shape | undefined {
  const shape = tryParseStcs(region)
  if (!shape) return undefined
  try {
    return shapeToIcrs(shape, { assumeUnknownIsIcrs: true })
  } catch {
    return undefined
  }
}

class Growable {
  data: Float64Array
  length = 0
  constructor(n: number) {
    this.data = new Float64Array(n)
  }
  push3(x: number, y: number, z: number) {
    if (this.length + 3 > this.data.length) {
      const d = new Float64Array(this.data.length * 2 + 3)
      d.set(this.data)
      this.data = d
    }
    this.data[this.length++] = x
    this.data[this.length++] = y
    this.data[this.length++] = z
  }
}

/** Outline rings of a shape (polygons as given, circles as 48-gons, boolean operands' outlines). */
function rings(shape: Shape, out: [number, number, number][][]): void {
  switch (shape.kind) {
    case 'polygon':
      out.push(shape.vertices.map(([ra, dec]) => unitVector(ra, dec)))
      return
    case 'circle': {
      const c = unitVector(shape.ra, shape.dec)
      // an orthonormal basis around the centre
      const east: [number, number, number] = [-Math.sin(shape.ra * RAD), Math.cos(shape.ra * RAD), 0]
      const north: [number, number, number] = [c[1] * east[2] - c[2] * east[1], c[2] * east[0] - c[0] * east[2], c[0] * east[1] - c[1] * east[0]]
      const r = shape.radius * RAD
      const ring: [number, number, number][] = []
      for (let i = 0; i < CIRCLE_STEPS; i++) {
        const t = (i / CIRCLE_STEPS) * 2 * Math.PI
        const a = Math.cos(r)
        const b = Math.sin(r)
        ring.push([
          a * c[0] + b * (Math.cos(t) * north[0] + Math.sin(t) * east[0]),
          a * c[1] + b * (Math.cos(t) * north[1] + Math.sin(t) * east[1]),
          a * c[2] + b * (Math.cos(t) * north[2] + Math.sin(t) * east[2]),
        ])
      }
      out.push(ring)
      return
    }
    case 'union':
    case 'intersection':
      for (const s of shape.shapes) rings(s, out)
      return
    case 'not':
      rings(shape.shape, out)
      return
    case 'point':
      return
  }
}

/** Builds the store; rows whose region cannot be read fall back to their position, else are left out. */
export function buildFootprintStore(input: FootprintInput, cellDeg = 1): FootprintStore {
  const n = input.regions.length
  const kind = new Uint8Array(n)
  const ringStart = new Int32Array(n + 1)
  const vertStartList: number[] = [0]
  const xyz = new Growable(n * 15 + 3)
  const cone = new Float64Array(4 * n)
  let ringCount = 0
  for (let f = 0; f < n; f++) {
    ringStart[f] = ringCount
    const shape = icrsShape(input.regions[f])
    let point: [number, number] | undefined
    if (shape?.kind === 'point') point = [shape.ra, shape.dec]
    else if (!shape) {
      const ra = input.ra?.[f]
      const dec = input.dec?.[f]
      if (ra !== null && ra !== undefined && dec !== null && dec !== undefined && Number.isFinite(ra) && Number.isFinite(dec)) point = [ra, dec]
    }
    if (point) {
      const v = unitVector(point[0], point[1])
      kind[f] = FootprintKind.Point
      cone.set([v[0], v[1], v[2], 0], 4 * f)
      xyz.push3(v[0], v[1], v[2])
      vertStartList.push(xyz.length / 3)
      ringCount++
      continue
    }
    if (!shape) continue
    const rs: [number, number, number][][] = []
    rings(shape, rs)
    if (rs.length === 0) continue
    kind[f] = FootprintKind.Outline
    for (const ring of rs) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i]!
        const b = ring[(i + 1) % ring.length]!
        xyz.push3(a[0], a[1], a[2])
        const angle = Math.acos(Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])))
        const steps = Math.ceil(angle / MAX_EDGE)
        // slerp along long edges
        for (let s = 1; s < steps; s++) {
          const t = s / steps
          const sa = Math.sin((1 - t) * angle) / Math.sin(angle)
          const sb = Math.sin(t * angle) / Math.sin(angle)
          xyz.push3(sa * a[0] + sb * b[0], sa * a[1] + sb * b[1], sa * a[2] + sb * b[2])
        }
      }
      vertStartList.push(xyz.length / 3)
      ringCount++
    }
    const bc = boundingCone(shape)
    const c = unitVector(bc.ra, bc.dec)
    cone.set([c[0], c[1], c[2], bc.radius * RAD], 4 * f)
  }
  ringStart[n] = ringCount
  const store = {
    count: n,
    kind,
    ringStart,
    vertStart: Int32Array.from(vertStartList),
    xyz: xyz.data.slice(0, xyz.length),
    cone,
  }
  return { ...store, index: buildGridIndex(kind, cone, cellDeg) }
}

/** Typed arrays to hand over to another thread without copying. */
export function storeTransferables(s: FootprintStore): ArrayBuffer[] {
  return [s.kind, s.ringStart, s.vertStart, s.xyz, s.cone, s.index.cellStart, s.index.items, s.index.big].map((a) => a.buffer as ArrayBuffer)
}

/** RA/Dec (degrees) of a footprint's cone centre, e.g. to pan to it. */
export function footprintCentre(s: FootprintStore, f: number): { ra: number; dec: number; radius: number } | undefined {
  if (s.kind[f] === FootprintKind.None) return undefined
  const x = s.cone[4 * f]!
  const y = s.cone[4 * f + 1]!
  const z = s.cone[4 * f + 2]!
  let ra = Math.atan2(y, x) / RAD
  if (ra < 0) ra += 360
  return { ra, dec: Math.atan2(z, Math.hypot(x, y)) / RAD, radius: s.cone[4 * f + 3]! / RAD }
}

/** Footprints that have something to draw (an outline or a position). */
export function countDrawable(s: FootprintStore): number {
  let n = 0
  for (let f = 0; f < s.count; f++) if (s.kind[f] !== FootprintKind.None) n++
  return n
}
