/** Just enough spherical geometry to tell whether a requested region can overlap a dataset's footprint. */
import type { SodaPos } from './types'

const RAD = Math.PI / 180

/** Great-circle distance in degrees. */
export function separation(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const s = Math.sin(((dec2 - dec1) * RAD) / 2) ** 2 + Math.cos(dec1 * RAD) * Math.cos(dec2 * RAD) * Math.sin(((ra2 - ra1) * RAD) / 2) ** 2
  return (2 * Math.asin(Math.min(1, Math.sqrt(s)))) / RAD
}

export interface BoundingCircle {
  ra: number
  dec: number
  radius: number
}

/** A circle around points (centre: normalised mean of their unit vectors). */
export function boundingCircle(points: ReadonlyArray<readonly [number, number]>): BoundingCircle | undefined {
  if (points.length === 0) return undefined
  let x = 0, y = 0, z = 0
  for (const [ra, dec] of points) {
    x += Math.cos(dec * RAD) * Math.cos(ra * RAD)
    y += Math.cos(dec * RAD) * Math.sin(ra * RAD)
    z += Math.sin(dec * RAD)
  }
  const n = Math.hypot(x, y, z)
  if (n < 1e-12) return undefined
  const ra = ((Math.atan2(y, x) / RAD) + 360) % 360
  const dec = Math.asin(z / n) / RAD
  const radius = Math.max(...points.map(([r, d]) => separation(ra, dec, r, d)))
  return { ra, dec, radius }
}

/** Flat "a1 b1 a2 b2 …" numbers as pairs. */
export function pairs(flat: readonly number[]): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!])
  return out
}

/** Bounding circle of a POS region; undefined for unbounded ranges. */
export function posBounds(pos: SodaPos): BoundingCircle | undefined {
  if (pos.shape === 'circle') return { ra: pos.ra, dec: pos.dec, radius: pos.radius }
  if (pos.shape === 'polygon') return boundingCircle(pos.vertices)
  const [r1, r2] = pos.ra
  const [d1, d2] = pos.dec
  if (![r1, r2, d1, d2].every(Number.isFinite)) return undefined
  return boundingCircle([[r1, d1], [r1, d2], [r2, d1], [r2, d2], [(r1 + r2) / 2, d1], [(r1 + r2) / 2, d2]])
}
