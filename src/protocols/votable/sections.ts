/** Field specs, PARAM values and DATA sections (TABLEDATA / BINARY / BINARY2 streams) of one table. */
import type { Field, Param } from './types'
import { base64Room, decodeBase64 } from './base64'
import { decodeBinaryRows } from './binary'
import type { BinaryProgress } from './binary'
import { createColumn } from './columns'
import { errorAtLocation } from './errors'
import type { TextOrigin, VOTableError } from './errors'
import { DATATYPE_ALIASES, makeSpec } from './spec'
import type { ColumnBuilder, ColumnSpec, Warn } from './spec'
import type { VOTableTable } from './table'
import { decodeTableData } from './tabledata'

/** Column spec of a FIELD/PARAM; throws a located VOTableError for an unknown datatype or bad arraysize. */
export function fieldSpec(f: Field, kind: string, at: () => TextOrigin, warn: Warn): ColumnSpec {
  if (f.datatype === '') {
    warn(`${kind} "${f.name}" has no datatype; read as char`)
    return makeSpec(f.name, 'char', f.arraysize ?? '*', f.nullValue)
  }
  if (DATATYPE_ALIASES[f.datatype] !== undefined) warn(`${kind} "${f.name}": non-standard datatype "${f.datatype}" read as ${DATATYPE_ALIASES[f.datatype]}`)
  try {
    return makeSpec(f.name, f.datatype, f.arraysize, f.nullValue)
  } catch (e) {
    throw errorAtLocation(at(), `${kind} "${f.name}": ${(e as Error).message}`)
  }
}

