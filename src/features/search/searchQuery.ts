/**
 * The search form as data, its URL form, and the ADQL it sends: one pure function per step so the
 * query a user sees is exactly the query that runs (and is unit-tested).
 */

import type { CatalogueColumns } from '../../state/catalogues/catalogueList'
import { readUrlForm, writeUrlForm, type UrlFormSpec } from '../../state/urlForm'

export type SearchKind = 'obscore' | 'raw' | 'catalogue'
export type SpatialMode = 'intersects' | 'contains'
export type WavelengthUnit = 'nm' | 'um' | 'angstrom' | 'm'

export interface SearchForm {
  kind: SearchKind
  /** Object name or coordinates, as typed. */
  target: string
  /** Radius with optional unit ("5 arcmin", "0.1", "30\""); bare numbers are arcmin. */
  radius: string
  spatial: SpatialMode
  /** Comma-separated lists. */
  collection: string
  instrument: string
  dptype: string
  calib: string
  wlmin: string
  wlmax: string
  wlunit: WavelengthUnit
  /** Calendar dates/times (ISO) or MJD numbers. */
  tmin: string
  tmax: string
  /** Seconds. */
  expmin: string
  expmax: string
  /** Calendar date: only rows modified since. */
  since: string
  /** Catalogue table (kind catalogue). */
  table: string
  /** A region drawn on the sky: "ra dec ra dec …" (ICRS degrees, ≥ 3 vertices); replaces the target cone. */
  polygon: string
  /** Raw frames (dbo.raw) as ESO's raw-data form asks: programme ID (prefix), PI/CoI (part of the name), OB name/ID, object, period, night, type and technique. */
  progid: string
  pi: string
  obname: string
  obid: string
  object: string
  period: string
  /** A night as its calendar date (YYYY-MM-DD): frames from that day's noon to the next noon (UTC). */
  night: string
  rawtype: string
  tech: string
}

export const EMPTY_FORM: SearchForm = {
  kind: 'obscore',
  target: '',
  radius: '10 arcmin',
  spatial: 'intersects',
  collection: '',
  instrument: '',
  dptype: '',
  calib: '',
  wlmin: '',
  wlmax: '',
  wlunit: 'nm',
  tmin: '',
  tmax: '',
  expmin: '',
  expmax: '',
  since: '',
  table: '',
  polygon: '',
  progid: '',
  pi: '',
  obname: '',
  obid: '',
  object: '',
  period: '',
  night: '',
  rawtype: '',
  tech: '',
}

/** The form in the URL: one parameter per field, by its name; choices outside their lists read as the default. */
export const SEARCH_URL_FORM: UrlFormSpec<SearchForm> = {
  defaults: EMPTY_FORM,
  choices: { kind: ['obscore', 'raw', 'catalogue'], spatial: ['intersects', 'contains'], wlunit: ['nm', 'um', 'angstrom', 'm'] },
}

/** The form from URL parameters (missing ones take their defaults). */
export const formFromParams = (p: URLSearchParams): SearchForm => readUrlForm(SEARCH_URL_FORM, p)

/** URL parameters for a form: only those that differ from the defaults, so links stay short. */
export const formToParams = (form: SearchForm): Record<string, string | undefined> => writeUrlForm(SEARCH_URL_FORM, form)

export const WAVELENGTH_TO_M: Record<WavelengthUnit, number> = { nm: 1e-9, um: 1e-6, angstrom: 1e-10, m: 1 }
export const WAVELENGTH_LABEL: Record<WavelengthUnit, string> = { nm: 'nm', um: 'µm', angstrom: 'Å', m: 'm' }

const MJD_UNIX_EPOCH = 40587

/** MJD of a calendar date/time (UTC) or of an MJD number as typed; undefined when unreadable. */
export function toMjd(text: string): number | undefined {
  const t = text.trim()
  if (t === '') return undefined
  if (/^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(t)) return Number(t)
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?Z?$/.exec(t)
  if (!m) return undefined
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000
  if (!Number.isFinite(ms)) return undefined
  return ms / 86400000 + MJD_UNIX_EPOCH
}

/** Calendar form (UTC) of an MJD. */
export function mjdToIso(mjd: number): string {
  return new Date((mjd - MJD_UNIX_EPOCH) * 86400000).toISOString().replace(/\.000Z$/, 'Z')
}

