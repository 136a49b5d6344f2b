/**
 * Whole-input reading from bytes: the text around large base64 STREAMs is decoded as text, but
 * the STREAM content goes straight from bytes to binary rows (no text decoding of the content,
 * no base64 decoding from a string). Anything unusual (another encoding, characters that are
 * not base64, padding inside, a group cut short, an error anywhere) gives `undefined`, and the
 * caller reads the document from its whole text instead, which gives the canonical result.
 */
import { DocumentParser } from './document'
import type { ParseResult } from './document'
import { PAD, SKIP, TABLE } from './base64'


/** value of a pair of alphabet characters read as a little-endian 16-bit word (12 bits); -1 for anything else */
const PAIR = new Int32Array(65536).fill(-1)
for (let c0 = 0; c0 < 256; c0++) {
  for (let c1 = 0; c1 < 256; c1++) {
    const v0 = TABLE[c0]
    const v1 = TABLE[c1]
    if (v0 < 64 && v1 < 64) PAIR[(c1 << 8) | c0] = (v0 << 6) | v1
  }
}

/** base64 characters decoded per block (the decoded block is handed on and its buffer reused) */
const BLOCK = 1 << 18

/** Where decoded STREAM bytes go, a block at a time. */
export interface ByteSink {
  /** end of the bytes already in the buffer: new bytes are written from here on */
  readonly fill: number
  /** the buffer, with room for `n` bytes from `fill` on */
  room(n: number): Uint8Array
  /** `n` bytes were written from `fill` on; about `more` bytes will follow */
  commit(n: number, more: number): void
}

/** Decode groups of sixteen alphabet characters from u8[i] on into out[o]; the offset where it stopped. */
function decodeRun(src: DataView, i: number, b: number, dst: DataView, o: number): number {
  const end = b - 16
  while (i <= end) {
    const w0 = src.getUint32(i, true)
    const w1 = src.getUint32(i + 4, true)
    const w2 = src.getUint32(i + 8, true)
    const w3 = src.getUint32(i + 12, true)
    const x0 = (PAIR[w0 & 0xffff] << 12) | PAIR[w0 >>> 16]
    const x1 = (PAIR[w1 & 0xffff] << 12) | PAIR[w1 >>> 16]
    const x2 = (PAIR[w2 & 0xffff] << 12) | PAIR[w2 >>> 16]
    const x3 = (PAIR[w3 & 0xffff] << 12) | PAIR[w3 >>> 16]
    if ((x0 | x1 | x2 | x3) < 0) break
    dst.setUint32(o, (x0 << 8) | (x1 >>> 16))
    dst.setUint32(o + 4, (x1 << 16) | (x2 >>> 8))
    dst.setUint32(o + 8, (x2 << 24) | x3)
    o += 12
    i += 16
  }
  return i
}

/** Extent of base64 STREAM content as (normalized) text. */
export interface StreamExtent {
  /** offset of the "<" that ends it (or of the limit) */
  end: number
  /** characters of text after XML line-end normalization */
  chars: number
  /** line ends */
  lines: number
  /** characters after the last line end */
  tail: number
}

/**
 * Decode base64 from u8[a] up to the first "<" (or `limit`) into `sink`, a block at a time;
 * null (the sink may have had some blocks) unless it is plain, complete base64.
 */
export function decodeStream(u8: Uint8Array, a: number, limit: number, sink: ByteSink): StreamExtent | null {
  const src = new DataView(u8.buffer, u8.byteOffset, u8.byteLength)
  let i = a
  let acc = 0
  let k = 0
  let pads = 0
  let crlf = 0
  let lines = 0
  let lineStart = a
  let stop = false
  while (i < limit && !stop) {
    const blockEnd = Math.min(limit, i + BLOCK)
    const out = sink.room(((blockEnd - i) >> 2) * 3 + 3)
    const dst = new DataView(out.buffer, out.byteOffset, out.byteLength)
    const o0 = sink.fill
    let o = o0
    while (i < blockEnd) {
      if (k === 0 && pads === 0 && i + 4 <= blockEnd) {
        const j = decodeRun(src, i, blockEnd, dst, o)
        if (j > i) {
          o += ((j - i) >> 4) * 12
          i = j
          continue
        }
        // a group of four (a line shorter than sixteen characters, or the block's end)
        const w = src.getUint32(i, true)
        const x = (PAIR[w & 0xffff] << 12) | PAIR[w >>> 16]
        if (x >= 0) {
          out[o] = x >> 16
          out[o + 1] = x >> 8
          out[o + 2] = x
          o += 3
          i += 4
          continue
        }
      }
      const c = u8[i]
      const v = TABLE[c]
      if (v < 64) {
        if (pads > 0) return null
        acc = (acc << 6) | v
        if (++k === 4) {
          out[o++] = acc >> 16
          out[o++] = (acc >> 8) & 255
          out[o++] = acc & 255
          acc = 0
          k = 0
        }
      } else if (v === PAD) {
        if (k < 2 || k + pads >= 4) return null
        pads++
        if (k + pads === 4) {
          if (k === 2) out[o++] = (acc >> 4) & 255
          else {
            out[o++] = (acc >> 10) & 255
            out[o++] = (acc >> 2) & 255
          }
          k = 4 // nothing but whitespace may follow
        }
      } else if (v === SKIP) {
        if (c === 10 || c === 13) {
          if (c === 13 && i + 1 < limit && u8[i + 1] === 10) {
            crlf++
            i++
          }
          lines++
          lineStart = i + 1
        }
      } else if (c === 60) {
        stop = true
        break
      } else return null
      i++
    }
    sink.commit(o - o0, ((limit - i) >> 2) * 3)
  }
  if (k !== 0 && !(k === 4 && pads > 0)) return null
  if (pads > 0 && k !== 4) return null
  return { end: i, chars: i - a - crlf, lines, tail: i - lineStart }
}

