/** Datatype codes, arraysize parsing and the column-builder contract shared by the decoders. */
import type { Column, Value } from './types'

export const DT_BOOLEAN = 1
export const DT_BIT = 2
export const DT_UBYTE = 3
export const DT_SHORT = 4
export const DT_INT = 5
export const DT_LONG = 6
export const DT_CHAR = 7
export const DT_UNICHAR = 8
export const DT_FLOAT = 9
export const DT_DOUBLE = 10
export const DT_FCOMPLEX = 11
export const DT_DCOMPLEX = 12

export const DATATYPES: Readonly<Record<string, number>> = {
  boolean: DT_BOOLEAN,
  bit: DT_BIT,
  unsignedByte: DT_UBYTE,
  short: DT_SHORT,
  int: DT_INT,
  long: DT_LONG,
  char: DT_CHAR,
  unicodeChar: DT_UNICHAR,
  float: DT_FLOAT,
  double: DT_DOUBLE,
  floatComplex: DT_FCOMPLEX,
  doubleComplex: DT_DCOMPLEX,
}

/** bytes per element in BINARY serialization (bit: packed, handled apart) */
export const ELEMENT_BYTES = [0, 1, 0, 1, 2, 4, 8, 1, 2, 4, 8, 8, 16]

export interface ColumnSpec {
  dt: number
  datatype: string
  name: string
  /** dimensions, -1 = variable ('*'); [] = scalar */
  shape: number[]
  /** last dimension is variable */
  variable: boolean
  /** number of elements of a fixed-size cell, or of one slice of the variable last dimension */
  count: number
  nullValue?: string
}

/** Parse arraysize ("*", "10", "10*", "2x3", "10x*"); throws a plain Error when malformed. */
export function parseArraysize(arraysize: string | undefined): number[] {
  if (arraysize === undefined) return []
  const t = arraysize.trim()
  if (t === '') return []
  return t.split('x').map((d) => {
    const m = /^\s*([0-9]*)\s*(\*?)\s*$/.exec(d)
    if (!m || (m[1] === '' && m[2] === '')) throw new Error(`invalid arraysize "${arraysize}"`)
    return m[2] === '*' ? -1 : Number(m[1])
  })
}

/** Non-standard datatype names some services write (astropy W13), mapped to VOTable ones. */
export const DATATYPE_ALIASES: Readonly<Record<string, string>> = {
  string: 'char', unicodeString: 'unicodeChar', int16: 'short', int32: 'int', int64: 'long',
  float32: 'float', float64: 'double', byte: 'unsignedByte', integer: 'int',
}

export function makeSpec(name: string, datatype: string, arraysize: string | undefined, nullValue?: string): ColumnSpec {
  datatype = DATATYPE_ALIASES[datatype] ?? datatype
  const dt = DATATYPES[datatype]
  if (dt === undefined) throw new Error(`unknown datatype "${datatype}"`)
  const shape = parseArraysize(arraysize)
  const last = shape.length - 1
  const variable = last >= 0 && shape[last] === -1
  let count = 1
  for (let i = 0; i < shape.length; i++) if (shape[i] !== -1) count *= shape[i]
  return { dt, datatype, name, shape, variable, count, nullValue }
}

/** Receives lenient-repair warnings from the decoders. */
export type Warn = (message: string) => void

/** Column under construction; the same object serves reads once finished. */
export interface ColumnBuilder extends Column {
  /** number of cells appended */
  n: number
  /** append a TABLEDATA cell whose text is s[a, b) (entities already decoded) */
  text(s: string, a: number, b: number): void
  /** append a null cell */
  nul(): void
  /**
   * append a BINARY/BINARY2 cell read at u8[off]; returns the offset after it, or -1
   * when the bytes end first (nothing appended). isNull: BINARY2 null flag.
   */
  binary(view: DataView, u8: Uint8Array, off: number, isNull: boolean): number
  /** drop cells beyond the first n */
  rollback(n: number): void
  /** forget every cell (they were handed on); the storage is kept for the cells that follow */
  reset(): void
  /** trim storage to `rows` cells */
  finish(rows: number): void
  /** copy of cells [from, to) in transferable form (see BatchColumn) */
  slice(from: number, to: number): BatchColumn
  /** append the cells of a batch made by `slice` of a column of the same spec */
  append(batch: BatchColumn): void
}

