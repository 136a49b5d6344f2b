/**
 * The BINARY / BINARY2 row loop for the common columns: scalar numbers and char strings kept as
 * bytes. One function decodes every cell of a row with a switch on the column's code, keeps the
 * column storage in local arrays indexed by column and writes each cell straight into it (storage
 * reserved a block of rows at a time). Rows without a null flag skip the per-cell flag test.
 */
import { NumberColumn, StringColumn } from './scalar'
import { growU32, growU8 } from './spec'
import type { ColumnBuilder } from './spec'

export interface BinaryProgress {
  /** rows completely decoded so far */
  rows: number
  /** byte offset after the last complete row */
  offset: number
  /** decoded bytes still expected beyond the buffer at hand (a size hint), or -1 when unknown */
  more: number
  /** bytes of the rows decoded so far (in every call) */
  seen: number
}

export const GENERIC = 0
export const F64 = 1
export const F32 = 2
export const I32 = 3
export const I16 = 4
export const U8 = 5
export const I64 = 6
export const CHARS = 7

type Num = Float64Array | Float32Array | Int32Array | Int16Array | Uint8Array

const EMPTY_U8 = new Uint8Array(0)

/** The specialised decoder of one call: column storage held in arrays indexed by column. */
export class FastRows {
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
  /** char cell width; -1: the cell starts with its length */
  private readonly widths: Int32Array
  private cap = 0
  /** the projections count the bytes still to come: storage grows to them, not by doubling */
  private readonly exact: boolean

