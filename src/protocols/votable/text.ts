/** Text decoding of VOTable bytes: BOM or XML declaration encoding, and line-end normalization. */
import { VOTableError } from './errors'

/** bytes the encoding sniffing looks at (the XML declaration must fit) */
export const SNIFF_BYTES = 200

/** A decoder for a document starting with `head` (BOM, or the XML declaration's encoding; UTF-8 by default). */
export function textDecoderFor(head: Uint8Array): TextDecoder {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    throw new VOTableError('the input is gzip-compressed; decompress it first (for example with DecompressionStream("gzip"))', 0)
  }
  let encoding = 'utf-8'
  if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be'
  else if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le'
  else if (head[0] === 0x3c && head[1] === 0x3f) {
    let s = ''
    for (let i = 0; i < Math.min(head.length, SNIFF_BYTES); i++) s += String.fromCharCode(head[i])
    const m = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(s)
    if (m) encoding = m[1].toLowerCase()
  }
  try {
    return new TextDecoder(encoding)
  } catch {
    return new TextDecoder('utf-8')
  }
}

/**
 * XML end-of-line normalization over a stream of text pieces: "\r\n" and "\r" become "\n".
 * A "\r" ending a piece is held back until the next piece shows whether "\n" follows.
 */
export class LineEndNormalizer {
  private heldCR = false

  push(text: string, final: boolean): string {
    if (this.heldCR) {
      text = '\r' + text
      this.heldCR = false
    }
    if (!final && text.charCodeAt(text.length - 1) === 13) {
      text = text.slice(0, -1)
      this.heldCR = true
    }
    return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n')
  }
}
