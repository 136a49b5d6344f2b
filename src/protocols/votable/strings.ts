/**
 * Builder for char / unicodeChar columns with at most one dimension: one string per cell.
 * BINARY char cells are kept as their bytes (one buffer + end offsets per column) and turned
 * into strings only when read: a 100k-row result makes no million short-lived strings, and a
 * batch for the worker transfer is a copy of the bytes. TABLEDATA, batches and unicodeChar
 * cells are kept as strings.
 */
import type { Value } from './types'
import { DT_CHAR, charsToString, checkRow, decodeChars, decodeUcs2, fitTo, growU32, growU8, isWs, putNulls } from './spec'
import type { BatchColumn, ColumnBuilder, ColumnSpec } from './spec'

const utf8Decoder = new TextDecoder('utf-8')
const utf8Encoder = new TextEncoder()

type Storage = 'empty' | 'strings' | 'bytes'

export class StringColumn implements ColumnBuilder {
  readonly kind = 'string' as const
  readonly datatype: string
  readonly shape: number[]
  nulls: Uint8Array | null = null
  n = 0
  private storage: Storage = 'empty'
  private strings: (string | null)[] = []
  /** bytes mode: cell i is bytes[ends[i - 1], ends[i]) (trailing NULs dropped); the binary row decoder writes them in place */
  bytes: Uint8Array = new Uint8Array(0)
  ends: Uint32Array = new Uint32Array(0)
  private materialized: (string | null)[] | null = null
  private readonly unicode: boolean
  /** characters per fixed-size cell (1 when there is no arraysize) */
  readonly width: number
  /** a BINARY cell starts with its length */
  readonly variable: boolean

  constructor(private readonly spec: ColumnSpec) {
    this.datatype = spec.datatype
    this.shape = spec.shape
    this.unicode = spec.dt !== DT_CHAR
    this.width = spec.shape.length === 0 ? 1 : spec.shape[0]
    this.variable = spec.variable
  }

  /** true when BINARY cells are kept as bytes (an empty char column without a null value switches to that) */
  takesBytes(): boolean {
    if (this.storage === 'empty' && !this.unicode && this.spec.nullValue === undefined) this.storage = 'bytes'
    return this.storage === 'bytes'
  }

  /** all cells as strings (built once per size in bytes mode) */
  get data(): (string | null)[] {
    if (this.storage !== 'bytes') return this.strings
    if (this.materialized === null || this.materialized.length !== this.n) {
      const out = new Array<string | null>(this.n)
      for (let i = 0; i < this.n; i++) out[i] = this.get(i) as string | null
      this.materialized = out
    }
    return this.materialized
  }

  /** leave bytes mode (a text cell or a batch follows binary ones: never in a real document) */
  private toStrings(): void {
    if (this.storage === 'bytes') {
      const all = this.data
      this.nulls = null
      this.strings = all
      this.materialized = null
    }
    this.storage = 'strings'
  }

  nul(): void {
    if (this.storage === 'bytes') return this.putBytes(this.bytes, 0, 0, true)
    if (this.storage === 'empty') this.storage = 'strings'
    this.strings[this.n++] = null
  }

  private put(v: string): void {
    if (this.storage !== 'strings') this.toStrings()
    this.strings[this.n++] = v === this.spec.nullValue ? null : v
  }

  text(s: string, a: number, b: number): void {
    // surrounding whitespace of a TD is not significant (as astropy and STIL read it)
    while (a < b && isWs(s.charCodeAt(a))) a++
    while (b > a && isWs(s.charCodeAt(b - 1))) b--
    if (a === b) return this.nul()
    this.put(s.slice(a, b))
  }

  binary(view: DataView, u8: Uint8Array, off: number, isNull: boolean): number {
    let count = this.width
    if (this.spec.variable) {
      if (off + 4 > u8.length) return -1
      count = view.getUint32(off)
      off += 4
    }
    const end = off + (this.unicode ? 2 * count : count)
    if (end > u8.length) return -1
    if (this.takesBytes()) this.putBytes(u8, off, end, isNull)
    else if (isNull) this.nul()
    else this.put(this.unicode ? decodeUcs2(u8, off, end) : decodeChars(u8, off, end))
    return end
  }

