/**
 * Export: a table as a VOTable (BINARY2 or TABLEDATA) that this reader reads back to the same
 * values, or as CSV.
 */
import {
  DATATYPE_ALIASES, DT_BIT, DT_BOOLEAN, DT_CHAR, DT_DCOMPLEX, DT_DOUBLE, DT_FCOMPLEX, DT_FLOAT, DT_INT,
  DT_LONG, DT_SHORT, DT_UBYTE, DT_UNICHAR, makeSpec,
} from './spec'
import type { ColumnSpec } from './spec'
import type { Field, Info, Param, Value } from './types'

/** What the writers need of a table (a parsed `Table` is one). */
export interface TableLike {
  name?: string
  description?: string
  fields: Field[]
  params?: Param[]
  rowCount: number
  value(row: number, column: number): Value
}

export interface WriteOptions {
  /** default BINARY2 (exact for every datatype, nulls included) */
  serialization?: 'BINARY2' | 'TABLEDATA'
  /** INFO elements for the RESOURCE (for example QUERY_STATUS) */
  infos?: Info[]
}

export interface CsvOptions {
  /** default "," */
  separator?: string
  /** default "\n" */
  lineEnd?: string
}

interface Col {
  field: Field
  spec: ColumnSpec
  /** datatype and arraysize as written */
  datatype: string
  arraysize?: string
  scalar: boolean
  complex: boolean
}

const encoder = new TextEncoder()

function columnsOf(t: TableLike): Col[] {
  return t.fields.map((f, i) => {
    let datatype = DATATYPE_ALIASES[f.datatype] ?? f.datatype
    let arraysize = f.arraysize
    if (datatype === '') {
      datatype = 'char'
      arraysize ??= '*'
    }
    let spec = makeSpec(f.name, datatype, arraysize, f.nullValue)
    // a fixed-width string column holding longer strings is written with a variable width
    if ((spec.dt === DT_CHAR || spec.dt === DT_UNICHAR) && spec.shape.length <= 1 && !spec.variable) {
      const width = spec.shape.length === 0 ? 1 : spec.shape[0]
      for (let r = 0; r < t.rowCount; r++) {
        const v = t.value(r, i)
        if (typeof v === 'string' && (spec.dt === DT_CHAR ? utf8Length(v) : v.length) > width) {
          arraysize = '*'
          spec = makeSpec(f.name, datatype, arraysize, f.nullValue)
          break
        }
      }
    }
    const complex = spec.dt === DT_FCOMPLEX || spec.dt === DT_DCOMPLEX
    const dims = spec.shape.length
    const scalar = !complex && (dims === 0 || (dims === 1 && spec.shape[0] === 1))
    const col: Col = { field: f, spec, datatype, scalar, complex }
    if (arraysize !== undefined) col.arraysize = arraysize
    return col
  })
}

function utf8Length(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    // 2 bytes below U+0800, 4 per surrogate pair, else 3
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1
  }
  return n
}

// ---------------------------------------------------------------- XML

function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'))
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!)
}

function attrs(pairs: [string, string | undefined][]): string {
  let out = ''
  for (const [k, v] of pairs) if (v !== undefined) out += ` ${k}="${escapeAttr(v)}"`
  return out
}

function fieldXml(tag: 'FIELD' | 'PARAM', f: Field, datatype: string, arraysize: string | undefined, value?: string): string {
  const a = attrs([
    ['name', f.name], ['ID', f.id], ['datatype', datatype], ['arraysize', arraysize], ['unit', f.unit], ['ucd', f.ucd],
    ['utype', f.utype], ['xtype', f.xtype], ['width', f.width], ['precision', f.precision], ['value', value],
  ])
  let body = ''
  if (f.description !== undefined) body += `<DESCRIPTION>${escapeText(f.description)}</DESCRIPTION>`
  if (f.nullValue !== undefined) body += `<VALUES null="${escapeAttr(f.nullValue)}"/>`
  return body === '' ? `<${tag}${a}/>` : `<${tag}${a}>${body}</${tag}>`
}

