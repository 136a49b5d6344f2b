/** Builders for array cells: numeric / bit / boolean / complex arrays, and 2-D char arrays. */
import type { Value } from './types'
import { parseFloatRange, parseIntRange } from './numbers'
import {
  DT_BIT, DT_BOOLEAN, DT_CHAR, DT_DCOMPLEX, DT_DOUBLE, DT_FCOMPLEX, DT_FLOAT, DT_INT, DT_LONG,
  DT_SHORT, DT_UBYTE, ELEMENT_BYTES, addBigInts, boolByte, boolCode, checkRow, decodeChars, decodeUcs2,
  growArray, growU32, growU8, isWs, newArray, putNulls, sliceBigInts, sliceNulls,
} from './spec'
import type { BatchColumn, ColumnBuilder, ColumnSpec, NumArray, Warn } from './spec'

/**
 * Numeric, bit, boolean and complex arrays (and complex scalars), stored flat.
 * Boolean elements are stored 0/1/2 (2 = null); complex numbers as re, im pairs.
 */
export class ArrayColumn implements ColumnBuilder {
  readonly kind = 'array' as const
  readonly datatype: string
  readonly shape: number[]
  data: NumArray
  offsets: Uint32Array = new Uint32Array(65)
  nulls: Uint8Array | null = null
  bigints?: Map<number, bigint>
  n = 0
  private m = 0
  private readonly dt: number
  private readonly complex: boolean
  private readonly isFloat: boolean
  /** stored numbers per element */
  private readonly per: number
  private warnedCount = false
  private warnedBad = false
  /** VALUES/@null of a float or double array: elements equal to it are nulls, stored as NaN (as astropy masks them) */
  private readonly nullFloat: number | undefined

  constructor(private readonly spec: ColumnSpec, private readonly warn: Warn) {
    this.dt = spec.dt
    this.datatype = spec.datatype
    this.shape = spec.shape
    this.complex = spec.dt === DT_FCOMPLEX || spec.dt === DT_DCOMPLEX
    this.isFloat = this.complex || spec.dt === DT_FLOAT || spec.dt === DT_DOUBLE
    this.per = this.complex ? 2 : 1
    this.data = newArray(spec.dt, 256)
    const nv = spec.nullValue?.trim() ? Number(spec.nullValue) : NaN
    this.nullFloat = (spec.dt === DT_FLOAT || spec.dt === DT_DOUBLE) && !Number.isNaN(nv) ? (spec.dt === DT_FLOAT ? Math.fround(nv) : nv) : undefined
  }

  private maskNullElements(start: number): void {
    const nv = this.nullFloat
    if (nv === undefined) return
    const d = this.data
    for (let k = start; k < this.m; k++) if (d[k] === nv) d[k] = NaN
  }

  private endCell(isNull: boolean): void {
    const i = ++this.n
    if (i >= this.offsets.length) this.offsets = growU32(this.offsets, i + 1)
    this.offsets[i] = this.m
    if (isNull) {
      this.nulls = growU8(this.nulls ?? new Uint8Array(this.offsets.length), this.offsets.length)
      this.nulls[i - 1] = 1
    } else if (this.nulls !== null) {
      if (i - 1 >= this.nulls.length) this.nulls = growU8(this.nulls, this.offsets.length)
      this.nulls[i - 1] = 0
    }
  }

  private push(v: number): void {
    if (this.m >= this.data.length) this.data = growArray(this.data, this.m + 1)
    this.data[this.m++] = v
  }

  nul(): void {
    this.endCell(true)
  }

  text(s: string, a: number, b: number): void {
    while (a < b && isWs(s.charCodeAt(a))) a++
    while (b > a && isWs(s.charCodeAt(b - 1))) b--
    if (a === b) return this.nul()
    const start = this.m
    const dt = this.dt
    const compact = (dt === DT_BIT || dt === DT_BOOLEAN) && /^[TtFf01?]+$/.test(s.slice(a, b)) && (dt === DT_BIT || b - a > 1)
    let i = a
    while (i < b) {
      let j: number
      if (compact) j = i + 1
      else {
        j = i
        while (j < b) {
          const c = s.charCodeAt(j)
          if (c === 44 || isWs(c)) break
          j++
        }
      }
      if (j > i) this.element(s, i, j)
      i = j
      while (i < b && (s.charCodeAt(i) === 44 || isWs(s.charCodeAt(i)))) i++
    }
    this.fixCount(start)
    this.maskNullElements(start)
    this.endCell(false)
  }

