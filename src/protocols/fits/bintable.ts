/**
 * FITS binary tables (FITS 4.0 §7.3): TFORMn with repeat counts, P/Q heap arrays, TSCALn/TZEROn,
 * TNULLn, TUNITn, and the Spectral Data Model's TUCDn/TUTYPn. Values are read big-endian with a DataView.
 */
import { FormatError } from '../errors'
import type { Hdu } from './hdu'

export interface Tform {
  repeat: number
  /** L X B I J K A E D C M P Q */
  code: string
  /** element type of a P/Q (variable-length array) column */
  heapCode?: string
  /** bytes the field takes in a row */
  width: number
}

const SIZE: Record<string, number> = { L: 1, B: 1, I: 2, J: 4, K: 8, A: 1, E: 4, D: 8, C: 8, M: 16, P: 8, Q: 16 }

/** Reads a TFORMn value such as `2000E`, `8A`, `1PD(1500)`, `J`. @throws FormatError for an unknown form. */
export function parseTform(text: string): Tform {
  const m = /^\s*(\d*)\s*([LXBIJKAEDCMPQ])\s*([LXBIJKAEDCM]?)/i.exec(text)
  if (!m) throw new FormatError(`Unknown binary table column format TFORM = '${text}'`)
  const repeat = m[1] === '' ? 1 : Number(m[1])
  const code = m[2]!.toUpperCase()
  if (code === 'X') return { repeat, code, width: Math.ceil(repeat / 8) }
  const tf: Tform = { repeat, code, width: repeat * SIZE[code]! }
  if (code === 'P' || code === 'Q') {
    if (!m[3]) throw new FormatError(`Variable-length column TFORM = '${text}' names no element type`)
    tf.heapCode = m[3].toUpperCase()
  }
  return tf
}

export interface BinTableColumn {
  index: number
  name: string
  form: Tform
  /** byte offset of the field inside a row */
  offset: number
  unit?: string
  ucd?: string
  utype?: string
  scale: number
  zero: number
  /** integer value that means "undefined" */
  nullValue?: number
}

export interface BinTable {
  hdu: Hdu
  rowLength: number
  rows: number
  columns: BinTableColumn[]
  view: DataView
  /** byte offset (in view) of the first row */
  start: number
  /** byte offset (in view) of the heap */
  heapStart: number
}

/** Reads the column layout of a BINTABLE HDU. @throws FormatError when the HDU is not a consistent binary table. */
export function readBinTable(hdu: Hdu): BinTable {
  const h = hdu.header
  if (hdu.type !== 'BINTABLE') throw new FormatError(`HDU ${hdu.index} is a ${hdu.type}, not a BINTABLE`)
  const rowLength = h.number('NAXIS1') ?? 0
  const rows = h.number('NAXIS2') ?? 0
  const fields = h.number('TFIELDS') ?? 0
  const columns: BinTableColumn[] = []
  let offset = 0
  for (let i = 1; i <= fields; i++) {
    const tform = h.string(`TFORM${i}`)
    if (tform === undefined) throw new FormatError(`BINTABLE HDU ${hdu.index} has no TFORM${i}`)
    const form = parseTform(tform)
    const col: BinTableColumn = {
      index: i - 1,
      name: (h.string(`TTYPE${i}`) ?? `col${i}`).trim(),
      form,
      offset,
      scale: h.number(`TSCAL${i}`) ?? 1,
      zero: h.number(`TZERO${i}`) ?? 0,
    }
    const unit = h.string(`TUNIT${i}`)?.trim()
    if (unit) col.unit = unit
    const ucd = h.string(`TUCD${i}`)?.trim()
    if (ucd) col.ucd = ucd
    const utype = (h.string(`TUTYP${i}`) ?? h.string(`TUTYPE${i}`))?.trim()
    if (utype) col.utype = utype
    const tnull = h.number(`TNULL${i}`)
    if (tnull !== undefined) col.nullValue = tnull
    columns.push(col)
    offset += form.width
  }
  if (offset !== rowLength) throw new FormatError(`BINTABLE HDU ${hdu.index}: the columns take ${offset} bytes per row but NAXIS1 = ${rowLength}`)
  const view = new DataView(hdu.bytes.buffer, hdu.bytes.byteOffset, hdu.bytes.byteLength)
  const theap = h.number('THEAP') ?? rowLength * rows
  return { hdu, rowLength, rows, columns, view, start: hdu.dataStart, heapStart: hdu.dataStart + theap }
}

