/** Builder for scalar numeric/boolean columns. */
import type { Value } from './types'
import { parseFloatRange, parseIntRange } from './numbers'
import {
  DT_BIT, DT_BOOLEAN, DT_DOUBLE, DT_FLOAT, DT_INT, DT_LONG, DT_SHORT, DT_UBYTE,
  addBigInts, boolByte, boolCode, checkRow, fitTo, growArray, growU8, isWs, newArray, putNulls, sliceBigInts, sliceNulls,
} from './spec'
import type { BatchColumn, ColumnBuilder, ColumnSpec, NumArray, Warn } from './spec'

export { StringColumn } from './strings'

const INT_MIN: Record<number, number> = { [DT_UBYTE]: 0, [DT_SHORT]: -32768, [DT_INT]: -2147483648 }
const INT_MAX: Record<number, number> = { [DT_UBYTE]: 255, [DT_SHORT]: 32767, [DT_INT]: 2147483647 }

/** Scalar boolean, bit, unsignedByte, short, int, long, float, double. */
export class NumberColumn implements ColumnBuilder {
  readonly kind = 'number' as const
  readonly datatype: string
  readonly shape: number[]
  data: NumArray
  nulls: Uint8Array | null = null
  bigints?: Map<number, bigint>
  n = 0
  /** datatype code (DT_*) */
  readonly dt: number
  private readonly isFloat: boolean
  /** the VALUES null as a number, as stored (the binary row decoder compares cells to it) */
  readonly nullNum: number | undefined
  readonly nullBig: bigint | undefined
  private warned = false

  constructor(private readonly spec: ColumnSpec, private readonly warn: Warn) {
    this.dt = spec.dt
    this.datatype = spec.datatype
    this.shape = spec.shape
    this.isFloat = spec.dt === DT_FLOAT || spec.dt === DT_DOUBLE
    this.data = newArray(spec.dt, 64)
    const nv = spec.nullValue?.trim()
    if (nv) {
      const v = this.isFloat ? parseFloatRange(nv, 0, nv.length) : parseIntRange(nv, 0, nv.length)
      if (typeof v === 'bigint') this.nullBig = v
      else if (v !== undefined) this.nullNum = this.dt === DT_FLOAT ? Math.fround(v) : v
    }
  }

  private bad(s: string, a: number, b: number): void {
    if (!this.warned) {
      this.warned = true
      this.warn(`column "${this.spec.name}": invalid ${this.datatype} value "${s.slice(a, b)}" read as null`)
    }
    this.nul()
  }

  nul(): void {
    const i = this.n++
    if (i >= this.data.length) this.data = growArray(this.data, i + 1)
    this.data[i] = 0
    this.nulls = growU8(this.nulls ?? new Uint8Array(this.data.length), this.data.length)
    this.nulls[i] = 1
  }

  private put(v: number): void {
    const i = this.n++
    if (i >= this.data.length) this.data = growArray(this.data, i + 1)
    this.data[i] = v
    if (this.nulls !== null) {
      if (i >= this.nulls.length) this.nulls = growU8(this.nulls, this.data.length)
      this.nulls[i] = 0
    }
  }

  text(s: string, a: number, b: number): void {
    while (a < b && isWs(s.charCodeAt(a))) a++
    while (b > a && isWs(s.charCodeAt(b - 1))) b--
    if (a === b) return this.nul()
    const dt = this.dt
    if (this.isFloat) {
      const v = parseFloatRange(s, a, b)
      if (v === undefined) return this.bad(s, a, b)
      if (this.nullNum !== undefined && (dt === DT_FLOAT ? Math.fround(v) : v) === this.nullNum) return this.nul()
      return this.put(v)
    }
    if (dt === DT_BOOLEAN || dt === DT_BIT) {
      const c = boolCode(s, a, b)
      if (c === 2) return this.nul()
      if (c < 0 || (dt === DT_BIT && b - a !== 1)) return this.bad(s, a, b)
      return this.put(c)
    }
    const v = parseIntRange(s, a, b)
    if (v === undefined) return this.bad(s, a, b)
    if (typeof v === 'bigint') {
      if (dt !== DT_LONG) return this.bad(s, a, b)
      if (v === this.nullBig) return this.nul()
      ;(this.bigints ??= new Map()).set(this.n, v)
      return this.put(Number(v))
    }
    if (v === this.nullNum) return this.nul()
    if (dt !== DT_LONG && (v < INT_MIN[dt] || v > INT_MAX[dt])) {
      this.warn(`column "${this.spec.name}": value ${v} out of range for ${this.datatype}; clamped`)
      return this.put(v < INT_MIN[dt] ? INT_MIN[dt] : INT_MAX[dt])
    }
    this.put(v)
  }

