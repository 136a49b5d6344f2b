/** Finding a table's columns by what they declare (UCD, utype) and by name, and telling numbers and times apart. */
import type { Field, Table } from '../votable'

/** What findColumn reads of a column: a VOTable FIELD or PARAM, or anything named alike. */
export type ColumnLike = Pick<Field, 'name' | 'ucd' | 'utype'>

/**
 * What a column should be. Tried in this order: UCD, then utype, then names; within each list the first
 * entry that matches wins. Pass several queries to findColumn to try them in another order.
 */
export interface ColumnQuery {
  name?: string
  /** compared without regard to case; the first listed that the table has wins */
  names?: readonly string[]
  /** UCD words from the start, e.g. `pos.eq.ra` matches `pos.eq.ra;meta.main`; `pos.eq.ra;meta.main` only that */
  ucd?: string | readonly string[]
  /** the end of the utype, namespace ignored: `Char.SpatialAxis.Coverage.Support.Area` matches `obscore:Char.SpatialAxis.Coverage.Support.Area` */
  utype?: string | readonly string[]
}

const list = (x: string | readonly string[] | undefined): readonly string[] => (x === undefined ? [] : typeof x === 'string' ? [x] : x)
const ucdWords = (ucd: string) => ucd.toLowerCase().split(';').map((w) => w.trim())
const stripNamespace = (utype: string) => utype.trim().replace(/^[a-z][\w-]*:/i, '').toLowerCase()

/** True when the column's UCD starts with the words of `wanted` (case-insensitive). */
export function ucdMatches(ucd: string | undefined, wanted: string): boolean {
  if (!ucd) return false
  const have = ucdWords(ucd)
  const want = ucdWords(wanted)
  return want.length <= have.length && want.every((w, i) => w === have[i])
}

/** True when the column's utype is `wanted` or ends with `.wanted`, namespaces and case ignored. */
export function utypeMatches(utype: string | undefined, wanted: string): boolean {
  if (!utype) return false
  const have = stripNamespace(utype)
  const want = stripNamespace(wanted)
  return have === want || have.endsWith(`.${want}`)
}

function byName(fields: readonly ColumnLike[], names: readonly string[]): number {
  for (const n of names) {
    // an exact spelling first: a table may have FORMAT and format
    const exact = fields.findIndex((f) => f.name === n)
    if (exact >= 0) return exact
    const lower = n.toLowerCase()
    const i = fields.findIndex((f) => f.name.toLowerCase() === lower)
    if (i >= 0) return i
  }
  return -1
}

function findOne(fields: readonly ColumnLike[], q: ColumnQuery): number {
  for (const u of list(q.ucd)) {
    const i = fields.findIndex((f) => ucdMatches(f.ucd, u))
    if (i >= 0) return i
  }
  for (const u of list(q.utype)) {
    const i = fields.findIndex((f) => utypeMatches(f.utype, u))
    if (i >= 0) return i
  }
  return byName(fields, [...list(q.name), ...(q.names ?? [])])
}

/** The index of the first column that fits the query (or the first query of a list that any column fits); -1 when none does. */
export function findColumn(source: Pick<Table, 'fields'> | readonly ColumnLike[], query: ColumnQuery | readonly ColumnQuery[]): number {
  const fields: readonly ColumnLike[] = 'fields' in source ? source.fields : source
  for (const q of Array.isArray(query) ? (query as readonly ColumnQuery[]) : [query as ColumnQuery]) {
    const i = findOne(fields, q)
    if (i >= 0) return i
  }
  return -1
}

/** The VOTable datatypes that hold one real number each (complex, bit and boolean do not). */
export const NUMERIC_DATATYPES: ReadonlySet<string> = new Set(['unsignedByte', 'short', 'int', 'long', 'float', 'double'])

export function isNumericDatatype(datatype: string | undefined): boolean {
  return datatype !== undefined && NUMERIC_DATATYPES.has(datatype)
}

/** A column of numbers: scalars or arrays. */
export function isNumericField(field: Pick<Field, 'datatype'>): boolean {
  return isNumericDatatype(field.datatype)
}

/** One number per cell: numeric, without arraysize or with arraysize="1" (which the reader takes as a scalar). */
export function isNumericScalar(field: Pick<Field, 'datatype' | 'arraysize'>): boolean {
  return isNumericField(field) && (!field.arraysize || field.arraysize === '1')
}

const TIME_UCDS = ['time.epoch', 'time.start', 'time.end']
const DAY_UNITS = new Set(['', 'd', 'day', 'days', 'mjd'])

/**
 * How a column holds times: 'iso' for text (xtype timestamp, a time.epoch/start/end UCD, or "date" in its name),
 * 'mjd' for numbers that are Modified Julian Dates (xtype mjd, a name starting with mjd, or a time.epoch/start/end
 * UCD in days, as ObsCore's t_min and t_max); undefined for anything else (durations, years…).
 */
export function timeKind(field: Pick<Field, 'name' | 'datatype' | 'ucd' | 'xtype' | 'unit' | 'arraysize'>): 'iso' | 'mjd' | undefined {
  if (field.datatype === 'char' || field.datatype === 'unicodeChar') {
    return field.xtype === 'timestamp' || TIME_UCDS.some((u) => ucdMatches(field.ucd, u)) || /date/i.test(field.name) ? 'iso' : undefined
  }
  if (!isNumericScalar(field)) return undefined
  if (field.xtype?.toLowerCase() === 'mjd' || /^mjd/i.test(field.name)) return 'mjd'
  const unit = (field.unit ?? '').trim().toLowerCase()
  return TIME_UCDS.some((u) => ucdMatches(field.ucd, u)) && DAY_UNITS.has(unit) ? 'mjd' : undefined
}

/** A column of times: ISO 8601 text or MJD numbers (see timeKind). */
export function isTimeField(field: Pick<Field, 'name' | 'datatype' | 'ucd' | 'xtype' | 'unit' | 'arraysize'>): boolean {
  return timeKind(field) !== undefined
}

/** One column's cells as text (null where empty), e.g. to colour rows by obs_collection; undefined when the table has no such column. */
export function columnLabels(table: Table, query: ColumnQuery | readonly ColumnQuery[]): (string | null)[] | undefined {
  const c = findColumn(table, query)
  if (c < 0) return undefined
  return Array.from({ length: table.rowCount }, (_, i) => {
    const v = table.value(i, c)
    return v === null || v === undefined ? null : String(v)
  })
}