  private element(s: string, a: number, b: number): void {
    const dt = this.dt
    if (dt === DT_BOOLEAN || dt === DT_BIT) {
      const c = boolCode(s, a, b)
      if (c < 0 || (dt === DT_BIT && c === 2)) this.badElement(s, a, b)
      return this.push(dt === DT_BIT ? (c === 1 ? 1 : 0) : c < 0 ? 2 : c)
    }
    if (this.isFloat) {
      const v = parseFloatRange(s, a, b)
      if (v === undefined) this.badElement(s, a, b)
      return this.push(v ?? NaN)
    }
    const v = parseIntRange(s, a, b)
    if (v === undefined) this.badElement(s, a, b)
    if (typeof v === 'bigint') {
      if (dt === DT_LONG) (this.bigints ??= new Map()).set(this.m, v)
      else this.badElement(s, a, b)
      return this.push(Number(v))
    }
    // long arrays are stored as float64: an unreadable element (e.g. "NaN") becomes NaN
    this.push(v ?? (dt === DT_LONG ? NaN : 0))
  }

  private badElement(s: string, a: number, b: number): void {
    if (this.warnedBad) return
    this.warnedBad = true
    this.warn(`column "${this.spec.name}": invalid ${this.datatype} array element "${s.slice(a, b)}"`)
  }

  /** pad / truncate a fixed-size cell written from TABLEDATA to its declared size */
  private fixCount(start: number): void {
    const spec = this.spec
    const want = spec.count * this.per
    const got = this.m - start
    if (spec.variable ? got % want === 0 : got === want) return
    if (!this.warnedCount) {
      this.warnedCount = true
      this.warn(`column "${spec.name}": array cell has ${got / this.per} elements, arraysize is "${spec.shape.map((d) => (d < 0 ? '*' : d)).join('x')}"; padded/truncated`)
    }
    const target = spec.variable ? Math.ceil(got / want) * want : want
    if (got > target) this.m = start + target
    else for (let k = got; k < target; k++) this.push(this.isFloat ? NaN : this.dt === DT_BOOLEAN ? 2 : 0)
  }

  binary(view: DataView, u8: Uint8Array, off: number, isNull: boolean): number {
    let count = this.spec.count
    if (this.spec.variable) {
      if (off + 4 > u8.length) return -1
      count = view.getUint32(off)
      off += 4
    }
    const dt = this.dt
    const size = dt === DT_BIT ? (count + 7) >> 3 : count * ELEMENT_BYTES[dt]
    const end = off + size
    if (end > u8.length) return -1
    if (isNull) {
      this.endCell(true)
      return end
    }
    const need = this.m + count * this.per
    if (need > this.data.length) this.data = growArray(this.data, need)
    const d = this.data
    let m = this.m
    switch (dt) {
      case DT_DOUBLE:
      case DT_DCOMPLEX:
        for (let p = off; p < end; p += 8) d[m++] = view.getFloat64(p)
        break
      case DT_FLOAT:
      case DT_FCOMPLEX:
        for (let p = off; p < end; p += 4) d[m++] = view.getFloat32(p)
        break
      case DT_INT:
        for (let p = off; p < end; p += 4) d[m++] = view.getInt32(p)
        break
      case DT_SHORT:
        for (let p = off; p < end; p += 2) d[m++] = view.getInt16(p)
        break
      case DT_LONG:
        for (let p = off; p < end; p += 8) {
          const v = view.getInt32(p) * 4294967296 + view.getUint32(p + 4)
          if (!Number.isSafeInteger(v)) (this.bigints ??= new Map()).set(m, view.getBigInt64(p))
          d[m++] = v
        }
        break
      case DT_UBYTE:
        for (let p = off; p < end; p++) d[m++] = u8[p]
        break
      case DT_BIT:
        for (let k = 0; k < count; k++) d[m++] = (u8[off + (k >> 3)] >> (7 - (k & 7))) & 1
        break
      default:
        for (let p = off; p < end; p++) d[m++] = boolByte(u8[p])
    }
    const start = this.m
    this.m = m
    this.maskNullElements(start)
    this.endCell(false)
    return end
  }

  rollback(n: number): void {
    if (n >= this.n) return
    this.n = n
    this.m = this.offsets[n]
    if (this.bigints) for (const k of this.bigints.keys()) if (k >= this.m) this.bigints.delete(k)
  }

  reset(): void {
    this.n = 0
    this.m = 0
    this.bigints = undefined
  }

  finish(rows: number): void {
    this.rollback(rows)
    while (this.n < rows) this.nul()
    this.data = this.data.subarray(0, this.m) as NumArray
    this.offsets = this.offsets.subarray(0, rows + 1)
    if (this.nulls) this.nulls = growU8(this.nulls, rows).subarray(0, rows)
    if (this.bigints?.size === 0) this.bigints = undefined
  }

  slice(from: number, to: number): BatchColumn {
    const a = this.offsets[from]
    const b = this.offsets[to]
    const offsets = new Uint32Array(to - from + 1)
    for (let i = from; i <= to; i++) offsets[i - from] = this.offsets[i] - a
    const out: BatchColumn = { kind: 'array', data: this.data.slice(a, b) as NumArray, offsets, nulls: sliceNulls(this.nulls, from, to) }
    const big = sliceBigInts(this.bigints, a, b)
    if (big) out.bigints = big
    return out
  }

