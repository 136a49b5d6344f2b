/**
 * The cutout form as data: one widget per input parameter of the SODA service descriptor (by xtype,
 * UCD, unit and name), the user's entries, and their translation into a SodaCutout, refusing values
 * outside the descriptor's limits in the units the user typed them in.
 */
import type { InputParam, ServiceDescriptor } from '../../protocols/datalink'
import { checkSodaCutout, fromMetres, toMetres, type SodaCutout, type SodaPos, type WavelengthUnit } from '../../protocols/soda'
import { isNumericField } from '../../protocols/table'

export type WidgetKind = 'fixed' | 'circle' | 'polygon' | 'pos' | 'band' | 'time' | 'pol' | 'interval' | 'choice' | 'number' | 'text'

export interface Widget {
  kind: WidgetKind
  param: InputParam
}

export const POL_STATES = ['I', 'Q', 'U', 'V', 'RR', 'LL', 'RL', 'LR', 'XX', 'YY', 'XY', 'YX', 'POLI', 'POLA']
export const BAND_UNITS: WavelengthUnit[] = ['nm', 'um', 'Angstrom', 'm']
/** how many of each unit make a degree */
export const RADIUS_UNITS = { deg: 1, arcmin: 60, arcsec: 3600 } as const
export type RadiusUnit = keyof typeof RADIUS_UNITS

/** The widget for one parameter; a type we do not know still gets a free-text field. */
export function widgetFor(p: InputParam): Widget {
  const name = p.name.toUpperCase()
  const xtype = (p.xtype ?? '').toLowerCase()
  const ucd = (p.ucd ?? '').toLowerCase()
  let kind: WidgetKind = 'text'
  if (p.ref || p.fixedValue !== undefined) kind = 'fixed'
  else if (xtype === 'circle' || name === 'CIRCLE') kind = 'circle'
  else if (xtype === 'polygon' || name === 'POLYGON') kind = 'polygon'
  else if (name === 'POS') kind = 'pos'
  else if (name === 'BAND' || (ucd.startsWith('em.wl') && xtype === 'interval')) kind = 'band'
  else if (name === 'TIME' || (ucd.startsWith('time') && xtype === 'interval')) kind = 'time'
  else if (name === 'POL') kind = 'pol'
  else if (p.options?.length) kind = 'choice'
  else if (xtype === 'interval' && isNumericField(p)) kind = 'interval'
  else if (isNumericField(p) && !p.arraysize && !xtype) kind = 'number'
  return { kind, param: p }
}

// what a cutout is mostly about comes first; the descriptor's order is kept within each rank
const RANK: Record<WidgetKind, number> = { fixed: 0, circle: 1, polygon: 2, pos: 3, band: 4, time: 5, pol: 6, interval: 7, choice: 8, number: 8, text: 9 }

export function widgetsOf(d: ServiceDescriptor): Widget[] {
  return d.inputParams.map(widgetFor).map((w, i) => [w, i] as const).sort((a, b) => RANK[a[0].kind] - RANK[b[0].kind] || a[1] - b[1]).map(([w]) => w)
}

/** What the user typed for one parameter. */
export interface FieldEntry {
  /** circle: ra, dec, radius; intervals: lo, hi */
  parts?: string[]
  /** polygon, pos, choice, number, text */
  text?: string
  /** band: the wavelength unit typed in; circle: the radius unit */
  unit?: string
  /** pol */
  selected?: string[]
}
export type FormEntries = Record<string, FieldEntry>

export interface FieldProblem {
  param: string
  message: string
  severity: 'error' | 'warning'
}

const blank = (s: string | undefined) => (s ?? '').trim() === ''
const fmt = (n: number) => String(Number(n.toPrecision(10)))

/** MJD from a number or an ISO date/time (UTC). */
export function parseMjd(text: string): number {
  const t = text.trim()
  if (/^[-+]?\d+(\.\d*)?([eE][-+]?\d+)?$/.test(t)) return Number(t)
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) || !/T|\d:\d/.test(t) ? t : `${t}Z`)
  return Number.isNaN(ms) ? NaN : ms / 86_400_000 + 40587
}

/** Vertices from "ra dec, ra dec, …" or a flat "ra dec ra dec …" list. */
export function parseVertices(text: string): [number, number][] | undefined {
  const n = text.trim().split(/[\s,;]+/).filter(Boolean).map(Number)
  if (n.length < 6 || n.length % 2 || n.some((x) => !Number.isFinite(x))) return undefined
  const out: [number, number][] = []
  for (let i = 0; i < n.length; i += 2) out.push([n[i]!, n[i + 1]!])
  return out
}

