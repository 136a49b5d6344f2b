/**
 * BINARY / BINARY2 row decoding from a byte buffer (stream-capable: stops at incomplete rows).
 *
 * The common columns (scalar numbers, char strings kept as bytes) are decoded by one loop that
 * switches on a per-column code computed once per call and writes each cell straight into the
 * column's typed storage, reserved a block of rows at a time; any other column appends through
 * its builder's `binary` method.
 */
import { NumberColumn, StringColumn } from './scalar'
import { DT_DOUBLE, DT_FLOAT, DT_INT, DT_LONG, DT_SHORT, DT_UBYTE, growU32, growU8 } from './spec'
import type { ColumnBuilder } from './spec'

export interface BinaryProgress {
  /** rows completely decoded so far */
  rows: number
  /** byte offset after the last complete row */
  offset: number
}

const GENERIC = 0
const F64 = 1
const F32 = 2
const I32 = 3
const I16 = 4
const U8 = 5
const I64 = 6
const CHARS = 7

const NUMBER_CODES: Readonly<Record<number, number>> = { [DT_DOUBLE]: F64, [DT_FLOAT]: F32, [DT_INT]: I32, [DT_SHORT]: I16, [DT_UBYTE]: U8, [DT_LONG]: I64 }

/** per-column decoding code, and whether any column has one other than GENERIC */
function planOf(cols: ColumnBuilder[], rows: number): Int32Array | null {
  const codes = new Int32Array(cols.length)
  let fast = false
  for (let c = 0; c < cols.length; c++) {
    const col = cols[c]
    let code = GENERIC
    if (col.n === rows) {
      if (col instanceof NumberColumn) code = NUMBER_CODES[col.dt] ?? GENERIC
      else if (col instanceof StringColumn && col.takesBytes()) code = CHARS
    }
    codes[c] = code
    if (code !== GENERIC) fast = true
  }
  return fast ? codes : null
}

/**
 * Decode as many complete rows as `u8[offset..]` holds, appending to `cols`.
 * A row cut short is rolled back; the caller keeps `u8.subarray(offset)` for later
 * (streaming) or reports truncation (final).
 */
export function decodeBinaryRows(u8: Uint8Array, cols: ColumnBuilder[], binary2: boolean, progress: BinaryProgress): void {
  if (cols.length === 0) return
  const codes = planOf(cols, progress.rows)
  if (codes === null) decodeGeneric(u8, cols, binary2, progress)
  else new FastRows(u8, cols, codes, binary2, progress).run()
}

/** one builder call per cell */
function decodeGeneric(u8: Uint8Array, cols: ColumnBuilder[], binary2: boolean, progress: BinaryProgress): void {
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength)
  const ncols = cols.length
  const maskBytes = binary2 ? (ncols + 7) >> 3 : 0
  const len = u8.length
  let off = progress.offset
  let rows = progress.rows
  rowLoop: while (off < len) {
    const rowStart = off
    if (off + maskBytes > len) break
    off += maskBytes
    for (let c = 0; c < ncols; c++) {
      const isNull = binary2 && (u8[rowStart + (c >> 3)] & (0x80 >> (c & 7))) !== 0
      const next = cols[c].binary(view, u8, off, isNull)
      if (next < 0) {
        for (let k = 0; k < c; k++) cols[k].rollback(rows)
        off = rowStart
        break rowLoop
      }
      off = next
    }
    rows++
  }
  progress.rows = rows
  progress.offset = off
}

type Num = Float64Array | Float32Array | Int32Array | Int16Array | Uint8Array

/** The specialised decoder of one call: column storage held in arrays indexed by column. */
class FastRows {
  private readonly view: DataView
  private readonly nums: (NumberColumn | null)[]
  private readonly strs: (StringColumn | null)[]
  private readonly data: Num[]
  private readonly nulls: (Uint8Array | null)[]
  private readonly nullNum: Float64Array
  private readonly sbytes: Uint8Array[]
  /** views of sbytes */
  private readonly sviews: DataView[]
  private readonly ends: Uint32Array[]
  private readonly widths: Int32Array
  private cap = 0