/** Reads a radius; bare numbers are arcminutes. Degrees, or an error message. */
export function readRadius(text: string): number | string {
  const m = /^\s*([+]?\d*\.?\d+(?:[eE][+-]?\d+)?)\s*(deg|d|°|arcmin|amin|'|′|arcsec|asec|"|″)?\s*$/.exec(text)
  if (!m) return `Cannot read the radius "${text}"; write e.g. "5 arcmin", "30 arcsec" or "0.2 deg"`
  const v = Number(m[1])
  const unit = m[2] ?? 'arcmin'
  const deg = /^(deg|d|°)$/.test(unit) ? v : /^(arcsec|asec|"|″)$/.test(unit) ? v / 3600 : v / 60
  if (!(deg > 0) || deg > 90) return 'The radius must be greater than 0 and at most 90°'
  return deg
}

/** An ADQL string literal. */
export function adqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** A number for ADQL: plain, round-trippable, no exponent surprises for usual values. */
export function adqlNumber(x: number): string {
  return String(Number(x.toPrecision(12)))
}

export interface Position {
  ra: number
  dec: number
}

export type { CatalogueColumns }

export interface BuiltQuery {
  adql: string
  /** Problems that stop the query from being run, by field. */
  errors: Partial<Record<keyof SearchForm | 'position', string>>
  /** The cone searched, for the sky view. */
  cone?: Position & { radius: number }
  /** The polygon searched (ICRS degrees), for the sky view. */
  polygon?: [number, number][]
  /** What the query still waits for before it can be sent (not an error: e.g. a catalogue's position columns, being looked up). */
  pending?: string
}

interface Columns {
  from: string
  collection?: string
  instrument: string
  dptype?: string
  calib?: string
  wlMin: string
  wlMax: string
  /** metres per unit of the table's wavelength columns */
  wlScale: number
  tMin: string
  tMax: string
  exptime: string
  lastMod: string
}

const OBSCORE: Columns = {
  from: 'ivoa.ObsCore',
  collection: 'obs_collection',
  instrument: 'instrument_name',
  dptype: 'dataproduct_type',
  calib: 'calib_level',
  wlMin: 'em_min',
  wlMax: 'em_max',
  wlScale: 1,
  tMin: 't_min',
  tMax: 't_max',
  exptime: 't_exptime',
  lastMod: 'last_mod_date',
}

// ESO's dbo.raw: wavelengths in nm, one MJD per frame, category (SCIENCE, CALIB…) in dp_cat
const RAW: Columns = {
  from: 'dbo.raw',
  instrument: 'instrument',
  dptype: 'dp_cat',
  wlMin: 'lambda_min',
  wlMax: 'lambda_max',
  wlScale: 1e-9,
  tMin: 'mjd_obs',
  tMax: 'mjd_obs',
  exptime: 'exposure',
  lastMod: 'last_mod_date',
}

/**
 * The ADQL for a form. `position` is the resolved target (undefined while there is none: then no
 * spatial constraint, or an error for catalogue searches that need one). `catalogue` is the chosen catalogue's
 * position columns: undefined while they are being looked up (the query is `pending`, its columns `…`, never a guess),
 * null when the service has no such catalogue.
 */
export function buildAdql(form: SearchForm, position?: Position, catalogue?: CatalogueColumns | null): BuiltQuery {
  const errors: BuiltQuery['errors'] = {}
  const where: string[] = []
  let cone: BuiltQuery['cone']
  const polygon = form.polygon.trim() ? readPolygon(form.polygon) : undefined
  if (typeof polygon === 'string') errors.polygon = polygon
  const vertices = (frame: string) => typeof polygon === 'object' && `POLYGON('${frame}', ${polygon.map(([a, d]) => `${adqlNumber(a)}, ${adqlNumber(d)}`).join(', ')})`
  const region = typeof polygon === 'object' ? polygon : undefined
  // a drawn polygon replaces the target cone
  if (polygon) position = undefined
  const radius = readRadius(form.radius)
  if (typeof radius === 'string' && !polygon) errors.radius = radius

  if (form.kind === 'catalogue') {
    const table = catalogue?.table ?? form.table
    if (!table) errors.table = 'Choose a catalogue'
    else if (catalogue === null) errors.table = `This service has no catalogue ${table} with main RA and Dec columns`
    if (!position && !polygon) errors.position = 'A catalogue search needs a target'
    // the catalogue's own position columns; until they are known nothing is sent
    const pending = table && catalogue === undefined ? "the catalogue's position columns" : undefined
    const ra = catalogue?.ra ?? '…'
    const dec = catalogue?.dec ?? '…'
    if (region) where.push(`CONTAINS(POINT('', ${ra}, ${dec}), ${vertices('')}) = 1`)
    if (position && typeof radius === 'number') {
      cone = { ...position, radius }
      // ESO's catalogue service writes the (ADQL 2.1: deprecated) coordinate system as ''
      where.push(`CONTAINS(POINT('', ${ra}, ${dec}), CIRCLE('', ${adqlNumber(position.ra)}, ${adqlNumber(position.dec)}, ${adqlNumber(radius)})) = 1`)
    }
    return { adql: `SELECT *\nFROM ${table || '…'}${where.length ? `\nWHERE ${where.join('\n  AND ')}` : ''}`, errors, cone, polygon: region, ...(pending ? { pending } : {}) }
  }

  const c = form.kind === 'raw' ? RAW : OBSCORE
  if (region) where.push(`INTERSECTS(s_region, ${vertices('ICRS')}) = 1`)
  if (position && typeof radius === 'number') {
    const p = `${adqlNumber(position.ra)}, ${adqlNumber(position.dec)}`
    if (form.spatial === 'contains' && form.kind === 'obscore') {
      cone = { ...position, radius: 0 }
      where.push(`CONTAINS(POINT('ICRS', ${p}), s_region) = 1`)
    } else {
      cone = { ...position, radius }
      where.push(`INTERSECTS(s_region, CIRCLE('ICRS', ${p}, ${adqlNumber(radius)})) = 1`)
    }
  }
  const inList = (col: string | undefined, text: string, numeric = false, field?: keyof SearchForm) => {
    const items = list(text)
    if (!col || items.length === 0) return
    if (numeric && items.some((i) => !/^\d+$/.test(i))) {
      if (field) errors[field] = 'Whole numbers, separated by commas'
      return
    }
    const values = items.map((i) => (numeric ? i : adqlString(i)))
    where.push(values.length === 1 ? `${col} = ${values[0]}` : `${col} IN (${values.join(', ')})`)
  }
  inList(c.collection, form.collection)
  inList(c.instrument, form.instrument)
  inList(c.dptype, form.dptype)
  inList(c.calib, form.calib, true, 'calib')

  const num = (text: string, field: keyof SearchForm): number | undefined => {
    if (text.trim() === '') return undefined
    const v = Number(text)
    if (!Number.isFinite(v) || v < 0) {
      errors[field] = 'Enter a number ≥ 0'
      return undefined
    }
    return v
  }
  // ranges match when they overlap the row's own range
  const toTable = WAVELENGTH_TO_M[form.wlunit] / c.wlScale
  const wlMin = num(form.wlmin, 'wlmin')
  const wlMax = num(form.wlmax, 'wlmax')
  if (wlMin !== undefined && wlMax !== undefined && wlMin > wlMax) errors.wlmax = 'The upper wavelength is below the lower one'
  if (wlMin !== undefined) where.push(`${c.wlMax} >= ${adqlNumber(wlMin * toTable)}`)
  if (wlMax !== undefined) where.push(`${c.wlMin} <= ${adqlNumber(wlMax * toTable)}`)

  const tMin = toMjd(form.tmin)
  const tMax = toMjd(form.tmax)
  if (form.tmin.trim() && tMin === undefined) errors.tmin = 'A date (2021-05-03, 2021-05-03T21:00) or an MJD'
  if (form.tmax.trim() && tMax === undefined) errors.tmax = 'A date (2021-05-03, 2021-05-03T21:00) or an MJD'
  if (tMin !== undefined && tMax !== undefined && tMin > tMax) errors.tmax = 'The end is before the start'
  if (tMin !== undefined) where.push(`${c.tMax} >= ${adqlNumber(tMin)}`)
  if (tMax !== undefined) where.push(`${c.tMin} <= ${adqlNumber(tMax)}`)

  const eMin = num(form.expmin, 'expmin')
  const eMax = num(form.expmax, 'expmax')
  if (eMin !== undefined) where.push(`${c.exptime} >= ${adqlNumber(eMin)}`)
  if (eMax !== undefined) where.push(`${c.exptime} <= ${adqlNumber(eMax)}`)

  if (form.kind === 'raw') rawConstraints(form, where, errors)

  if (form.since.trim()) {
    const mjd = toMjd(form.since)
    if (mjd === undefined || /^\d+(\.\d*)?$/.test(form.since.trim())) errors.since = 'A calendar date, e.g. 2022-01-01'
    else where.push(`${c.lastMod} >= ${adqlString(mjdToIso(mjd).replace(/Z$/, ''))}`)
  }
  return { adql: `SELECT *\nFROM ${c.from}${where.length ? `\nWHERE ${where.join('\n  AND ')}` : ''}`, errors, cone, polygon: region }
}

/** The query counting the rows a built query would return (same FROM and WHERE). */
export function countAdql(adql: string): string {
  return adql.replace(/^SELECT \*/, 'SELECT COUNT(*) AS n')
}

/** A circle drawn on the sky as form fields: decimal ICRS target and a radius in arcmin. */
export function circleToForm(form: SearchForm, circle: Position & { radius: number }): SearchForm {
  const dec = Number(circle.dec.toFixed(5))
  const target = `${Number((((circle.ra % 360) + 360) % 360).toFixed(5))} ${dec >= 0 ? '+' : ''}${dec}`
  const arcmin = Math.min(90 * 60, Math.max(circle.radius * 60, 0.01))
  return { ...form, target, radius: `${Number(arcmin.toPrecision(4))} arcmin`, spatial: 'intersects', polygon: '' }
}

/** Reads "ra dec ra dec …" (degrees, at least 3 vertices); the vertices or an error message. */
export function readPolygon(text: string): [number, number][] | string {
  const n = text.trim().split(/[\s,]+/).map(Number)
  if (n.length < 6 || n.length % 2 || n.some((x) => !Number.isFinite(x)) || n.some((x, i) => i % 2 === 1 && Math.abs(x) > 90))
    return 'A polygon needs at least three vertices, "ra dec ra dec ra dec" in degrees'
  return Array.from({ length: n.length / 2 }, (_, i) => [n[2 * i]!, n[2 * i + 1]!] as [number, number])
}

/** A polygon drawn on the sky as the form's region (the target is kept but not searched). */
export function polygonToForm(form: SearchForm, vertices: readonly (readonly [number, number])[]): SearchForm {
  const text = vertices.map(([ra, dec]) => `${Number((((ra % 360) + 360) % 360).toFixed(5))} ${Number(dec.toFixed(5))}`).join(' ')
  return { ...form, polygon: text, spatial: 'intersects' }
}

/** A text pattern as ADQL: `*` and `?` are wildcards (LIKE), else an exact match. */
function pattern(col: string, text: string): string {
  const t = text.trim()
  if (!/[*?%]/.test(t)) return `${col} = ${adqlString(t)}`
  return `${col} LIKE ${adqlString(t.replace(/\*/g, '%').replace(/\?/g, '_'))}`
}

const orOf = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`)

/** The next calendar day of a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** dbo.raw's own fields, as ESO's raw-data query form offers them. */
function rawConstraints(form: SearchForm, where: string[], errors: BuiltQuery['errors']): void {
  // programme IDs: "60.A-9001(A)" exactly, "60.A-9001" any run of it
  const progs = list(form.progid)
  if (progs.length) where.push(orOf(progs.map((p) => (p.includes('(') || /[*?]/.test(p) ? pattern('prog_id', p) : `prog_id LIKE ${adqlString(`${p}%`)}`))))
  // PI/CoI: part of the name, any case
  const pis = list(form.pi)
  if (pis.length) where.push(orOf(pis.map((p) => `LOWER(pi_coi) LIKE ${adqlString(`%${p.toLowerCase().replace(/\*/g, '%')}%`)}`)))
  const names = list(form.obname)
  if (names.length) where.push(orOf(names.map((n) => pattern('ob_name', n))))
  const objects = list(form.object)
  if (objects.length) where.push(orOf(objects.map((n) => pattern('object', n))))
  const types = list(form.rawtype)
  if (types.length) where.push(orOf(types.map((n) => pattern('dp_type', n))))
  const techs = list(form.tech)
  if (techs.length) where.push(orOf(techs.map((n) => pattern('dp_tech', n))))
  const ids = list(form.obid)
  if (ids.length) {
    if (ids.some((i) => !/^-?\d+$/.test(i))) errors.obid = 'Whole numbers, separated by commas'
    else where.push(ids.length === 1 ? `ob_id = ${ids[0]}` : `ob_id IN (${ids.join(', ')})`)
  }
  const period = form.period.trim()
  if (period) {
    const m = /^(\d+)\s*(?:-|–|\.\.)\s*(\d+)$/.exec(period)
    if (m) where.push(`period BETWEEN ${Math.min(+m[1]!, +m[2]!)} AND ${Math.max(+m[1]!, +m[2]!)}`)
    else if (list(period).every((p) => /^\d+$/.test(p))) {
      const ps = list(period)
      where.push(ps.length === 1 ? `period = ${ps[0]}` : `period IN (${ps.join(', ')})`)
    } else errors.period = 'A period (105), a list (105, 106) or a range (104-107)'
  }
  const night = form.night.trim()
  if (night) {
    // ESO's night: from noon to noon, named by the date it starts on
    if (!/^\d{4}-\d{2}-\d{2}$/.test(night) || Number.isNaN(Date.parse(`${night}T00:00:00Z`))) errors.night = 'A date, e.g. 2021-05-03 (the night starting that day)'
    else where.push(`date_obs >= ${adqlString(`${night}T12:00:00`)}`, `date_obs < ${adqlString(`${nextDay(night)}T12:00:00`)}`)
  }
}