/** Decode a PARAM's value attribute by its datatype (unknown datatypes keep the text, with a warning). */
export function finishParam(p: Param, at: () => TextOrigin, warn: Warn): void {
  let spec
  try {
    spec = fieldSpec(p, 'PARAM', at, warn)
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

export function ensureColumns(t: VOTableTable, at: () => TextOrigin, warn: Warn): ColumnBuilder[] {
  if (t.columns.length === 0 && t.fields.length > 0) {
    t.columns = t.fields.map((f) => createColumn(fieldSpec(f, 'FIELD', at, warn), warn))
  }
  return t.columns
}

/** The text window a data section reads from (the XML scanner). */
export interface TextWindow {
  s: string
  pos: number
  final: boolean
  error(message: string, pos: number): VOTableError
}

/**
 * A DATA section being decoded, possibly over several text windows (streaming).
 * `run` decodes what the window holds, leaves `win.pos` where decoding resumes and
 * returns true once the section is over (complete, or cut by the end of the input).
 */
export interface DataSection {
  readonly table: VOTableTable
  readonly cols: ColumnBuilder[]
  /** complete rows so far */
  readonly rows: number
  /** the input ended inside the section */
  cut: boolean
  /** window offset of the row being decoded (a row cut by the end of the window is decoded again later) */
  readonly rowStart: number
  run(win: TextWindow, warn: Warn): boolean
  /** the rows decoded so far were handed on: the columns forget them, the row count goes on (see VOTableTable.released) */
  release(): void
}

function releaseRows(t: VOTableTable, cols: ColumnBuilder[], rows: number): void {
  for (const c of cols) c.reset()
  t.released = rows
}

/** TABLEDATA rows, from just after <TABLEDATA> through </TABLEDATA>. */
export class TableDataSection implements DataSection {
  cut = false
  private readonly st = { rows: 0, pos: 0, done: false, base: 0 }
  constructor(readonly table: VOTableTable, readonly cols: ColumnBuilder[], private readonly label: string) {}

  get rows(): number {
    return this.st.base + this.st.rows
  }

  release(): void {
    this.st.base += this.st.rows
    this.st.rows = 0
    releaseRows(this.table, this.cols, this.st.base)
  }

  get rowStart(): number {
    return this.st.pos
  }

  run(win: TextWindow, warn: Warn): boolean {
    const st = this.st
    st.pos = win.pos
    decodeTableData(win.s, st, this.cols, (p, m) => win.error(m, p))
    this.table.rowCount = this.rows
    if (st.done) {
      win.pos = st.pos
      return true
    }
    if (!win.final) {
      win.pos = st.pos
      return false
    }
    this.table.truncated = true
    this.cut = true
    warn(`table ${this.label}: input ends inside TABLEDATA; ${this.rows} complete rows kept`)
    win.pos = win.s.length
    return true
  }
}

/** Base64 BINARY / BINARY2 STREAM content, from just after <STREAM> to the next "<". */
export class BinaryStreamSection implements DataSection {
  cut = false
  private readonly progress: BinaryProgress = { rows: 0, offset: 0, more: -1, seen: 0 }
  /** decoded bytes: [0, fill) of a row not yet complete, then room for more (reused from block to block) */
  private work: Uint8Array = new Uint8Array(0)
  /** end of the bytes in `work` not decoded into rows yet */
  fill = 0
  /** rows handed on and released before those in the columns */
  private base = 0
  constructor(readonly table: VOTableTable, readonly cols: ColumnBuilder[], private readonly binary2: boolean, private readonly label: string) {}

  get rows(): number {
    return this.base + this.progress.rows
  }

  release(): void {
    this.base += this.progress.rows
    this.progress.rows = 0
    // (the storage projection starts again from the rows to come)
    this.progress.seen = 0
    releaseRows(this.table, this.cols, this.base)
  }

  get rowStart(): number {
    return Infinity // binary decoding gives no warnings
  }

  /** the buffer to write up to `n` more decoded bytes into, from `fill` on */
  room(n: number): Uint8Array {
    if (this.fill + n > this.work.length) {
      const w = new Uint8Array(Math.max(this.fill + n, this.work.length * 2, 4096))
      w.set(this.work.subarray(0, this.fill))
      this.work = w
    }
    return this.work
  }

  /** `n` bytes were written at `fill`: decode the complete rows; `more`: about how many bytes will follow (-1: unknown) */
  commit(n: number, more: number): void {
    const total = this.fill + n
    const progress = this.progress
    progress.offset = 0
    progress.more = more
    decodeBinaryRows(this.work.subarray(0, total), this.cols, this.binary2, progress)
    this.work.copyWithin(0, progress.offset, total)
    this.fill = total - progress.offset
    this.table.rowCount = this.rows
  }

  /** decode the rows of stream bytes that follow those seen so far (base64 already decoded) */
  rowsFrom(decoded: Uint8Array): void {
    if (this.fill > 0) {
      this.room(decoded.length).set(decoded, this.fill)
      return this.commit(decoded.length, -1)
    }
    // nothing pending: rows straight from the decoded bytes; the rest is kept
    const progress = this.progress
    progress.offset = 0
    progress.more = -1
    decodeBinaryRows(decoded, this.cols, this.binary2, progress)
    const rest = decoded.length - progress.offset
    if (rest > 0) this.room(rest).set(decoded.subarray(progress.offset))
    this.fill = rest
    this.table.rowCount = this.rows
  }

  run(win: TextWindow, warn: Warn): boolean {
    const s = win.s
    const kind = this.binary2 ? 'BINARY2' : 'BINARY'
    let b = s.indexOf('<', win.pos)
    const closed = b >= 0
    if (!closed) b = s.length
    const over = closed || win.final
    // decoded straight after the pending bytes, in the buffer kept from piece to piece (no garbage per piece)
    const r = decodeBase64(s, win.pos, b, this.room(base64Room(b - win.pos)).subarray(this.fill))
    if (r.errorAt >= 0) throw win.error(`invalid base64 character "${s.charAt(r.errorAt)}" in the ${kind} STREAM of table ${this.label}`, r.errorAt)
    this.commit(r.bytes.length, -1)
    if (!over) {
      win.pos = r.end
      return false
    }
    if (!closed) {
      this.cut = true
      this.table.truncated = true
      warn(`table ${this.label}: input ends inside the ${kind} stream; ${this.rows} complete rows kept`)
    } else if (r.partial || this.fill > 0) {
      this.table.truncated = true
      warn(`table ${this.label}: the ${kind} stream has ${this.fill} bytes after row ${this.rows} that do not form a complete row`)
    }
    win.pos = b
    return true
  }
}