  constructor(
    private readonly u8: Uint8Array, private readonly cols: ColumnBuilder[], private readonly codes: Int32Array,
    private readonly binary2: boolean, private readonly progress: BinaryProgress,
  ) {
    const n = cols.length
    this.view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength)
    this.nums = cols.map((c, i) => (codes[i] !== GENERIC && codes[i] !== CHARS ? (c as NumberColumn) : null))
    this.strs = cols.map((c, i) => (codes[i] === CHARS ? (c as StringColumn) : null))
    this.data = new Array<Num>(n).fill(new Uint8Array(0))
    this.nulls = new Array<Uint8Array | null>(n).fill(null)
    this.nullNum = new Float64Array(n).fill(NaN)
    this.sbytes = new Array<Uint8Array>(n).fill(new Uint8Array(0))
    this.sviews = new Array<DataView>(n).fill(new DataView(new ArrayBuffer(0)))
    this.ends = new Array<Uint32Array>(n).fill(new Uint32Array(0))
    this.widths = new Int32Array(n)
    for (let c = 0; c < n; c++) {
      const num = this.nums[c]
      if (num !== null && num.nullNum !== undefined) this.nullNum[c] = num.nullNum
      const str = this.strs[c]
      if (str !== null) this.widths[c] = str.variable ? -1 : str.width
    }
  }

  /** room for `cap` rows in every column decoded here; reloads the storage references */
  private reserve(cap: number): void {
    this.cap = cap
    for (let c = 0; c < this.cols.length; c++) {
      const num = this.nums[c]
      if (num !== null) {
        num.reserve(cap)
        this.data[c] = num.data
        this.nulls[c] = num.nulls
      }
      const str = this.strs[c]
      if (str !== null) {
        str.ends = growU32(str.ends, cap)
        if (str.nulls !== null) str.nulls = growU8(str.nulls, cap)
        this.ends[c] = str.ends
        if (this.sbytes[c] !== str.bytes) {
          this.sbytes[c] = str.bytes
          this.sviews[c] = new DataView(str.bytes.buffer, str.bytes.byteOffset, str.bytes.byteLength)
        }
        this.nulls[c] = str.nulls
      }
    }
  }

  /** the row capacity to reserve next: the rows the rest of the buffer holds at the mean row size so far */
  private nextCap(rows: number, rows0: number, off: number, off0: number): number {
    const perRow = rows > rows0 ? (off - off0) / (rows - rows0) : 64
    return rows + Math.ceil(((this.u8.length - off) / Math.max(perRow, 1)) * 1.05) + 16
  }

  /** mark cell `row` of column `c` null (creating its mask) */
  private setNull(c: number, row: number): void {
    let m = this.nulls[c]
    if (m === null) {
      const num = this.nums[c]
      if (num !== null) m = num.mask()
      else {
        const str = this.strs[c] as StringColumn
        m = str.nulls = new Uint8Array(this.cap)
      }
      this.nulls[c] = m
    }
    m[row] = 1
  }

  /** storage for string bytes up to `need`, grown by the projected size of the rows to come */
  private growBytes(c: number, need: number, row: number): Uint8Array {
    const str = this.strs[c] as StringColumn
    const projected = Math.ceil((need / (row + 1)) * this.cap * 1.05)
    str.bytes = growU8(str.bytes, Math.max(need, projected, 1024))
    this.sbytes[c] = str.bytes
    this.sviews[c] = new DataView(str.bytes.buffer, str.bytes.byteOffset, str.bytes.byteLength)
    return str.bytes
  }

  /** a long cell that is not a safe integer: kept exactly; true when it is the null value */
  private bigLong(c: number, off: number, row: number): boolean {
    const num = this.nums[c] as NumberColumn
    const big = this.view.getBigInt64(off)
    if (big === num.nullBig) return true
    ;(num.bigints ??= new Map()).set(row, big)
    return false
  }

  /** a char cell kept as bytes; the offset after it, or -1 when the buffer ends first */
  private chars(c: number, off: number, row: number, isNull: boolean): number {
    const u8 = this.u8
    let count = this.widths[c]
    if (count < 0) {
      if (off + 4 > u8.length) return -1
      count = this.view.getUint32(off)
      off += 4
    }
    const a = off
    const next = off + count
    if (next > u8.length) return -1
    let b = next
    if (isNull) {
      b = a
      this.setNull(c, row)
    } else {
      while (b > a && u8[b - 1] === 0) b--
      const m = this.nulls[c]
      if (m !== null) m[row] = 0
    }
    const ends = this.ends[c]
    const start = row === 0 ? 0 : ends[row - 1]
    const n = b - a
    let dst = this.sbytes[c]
    if (start + n > dst.length) dst = this.growBytes(c, start + n, row)
    if (n > 256) dst.set(u8.subarray(a, b), start)
    else {
      // four bytes at a time (byte order kept: read and written alike)
      const view = this.view
      const dv = this.sviews[c]
      let k = 0
      for (; k + 4 <= n; k += 4) dv.setUint32(start + k, view.getUint32(a + k, true), true)
      for (; k < n; k++) dst[start + k] = u8[a + k]
    }
    ends[row] = start + n
    return next
  }

  /** store number `v` (or a null) in cell `row` of column `c` */
  private put(c: number, row: number, v: number, isNull: boolean): void {
    const m = this.nulls[c]
    if (isNull || v === this.nullNum[c]) {
      this.setNull(c, row)
      v = 0
    } else if (m !== null) m[row] = 0
    const d = this.data[c]
    // one store site per array type, so that each stays monomorphic for the JIT
    switch (this.codes[c]) {
      case F64:
      case I64:
        ;(d as Float64Array)[row] = v
        break
      case F32:
        ;(d as Float32Array)[row] = v
        break
      case I32:
        ;(d as Int32Array)[row] = v
        break
      case I16:
        ;(d as Int16Array)[row] = v
        break
      default:
        ;(d as Uint8Array)[row] = v
    }
  }

  /** one cell of column `c` at `off`; the offset after it, or -1 when the buffer ends first */
  private cell(c: number, off: number, row: number, isNull: boolean): number {
    const view = this.view
    const len = this.u8.length
    switch (this.codes[c]) {
      case F64:
        if (off + 8 > len) return -1
        this.put(c, row, view.getFloat64(off), isNull)
        return off + 8
      case CHARS:
        return this.chars(c, off, row, isNull)
      case I32:
        if (off + 4 > len) return -1
        this.put(c, row, view.getInt32(off), isNull)
        return off + 4
      case F32:
        if (off + 4 > len) return -1
        this.put(c, row, view.getFloat32(off), isNull)
        return off + 4
      case I64: {
        if (off + 8 > len) return -1
        const v = view.getInt32(off) * 4294967296 + view.getUint32(off + 4)
        this.put(c, row, v, isNull || (!Number.isSafeInteger(v) && this.bigLong(c, off, row)))
        return off + 8
      }
      case I16:
        if (off + 2 > len) return -1
        this.put(c, row, view.getInt16(off), isNull)
        return off + 2
      case U8:
        if (off + 1 > len) return -1
        this.put(c, row, this.u8[off], isNull)
        return off + 1
      default:
        return this.cols[c].binary(view, this.u8, off, isNull)
    }
  }

  run(): void {
    const { u8, cols, binary2, progress } = this
    const ncols = cols.length
    const maskBytes = binary2 ? (ncols + 7) >> 3 : 0
    const len = u8.length
    const off0 = progress.offset
    const rows0 = progress.rows
    let off = off0
    let rows = rows0
    this.reserve(rows + 256)
    rowLoop: while (off < len) {
      if (rows >= this.cap) this.reserve(this.nextCap(rows, rows0, off, off0))
      const rowStart = off
      if (off + maskBytes > len) break
      off += maskBytes
      for (let c = 0; c < ncols; c++) {
        const isNull = binary2 && (u8[rowStart + (c >> 3)] & (0x80 >> (c & 7))) !== 0
        const next = this.cell(c, off, rows, isNull)
        if (next < 0) {
          off = rowStart
          break rowLoop
        }
        off = next
      }
      rows++
    }
    // a row cut short: generic builders drop what they appended, the others count `rows` cells
    for (let c = 0; c < ncols; c++) {
      const col = cols[c]
      if (this.codes[c] === GENERIC) col.rollback(rows)
      else {
        col.n = rows
        if (this.nums[c]?.bigints !== undefined) col.rollback(rows)
      }
    }
    progress.rows = rows
    progress.offset = off
  }
}
