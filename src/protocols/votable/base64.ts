/** Fast base64 decoding from a string range, tolerant of whitespace. */

export const INVALID = 255
export const SKIP = 254
export const PAD = 253
/** each byte's base64 value (0-63), or SKIP (whitespace), PAD ('=') or INVALID */
export const TABLE = new Uint8Array(256).fill(INVALID)
{
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  for (let i = 0; i < 64; i++) TABLE[alphabet.charCodeAt(i)] = i
  for (const c of [32, 9, 10, 13]) TABLE[c] = SKIP
  TABLE[61] = PAD
}

export interface Base64Result {
  bytes: Uint8Array
  /** offset of the first invalid character, or -1 */
  errorAt: number
  /** the text ended with an incomplete 4-character group (its bytes are not in `bytes`) */
  partial: boolean
  /** offset just after the last complete 4-character group (where a streaming decoder resumes) */
  end: number
}

interface NativeBase64 {
  /** TC39 base64 (Chromium, Firefox, Safari, Node 22+): whitespace-tolerant, throws on bad input */
  setFromBase64?: (text: string, options: { lastChunkHandling: 'stop-before-partial' }) => { read: number; written: number }
}
interface NodeBufferLike {
  from(text: string, encoding: 'base64'): Uint8Array
}
const nativeSet = (Uint8Array.prototype as NativeBase64).setFromBase64
const nodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer
/** below this, the JS loop is as fast as a native call */
const NATIVE_MIN = 4096
const NON_WS = /[^ \t\n\r]/

/** Bytes `decodeBase64` may write for `chars` characters of text (its `into` buffer needs this many). */
export function base64Room(chars: number): number {
  return Math.ceil((chars * 3) / 4) + 3
}

/**
 * Decode s[a, b). Stops at the first character that is not base64 or whitespace.
 * Large ranges go to the platform's native decoder when it can prove the input valid;
 * everything else (and every error, for its position) goes through the JS decoder.
 * `into` (at least `base64Room(b - a)` bytes): the bytes are written there (a streaming reader reuses one buffer
 * instead of making one per piece); the result's `bytes` is then a view of it.
 */
export function decodeBase64(s: string, a: number, b: number, into?: Uint8Array): Base64Result {
  return (b - a >= NATIVE_MIN ? decodeNative(s, a, b, into) : undefined) ?? decodeBase64Js(s, a, b, into)
}

function decodeNative(s: string, a: number, b: number, into?: Uint8Array): Base64Result | undefined {
  const text = s.slice(a, b)
  if (nativeSet !== undefined) {
    const out = into ?? new Uint8Array(base64Room(text.length))
    let r: { read: number; written: number }
    try {
      r = nativeSet.call(out, text, { lastChunkHandling: 'stop-before-partial' })
    } catch {
      return undefined
    }
    const partial = r.read < text.length && NON_WS.test(text.slice(r.read))
    return { bytes: out.subarray(0, r.written), errorAt: -1, partial, end: partial ? a + r.read : b }
  }
  if (nodeBuffer !== undefined) {
    // Node's decoder skips what is not base64 without a word; accept its result only when the
    // byte count shows every character was one (no whitespace, padding only at the very end)
    if (text.indexOf('\n') >= 0) return undefined // wrapped lines: the JS decoder copes with them in one pass
    const eq = text.indexOf('=')
    let n = text.length
    if (eq >= 0) {
      if (eq < n - 2 || text.charCodeAt(n - 1) !== 61 || n % 4 !== 0) return undefined
      n = eq
    }
    const whole = eq >= 0 ? n : n - (n % 4)
    const bytes = nodeBuffer.from(whole === text.length ? text : text.slice(0, whole), 'base64')
    if (bytes.length !== Math.floor((whole * 3) / 4)) return undefined
    const partial = whole < text.length && eq < 0
    into?.set(bytes)
    return { bytes: into ? into.subarray(0, bytes.length) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), errorAt: -1, partial, end: partial ? a + whole : b }
  }
  return undefined
}

/** The portable decoder: exact error positions, resumable at group boundaries. */
export function decodeBase64Js(s: string, a: number, b: number, into?: Uint8Array): Base64Result {
  const out = into ?? new Uint8Array(base64Room(b - a))
  let o = 0
  let acc = 0
  let k = 0
  let i = a
  let pads = 0
  let end = a
  // fast path: runs of four alphabet characters
  while (i < b) {
    if (k === 0 && pads === 0 && i + 4 <= b) {
      const c0 = s.charCodeAt(i)
      const c1 = s.charCodeAt(i + 1)
      const c2 = s.charCodeAt(i + 2)
      const c3 = s.charCodeAt(i + 3)
      if ((c0 | c1 | c2 | c3) < 256) {
        const v0 = TABLE[c0]
        const v1 = TABLE[c1]
        const v2 = TABLE[c2]
        const v3 = TABLE[c3]
        if ((v0 | v1 | v2 | v3) < 64) {
          const v = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3
          out[o] = v >> 16
          out[o + 1] = (v >> 8) & 255
          out[o + 2] = v & 255
          o += 3
          i += 4
          end = i
          continue
        }
      }
    }
    const c = s.charCodeAt(i)
    const v = c < 256 ? TABLE[c] : INVALID
    if (v < 64) {
      if (pads > 0) return { bytes: out.subarray(0, o), errorAt: i, partial: false, end: i }
      acc = (acc << 6) | v
      if (++k === 4) {
        out[o++] = acc >> 16
        out[o++] = (acc >> 8) & 255
        out[o++] = acc & 255
        acc = 0
        k = 0
        end = i + 1
      }
    } else if (v === PAD) {
      // "xx==" or "xxx=" ends the data
      if (k < 2) return { bytes: out.subarray(0, o), errorAt: i, partial: false, end: i }
      pads++
      if (k + pads === 4) {
        if (k === 2) out[o++] = (acc >> 4) & 255
        else {
          out[o++] = (acc >> 10) & 255
          out[o++] = (acc >> 2) & 255
        }
        acc = 0
        k = 0
        end = i + 1
      }
    } else if (v !== SKIP) {
      return { bytes: out.subarray(0, o), errorAt: i, partial: false, end: i }
    }
    i++
  }
  return { bytes: out.subarray(0, o), errorAt: -1, partial: k !== 0, end: k === 0 && pads === 0 ? b : end }
}
