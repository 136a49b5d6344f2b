/**
 * Pure sky read-out helpers: ICRS → Galactic, sexagesimal and decimal formats with units, field-of-view
 * sizes, and the compass (where north and east point on the screen).
 */
import type { ViewProjection } from './projection'

export type SkyFrame = 'ICRS' | 'Galactic'
export type CoordFormat = 'sexagesimal' | 'decimal'

const RAD = Math.PI / 180
// ICRS → Galactic rotation (Hipparcos, ESA 1997 vol. 1 §1.5.3)
const G = [
  [-0.0548755604162154, -0.873437090234885, -0.4838350155487132],
  [0.4941094278755837, -0.4448296299600112, 0.746982244497219],
  [-0.8676661490190047, -0.1980763734312015, 0.4559837761750669],
] as const

/** Galactic longitude and latitude (degrees) of an ICRS position (degrees). */
export function icrsToGalactic(ra: number, dec: number): [number, number] {
  const c = Math.cos(dec * RAD)
  const v = [c * Math.cos(ra * RAD), c * Math.sin(ra * RAD), Math.sin(dec * RAD)]
  const g = G.map((row) => row[0] * v[0]! + row[1] * v[1]! + row[2] * v[2]!)
  let l = Math.atan2(g[1]!, g[0]!) / RAD
  if (l < 0) l += 360
  return [l, Math.asin(Math.max(-1, Math.min(1, g[2]!))) / RAD]
}

const pad = (n: number, width: number, decimals = 0) => n.toFixed(decimals).padStart(decimals ? width + decimals + 1 : width, '0')

/** Splits a non-negative value into whole units, minutes and seconds rounded to `decimals`, carrying over 60. */
function split(value: number, decimals: number): [number, number, number] {
  const scale = 10 ** decimals
  let s = Math.round(value * 3600 * scale) / scale
  const whole = Math.floor(s / 3600)
  s -= whole * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  return [whole, m, Math.max(0, Number(s.toFixed(decimals)))]
}

/** Right ascension as hours, minutes, seconds: `17h 40m 42.10s`. */
export function formatHours(deg: number): string {
  const [h, m, s] = split((((deg % 360) + 360) % 360) / 15, 2)
  return `${pad(h % 24, 2)}h ${pad(m, 2)}m ${pad(s, 2, 2)}s`
}

/** An angle as signed degrees, arcminutes, arcseconds: `−53° 40′ 27.5″` (`signed` adds + for positive). */
export function formatDegrees(deg: number, signed = true): string {
  const sign = deg < 0 ? '−' : signed ? '+' : ''
  const [d, m, s] = split(Math.abs(deg), 1)
  return `${sign}${pad(d, 2)}° ${pad(m, 2)}′ ${pad(s, 2, 1)}″`
}

/** A position in a frame and format, with its axis names and units. */
export function formatPosition(ra: number, dec: number, frame: SkyFrame, format: CoordFormat): string {
  if (frame === 'Galactic') {
    const [l, b] = icrsToGalactic(ra, dec)
    return format === 'decimal' ? `l ${l.toFixed(5)}° b ${signedFixed(b, 5)}°` : `l ${formatDegrees(l, false)} b ${formatDegrees(b)}`
  }
  return format === 'decimal' ? `α ${(((ra % 360) + 360) % 360).toFixed(5)}° δ ${signedFixed(dec, 5)}°` : `α ${formatHours(ra)} δ ${formatDegrees(dec)}`
}

const signedFixed = (v: number, decimals: number) => (v < 0 ? '−' : '+') + Math.abs(v).toFixed(decimals)

/** An angular size in the unit that reads best: `3.00°`, `12.5′`, `58.0″`. */
export function formatAngle(deg: number): string {
  if (deg >= 1) return `${deg.toFixed(deg >= 10 ? 1 : 2)}°`
  if (deg * 60 >= 1) return `${(deg * 60).toFixed(1)}′`
  return `${(deg * 3600).toFixed(1)}″`
}

/** The field of view, width × height: `FoV 1.50° × 1.00°`. */
export function formatFov(fov: readonly [number, number]): string {
  return `FoV ${formatAngle(fov[0])} × ${formatAngle(fov[1])}`
}

/** What the view shows: its centre (ICRS degrees), size, and where north and east point on the screen (degrees clockwise from up). */
export interface SkyViewState {
  ra: number
  dec: number
  fov: [number, number]
  north: number
  east: number
}

/**
 * Where north and east point on the screen, as angles in degrees clockwise from screen up (y grows
 * downwards), from the view's projection (its pixel change per unit step north and east).
 */
export function compassAngles(p: Pick<ViewProjection, 'a' | 'b' | 'd' | 'f'>): { north: number; east: number } {
  const angle = (dx: number, dy: number) => ((Math.atan2(dx, -dy) / RAD) % 360 + 360) % 360
  return { north: angle(p.b, p.f), east: angle(p.a, p.d) }
}

/**
 * The field of view to show a footprint of `radius` degrees in a view `fov` degrees and `widthPx` wide:
 * unchanged (undefined) while it fits and is at least 4 px across; else 3 times its size when too large, 40 times when too small.
 */
export function zoomFor(radius: number, fov: number, widthPx: number): number | undefined {
  if (radius * 2 > fov) return radius * 3
  const px = ((radius * 2) / fov) * widthPx
  return radius > 0 && px < 4 ? Math.max(radius * 40, 1 / 3600) : undefined
}