/** Cells of a long column that are not safe integers: positions (in `data`) and exact values. */
export interface BigIntCells {
  index: Uint32Array
  values: bigint[]
}

/**
 * A run of cells of one column, column-stored so that it can cross a worker boundary with
 * its typed arrays in the transfer list. Same layout as the Column kinds, with rows rebased to 0:
 * - number: one number per cell; `nulls[i] === 1` marks null
 * - string: UTF-16 code units of every cell back to back (a Uint8Array when all are ASCII);
 *           cell i is chars[offsets[i], offsets[i+1])
 * - array:  elements back to back; cell i is data[offsets[i], offsets[i+1])
 * - object: per-cell values (2-D char arrays), structured-cloned
 */
export type BatchColumn =
  | { kind: 'number'; data: NumArray; nulls: Uint8Array | null; bigints?: BigIntCells }
  | { kind: 'string'; chars: Uint8Array | Uint16Array; offsets: Uint32Array; nulls: Uint8Array | null }
  | { kind: 'array'; data: NumArray; offsets: Uint32Array; nulls: Uint8Array | null; bigints?: BigIntCells }
  | { kind: 'object'; data: Value[]; nulls: Uint8Array | null }

/** bigint cells with position in [a, b), rebased to a */
export function sliceBigInts(map: ReadonlyMap<number, bigint> | undefined, a: number, b: number): BigIntCells | undefined {
  if (map === undefined || map.size === 0) return undefined
  const idx: number[] = []
  const values: bigint[] = []
  for (const [k, v] of map) {
    if (k >= a && k < b) {
      idx.push(k - a)
      values.push(v)
    }
  }
  return idx.length === 0 ? undefined : { index: Uint32Array.from(idx), values }
}

/** put the bigint cells of a batch appended at position `at` into `map` */
export function addBigInts(map: Map<number, bigint> | undefined, cells: BigIntCells | undefined, at: number): Map<number, bigint> | undefined {
  if (cells === undefined) return map
  const m = map ?? new Map<number, bigint>()
  for (let i = 0; i < cells.index.length; i++) m.set(at + cells.index[i], cells.values[i])
  return m
}

/** copy `src` (or zeros when null) into the null mask at `at`; the mask is created on demand */
export function putNulls(nulls: Uint8Array | null, src: Uint8Array | null, at: number, count: number, capacity: number): Uint8Array | null {
  if (src === null) {
    if (nulls !== null) {
      nulls = growU8(nulls, at + count)
      nulls.fill(0, at, at + count)
    }
    return nulls
  }
  nulls = growU8(nulls ?? new Uint8Array(Math.max(capacity, at + count)), at + count)
  nulls.set(src.subarray(0, count), at)
  return nulls
}

/** null mask of cells [from, to) (null when none is null) */
export function sliceNulls(nulls: Uint8Array | null, from: number, to: number): Uint8Array | null {
  if (nulls === null) return null
  const out = nulls.slice(from, to)
  return out.indexOf(1) === -1 ? null : out
}

export function growF64(a: Float64Array, need: number): Float64Array {
  if (need <= a.length) return a
  const b = new Float64Array(Math.max(need, a.length * 2, 16))
  b.set(a)
  return b
}

export function growU8(a: Uint8Array, need: number, min = a.length * 2): Uint8Array {
  if (need <= a.length) return a
  const b = new Uint8Array(Math.max(need, min, 16))
  b.set(a)
  return b
}

export function growU32(a: Uint32Array, need: number, min = a.length * 2): Uint32Array {
  if (need <= a.length) return a
  const b = new Uint32Array(Math.max(need, min, 16))
  b.set(a)
  return b
}

