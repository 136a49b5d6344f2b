/**
 * Small, fast pull tokenizer for the XML subset VOTables use.
 * Works on a string buffer that can be extended with `feed()` (streaming);
 * with `final = false` an incomplete construct at the end returns NEED_MORE.
 * Comments, processing instructions and DOCTYPE are skipped; CDATA comes out as TEXT.
 * Element names are reported without their namespace prefix.
 */
import { START_OF_INPUT, errorAtLocation, locate } from './errors'
import type { TextOrigin, VOTableError } from './errors'

export const START = 1
export const END = 2
export const TEXT = 3
export const EOF = 4
export const NEED_MORE = 5

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Replace XML entity and character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, e: string) => {
    if (e.charCodeAt(0) === 35) {
      const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m
    }
    return NAMED[e] ?? m
  })
}

export function isNameChar(c: number): boolean {
  return !(c <= 32 || c === 62 /* > */ || c === 47 /* / */ || c === 61 /* = */)
}

/** Local part of a qualified name (after the last ':'). */
export function localName(q: string): string {
  const i = q.indexOf(':')
  return i === -1 ? q : q.slice(i + 1)
}

export class XmlScanner {
  s: string
  pos = 0
  final: boolean
  /** local name of the current START/END token */
  name = ''
  /** offset of the current token's first character */
  tokenStart = 0
  /** attribute text range of the current START token */
  attrStart = 0
  attrEnd = 0
  selfClosing = false
  /** decoded text of the current TEXT token */
  text = ''
  /** set when EOF was reached in the middle of a construct (final mode) */
  truncated = false
  /** where s[0] is in the whole input (text before it was dropped by `feed`) */
  origin: TextOrigin = START_OF_INPUT

  constructor(s: string, final = true) {
    this.s = s
    this.final = final
  }

  /** Append more text (streaming). Already consumed text is dropped. */
  feed(chunk: string, final = false): void {
    if (this.pos > 0) this.origin = this.locate(this.pos)
    this.s = this.s.slice(this.pos) + chunk
    this.pos = 0
    this.final = final
  }

  /**
   * Count `chars` characters (holding `lines` line ends, `tail` characters after the last one) as
   * read without having them in the window: a data section took them from the bytes directly.
   * Only at the end of the window.
   */
  skip(chars: number, lines: number, tail: number): void {
    const o = this.locate(this.pos)
    this.origin = { position: o.position + chars, line: o.line + lines, column: lines > 0 ? tail + 1 : o.column + chars }
    this.s = ''
    this.pos = 0
  }

  /** Location in the whole input of offset `pos` of the current window. */
  locate(pos: number): TextOrigin {
    return locate(this.s, pos, this.origin)
  }

  error(message: string, pos = this.tokenStart): VOTableError {
    return errorAtLocation(this.locate(pos), message)
  }

  private incomplete(start: number): number {
    if (!this.final) {
      this.pos = start
      return NEED_MORE
    }
    this.truncated = true
    this.pos = this.s.length
    this.tokenStart = start
    return EOF
  }

  next(): number {
    const s = this.s
    const n = s.length
    const start = this.pos
    this.tokenStart = start
    if (start >= n) return this.final ? EOF : NEED_MORE
    if (s.charCodeAt(start) !== 60) {
      let end = s.indexOf('<', start)
      if (end === -1) {
        if (!this.final) return NEED_MORE
        end = n
      }
      this.text = decodeEntities(s.slice(start, end))
      this.pos = end
      return TEXT
    }
    const c1 = s.charCodeAt(start + 1)
    if (c1 === 33 /* ! */) {
      // "<!-" or "<![CDAT" at the end of a streaming window: wait for the rest
      if (!this.final && n - start < 9) return this.incomplete(start)
      if (s.startsWith('<!--', start)) {
        const e = s.indexOf('-->', start + 4)
        if (e === -1) return this.incomplete(start)
        this.pos = e + 3
        return this.next()
      }
      if (s.startsWith('<![CDATA[', start)) {
        const e = s.indexOf(']]>', start + 9)
        if (e === -1) return this.incomplete(start)
        this.text = s.slice(start + 9, e)
        this.pos = e + 3
        return TEXT
      }
      // DOCTYPE, possibly with an internal subset
      let i = start + 2
      let depth = 0
      for (; i < n; i++) {
        const c = s.charCodeAt(i)
        if (c === 91) depth++
        else if (c === 93) depth--
        else if (c === 62 && depth <= 0) break
      }
      if (i >= n) return this.incomplete(start)
      this.pos = i + 1
      return this.next()
    }
    if (c1 === 63 /* ? */) {
      const e = s.indexOf('?>', start + 2)
      if (e === -1) return this.incomplete(start)
      this.pos = e + 2
      return this.next()
    }
    if (c1 === 47 /* / */) {
      const e = s.indexOf('>', start + 2)
      if (e === -1) return this.incomplete(start)
      this.name = localName(s.slice(start + 2, e).trim())
      this.pos = e + 1
      return END
    }
    if (start + 1 >= n) return this.incomplete(start)
    let i = start + 1
    while (i < n && isNameChar(s.charCodeAt(i))) i++
    if (i === start + 1) throw this.error('malformed XML: "<" not followed by an element name')
    this.name = localName(s.slice(start + 1, i))
    // find the end of the tag, skipping quoted attribute values
    let q = 0
    for (; i < n; i++) {
      const c = s.charCodeAt(i)
      if (c === 60) throw this.error(`malformed XML: "<" inside the <${this.name}> tag that starts at line ${this.locate(start).line} (unbalanced quotes?)`, i)
      if (q !== 0) {
        if (c === q) q = 0
      } else if (c === 34 || c === 39) q = c
      else if (c === 62) break
    }
    if (i >= n) return this.incomplete(start)
    this.selfClosing = s.charCodeAt(i - 1) === 47
    this.attrStart = start + 1
    this.attrEnd = this.selfClosing ? i - 1 : i
    this.pos = i + 1
    return START
  }

  /** Attributes of the current START token (names as written, values decoded). */
  attributes(): Record<string, string> {
    const s = this.s
    const out: Record<string, string> = {}
    let i = this.attrStart
    const end = this.attrEnd
    while (i < end && isNameChar(s.charCodeAt(i))) i++ // element name
    for (;;) {
      while (i < end && s.charCodeAt(i) <= 32) i++
      if (i >= end) break
      const ns = i
      while (i < end && isNameChar(s.charCodeAt(i))) i++
      if (i === ns) throw this.error(`malformed attribute in <${this.name}>`, i)
      const key = s.slice(ns, i)
      while (i < end && s.charCodeAt(i) <= 32) i++
      if (s.charCodeAt(i) !== 61) throw this.error(`attribute "${key}" of <${this.name}> has no value`, i)
      i++
      while (i < end && s.charCodeAt(i) <= 32) i++
      const q = s.charCodeAt(i)
      if (q !== 34 && q !== 39) throw this.error(`value of attribute "${key}" of <${this.name}> is not quoted`, i)
      const ve = s.indexOf(q === 34 ? '"' : "'", i + 1)
      if (ve === -1 || ve > end) throw this.error(`unterminated value of attribute "${key}"`, i)
      let raw = s.slice(i + 1, ve)
      if (/[\t\n\r]/.test(raw)) raw = raw.replace(/[\t\n\r]/g, ' ')
      out[key] = decodeEntities(raw)
      i = ve + 1
    }
    return out
  }
}