  append(b: BatchColumn): void {
    if (b.kind !== 'array') throw new TypeError(`a ${b.kind} batch cannot extend an array column`)
    const count = b.offsets.length - 1
    const at = this.n
    const m = this.m
    this.data = growArray(this.data, m + b.data.length)
    this.data.set(b.data, m)
    this.offsets = growU32(this.offsets, at + count + 1)
    for (let i = 1; i <= count; i++) this.offsets[at + i] = m + b.offsets[i]
    this.nulls = putNulls(this.nulls, b.nulls, at, count, this.offsets.length)
    this.bigints = addBigInts(this.bigints, b.bigints, m)
    this.n = at + count
    this.m = m + b.data.length
  }

  get(row: number): Value {
    checkRow(row, this.n)
    if (this.nulls !== null && this.nulls[row] === 1) return null
    const a = this.offsets[row]
    const b = this.offsets[row + 1]
    const d = this.data
    if (this.complex) {
      if (this.spec.shape.length === 0) return [d[a], d[a + 1]]
      const out: Value[] = []
      for (let i = a; i < b; i += 2) out.push([d[i], d[i + 1]])
      return out
    }
    if (this.dt === DT_BOOLEAN) {
      const out: Value[] = []
      for (let i = a; i < b; i++) out.push(d[i] === 2 ? null : d[i] === 1)
      return out
    }
    if (this.bigints !== undefined) {
      const out: Value[] = []
      for (let i = a; i < b; i++) out.push(this.bigints.get(i) ?? d[i])
      return out
    }
    return d.subarray(a, b)
  }
}

const utf8 = new TextEncoder()
const utf8d = new TextDecoder('utf-8')

function trimPad(s: string): string {
  let e = s.length
  while (e > 0 && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 0)) e--
  return e === s.length ? s : s.slice(0, e)
}

/** char / unicodeChar arrays with two or more dimensions: a list of strings per cell. */
export class CharArrayColumn implements ColumnBuilder {
  readonly kind = 'object' as const
  readonly datatype: string
  readonly shape: number[]
  data: (string[] | null)[] = []
  nulls: Uint8Array | null = null
  n = 0
  private readonly width: number
  private readonly unicode: boolean

  constructor(private readonly spec: ColumnSpec) {
    this.datatype = spec.datatype
    this.shape = spec.shape
    this.width = spec.shape[0] > 0 ? spec.shape[0] : 1
    this.unicode = spec.dt !== DT_CHAR
  }

  nul(): void {
    this.data[this.n++] = null
  }

  text(s: string, a: number, b: number): void {
    if (a === b) return this.nul()
    const t = s.slice(a, b)
    const w = this.width
    const out: string[] = []
    if (this.unicode) {
      for (let i = 0; i < t.length; i += w) out.push(trimPad(t.slice(i, i + w)))
    } else {
      const bytes = utf8.encode(t)
      for (let i = 0; i < bytes.length; i += w) out.push(trimPad(utf8d.decode(bytes.subarray(i, i + w))))
    }
    this.data[this.n++] = out
  }

  binary(view: DataView, u8: Uint8Array, off: number, isNull: boolean): number {
    let chars = this.spec.count
    if (this.spec.variable) {
      if (off + 4 > u8.length) return -1
      chars = view.getUint32(off) // total characters, as for numeric arrays
      off += 4
    }
    const unit = this.unicode ? 2 : 1
    const end = off + chars * unit
    if (end > u8.length) return -1
    if (isNull) {
      this.nul()
      return end
    }
    const out: string[] = []
    const step = this.width * unit
    for (let p = off; p < end; p += step) {
      const e = Math.min(end, p + step)
      out.push(trimPad(this.unicode ? decodeUcs2(u8, p, e) : decodeChars(u8, p, e)))
    }
    this.data[this.n++] = out
    return end
  }

  rollback(n: number): void {
    this.n = Math.min(this.n, n)
  }

  reset(): void {
    this.data = []
    this.n = 0
  }

  finish(rows: number): void {
    this.rollback(rows)
    while (this.n < rows) this.nul()
    this.data.length = rows
    let nulls: Uint8Array | null = null
    for (let i = 0; i < rows; i++) if (this.data[i] === null) (nulls ??= new Uint8Array(rows))[i] = 1
    this.nulls = nulls
  }

  slice(from: number, to: number): BatchColumn {
    const data = this.data.slice(from, to)
    let nulls: Uint8Array | null = null
    for (let i = 0; i < data.length; i++) if (data[i] === null) (nulls ??= new Uint8Array(data.length))[i] = 1
    return { kind: 'object', data, nulls }
  }

  append(b: BatchColumn): void {
    if (b.kind !== 'object') throw new TypeError(`a ${b.kind} batch cannot extend a 2-D char column`)
    for (const v of b.data) this.data[this.n++] = v as string[] | null
  }

  get(row: number): Value {
    checkRow(row, this.n)
    return this.data[row]
  }
}
