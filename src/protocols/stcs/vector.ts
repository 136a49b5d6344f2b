/** Unit vectors on the sphere: geometry here is done in 3-D so RA wrap and poles need no special cases. */

export type Vec3 = [number, number, number]

const RAD = Math.PI / 180

export function toVector(ra: number, dec: number): Vec3 {
  const c = Math.cos(dec * RAD)
  return [c * Math.cos(ra * RAD), c * Math.sin(ra * RAD), Math.sin(dec * RAD)]
}

/** [ra in [0, 360), dec] of a (not necessarily unit) vector. */
export function toRaDec(v: Vec3): [number, number] {
  let ra = Math.atan2(v[1], v[0]) / RAD
  if (ra < 0) ra += 360
  if (ra >= 360) ra -= 360
  return [ra, Math.atan2(v[2], Math.hypot(v[0], v[1])) / RAD]
}

export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]

export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
]

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]]

export const negate = (a: Vec3): Vec3 => [-a[0], -a[1], -a[2]]

export const norm = (a: Vec3): number => Math.hypot(a[0], a[1], a[2])

export function normalize(a: Vec3): Vec3 {
  const n = norm(a)
  return [a[0] / n, a[1] / n, a[2] / n]
}

/** Angle between two vectors in degrees, accurate at small and large separations. */
export function angleBetween(a: Vec3, b: Vec3): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b)) / RAD
}

/** Angular separation of two positions in degrees. */
export function separation(ra1: number, dec1: number, ra2: number, dec2: number): number {
  return angleBetween(toVector(ra1, dec1), toVector(ra2, dec2))
}

/** Whether point p on the great circle with normal n = a × b lies on the short arc from a to b. */
export function onArc(p: Vec3, a: Vec3, b: Vec3, n: Vec3): boolean {
  return dot(cross(a, p), n) >= 0 && dot(cross(p, b), n) >= 0
}

/**
 * A direction inside a ring of corners: the normalised sum of the corners, or for a ring that
 * sums to nothing (a great circle) the normal of its first corners.
 */
export function ringCentre(corners: Vec3[]): Vec3 {
  const sum = corners.reduce(add, [0, 0, 0])
  if (norm(sum) > 1e-9) return normalize(sum)
  for (let i = 2; i < corners.length; i++) {
    const n = cross(corners[0]!, corners[i - 1]!)
    if (norm(n) > 1e-9) return normalize(n)
  }
  return [0, 0, 1]
}
