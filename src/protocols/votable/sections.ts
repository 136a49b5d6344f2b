/** Field specs, PARAM values and DATA sections (TABLEDATA / BINARY / BINARY2 streams) of one table. */
import type { Field, Param } from './types'
import { decodeBase64 } from './base64'
import { decodeBinaryRows } from './binary'
import { createColumn } from './columns'
import { errorAt } from './errors'
import { DATATYPE_ALIASES, makeSpec } from './spec'
import type { ColumnBuilder, ColumnSpec, Warn } from './spec'
import type { VOTableTable } from './table'
import { decodeTableData } from './tabledata'

/** Column spec of a FIELD/PARAM; throws a located VOTableError for an unknown datatype or bad arraysize. */
export function fieldSpec(s: string, f: Field, kind: string, at: number, warn: Warn): ColumnSpec {
  if (f.datatype === '') {
    warn(`${kind} "${f.name}" has no datatype; read as char`)
    return makeSpec(f.name, 'char', f.arraysize ?? '*', f.nullValue)
  }
  if (DATATYPE_ALIASES[f.datatype] !== undefined) warn(`${kind} "${f.name}": non-standard datatype "${f.datatype}" read as ${DATATYPE_ALIASES[f.datatype]}`)
  try {
    return makeSpec(f.name, f.datatype, f.arraysize, f.nullValue)
  } catch (e) {
    throw errorAt(s, at, `${kind} "${f.name}": ${(e as Error).message}`)
  }
}

/** Decode a PARAM's value attribute by its datatype (unknown datatypes keep the text, with a warning). */
export function finishParam(s: string, p: Param, at: number, warn: Warn): void {
  let spec
  try {
    spec = fieldSpec(s, p, 'PARAM', at, warn)
  } catch (e) {
    warn((e as Error).message + '; value kept as text')
    p.value = p.rawValue
    return
  }
  const col = createColumn(spec, (m) => warn(`PARAM ${m.replace(/^column /, '')}`))
  col.text(p.rawValue, 0, p.rawValue.length)
  col.finish(1)
  // char PARAM values are kept as written (astropy does the same)
  p.value = col.kind === 'string' ? (p.nullValue !== undefined && p.rawValue === p.nullValue ? null : p.rawValue) : col.get(0)
}

export function ensureColumns(s: string, t: VOTableTable, at: number, warn: Warn): ColumnBuilder[] {
  if (t.columns.length === 0 && t.fields.length > 0) {
    t.columns = t.fields.map((f) => createColumn(fieldSpec(s, f, 'FIELD', at, warn), warn))
  }
  return t.columns
}

export interface SectionEnd {
  /** offset where the tokenizer resumes */
  pos: number
  /** the input ended inside the section */
  cut: boolean
}

/** Base64 STREAM content starting at `pos` (just after <STREAM>). */
export function readStream(s: string, pos: number, t: VOTableTable, cols: ColumnBuilder[], binary2: boolean, label: string, warn: Warn): SectionEnd {
  const kind = binary2 ? 'BINARY2' : 'BINARY'
  let b = s.indexOf('<', pos)
  const cut = b < 0
  if (cut) b = s.length
  const r = decodeBase64(s, pos, b)
  if (r.errorAt >= 0) throw errorAt(s, r.errorAt, `invalid base64 character "${s.charAt(r.errorAt)}" in the ${kind} STREAM of table ${label}`)
  const progress = { rows: 0, offset: 0 }
  decodeBinaryRows(r.bytes, cols, binary2, progress)
  t.rowCount = progress.rows
  if (cut) {
    t.truncated = true
    warn(`table ${label}: input ends inside the ${kind} stream; ${progress.rows} complete rows kept`)
  } else if (r.partial || progress.offset < r.bytes.length) {
    t.truncated = true
    warn(`table ${label}: the ${kind} stream has ${r.bytes.length - progress.offset} bytes after row ${progress.rows} that do not form a complete row`)
  }
  for (const c of cols) c.finish(t.rowCount)
  return { pos: b, cut }
}

/** TABLEDATA rows starting at `pos` (just after <TABLEDATA>), through </TABLEDATA>. */
export function readTableData(s: string, pos: number, t: VOTableTable, cols: ColumnBuilder[], label: string, warn: Warn): SectionEnd {
  const st = { rows: 0, pos, done: false }
  decodeTableData(s, st, cols)
  t.rowCount = st.rows
  for (const c of cols) c.finish(st.rows)
  if (st.done) return { pos: st.pos, cut: false }
  t.truncated = true
  warn(`table ${label}: input ends inside TABLEDATA; ${st.rows} complete rows kept`)
  return { pos: s.length, cut: true }
}