  private putBytes(u8: Uint8Array, a: number, b: number, isNull: boolean): void {
    const i = this.n
    if (isNull) b = a
    else while (b > a && u8[b - 1] === 0) b--
    if (i >= this.ends.length) this.ends = growU32(this.ends, i + 1)
    const start = i === 0 ? 0 : this.ends[i - 1]
    const len = b - a
    let bytes = this.bytes
    if (start + len > bytes.length) bytes = this.bytes = growU8(bytes, Math.max(start + len, 1024))
    if (len > 48) bytes.set(u8.subarray(a, b), start)
    else for (let k = 0; k < len; k++) bytes[start + k] = u8[a + k]
    this.ends[i] = start + len
    if (isNull) {
      this.nulls = growU8(this.nulls ?? new Uint8Array(this.ends.length), i + 1)
      this.nulls[i] = 1
    } else if (this.nulls !== null) {
      if (i >= this.nulls.length) this.nulls = growU8(this.nulls, i + 1)
      this.nulls[i] = 0
    }
    this.n = i + 1
  }

  rollback(n: number): void {
    this.n = Math.min(this.n, n)
  }

  reset(): void {
    this.n = 0
    this.strings = []
    this.materialized = null
    // the binary row decoder marks null cells only: a mask of released rows would mark the next ones
    this.nulls = null
  }

  finish(rows: number): void {
    this.rollback(rows)
    if (this.storage === 'bytes') {
      while (this.n < rows) this.putBytes(this.bytes, 0, 0, true)
      // storage reserved for rows that did not come is given back
      this.ends = fitTo(this.ends, rows)
      this.bytes = fitTo(this.bytes, rows === 0 ? 0 : this.ends[rows - 1])
      if (this.nulls !== null) {
        this.nulls = fitTo(growU8(this.nulls, rows), rows)
        if (this.nulls.indexOf(1) === -1) this.nulls = null
      }
      return
    }
    const data = this.strings
    while (data.length < rows) data.push(null)
    data.length = rows
    this.n = rows
    let nulls: Uint8Array | null = null
    for (let i = 0; i < rows; i++) if (data[i] === null) (nulls ??= new Uint8Array(rows))[i] = 1
    this.nulls = nulls
  }

  slice(from: number, to: number): BatchColumn {
    if (this.storage === 'bytes') {
      const a = from === 0 ? 0 : this.ends[from - 1]
      const b = to === 0 ? 0 : this.ends[to - 1]
      const chars = this.bytes.slice(a, b)
      // the batch format counts UTF-16 code units: bytes are those only when all are ASCII
      let ascii = true
      for (let k = 0; k < chars.length; k++) {
        if (chars[k] >= 128) {
          ascii = false
          break
        }
      }
      if (ascii) {
        const offsets = new Uint32Array(to - from + 1)
        for (let i = from; i < to; i++) offsets[i - from + 1] = this.ends[i] - a
        const nulls = this.nulls === null ? null : growU8(this.nulls, to).slice(from, to)
        return { kind: 'string', chars, offsets, nulls: nulls !== null && nulls.indexOf(1) !== -1 ? nulls : null }
      }
    }
    const offsets = new Uint32Array(to - from + 1)
    const cells: string[] = []
    let nulls: Uint8Array | null = null
    let o = 0
    for (let i = from; i < to; i++) {
      const v = this.get(i) as string | null
      if (v === null) (nulls ??= new Uint8Array(to - from))[i - from] = 1
      else {
        o += v.length
        cells.push(v)
      }
      offsets[i - from + 1] = o
    }
    const text = cells.join('')
    // native encoding; when it is pure ASCII the UTF-8 bytes are the code units
    const utf8 = utf8Encoder.encode(text)
    if (utf8.length === text.length) return { kind: 'string', chars: utf8, offsets, nulls }
    const chars = new Uint16Array(text.length)
    for (let k = 0; k < text.length; k++) chars[k] = text.charCodeAt(k)
    return { kind: 'string', chars, offsets, nulls }
  }

  append(b: BatchColumn): void {
    if (b.kind !== 'string') throw new TypeError(`a ${b.kind} batch cannot extend a string column`)
    if (this.storage !== 'strings') this.toStrings()
    const all = b.chars instanceof Uint8Array ? utf8Decoder.decode(b.chars) : charsToString(b.chars)
    const off = b.offsets
    const count = off.length - 1
    const at = this.n
    for (let i = 0; i < count; i++) this.strings[at + i] = b.nulls !== null && b.nulls[i] === 1 ? null : all.slice(off[i], off[i + 1])
    this.nulls = putNulls(this.nulls, b.nulls, at, count, at + count)
    this.n = at + count
  }

  get(row: number): Value {
    checkRow(row, this.n)
    if (this.storage !== 'bytes') return this.strings[row]
    if (this.nulls !== null && this.nulls[row] === 1) return null
    return decodeChars(this.bytes, row === 0 ? 0 : this.ends[row - 1], this.ends[row])
  }
}