/** The column called `name` (case-insensitive, as FITS readers match TTYPE), or undefined. */
export function findColumn(table: BinTable, name: string): BinTableColumn | undefined {
  const n = name.toLowerCase()
  return table.columns.find((c) => c.name.toLowerCase() === n)
}

function readElement(view: DataView, code: string, at: number): number {
  switch (code) {
    case 'L': return view.getUint8(at) === 0x54 ? 1 : view.getUint8(at) === 0x46 ? 0 : NaN
    case 'B': return view.getUint8(at)
    case 'I': return view.getInt16(at)
    case 'J': return view.getInt32(at)
    case 'K': return Number(view.getBigInt64(at))
    case 'E': return view.getFloat32(at)
    case 'D': return view.getFloat64(at)
    default: throw new FormatError(`Binary table column type '${code}' is not numeric`)
  }
}

const INTEGER = new Set(['B', 'I', 'J', 'K'])

function readNumbersAt(view: DataView, code: string, at: number, count: number, col: BinTableColumn, out: Float64Array, outAt: number): void {
  const size = SIZE[code]!
  const scaled = col.scale !== 1 || col.zero !== 0
  const checkNull = col.nullValue !== undefined && INTEGER.has(code)
  for (let k = 0; k < count; k++) {
    const raw = readElement(view, code, at + k * size)
    out[outAt + k] = checkNull && raw === col.nullValue ? NaN : scaled ? raw * col.scale + col.zero : raw
  }
}

/** The numbers in one cell (all `repeat` elements, or the heap array of a P/Q column), scaled, with TNULL as NaN. */
export function readNumbers(table: BinTable, col: BinTableColumn, row: number): Float64Array {
  if (row < 0 || row >= table.rows) throw new RangeError(`row ${row} outside 0…${table.rows - 1}`)
  const at = table.start + row * table.rowLength + col.offset
  const { code, heapCode, repeat } = col.form
  if (code === 'P' || code === 'Q') {
    const n = code === 'P' ? table.view.getInt32(at) : Number(table.view.getBigInt64(at))
    const off = code === 'P' ? table.view.getInt32(at + 4) : Number(table.view.getBigInt64(at + 8))
    const out = new Float64Array(n)
    readNumbersAt(table.view, heapCode!, table.heapStart + off, n, col, out, 0)
    return out
  }
  const out = new Float64Array(repeat)
  readNumbersAt(table.view, code, at, repeat, col, out, 0)
  return out
}

/** A column read down all rows into one array (the "one row per sample" layout), `repeat` numbers per row. */
export function readColumn(table: BinTable, col: BinTableColumn): Float64Array {
  if (col.form.code === 'P' || col.form.code === 'Q') {
    const parts = Array.from({ length: table.rows }, (_, r) => readNumbers(table, col, r))
    const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0))
    let k = 0
    for (const p of parts) {
      out.set(p, k)
      k += p.length
    }
    return out
  }
  const n = col.form.repeat
  const out = new Float64Array(table.rows * n)
  for (let r = 0; r < table.rows; r++) readNumbersAt(table.view, col.form.code, table.start + r * table.rowLength + col.offset, n, col, out, r * n)
  return out
}

/** The text of a character (A) cell, without trailing blanks and NULs. */
export function readString(table: BinTable, col: BinTableColumn, row: number): string {
  if (col.form.code !== 'A') throw new FormatError(`Column ${col.name} is not a character column (TFORM ${col.form.repeat}${col.form.code})`)
  const at = table.start + row * table.rowLength + col.offset
  const bytes = table.hdu.bytes.subarray(at, at + col.form.repeat)
  const nul = bytes.indexOf(0)
  return new TextDecoder('latin1').decode(nul >= 0 ? bytes.subarray(0, nul) : bytes).replace(/ +$/, '')
}
