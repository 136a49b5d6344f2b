/**
 * DataLink service descriptors (DataLink 1.1 §4): RESOURCE type="meta" utype="adhoc:service" with
 * accessURL, standardID, resourceIdentifier and a GROUP inputParams. Turned into typed parameter specs,
 * and bound to a result row for row-bound (`ref`) parameters.
 */
import { FormatError } from '../errors'
import type { Param, Resource, Table, Value, VOTableDocument } from '../votable'
import { findColumn, isNumericField } from '../table'

export type ServiceKind = 'soda-sync' | 'soda-async' | 'datalink' | 'other'

/** One input parameter of a service, in the words of the descriptor. */
export interface InputParam {
  name: string
  datatype: string
  arraysize?: string
  /** circle | polygon | point | interval | timestamp | … */
  xtype?: string
  unit?: string
  ucd?: string
  utype?: string
  description?: string
  /** VALUES/MIN as numbers (an interval or a circle may give several). */
  min?: number[]
  /** VALUES/MAX as numbers (ESO/DaCHS: for CIRCLE the footprint circle, for POLYGON the footprint). */
  max?: number[]
  /** VALUES/OPTION: the allowed values. */
  options?: { value: string; name?: string }[]
  /** The value attribute when not empty (a default or, without `ref`, a fixed value). */
  defaultValue?: string
  /** A value the client sends as is (ESO: the `ID` with the dataset's DID, no `ref`). */
  fixedValue?: string
  /** ID (or name) of the result column that gives this parameter's value for a row. */
  ref?: string
  /** The PARAM as read from the VOTable. */
  source: Param
}

export interface ServiceDescriptor {
  /** RESOURCE ID; DataLink rows name it in service_def. */
  id?: string
  name?: string
  description?: string
  accessUrl: string
  standardId?: string
  resourceIdentifier?: string
  kind: ServiceKind
  inputParams: InputParam[]
}

function parseNumbers(raw: string | undefined): number[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  const nums = raw.trim().split(/[\s,]+/).map((t) => (/^[+-]?inf(inity)?$/i.test(t) ? (t.startsWith('-') ? -Infinity : Infinity) : Number(t)))
  return nums.every((n) => !Number.isNaN(n)) ? nums : undefined
}

// ESO writes CIRCLE value="0 0 0" as a placeholder, not a request for a zero-size cutout (pyvo skips it too)
function isPlaceholder(p: Param): boolean {
  if (!isNumericField(p)) return false
  const nums = parseNumbers(p.rawValue)
  return nums !== undefined && nums.length > 1 && nums.every((n) => n === 0)
}

export function kindOf(standardId: string | undefined): ServiceKind {
  const s = (standardId ?? '').toLowerCase()
  if (s.startsWith('ivo://ivoa.net/std/soda#sync')) return 'soda-sync'
  if (s.startsWith('ivo://ivoa.net/std/soda#async')) return 'soda-async'
  if (s.startsWith('ivo://ivoa.net/std/datalink')) return 'datalink'
  return 'other'
}

export function inputParam(p: Param): InputParam {
  const out: InputParam = { name: p.name, datatype: p.datatype, source: p }
  for (const k of ['arraysize', 'xtype', 'unit', 'ucd', 'utype', 'ref', 'description'] as const) {
    const v = p[k]?.trim()
    if (v) out[k] = v
  }
  if (isNumericField(p)) {
    const min = parseNumbers(p.values?.min)
    const max = parseNumbers(p.values?.max)
    if (min) out.min = min
    if (max) out.max = max
  }
  if (p.values?.options?.length) out.options = p.values.options.map((o) => (o.name !== undefined ? { value: o.value, name: o.name } : { value: o.value }))
  const value = p.rawValue.trim()
  if (value !== '' && !isPlaceholder(p)) {
    out.defaultValue = value
    if (!out.ref) out.fixedValue = value
  }
  return out
}

function paramValue(params: Param[], name: string): string | undefined {
  const p = params[findColumn(params, { name })]
  const v = p?.rawValue.trim()
  return v ? v : undefined
}

function isServiceResource(r: Resource): boolean {
  return (r.type ?? '').toLowerCase() === 'meta' && (r.utype ?? '').toLowerCase() === 'adhoc:service'
}

/** Reads one adhoc:service RESOURCE. */
export function parseServiceDescriptor(r: Resource): ServiceDescriptor {
  const accessUrl = paramValue(r.params, 'accessURL')
  if (!accessUrl) throw new FormatError(`The service descriptor ${r.id ?? r.name ?? ''} has no accessURL`.replace('  ', ' '))
  const standardId = paramValue(r.params, 'standardID')
  const group = r.groups.find((g) => (g.name ?? g.id ?? '').toLowerCase() === 'inputparams')
  const d: ServiceDescriptor = { accessUrl, kind: kindOf(standardId), inputParams: (group?.params ?? []).map(inputParam) }
  if (r.id) d.id = r.id
  if (r.name) d.name = r.name
  if (r.description?.trim()) d.description = r.description.trim()
  if (standardId) d.standardId = standardId
  const rid = paramValue(r.params, 'resourceIdentifier')
  if (rid) d.resourceIdentifier = rid
  return d
}

/** Every service descriptor of a document (at any depth), skipping those without accessURL. */
export function parseServiceDescriptors(doc: VOTableDocument): ServiceDescriptor[] {
  const out: ServiceDescriptor[] = []
  const walk = (r: Resource): void => {
    if (isServiceResource(r)) {
      try {
        out.push(parseServiceDescriptor(r))
      } catch {
        // a descriptor without accessURL cannot be called; leave it out
      }
    }
    r.resources.forEach(walk)
  }
  doc.resources.forEach(walk)
  return out
}

/** The descriptor a DataLink row's service_def names. */
export function descriptorFor(descriptors: readonly ServiceDescriptor[], serviceDef: string | undefined): ServiceDescriptor | undefined {
  return serviceDef ? descriptors.find((d) => d.id === serviceDef) : undefined
}

/** Writes a cell value the way a service parameter takes it (arrays space-separated). */
export function formatValue(v: Value): string | undefined {
  if (v === null || v === undefined) return undefined
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : String(v)
  if (typeof v === 'string') return v.trim() === '' ? undefined : v
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  return Array.from(v as ArrayLike<unknown>, (x) => String(x)).join(' ')
}

/**
 * The values a descriptor fixes: its fixed-value params and, given a result row, its row-bound ones
 * (PARAM ref → the FIELD with that ID, or that name). Null cells are left out.
 * @throws FormatError when a ref names no column of the table.
 */
export function bindInputParams(d: ServiceDescriptor, row?: { table: Table; index: number }): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of d.inputParams) {
    if (p.ref) {
      if (!row) continue
      let col = row.table.fields.findIndex((f) => f.id === p.ref)
      if (col < 0) col = row.table.fields.findIndex((f) => f.name === p.ref)
      if (col < 0) throw new FormatError(`The service's ${p.name} parameter refers to column "${p.ref}", which the result table does not have`)
      const v = formatValue(row.table.value(row.index, col))
      if (v !== undefined) out[p.name] = v
    } else if (p.fixedValue !== undefined) out[p.name] = p.fixedValue
  }
  return out
}

/** Parameters a user may set (neither fixed nor row-bound). */
export function userParams(d: ServiceDescriptor): InputParam[] {
  return d.inputParams.filter((p) => !p.ref && p.fixedValue === undefined)
}
