/**
 * HEALPix in the NESTED scheme (Górski et al. 2005), the little the sky needs to aggregate positions by density:
 * a unit vector → its pixel, and a pixel → its centre and corners. Orders 0…13 (pixel numbers fit in 31 bits).
 * Written after the formulas of the HEALPix C++ library (healpix_base: loc2pix, xyf2loc); pure, no DOM.
 */

const HALF_PI = Math.PI / 2
/** Ring of the top corner and longitude (in units of π/4) of each of the 12 base faces. */
const JRLL = [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]
const JPLL = [1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7]
export const MAX_ORDER = 13

/** Spreads the low 16 bits of v to the even bits. */
function spread(v: number): number {
  v &= 0xffff
  v = (v | (v << 8)) & 0x00ff00ff
  v = (v | (v << 4)) & 0x0f0f0f0f
  v = (v | (v << 2)) & 0x33333333
  v = (v | (v << 1)) & 0x55555555
  return v
}

/** The even bits of v, packed. */
function compress(v: number): number {
  v &= 0x55555555
  v = (v | (v >>> 1)) & 0x33333333
  v = (v | (v >>> 2)) & 0x0f0f0f0f
  v = (v | (v >>> 4)) & 0x00ff00ff
  v = (v | (v >>> 8)) & 0x0000ffff
  return v
}

/** The nested pixel containing the direction (x, y, z) (a unit vector, e.g. from RA/Dec). */
export function vec2pixNest(order: number, x: number, y: number, z: number): number {
  const nside = 1 << order
  const za = Math.abs(z)
  let tt = Math.atan2(y, x) / HALF_PI // in [-2, 2]
  if (tt < 0) tt += 4
  if (tt >= 4) tt -= 4
  let face: number, ix: number, iy: number
  if (za <= 2 / 3) {
    const t1 = nside * (0.5 + tt)
    const t2 = nside * z * 0.75
    const jp = Math.floor(t1 - t2)
    const jm = Math.floor(t1 + t2)
    const ifp = Math.floor(jp / nside)
    const ifm = Math.floor(jm / nside)
    face = ifp === ifm ? (ifp % 4) + 4 : ifp < ifm ? ifp % 4 : (ifm % 4) + 8
    ix = jm & (nside - 1)
    iy = nside - (jp & (nside - 1)) - 1
  } else {
    const ntt = Math.min(3, Math.floor(tt))
    const tp = tt - ntt
    const tmp = nside * Math.sqrt(3 * (1 - za))
    const jp = Math.min(nside - 1, Math.floor(tp * tmp))
    const jm = Math.min(nside - 1, Math.floor((1 - tp) * tmp))
    if (z >= 0) {
      face = ntt
      ix = nside - jm - 1
      iy = nside - jp - 1
    } else {
      face = ntt + 8
      ix = jp
      iy = jm
    }
  }
  return face * nside * nside + (spread(ix) | (spread(iy) << 1))
}

/** The nested pixel containing (ra, dec) in degrees. */
export function ang2pixNest(order: number, ra: number, dec: number): number {
  const r = Math.PI / 180
  const c = Math.cos(dec * r)
  return vec2pixNest(order, c * Math.cos(ra * r), c * Math.sin(ra * r), Math.sin(dec * r))
}

/** Writes the unit vector at face coordinates (x, y) ∈ [0, 1]² of a base face into out[o…o+2]. */
function faceToVec(x: number, y: number, face: number, out: Float64Array | number[], o: number): void {
  const jr = JRLL[face]! - x - y
  let nr: number, z: number
  if (jr < 1) {
    nr = jr
    z = 1 - (nr * nr) / 3
  } else if (jr > 3) {
    nr = 4 - jr
    z = (nr * nr) / 3 - 1
  } else {
    nr = 1
    z = ((2 - jr) * 2) / 3
  }
  let t = JPLL[face]! * nr + x - y
  if (t < 0) t += 8
  if (t >= 8) t -= 8
  const phi = nr < 1e-15 ? 0 : (0.5 * HALF_PI * t) / nr
  const s = Math.sqrt(Math.max(0, (1 - z) * (1 + z)))
  out[o] = s * Math.cos(phi)
  out[o + 1] = s * Math.sin(phi)
  out[o + 2] = z
}

function pixToXyf(order: number, pix: number): [number, number, number] {
  const npface = 4 ** order
  const face = Math.floor(pix / npface)
  const p = pix - face * npface
  return [compress(p), compress(p >>> 1), face]
}

/** The centre of a nested pixel as a unit vector. */
export function pix2vecNest(order: number, pix: number): [number, number, number] {
  const nside = 1 << order
  const [ix, iy, face] = pixToXyf(order, pix)
  const out = [0, 0, 0]
  faceToVec((ix + 0.5) / nside, (iy + 0.5) / nside, face, out, 0)
  return out as [number, number, number]
}

/** The 4 corners of a nested pixel (north, west, south, east) as unit vectors, into out[o…o+11]. */
export function cornersNest(order: number, pix: number, out: Float64Array | number[], o = 0): void {
  const nside = 1 << order
  const [ix, iy, face] = pixToXyf(order, pix)
  const x0 = ix / nside, y0 = iy / nside, d = 1 / nside
  faceToVec(x0 + d, y0 + d, face, out, o)
  faceToVec(x0, y0 + d, face, out, o + 3)
  faceToVec(x0, y0, face, out, o + 6)
  faceToVec(x0 + d, y0, face, out, o + 9)
}

/** The angular size (radians) of a pixel's side at an order: √(4π / 12·4^order). */
export const pixelSize = (order: number): number => Math.sqrt((4 * Math.PI) / (12 * 4 ** order))
