/**
 * TABLEDATA decoding: a dedicated TR/TD scanner working directly on the text
 * (no token objects, no per-cell regex). Stream-capable: it stops before an incomplete
 * row and records where to resume.
 */
import { decodeBase64 } from './base64'
import { errorAt } from './errors'
import type { VOTableError } from './errors'
import type { ColumnBuilder } from './spec'
import { isWs } from './spec'
import { decodeEntities, isNameChar } from './xml'

export interface TableDataState {
  /** complete rows decoded */
  rows: number
  /** where to resume (start of the first incomplete row) */
  pos: number
  /** </TABLEDATA> was reached */
  done: boolean
  /** rows before these that were handed on and dropped from the columns (messages count them) */
  base?: number
}

/** Is the qualified name s[a, b) equal to `name`, ignoring a namespace prefix? */
function tagIs(s: string, a: number, b: number, name: string): boolean {
  while (b > a && isWs(s.charCodeAt(b - 1))) b--
  const L = name.length
  if (b - a < L) return false
  if (b - a > L && s.charCodeAt(b - L - 1) !== 58) return false
  for (let k = 0; k < L; k++) if (s.charCodeAt(b - L + k) !== name.charCodeAt(k)) return false
  return true
}

function nameEnd(s: string, a: number, limit: number): number {
  while (a < limit && isNameChar(s.charCodeAt(a))) a++
  return a
}

function tagText(s: string, a: number): string {
  const e = s.indexOf('>', a)
  return s.slice(a, e < 0 ? Math.min(s.length, a + 40) : e + 1)
}

type ErrorAt = (pos: number, message: string) => VOTableError

/** `<TD encoding="base64">` (the cell in BINARY form) with text s[a, b); the position after its end tag, -1 when cut. */
function base64Cell(s: string, a: number, b: number, col: ColumnBuilder, row: number, err: ErrorAt): number {
  const e = s.indexOf('>', b)
  if (e < 0) return -1
  const r = decodeBase64(s, a, b)
  if (r.errorAt >= 0) throw err(r.errorAt, `invalid base64 character "${s.charAt(r.errorAt)}" in a TD of row ${row}`)
  const view = new DataView(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength)
  if (col.binary(view, r.bytes, 0, false) < 0) throw err(a, `base64 TD in row ${row} is too short for its datatype`)
  return e + 1
}

/** A TD with CDATA sections or comments inside (text from a, first markup at b); the position after </TD>, -1 when cut. */
function mixedCell(s: string, a: number, b: number, col: ColumnBuilder, row: number, err: ErrorAt): number {
  const n = s.length
  let text = ''
  let p = a
  let q = b
  for (;;) {
    text += decodeEntities(s.slice(p, q))
    if (s.startsWith('<![CDATA[', q)) {
      const e = s.indexOf(']]>', q + 9)
      if (e < 0) return -1
      text += s.slice(q + 9, e)
      p = e + 3
    } else if (s.startsWith('<!--', q)) {
      const e = s.indexOf('-->', q + 4)
      if (e < 0) return -1
      p = e + 3
    } else if (s.charCodeAt(q + 1) === 47) {
      const e = s.indexOf('>', q)
      if (e < 0) return -1
      if (!tagIs(s, q + 2, e, 'TD')) throw err(q, `expected </TD> in row ${row}, found ${tagText(s, q)}`)
      col.text(text, 0, text.length)
      return e + 1
    } else if (q + 9 > n) return -1 // maybe "<![CDATA[" or "</TD>" cut by the end of a streaming window
    else throw err(q, `unexpected element ${tagText(s, q)} inside a TD of row ${row}`)
    q = s.indexOf('<', p)
    if (q < 0) return -1
  }
}

/** Append the TD text s[a, b); `amp`: the first '&' at or after some earlier cell (s.length: none), returned updated. */
function plainCell(s: string, a: number, b: number, col: ColumnBuilder, amp: number): number {
  if (amp < a) {
    amp = s.indexOf('&', a)
    if (amp < 0) amp = s.length
  }
  if (amp < b) {
    const t = decodeEntities(s.slice(a, b))
    col.text(t, 0, t.length)
  } else col.text(s, a, b)
  return amp
}