/** Shortest decimal text that reads back to the same float32 / float64. */
export function formatFloat(v: number, float32: boolean): string {
  if (v !== v) return 'NaN'
  if (v === Infinity) return '+Inf'
  if (v === -Infinity) return '-Inf'
  if (!float32) return String(v)
  for (let p = 1; p < 10; p++) {
    const x = Number(v.toPrecision(p))
    if (Math.fround(x) === v) return String(x)
  }
  return String(v)
}

function isList(v: Value): v is Value[] | ArrayLike<number> {
  return v !== null && typeof v === 'object'
}

/** Elements of an array cell as numbers / bigints / booleans / nulls, complex pairs flattened. */
function elements(v: Value): (number | bigint | boolean | null)[] {
  const out: (number | bigint | boolean | null)[] = []
  const walk = (x: Value): void => {
    if (isList(x)) for (let i = 0; i < x.length; i++) walk((x as ArrayLike<Value>)[i])
    else if (typeof x === 'string') out.push(Number(x))
    else out.push(x)
  }
  walk(v)
  return out
}

function elementText(x: number | bigint | boolean | null, dt: number): string {
  if (dt === DT_BOOLEAN) return x === null ? '?' : x === true || x === 1 ? 'T' : 'F'
  if (dt === DT_BIT) return x === true || x === 1 ? '1' : '0'
  if (typeof x === 'bigint') return String(x)
  if (x === null || typeof x === 'boolean') return x === true ? '1' : x === false ? '0' : 'NaN'
  if (dt === DT_FLOAT || dt === DT_FCOMPLEX) return formatFloat(x, true)
  if (dt === DT_DOUBLE || dt === DT_DCOMPLEX) return formatFloat(x, false)
  // a long array element the reader could not read is NaN; TABLEDATA can say so, BINARY cannot
  return Number.isFinite(x) ? String(x) : dt === DT_LONG ? 'NaN' : '0'
}

/** 2-D char cell: each string padded to the first dimension and concatenated. */
function joinStrings(list: Value, c: Col): string {
  const width = c.spec.shape[0] > 0 ? c.spec.shape[0] : 1
  let out = ''
  for (const s of list as (string | null)[]) {
    const t = s ?? ''
    const len = c.spec.dt === DT_CHAR ? utf8Length(t) : t.length
    out += len >= width ? t : t + ' '.repeat(width - len)
  }
  return out
}

function cellText(v: Value, c: Col): string | null {
  if (v === null) return null
  const dt = c.spec.dt
  if (dt === DT_CHAR || dt === DT_UNICHAR) return Array.isArray(v) ? joinStrings(v, c) : String(v)
  if (c.scalar && !isList(v)) return elementText(typeof v === 'string' ? Number(v) : v, dt)
  return elements(v).map((x) => elementText(x, dt)).join(' ')
}

// ---------------------------------------------------------------- BINARY2

class ByteWriter {
  buf = new Uint8Array(1 << 16)
  view = new DataView(this.buf.buffer)
  n = 0
  need(k: number): void {
    if (this.n + k <= this.buf.length) return
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.n + k))
    b.set(this.buf.subarray(0, this.n))
    this.buf = b
    this.view = new DataView(b.buffer)
  }
  zeros(k: number): void {
    this.need(k)
    this.buf.fill(0, this.n, this.n + k)
    this.n += k
  }
  u32(v: number): void {
    this.need(4)
    this.view.setUint32(this.n, v)
    this.n += 4
  }
}

function writeElement(w: ByteWriter, x: number | bigint | boolean | null, dt: number): void {
  w.need(8)
  const v = w.view
  const o = w.n
  const num = typeof x === 'number' ? x : typeof x === 'boolean' ? (x ? 1 : 0) : x === null ? NaN : Number(x)
  switch (dt) {
    case DT_BOOLEAN:
      w.buf[o] = x === null ? 63 : x === true || x === 1 ? 84 : 70
      w.n += 1
      return
    case DT_UBYTE:
      v.setUint8(o, num)
      w.n += 1
      return
    case DT_SHORT:
      v.setInt16(o, num)
      w.n += 2
      return
    case DT_INT:
      v.setInt32(o, num)
      w.n += 4
      return
    case DT_LONG:
      v.setBigInt64(o, typeof x === 'bigint' ? x : Number.isFinite(num) ? BigInt(Math.trunc(num)) : 0n)
      w.n += 8
      return
    case DT_FLOAT:
    case DT_FCOMPLEX:
      v.setFloat32(o, num)
      w.n += 4
      return
    default:
      v.setFloat64(o, num)
      w.n += 8
  }
}

