/** Positions and angles for display: decimal degrees, sexagesimal, and radii in a fitting unit. */
import { normalizeLongitude } from './galactic'

/** How sexagesimal fields are separated: 05:35:17.3, 05 35 17.3, 05h35m17.3s, 05ʰ35ᵐ17.3ˢ / −05°23′28″. */
export type SexagesimalStyle = 'colons' | 'spaces' | 'letters' | 'symbols'

export interface SexagesimalOptions {
  /** Decimals of the seconds field (default 2 for RA, 1 for Dec). */
  decimals?: number
  style?: SexagesimalStyle
}

const HOUR_MARKS: Record<SexagesimalStyle, [string, string, string]> = {
  colons: [':', ':', ''],
  spaces: [' ', ' ', ''],
  letters: ['h', 'm', 's'],
  symbols: ['ʰ', 'ᵐ', 'ˢ'],
}
const DEGREE_MARKS: Record<SexagesimalStyle, [string, string, string]> = {
  colons: [':', ':', ''],
  spaces: [' ', ' ', ''],
  letters: ['d', 'm', 's'],
  symbols: ['°', '′', '″'],
}

/** Splits a non-negative magnitude into whole units, minutes and rounded seconds, carrying 60s upwards. */
function fields(magnitude: number, decimals: number): [number, number, string] {
  const scale = 10 ** decimals
  const ticks = Math.round(magnitude * 3600 * scale)
  const perUnit = 3600 * scale
  const whole = Math.floor(ticks / perUnit)
  const rest = ticks - whole * perUnit
  const minutes = Math.floor(rest / (60 * scale))
  const seconds = (rest - minutes * 60 * scale) / scale
  const secText = seconds.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0')
  return [whole, minutes, secText]
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** Right ascension in degrees → "05:35:17.30" (hours, wrapped to [0h, 24h)). */
export function formatRaHms(raDeg: number, options: SexagesimalOptions = {}): string {
  const decimals = options.decimals ?? 2
  const [h, m, s] = fields(normalizeLongitude(raDeg) / 15, decimals)
  const [a, b, c] = HOUR_MARKS[options.style ?? 'colons']
  return `${pad2(h % 24)}${a}${pad2(m)}${b}${s}${c}`
}

/** An angle in degrees → "-05:23:28.0" (always signed, so "+" for north). */
export function formatDms(deg: number, options: SexagesimalOptions = {}): string {
  const decimals = options.decimals ?? 1
  const style = options.style ?? 'colons'
  const [d, m, s] = fields(Math.abs(deg), decimals)
  const [a, b, c] = DEGREE_MARKS[style]
  // the sign comes from the value, so −0.01″ that rounds to zero keeps no misleading minus
  const negative = deg < 0 && (d > 0 || m > 0 || Number(s) > 0)
  const sign = negative ? (style === 'symbols' ? '−' : '-') : '+'
  return `${sign}${pad2(d)}${a}${pad2(m)}${b}${s}${c}`
}

/** Degrees with a fixed number of decimals (default 6, about 4 mas). */
export function formatDegrees(deg: number, decimals = 6): string {
  return deg.toFixed(decimals)
}

export interface PositionFormatOptions extends SexagesimalOptions {
  format?: 'decimal' | 'sexagesimal'
  /** Separator between the two coordinates (default one space). */
  separator?: string
}

/** A position for display: "83.820000 -5.390000" or "05:35:17.30 -05:23:28.0". */
export function formatPosition(ra: number, dec: number, options: PositionFormatOptions = {}): string {
  const sep = options.separator ?? ' '
  if ((options.format ?? 'decimal') === 'decimal') {
    const decimals = options.decimals ?? 6
    return `${formatDegrees(normalizeLongitude(ra), decimals)}${sep}${formatDegrees(dec, decimals)}`
  }
  const decimals = options.decimals
  const style = options.style
  return `${formatRaHms(ra, { decimals, style })}${sep}${formatDms(dec, { decimals: decimals === undefined ? undefined : Math.max(0, decimals - 1), style })}`
}

/** A radius or separation in the unit that reads best: 1.5°, 2′, 30″ (or "1.5 deg", "2 arcmin", "30 arcsec"). */
export function formatAngle(deg: number, options: { significant?: number; ascii?: boolean } = {}): string {
  const significant = options.significant ?? 4
  const abs = Math.abs(deg)
  const [value, unit, word] =
    abs >= 1 || abs === 0 ? [deg, '°', ' deg'] : abs * 60 >= 1 ? [deg * 60, '′', ' arcmin'] : [deg * 3600, '″', ' arcsec']
  const text = String(Number(value.toPrecision(significant)))
  return text + (options.ascii ? word : unit)
}
