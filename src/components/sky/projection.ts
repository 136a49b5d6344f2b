/**
 * Screen projection of the Aladin view, done in JS so that 50k outlines project in milliseconds:
 * an orthographic (SIN) projection about the view centre, mapped to pixels by an affine transform
 * fitted to three `world2pix` answers each frame (which absorbs Aladin's scale, flip and rotation).
 * A fourth point checks the fit; when it fails (another projection) the caller falls back to world2pix.
 */
import { unitVector } from './footprints'

export interface ViewProjection {
  /** View centre and the east/north tangent directions there (unit vectors). */
  c: [number, number, number]
  e: [number, number, number]
  n: [number, number, number]
  /** pixel x = a·X + b·Y + tx, y = d·X + f·Y + ty for plane coordinates X = v·e, Y = v·n. */
  a: number
  b: number
  d: number
  f: number
  tx: number
  ty: number
  width: number
  height: number
  /** Pixels per radian near the centre. */
  scale: number
  /** Angular radius (radians) of a cone covering the viewport. */
  radius: number
}

export interface WorldToPixel {
  (ra: number, dec: number): [number, number] | null | undefined
}

const RAD = Math.PI / 180

export function fitProjection(ra0: number, dec0: number, fovDeg: [number, number], width: number, height: number, world2pix: WorldToPixel): ViewProjection | undefined {
  const c = unitVector(ra0, dec0)
  const e: [number, number, number] = [-Math.sin(ra0 * RAD), Math.cos(ra0 * RAD), 0]
  const n: [number, number, number] = [c[1] * e[2] - c[2] * e[1], c[2] * e[0] - c[0] * e[2], c[0] * e[1] - c[1] * e[0]]
  const delta = Math.min(10, Math.max(1e-5, Math.min(fovDeg[0], fovDeg[1]) / 8)) * RAD
  const at = (X: number, Y: number) => {
    const Z = Math.sqrt(Math.max(0, 1 - X * X - Y * Y))
    const v = [Z * c[0] + X * e[0] + Y * n[0], Z * c[1] + X * e[1] + Y * n[1], Z * c[2] + X * e[2] + Y * n[2]]
    let ra = Math.atan2(v[1]!, v[0]!) / RAD
    if (ra < 0) ra += 360
    return world2pix(ra, Math.asin(Math.max(-1, Math.min(1, v[2]!))) / RAD)
  }
  const s = Math.sin(delta)
  const p0 = at(0, 0)
  const pe = at(s, 0)
  const pn = at(0, s)
  if (!p0 || !pe || !pn) return undefined
  const a = (pe[0] - p0[0]) / s
  const d = (pe[1] - p0[1]) / s
  const b = (pn[0] - p0[0]) / s
  const f = (pn[1] - p0[1]) / s
  const proj: ViewProjection = {
    c, e, n, a, b, d, f, tx: p0[0], ty: p0[1], width, height,
    scale: Math.sqrt(Math.abs(a * f - b * d)),
    radius: Math.min(Math.PI, (Math.hypot(fovDeg[0], fovDeg[1]) / 2) * RAD * 1.05),
  }
  // check the fit away from the axes
  const q = at(-0.7 * s, 0.7 * s)
  if (!q) return undefined
  const [qx, qy] = project(proj, -0.7 * s, 0.7 * s)
  if (Math.hypot(qx - q[0], qy - q[1]) > 0.75) return undefined
  return proj
}

/** Plane coordinates to pixels. */
export function project(p: ViewProjection, X: number, Y: number): [number, number] {
  return [p.a * X + p.b * Y + p.tx, p.d * X + p.f * Y + p.ty]
}