function writeChars(w: ByteWriter, s: string, unicode: boolean, width: number): void {
  // width < 0: variable, the element count first
  if (unicode) {
    const len = width < 0 ? s.length : width
    if (width < 0) w.u32(len)
    w.need(2 * len)
    for (let i = 0; i < len; i++) w.view.setUint16(w.n + 2 * i, i < s.length ? s.charCodeAt(i) : 0)
    w.n += 2 * len
    return
  }
  const bytes = encoder.encode(s)
  const len = width < 0 ? bytes.length : width
  if (width < 0) w.u32(len)
  w.need(len)
  w.buf.fill(0, w.n, w.n + len)
  w.buf.set(len < bytes.length ? bytes.subarray(0, len) : bytes, w.n)
  w.n += len
}

function writeBinaryCell(w: ByteWriter, v: Value, c: Col, isNull: boolean): void {
  const { dt, variable, count, shape } = c.spec
  if (dt === DT_CHAR || dt === DT_UNICHAR) {
    if (shape.length <= 1) {
      const width = variable ? -1 : shape.length === 0 ? 1 : shape[0]
      writeChars(w, isNull || v === null ? '' : String(v), dt === DT_UNICHAR, width)
    } else {
      const text = isNull || v === null ? '' : joinStrings(v, c)
      writeChars(w, text, dt === DT_UNICHAR, variable ? -1 : count)
    }
    return
  }
  if (c.scalar) {
    const x = isNull || v === null ? null : isList(v) ? elements(v)[0] ?? null : typeof v === 'string' ? Number(v) : v
    if (dt === DT_BIT) {
      w.need(1)
      w.buf[w.n++] = x === true || x === 1 ? 0x80 : 0
    } else if (x === null && dt !== DT_BOOLEAN && dt !== DT_FLOAT && dt !== DT_DOUBLE) writeElement(w, 0, dt)
    else writeElement(w, x, dt)
    return
  }
  let els = isNull || v === null ? [] : elements(v)
  const per = c.complex ? 2 : 1
  let n = els.length / per
  if (variable) {
    n = Math.floor(n)
    w.u32(n)
  } else {
    n = count
    const want = count * per
    if (els.length !== want) {
      els = els.slice(0, want)
      while (els.length < want) els.push(dt === DT_FLOAT || dt === DT_DOUBLE || c.complex ? NaN : dt === DT_BOOLEAN ? null : 0)
    }
  }
  if (dt === DT_BIT) {
    const bytes = (n + 7) >> 3
    w.zeros(bytes)
    const o = w.n - bytes
    for (let k = 0; k < n; k++) if (els[k] === true || els[k] === 1) w.buf[o + (k >> 3)] |= 0x80 >> (k & 7)
    return
  }
  for (let k = 0; k < n * per; k++) writeElement(w, els[k], dt)
}

function base64(bytes: Uint8Array): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const parts: string[] = []
  let line = ''
  let i = 0
  for (; i + 3 <= bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    line += A[v >> 18] + A[(v >> 12) & 63] + A[(v >> 6) & 63] + A[v & 63]
    if (line.length >= 76) {
      parts.push(line)
      line = ''
    }
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const v = bytes[i] << 16
    line += A[v >> 18] + A[(v >> 12) & 63] + '=='
  } else if (rest === 2) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8)
    line += A[v >> 18] + A[(v >> 12) & 63] + A[(v >> 6) & 63] + '='
  }
  if (line !== '') parts.push(line)
  return parts.join('\n')
}

function binary2Stream(t: TableLike, cols: Col[]): string {
  const w = new ByteWriter()
  const ncols = cols.length
  const maskBytes = (ncols + 7) >> 3
  for (let r = 0; r < t.rowCount; r++) {
    w.zeros(maskBytes)
    const maskAt = w.n - maskBytes
    for (let c = 0; c < ncols; c++) {
      const v = t.value(r, c)
      const isNull = v === null
      if (isNull) w.buf[maskAt + (c >> 3)] |= 0x80 >> (c & 7)
      writeBinaryCell(w, v, cols[c], isNull)
    }
  }
  return base64(w.buf.subarray(0, w.n))
}