/** the first `n` elements of `a`: a view, or a copy when `a` was reserved far larger (over half of it would stay allocated unused) */
export function fitTo<T extends NumArray | Uint32Array>(a: T, n: number): T {
  return (a.length - n > n + 1024 ? a.slice(0, n) : a.subarray(0, n)) as T
}

export type NumArray = Float64Array | Float32Array | Int32Array | Int16Array | Uint8Array

export function newArray(dt: number, n: number): NumArray {
  switch (dt) {
    case DT_SHORT:
      return new Int16Array(n)
    case DT_INT:
      return new Int32Array(n)
    case DT_FLOAT:
    case DT_FCOMPLEX:
      return new Float32Array(n)
    case DT_LONG:
    case DT_DOUBLE:
    case DT_DCOMPLEX:
      return new Float64Array(n)
    default:
      return new Uint8Array(n)
  }
}

export function growArray<T extends NumArray>(a: T, need: number, min = a.length * 2): T {
  if (need <= a.length) return a
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, min, 16))
  b.set(a)
  return b
}

export function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}

/** Decode a TABLEDATA boolean token: 1 true, 0 false, 2 null, -1 invalid. */
export function boolCode(s: string, a: number, b: number): number {
  if (b === a) return 2
  const c = s.charCodeAt(a) | 32
  if (b - a === 1) {
    if (c === 116 || s.charCodeAt(a) === 49) return 1 // t, 1
    if (c === 102 || s.charCodeAt(a) === 48) return 0 // f, 0
    if (s.charCodeAt(a) === 63 || c === 32) return 2 // ?
    return -1
  }
  const t = s.slice(a, b).toLowerCase()
  if (t === 'true') return 1
  if (t === 'false') return 0
  return -1
}

/** Decode a BINARY boolean byte: 1 true, 0 false, 2 null. */
export function boolByte(c: number): number {
  if (c === 84 || c === 116 || c === 49) return 1
  if (c === 70 || c === 102 || c === 48) return 0
  return 2
}

const ascii = new TextDecoder('utf-8')

/** Decode a char field: ASCII fast path, UTF-8 otherwise; trailing NULs removed. */
const codes: number[] = []

export function decodeChars(u8: Uint8Array, a: number, b: number): string {
  while (b > a && u8[b - 1] === 0) b--
  const n = b - a
  if (n === 0) return ''
  if (n > 256) return ascii.decode(u8.subarray(a, b))
  // one string per cell, built from a reused code buffer (no intermediate strings for the GC)
  for (let i = 0; i < n; i++) {
    const c = u8[a + i]
    if (c >= 128) return ascii.decode(u8.subarray(a, b))
    codes[i] = c
  }
  codes.length = n
  return String.fromCharCode.apply(null, codes)
}

/** Decode UCS-2 big-endian; trailing NULs removed. */
export function decodeUcs2(u8: Uint8Array, a: number, b: number): string {
  while (b - 1 > a && u8[b - 1] === 0 && u8[b - 2] === 0) b -= 2
  let n = 0
  for (let i = a; i + 1 < b; i += 2) codes[n++] = (u8[i] << 8) | u8[i + 1]
  if (n > 8192) {
    let out = ''
    for (let i = 0; i < n; i += 8192) out += String.fromCharCode.apply(null, codes.slice(i, Math.min(n, i + 8192)))
    return out
  }
  codes.length = n
  return String.fromCharCode.apply(null, codes)
}

export function checkRow(row: number, n: number): void {
  if (!(row >= 0 && row < n)) throw new RangeError(`row ${row} out of range (0..${n - 1})`)
}


/** UTF-16 code units to a string (lone surrogates kept, unlike TextDecoder) */
export function charsToString(u: Uint16Array): string {
  let out = ''
  for (let i = 0; i < u.length; i += 8192) out += String.fromCharCode.apply(null, u.subarray(i, i + 8192) as unknown as number[])
  return out
}