/** Decoded base64 of u8[a, b) with its extent as (normalized) text; null unless it is plain, complete base64. */
export interface StreamBytes extends StreamExtent {
  bytes: Uint8Array
}

/** the whole of u8[a, b) decoded into one buffer */
export function decodeBase64Bytes(u8: Uint8Array, a: number, b: number): StreamBytes | null {
  let buf = new Uint8Array(0)
  const sink = {
    fill: 0,
    room(n: number): Uint8Array {
      if (sink.fill + n > buf.length) {
        const next = new Uint8Array(Math.max(sink.fill + n, buf.length * 2))
        next.set(buf.subarray(0, sink.fill))
        buf = next
      }
      return buf
    },
    commit(n: number): void {
      sink.fill += n
    },
  }
  const r = decodeStream(u8, a, b, sink)
  if (r === null || r.end < b) return null
  return { ...r, bytes: buf.subarray(0, sink.fill) }
}

interface NodeBufferLike {
  prototype: { indexOf(this: Uint8Array, value: string, byteOffset: number, encoding: 'latin1'): number }
}
const nodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer

/** the next "STREAM" at or after `from` (Node's substring search when there is one) */
function nextStreamM(u8: Uint8Array, from: number): number {
  if (nodeBuffer === undefined) return u8.indexOf(77, from)
  const i = nodeBuffer.prototype.indexOf.call(u8, 'STREAM', from - 5, 'latin1')
  return i < 0 ? -1 : i + 5
}

/** Where the next <STREAM or <prefix:STREAM start tag begins at or after `from`; -1 when there is none. */
function indexOfStream(u8: Uint8Array, from: number): number {
  // find the "M" of STREAM natively (a scan for every "<" would be slow over a large TABLEDATA)
  for (let m = nextStreamM(u8, from + 6); m >= 0; m = nextStreamM(u8, m + 1)) {
    if (u8[m - 5] !== 83 || u8[m - 4] !== 84 || u8[m - 3] !== 82 || u8[m - 2] !== 69 || u8[m - 1] !== 65) continue
    const c = u8[m + 1]
    if (!(c === 62 || c === 32 || c === 9 || c === 10 || c === 13 || c === 47)) continue
    if (u8[m - 6] === 60) return m - 6
    if (u8[m - 6] !== 58) continue
    // a namespace prefix
    let i = m - 7
    while (i >= from && i > m - 64 && u8[i] !== 60 && u8[i] > 32 && u8[i] !== 62) i--
    if (i >= from && u8[i] === 60) return i
  }
  return -1
}

const normalize = (t: string): string => (t.indexOf('\r') === -1 ? t : t.replace(/\r\n?/g, '\n'))

/** Read a UTF-8 document with large STREAMs from its bytes; undefined when the text path must do it. */
export function parseBytes(u8: Uint8Array, decoder: TextDecoder): ParseResult | undefined {
  if (decoder.encoding !== 'utf-8') return undefined
  let at = indexOfStream(u8, 0)
  if (at < 0) return undefined
  const p = new DocumentParser()
  let from = 0
  let first = true
  try {
    while (at >= 0) {
      const gt = u8.indexOf(62, at)
      if (gt < 0) break
      const a = gt + 1
      let next = a
      if (a < u8.length && u8[a] !== 60 && u8[gt - 1] !== 47) {
        let head = decoder.decode(u8.subarray(from, a))
        if (first && head.charCodeAt(0) === 0xfeff) head = head.slice(1)
        first = false
        p.feed(normalize(head), false)
        const sink = p.streamSink()
        if (sink === null) return undefined
        const r = decodeStream(u8, a, u8.length, sink)
        if (r === null) return undefined
        p.skipStream(sink, r.chars, r.lines, r.tail)
        from = next = r.end
      }
      at = indexOfStream(u8, next)
    }
    if (first) return undefined
    p.feed(normalize(decoder.decode(u8.subarray(from))), true)
    return p.result()
  } catch {
    return undefined
  }
}