/** Decode rows from s starting at st.pos; returns when </TABLEDATA> or the end of s is reached. */
export function decodeTableData(s: string, st: TableDataState, cols: ColumnBuilder[], err: ErrorAt = (p, m) => errorAt(s, p, m)): void {
  const n = s.length
  const ncols = cols.length
  let pos = st.pos
  let rows = st.rows
  const base = st.base ?? 0
  let ampAt = -1
  let c = 0
  outer: for (;;) {
    while (pos < n && (c = s.charCodeAt(pos)) !== 60) {
      if (!isWs(c)) throw err(pos, `unexpected text "${s.slice(pos, pos + 20).trim()}" in TABLEDATA after row ${base + rows}`)
      pos++
    }
    if (pos >= n) break
    const rowStart = pos
    const c1 = s.charCodeAt(pos + 1)
    if (c1 === 33) {
      const e = s.indexOf('-->', pos)
      if (e < 0) break
      pos = e + 3
      st.pos = pos
      continue
    }
    let gt: number
    // fast path: a plain <TR>
    if (c1 === 84 && s.charCodeAt(pos + 2) === 82 && s.charCodeAt(pos + 3) === 62) gt = pos + 3
    else {
      gt = s.indexOf('>', pos)
      if (gt < 0) break
    }
    if (c1 === 47) {
      if (tagIs(s, pos + 2, gt, 'TABLEDATA')) {
        st.done = true
        pos = gt + 1
        break
      }
      throw err(pos, `expected <TR> or </TABLEDATA>, found ${tagText(s, pos)}`)
    }
    if (!tagIs(s, pos + 1, nameEnd(s, pos + 1, gt), 'TR')) throw err(pos, `expected <TR> in TABLEDATA, found ${tagText(s, pos)}`)
    pos = gt + 1
    let col = 0
    if (s.charCodeAt(gt - 1) !== 47) {
      cells: for (;;) {
        while (pos < n && (c = s.charCodeAt(pos)) !== 60) {
          if (!isWs(c)) throw err(pos, `unexpected text "${s.slice(pos, pos + 20).trim()}" between cells of row ${base + rows + 1}`)
          pos++
        }
        if (pos >= n) break outer
        const d1 = s.charCodeAt(pos + 1)
        // fast path: a plain <TD>text</TD> or </TR> (anything else takes the general path below)
        if (d1 === 84 && s.charCodeAt(pos + 2) === 68 && s.charCodeAt(pos + 3) === 62 && col < ncols) {
          const a = pos + 4
          const b = s.indexOf('<', a)
          if (b > 0 && s.charCodeAt(b + 1) === 47 && s.charCodeAt(b + 2) === 84 && s.charCodeAt(b + 3) === 68 && s.charCodeAt(b + 4) === 62) {
            ampAt = plainCell(s, a, b, cols[col++], ampAt)
            pos = b + 5
            continue
          }
        } else if (d1 === 47 && s.charCodeAt(pos + 2) === 84 && s.charCodeAt(pos + 3) === 82 && s.charCodeAt(pos + 4) === 62) {
          pos += 5
          break cells
        }
        const g = s.indexOf('>', pos)
        if (g < 0) break outer
        if (d1 === 47) {
          if (!tagIs(s, pos + 2, g, 'TR')) throw err(pos, `expected </TR> to close row ${base + rows + 1}, found ${tagText(s, pos)}`)
          pos = g + 1
          break cells
        }
        if (d1 === 33) {
          const e = s.indexOf('-->', pos)
          if (e < 0) break outer
          pos = e + 3
          continue
        }
        const ne = nameEnd(s, pos + 1, g)
        if (!tagIs(s, pos + 1, ne, 'TD')) throw err(pos, `expected <TD> in row ${base + rows + 1}, found ${tagText(s, pos)}`)
        if (col >= ncols) throw err(pos, `row ${base + rows + 1} has more cells than the ${ncols} FIELDs of the table`)
        if (s.charCodeAt(g - 1) === 47) {
          cols[col++].nul()
          pos = g + 1
          continue
        }
        const a = g + 1
        const b = s.indexOf('<', a)
        if (b < 0) break outer
        if (ne < g && /encoding\s*=\s*["']base64["']/.test(s.slice(ne, g))) {
          const e = base64Cell(s, a, b, cols[col], base + rows + 1, err)
          if (e < 0) break outer
          col++
          pos = e
          continue
        }
        if (s.charCodeAt(b + 1) === 47) {
          const e = s.indexOf('>', b)
          if (e < 0) break outer
          if (!tagIs(s, b + 2, e, 'TD')) throw err(b, `expected </TD> in row ${base + rows + 1}, found ${tagText(s, b)}`)
          ampAt = plainCell(s, a, b, cols[col++], ampAt)
          pos = e + 1
          continue
        }
        const e = mixedCell(s, a, b, cols[col], base + rows + 1, err)
        if (e < 0) break outer
        col++
        pos = e
      }
    }
    if (col !== ncols) throw err(rowStart, `row ${base + rows + 1} has ${col} cells, but the table has ${ncols} FIELDs`)
    rows++
    st.pos = pos
  }
  // stopped at </TABLEDATA> or before an incomplete row: drop its partial cells
  for (let k = 0; k < ncols; k++) cols[k].rollback(rows)
  st.rows = rows
  if (st.done) st.pos = pos
}
