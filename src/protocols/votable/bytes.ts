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


/** values of character pairs shifted into place (first pair, second pair of a group); -1 for anything but two alphabet characters */
const PA = new Int32Array(65536).fill(-1)
const PB = new Int32Array(65536).fill(-1)
for (let c0 = 0; c0 < 256; c0++) {
  for (let c1 = 0; c1 < 256; c1++) {
    const v0 = TABLE[c0]
    const v1 = TABLE[c1]
    if (v0 < 64 && v1 < 64) {
      PA[(c0 << 8) | c1] = (v0 << 18) | (v1 << 12)
      PB[(c0 << 8) | c1] = (v0 << 6) | v1
    }
  }
}

/** Decode pairs of groups of four alphabet characters from u8[i] on into out[o]; the offset where it stopped. */
function decodeRun(u8: Uint8Array, i: number, b: number, out: Uint8Array, o: number): number {
  const src = new DataView(u8.buffer, u8.byteOffset, u8.byteLength)
  const dst = new DataView(out.buffer, out.byteOffset, out.byteLength)
  const end = b - 8
  while (i <= end) {
    const w = src.getUint32(i)
    const x = PA[w >>> 16] | PB[w & 0xffff]
    const w2 = src.getUint32(i + 4)
    const y = PA[w2 >>> 16] | PB[w2 & 0xffff]
    if ((x | y) < 0) break
    dst.setUint32(o, (x << 8) | (y >>> 16))
    dst.setUint16(o + 4, y)
    o += 6
    i += 8
  }
  return i
}

/** Decoded base64 of u8[a, b) with its extent as (normalized) text; null unless it is plain, complete base64. */
export interface StreamBytes {
  bytes: Uint8Array
  /** characters of text after XML line-end normalization */
  chars: number
  /** line ends */
  lines: number
  /** characters after the last line end */
  tail: number
}

export function decodeBase64Bytes(u8: Uint8Array, a: number, b: number): StreamBytes | null {
  const out = new Uint8Array(Math.ceil(((b - a) * 3) / 4) + 3)
  let o = 0
  let i = a
  let acc = 0
  let k = 0
  let pads = 0
  let crlf = 0
  let lines = 0
  let lineStart = a
  while (i < b) {
    if (k === 0 && pads === 0) {
      const j = decodeRun(u8, i, b, out, o)
      if (j > i) {
        o += ((j - i) >> 3) * 6
        i = j
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
        if (c === 13 && i + 1 < b && u8[i + 1] === 10) {
          crlf++
          i++
        }
        lines++
        lineStart = i + 1
      }
    } else return null
    i++
  }
  if (k !== 0 && !(k === 4 && pads > 0)) return null
  if (pads > 0 && k !== 4) return null
  return { bytes: out.subarray(0, o), chars: b - a - crlf, lines, tail: b - lineStart }
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
      let b = u8.indexOf(60, a)
      if (b < 0) b = u8.length
      if (b > a && u8[gt - 1] !== 47) {
        const data = decodeBase64Bytes(u8, a, b)
        if (data === null) return undefined
        let head = decoder.decode(u8.subarray(from, a))
        if (first && head.charCodeAt(0) === 0xfeff) head = head.slice(1)
        first = false
        p.feed(normalize(head), false)
        if (!p.feedStreamBytes(data.bytes, data.chars, data.lines, data.tail)) return undefined
        from = b
      }
      at = indexOfStream(u8, b)
    }
    if (first) return undefined
    p.feed(normalize(decoder.decode(u8.subarray(from))), true)
    return p.result()
  } catch {
    return undefined
  }
}