  binary(view: DataView, u8: Uint8Array, off: number, isNull: boolean): number {
    let v: number
    let next: number
    switch (this.dt) {
      case DT_DOUBLE:
        if ((next = off + 8) > u8.length) return -1
        v = view.getFloat64(off)
        break
      case DT_FLOAT:
        if ((next = off + 4) > u8.length) return -1
        v = view.getFloat32(off)
        break
      case DT_INT:
        if ((next = off + 4) > u8.length) return -1
        v = view.getInt32(off)
        break
      case DT_SHORT:
        if ((next = off + 2) > u8.length) return -1
        v = view.getInt16(off)
        break
      case DT_LONG: {
        if ((next = off + 8) > u8.length) return -1
        const hi = view.getInt32(off)
        const lo = view.getUint32(off + 4)
        v = hi * 4294967296 + lo
        if (!isNull && !Number.isSafeInteger(v)) {
          const big = view.getBigInt64(off)
          if (big === this.nullBig) isNull = true
          else (this.bigints ??= new Map()).set(this.n, big)
        }
        break
      }
      case DT_UBYTE:
        if ((next = off + 1) > u8.length) return -1
        v = u8[off]
        break
      case DT_BIT:
        if ((next = off + 1) > u8.length) return -1
        v = u8[off] >> 7
        break
      default: {
        // boolean
        if ((next = off + 1) > u8.length) return -1
        v = boolByte(u8[off])
        if (v === 2) isNull = true
      }
    }
    if (isNull || v === this.nullNum) this.nul()
    else this.put(v)
    return next
  }

  /**
   * room for `cap` cells in `data` (and `nulls` when there is a mask); the binary row decoder then writes cells in place.
   * exact: `cap` is a projection of the whole column (grown by at least 1/8, not doubled)
   */
  reserve(cap: number, exact = false): void {
    const min = exact ? this.data.length + (this.data.length >> 3) : this.data.length * 2
    if (cap > this.data.length) this.data = growArray(this.data, cap, min)
    if (this.nulls !== null && cap > this.nulls.length) this.nulls = growU8(this.nulls, cap, min)
  }

  /** the null mask, created (all not-null) when there is none yet */
  mask(): Uint8Array {
    return (this.nulls ??= new Uint8Array(this.data.length))
  }

  rollback(n: number): void {
    if (this.bigints) for (const k of this.bigints.keys()) if (k >= n) this.bigints.delete(k)
    this.n = Math.min(this.n, n)
  }

  reset(): void {
    this.n = 0
    this.bigints = undefined
    // the binary row decoder marks null cells only: a mask of released rows would mark the next ones
    this.nulls = null
  }

  finish(rows: number): void {
    this.rollback(rows)
    if (this.data.length < rows) this.data = growArray(this.data, rows)
    this.data = fitTo(this.data, rows)
    if (this.nulls) this.nulls = fitTo(growU8(this.nulls, rows), rows)
    if (this.bigints?.size === 0) this.bigints = undefined
    this.n = rows
  }

  slice(from: number, to: number): BatchColumn {
    const b: BatchColumn = { kind: 'number', data: this.data.slice(from, to) as NumArray, nulls: sliceNulls(this.nulls, from, to) }
    const big = sliceBigInts(this.bigints, from, to)
    if (big) b.bigints = big
    return b
  }

  append(b: BatchColumn): void {
    if (b.kind !== 'number') throw new TypeError(`a ${b.kind} batch cannot extend a number column`)
    const at = this.n
    const count = b.data.length
    if (at === 0 && b.data.constructor === this.data.constructor) {
      // the first batch of an empty column is adopted, not copied (a table rebuilt from batches keeps one copy);
      // a later append grows into a new array, so the batch's own array is never written
      this.data = b.data
    } else {
      this.data = growArray(this.data, at + count)
      this.data.set(b.data, at)
    }
    this.nulls = putNulls(this.nulls, b.nulls, at, count, this.data.length)
    this.bigints = addBigInts(this.bigints, b.bigints, at)
    this.n = at + count
  }

  get(row: number): Value {
    checkRow(row, this.n)
    if (this.nulls !== null && this.nulls[row] === 1) return null
    const v = this.data[row]
    const dt = this.dt
    if (dt === DT_BOOLEAN || dt === DT_BIT) return v === 1
    if (this.bigints !== undefined) {
      const big = this.bigints.get(row)
      if (big !== undefined) return big
    }
    return v
  }
}
