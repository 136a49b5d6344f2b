/**
 * ICRS ↔ Galactic by a fixed rotation: the Hipparcos definition (ESA 1997, Vol. 1, §1.5.3),
 * which places the North Galactic Pole at ICRS (192.85948°, +27.12825°) and l = 0 at position angle 122.93192°.
 */

/** Rows are the Galactic x, y, z axes written in ICRS Cartesian coordinates. */
const ICRS_TO_GALACTIC = [
  [-0.0548755604162154, -0.873437090234885, -0.4838350155487132],
  [0.4941094278755837, -0.4448296299600112, 0.746982244497219],
  [-0.8676661490190047, -0.1980763734312015, 0.4559837761750669],
] as const

const RAD = Math.PI / 180

export interface EquatorialPosition {
  /** Right ascension, degrees in [0, 360). */
  ra: number
  /** Declination, degrees in [−90, 90]. */
  dec: number
}

export interface GalacticPosition {
  /** Galactic longitude, degrees in [0, 360). */
  l: number
  /** Galactic latitude, degrees in [−90, 90]. */
  b: number
}

type Vec3 = [number, number, number]

function toVector(lon: number, lat: number): Vec3 {
  const cl = Math.cos(lat * RAD)
  return [cl * Math.cos(lon * RAD), cl * Math.sin(lon * RAD), Math.sin(lat * RAD)]
}

function toLonLat(v: Vec3): [number, number] {
  const [x, y, z] = v
  let lon = Math.atan2(y, x) / RAD
  if (lon < 0) lon += 360
  if (lon >= 360) lon -= 360
  const lat = Math.atan2(z, Math.hypot(x, y)) / RAD
  return [lon, lat]
}

/** Normalises a longitude to [0, 360). */
export function normalizeLongitude(deg: number): number {
  const r = deg % 360
  const n = r < 0 ? r + 360 : r
  return n >= 360 ? 0 : n
}

export function icrsToGalactic(ra: number, dec: number): GalacticPosition {
  const v = toVector(ra, dec)
  const m = ICRS_TO_GALACTIC
  const g: Vec3 = [0, 1, 2].map((i) => m[i]![0] * v[0] + m[i]![1] * v[1] + m[i]![2] * v[2]) as Vec3
  const [l, b] = toLonLat(g)
  return { l, b }
}

export function galacticToIcrs(l: number, b: number): EquatorialPosition {
  const g = toVector(l, b)
  const m = ICRS_TO_GALACTIC
  // the inverse of a rotation is its transpose
  const v: Vec3 = [0, 1, 2].map((j) => m[0][j]! * g[0] + m[1][j]! * g[1] + m[2][j]! * g[2]) as Vec3
  const [ra, dec] = toLonLat(v)
  return { ra, dec }
}