/**
 * The table as a VOTable 1.4 document (one RESOURCE, one TABLE). BINARY2 keeps every value,
 * null and NaN apart; TABLEDATA cannot tell an empty string or empty array from null, and
 * surrounding whitespace of strings is not kept.
 */
export function writeVOTable(table: TableLike, options: WriteOptions = {}): string {
  const serialization = options.serialization ?? 'BINARY2'
  const cols = columnsOf(table)
  const out: string[] = []
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n')
  out.push('<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n')
  out.push('<RESOURCE type="results">\n')
  for (const i of options.infos ?? []) {
    const a = attrs([['name', i.name], ['value', i.value], ['ID', i.id]])
    out.push(i.content !== undefined ? `<INFO${a}>${escapeText(i.content)}</INFO>\n` : `<INFO${a}/>\n`)
  }
  out.push(`<TABLE${attrs([['name', table.name]])}${table.rowCount >= 0 ? ` nrows="${table.rowCount}"` : ''}>\n`)
  if (table.description !== undefined) out.push(`<DESCRIPTION>${escapeText(table.description)}</DESCRIPTION>\n`)
  for (const p of table.params ?? []) {
    const dt = DATATYPE_ALIASES[p.datatype] ?? (p.datatype || 'char')
    out.push(fieldXml('PARAM', p, dt, p.arraysize ?? (p.datatype ? undefined : '*'), p.rawValue) + '\n')
  }
  for (const c of cols) out.push(fieldXml('FIELD', c.field, c.datatype, c.arraysize) + '\n')
  if (serialization === 'BINARY2') {
    out.push('<DATA><BINARY2><STREAM encoding="base64">\n')
    out.push(binary2Stream(table, cols))
    out.push('\n</STREAM></BINARY2></DATA>\n')
  } else {
    out.push('<DATA><TABLEDATA>\n')
    const ncols = cols.length
    for (let r = 0; r < table.rowCount; r++) {
      let row = '<TR>'
      for (let c = 0; c < ncols; c++) {
        const s = cellText(table.value(r, c), cols[c])
        row += s === null || s === '' ? '<TD/>' : `<TD>${escapeText(s)}</TD>`
      }
      out.push(row + '</TR>\n')
    }
    out.push('</TABLEDATA></DATA>\n')
  }
  out.push('</TABLE>\n</RESOURCE>\n</VOTABLE>\n')
  return out.join('')
}

function csvCell(s: string, sep: string): string {
  return s.includes(sep) || /["\r\n]/.test(s) || (s !== s.trim()) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * The table as CSV (RFC 4180 quoting): a header of column names, then one line per row;
 * null is an empty cell, booleans true/false, arrays their elements separated by spaces.
 */
export function writeCSV(table: TableLike, options: CsvOptions = {}): string {
  const sep = options.separator ?? ','
  const eol = options.lineEnd ?? '\n'
  const cols = columnsOf(table)
  const lines: string[] = [cols.map((c) => csvCell(c.field.name, sep)).join(sep)]
  for (let r = 0; r < table.rowCount; r++) {
    const cells: string[] = []
    for (let c = 0; c < cols.length; c++) {
      const v = table.value(r, c)
      const col = cols[c]
      let s: string
      if (v === null) s = ''
      else if (typeof v === 'boolean') s = v ? 'true' : 'false'
      else if (typeof v === 'string') s = v
      else if (Array.isArray(v) && (col.spec.dt === DT_CHAR || col.spec.dt === DT_UNICHAR)) s = (v as (string | null)[]).map((x) => x ?? '').join(' ')
      else if (col.spec.dt === DT_BOOLEAN && isList(v)) s = elements(v).map((x) => (x === null ? '' : x === true || x === 1 ? 'true' : 'false')).join(' ')
      else s = cellText(v, col) ?? ''
      cells.push(csvCell(s, sep))
    }
    lines.push(cells.join(sep))
  }
  return lines.join(eol) + eol
}