/** A POS value: CIRCLE ra dec r | RANGE ra1 ra2 dec1 dec2 | POLYGON ra dec … (SODA §3.3.3). */
export function parsePos(text: string): SodaPos | undefined {
  const m = /^\s*(CIRCLE|RANGE|POLYGON)\s+(.+)$/i.exec(text)
  if (!m) return undefined
  const nums = m[2]!.trim().split(/\s+/).map((t) => (/^[+]?inf$/i.test(t) ? Infinity : /^-inf$/i.test(t) ? -Infinity : Number(t)))
  if (nums.some((x) => Number.isNaN(x))) return undefined
  const shape = m[1]!.toUpperCase()
  if (shape === 'CIRCLE') return nums.length === 3 ? { shape: 'circle', ra: nums[0]!, dec: nums[1]!, radius: nums[2]! } : undefined
  if (shape === 'RANGE') return nums.length === 4 ? { shape: 'range', ra: [nums[0]!, nums[1]!], dec: [nums[2]!, nums[3]!] } : undefined
  const v = parseVertices(m[2]!)
  return v ? { shape: 'polygon', vertices: v } : undefined
}

function number(name: string, label: string, text: string | undefined, problems: FieldProblem[]): number | undefined {
  if (blank(text)) return undefined
  const n = Number(text!.trim())
  if (!Number.isFinite(n)) problems.push({ param: name, severity: 'error', message: `${name} ${label} "${text!.trim()}" is not a number` })
  return Number.isFinite(n) ? n : undefined
}

/** Interval bounds against the descriptor's MIN/MAX, both expressed in the unit the user sees; one message per bound. */
function checkBounds(name: string, lo: number, hi: number, min: number | undefined, max: number | undefined, unit: string, problems: FieldProblem[], scalar = false): boolean {
  const u = unit ? ` ${unit}` : ''
  const before = problems.length
  const say = (label: string, v: number, what: 'below' | 'above', limit: number) =>
    problems.push({ param: name, severity: 'error', message: `${name}${label} ${fmt(v)}${u} is ${what} the dataset's ${what === 'below' ? 'minimum' : 'maximum'} ${fmt(limit)}${u}` })
  if (lo > hi) problems.push({ param: name, severity: 'error', message: `${name} lower limit ${fmt(lo)}${u} is above the upper limit ${fmt(hi)}${u}` })
  else if (scalar) {
    if (min !== undefined && lo < min) say('', lo, 'below', min)
    else if (max !== undefined && lo > max) say('', lo, 'above', max)
  } else {
    if (min !== undefined && Number.isFinite(lo) && lo < min) say(' lower limit', lo, 'below', min)
    else if (max !== undefined && Number.isFinite(lo) && lo > max) say(' lower limit', lo, 'above', max)
    if (max !== undefined && Number.isFinite(hi) && hi > max) say(' upper limit', hi, 'above', max)
    else if (min !== undefined && Number.isFinite(hi) && hi < min) say(' upper limit', hi, 'below', min)
  }
  return problems.length === before
}

function interval(w: Widget, e: FieldEntry, problems: FieldProblem[]): [number, number] | undefined {
  const [loText, hiText] = e.parts ?? []
  if (blank(loText) && blank(hiText)) return undefined
  const name = w.param.name
  const parse = w.kind === 'time' ? (t: string | undefined, label: string) => {
    if (blank(t)) return undefined
    const n = parseMjd(t!)
    if (Number.isNaN(n)) problems.push({ param: name, severity: 'error', message: `${name} ${label} "${t!.trim()}" is neither an MJD nor a date` })
    return Number.isNaN(n) ? undefined : n
  } : (t: string | undefined, label: string) => number(name, label, t, problems)
  const before = problems.length
  const lo = parse(loText, 'lower limit') ?? -Infinity
  const hi = parse(hiText, 'upper limit') ?? Infinity
  if (problems.length > before) return undefined
  return [lo, hi]
}

/**
 * The cutout the entries describe and every problem found, the descriptor's own checks
 * (footprint overlap, options) included. Empty fields are left out of the request.
 */
