/** The BINARY2 serialization of a table being written: rows with their null masks, base64-encoded. */
import { DT_BIT, DT_BOOLEAN, DT_CHAR, DT_DOUBLE, DT_FCOMPLEX, DT_FLOAT, DT_INT, DT_LONG, DT_SHORT, DT_UBYTE, DT_UNICHAR } from './spec'
import type { Value } from './types'
import { elements, isList, joinStrings } from './writer-cells'
import type { Col, TableLike } from './writer-cells'

const encoder = new TextEncoder()

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

export function binary2Stream(t: TableLike, cols: Col[]): string {
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