  constructor(
    private readonly u8: Uint8Array, private readonly cols: ColumnBuilder[], private readonly codes: Int32Array,
    private readonly binary2: boolean, private readonly progress: BinaryProgress,
  ) {
    const n = cols.length
    this.view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength)
    this.nums = cols.map((c, i) => (codes[i] !== GENERIC && codes[i] !== CHARS ? (c as NumberColumn) : null))
    this.strs = cols.map((c, i) => (codes[i] === CHARS ? (c as StringColumn) : null))
    this.data = new Array<Num>(n).fill(EMPTY_U8)
    this.nulls = new Array<Uint8Array | null>(n).fill(null)
    this.nullNum = new Float64Array(n).fill(NaN)
    this.sbytes = new Array<Uint8Array>(n).fill(EMPTY_U8)
    this.ends = new Array<Uint32Array>(n).fill(new Uint32Array(0))
    this.sviews = new Array<DataView>(n).fill(new DataView(EMPTY_U8.buffer))
    this.widths = new Int32Array(n)
    this.exact = progress.more >= 0
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
        num.reserve(cap, this.exact)
        this.data[c] = num.data
        this.nulls[c] = num.nulls
      }
      const str = this.strs[c]
      if (str !== null) {
        str.ends = growU32(str.ends, cap, this.grown(str.ends.length))
        if (str.nulls !== null) str.nulls = growU8(str.nulls, cap, this.grown(str.nulls.length))
        this.ends[c] = str.ends
        this.setBytes(c, str.bytes)
        this.nulls[c] = str.nulls
      }
    }
  }

  /** the row capacity to reserve next: the rows the rest of the bytes hold at the mean row size so far */
  private nextCap(rows: number, off: number, off0: number): number {
    // a projection from a few rows can be far out: the first thousands of rows double
    if (this.exact && rows < 4096) return Math.max(rows * 2, 256)
    const perRow = rows > 0 ? (this.progress.seen + off - off0) / rows : 64
    const left = this.u8.length - off + Math.max(this.progress.more, 0)
    return rows + Math.ceil((left / Math.max(perRow, 1)) * 1.05) + 16
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
    str.bytes = growU8(str.bytes, Math.max(need, projected, 1024), this.grown(str.bytes.length))
    this.setBytes(c, str.bytes)
    return str.bytes
  }

  private setBytes(c: number, bytes: Uint8Array): void {
    if (this.sbytes[c] === bytes) return
    this.sbytes[c] = bytes
    this.sviews[c] = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  /** the least a storage of `n` elements grows to */
  private grown(n: number): number {
    return this.exact ? n + (n >> 3) : n * 2
  }

  /** a long cell that is not a safe integer: kept exactly; true when it is the null value */
  private bigLong(c: number, off: number, row: number): boolean {
    const num = this.nums[c] as NumberColumn
    const big = this.view.getBigInt64(off)
    if (big === num.nullBig) return true
    ;(num.bigints ??= new Map()).set(row, big)
    return false
  }

  /** a char cell of `n` bytes at u8[a] into column `c`, row `row` (trailing NULs dropped) */
  private chars(c: number, a: number, n: number, row: number, isNull: boolean): void {
    const u8 = this.u8
    let b = a + n
    if (isNull) {
      b = a
      this.setNull(c, row)
    } else while (b > a && u8[b - 1] === 0) b--
    const ends = this.ends[c]
    const start = row === 0 ? 0 : ends[row - 1]
    n = b - a
    let dst = this.sbytes[c]
    if (start + n > dst.length) dst = this.growBytes(c, start + n, row)
    if (n > 128) dst.set(u8.subarray(a, b), start)
    else {
      // four bytes at a time (byte order kept: read and written alike)
      const src = this.view
      const out = this.sviews[c]
      let k = 0
      for (; k + 4 <= n; k += 4) out.setUint32(start + k, src.getUint32(a + k, true), true)
      for (; k < n; k++) dst[start + k] = u8[a + k]
    }
    ends[row] = start + n
  }

  /** a null number cell */
  private nullCell(c: number, row: number): void {
    this.setNull(c, row)
    this.data[c][row] = 0
  }

  /** clear row `row`'s null flags (a row cut short and decoded again must not keep them) */
  private clearRow(row: number): void {
    for (let c = 0; c < this.cols.length; c++) {
      const m = this.nulls[c]
      if (m !== null && this.codes[c] !== GENERIC && row < m.length) m[row] = 0
    }
  }

  decode(): void {
    const { u8, view, cols, codes, binary2, progress, data, nullNum, widths } = this
    const ncols = cols.length
    const maskBytes = binary2 ? (ncols + 7) >> 3 : 0
    const len = u8.length
    const off0 = progress.offset
    const rows0 = progress.rows
    let off = off0
    let rows = rows0
    this.reserve(rows + 256)
    this.clearRow(rows)
    rowLoop: while (off < len) {
      if (rows >= this.cap) this.reserve(this.nextCap(rows, off, off0))
      const rowStart = off
      if (off + maskBytes > len) break
      let flags = 0
      for (let k = 0; k < maskBytes; k++) flags |= u8[off + k]
      off += maskBytes
      for (let c = 0; c < ncols; c++) {
        const isNull = flags !== 0 && (u8[rowStart + (c >> 3)] & (0x80 >> (c & 7))) !== 0
        switch (codes[c]) {
          case CHARS: {
            let n = widths[c]
            if (n < 0) {
              if (off + 4 > len) break
              n = view.getUint32(off)
              off += 4
            }
            if (off + n > len) break
            this.chars(c, off, n, rows, isNull)
            off += n
            continue
          }
          case F64: {
            if (off + 8 > len) break
            const v = view.getFloat64(off)
            off += 8
            if (isNull || v === nullNum[c]) this.nullCell(c, rows)
            else (data[c] as Float64Array)[rows] = v
            continue
          }
          case I32: {
            if (off + 4 > len) break
            const v = view.getInt32(off)
            off += 4
            if (isNull || v === nullNum[c]) this.nullCell(c, rows)
            else (data[c] as Int32Array)[rows] = v
            continue
          }
          case F32: {
            if (off + 4 > len) break
            const v = view.getFloat32(off)
            off += 4
            if (isNull || v === nullNum[c]) this.nullCell(c, rows)
            else (data[c] as Float32Array)[rows] = v
            continue
          }
          case I64: {
            if (off + 8 > len) break
            const v = view.getInt32(off) * 4294967296 + view.getUint32(off + 4)
            if (isNull || v === nullNum[c] || (!Number.isSafeInteger(v) && this.bigLong(c, off, rows))) this.nullCell(c, rows)
            else (data[c] as Float64Array)[rows] = v
            off += 8
            continue
          }
          case I16: {
            if (off + 2 > len) break
            const v = view.getInt16(off)
            off += 2
            if (isNull || v === nullNum[c]) this.nullCell(c, rows)
            else (data[c] as Int16Array)[rows] = v
            continue
          }
          case U8: {
            if (off + 1 > len) break
            const v = u8[off]
            off += 1
            if (isNull || v === nullNum[c]) this.nullCell(c, rows)
            else (data[c] as Uint8Array)[rows] = v
            continue
          }
          default: {
            const next = cols[c].binary(view, u8, off, isNull)
            if (next < 0) break
            off = next
            continue
          }
        }
        // the buffer ends inside this row
        off = rowStart
        break rowLoop
      }
      rows++
    }
    this.finishRun(rows, off)
  }

  /** a row cut short: generic builders drop what they appended, the others count `rows` cells */
  private finishRun(rows: number, off: number): void {
    const { cols, codes, progress } = this
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]
      if (codes[c] === GENERIC) col.rollback(rows)
      else {
        col.n = rows
        if (this.nums[c]?.bigints !== undefined) col.rollback(rows)
      }
    }
    this.clearRow(rows)
    progress.seen += off - progress.offset
    progress.rows = rows
    progress.offset = off
  }
}