export function cutoutOf(d: ServiceDescriptor, entries: FormEntries): { cutout: SodaCutout; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const c: { -readonly [K in keyof SodaCutout]: SodaCutout[K] } = {}
  const other: Record<string, string> = {}
  for (const w of widgetsOf(d)) {
    const p = w.param
    const e = entries[p.name] ?? {}
    switch (w.kind) {
      case 'fixed':
        break
      case 'circle': {
        const [ra, dec, r] = e.parts ?? []
        if ([ra, dec, r].every(blank)) break
        const before = problems.length
        const nums = [number(p.name, 'RA', ra, problems), number(p.name, 'Dec', dec, problems), number(p.name, 'radius', r, problems)]
        if (problems.length > before) break
        if (nums.some((x) => x === undefined)) {
          problems.push({ param: p.name, severity: 'error', message: `${p.name} needs a centre (RA, Dec) and a radius` })
          break
        }
        const unit = (e.unit ?? 'deg') as RadiusUnit
        c.circle = { ra: nums[0]!, dec: nums[1]!, radius: nums[2]! / (RADIUS_UNITS[unit] ?? 1) }
        break
      }
      case 'polygon': {
        if (blank(e.text)) break
        const v = parseVertices(e.text!)
        if (!v) problems.push({ param: p.name, severity: 'error', message: `${p.name} needs at least three "RA Dec" pairs of numbers` })
        else c.polygon = v
        break
      }
      case 'pos': {
        if (blank(e.text)) break
        const pos = parsePos(e.text!)
        if (!pos) problems.push({ param: p.name, severity: 'error', message: `${p.name} "${e.text!.trim()}" is not CIRCLE ra dec r, RANGE ra1 ra2 dec1 dec2 or POLYGON ra dec …` })
        else c.pos = pos
        break
      }
      case 'band': {
        // BAND is in metres: the user picks the unit; another descriptor unit is taken as it is
        const metres = !p.unit || p.unit === 'm'
        const unit = metres ? ((e.unit ?? 'nm') as WavelengthUnit) : p.unit!
        const typed = interval(w, e, problems)
        if (!typed) break
        const limit = (m: number | undefined) => (m === undefined || !metres || !Number.isFinite(m) ? m : fromMetres(m, unit as WavelengthUnit))
        if (!checkBounds(p.name, typed[0], typed[1], limit(p.min?.[0]), limit(p.max?.[p.max.length - 1]), unit, problems)) break
        c.band = metres ? (typed.map((x) => (Number.isFinite(x) ? toMetres(x, unit as WavelengthUnit) : x)) as [number, number]) : typed
        break
      }
      case 'time': {
        const t = interval(w, e, problems)
        if (t && checkBounds(p.name, t[0], t[1], p.min?.[0], p.max?.[p.max.length - 1], 'MJD', problems)) c.time = t
        break
      }
      case 'interval': {
        const t = interval(w, e, problems)
        if (t && checkBounds(p.name, t[0], t[1], p.min?.[0], p.max?.[p.max.length - 1], p.unit ?? '', problems)) other[p.name] = t.map((x) => (Number.isFinite(x) ? String(x) : x > 0 ? '+Inf' : '-Inf')).join(' ')
        break
      }
      case 'pol':
        if (e.selected?.length) c.pol = e.selected
        break
      case 'number': {
        const n = number(p.name, 'value', e.text, problems)
        if (n === undefined) break
        if (p.datatype !== 'float' && p.datatype !== 'double' && !Number.isInteger(n)) problems.push({ param: p.name, severity: 'error', message: `${p.name} must be a whole number` })
        else if (checkBounds(p.name, n, n, p.min?.[0], p.max?.[0], p.unit ?? '', problems, true)) other[p.name] = String(n)
        break
      }
      default:
        if (!blank(e.text)) other[p.name] = e.text!.trim()
    }
  }
  if (Object.keys(other).length) c.other = other
  // the descriptor's own checks (overlap with the footprint, options); skip what was already refused above
  const seen = new Set(problems.map((x) => x.param))
  for (const x of checkSodaCutout(d, c)) if (!seen.has(x.param)) problems.push(x)
  return { cutout: c, problems }
}

/** Entries that start the form: the search region in the circle or polygon widget. */
export function initialEntries(d: ServiceDescriptor, region?: { shape: 'circle'; ra: number; dec: number; radius: number } | { shape: 'polygon'; vertices: [number, number][] }): FormEntries {
  const out: FormEntries = {}
  const ws = widgetsOf(d)
  const circle = ws.find((w) => w.kind === 'circle')
  const polygon = ws.find((w) => w.kind === 'polygon')
  if (region?.shape === 'circle' && circle) out[circle.param.name] = { parts: [fmt(region.ra), fmt(region.dec), fmt(region.radius)], unit: 'deg' }
  else if (region?.shape === 'polygon' && polygon) out[polygon.param.name] = { text: region.vertices.map(([a, b]) => `${fmt(a)} ${fmt(b)}`).join(', ') }
  return out
}
