/**
 * Selected rows kept in the URL, so that a shared link (and a reload, and back/forward) selects the same rows.
 *
 * Three forms of the `sel` parameter:
 * - a few rows: their product ids joined by "|" (readable, and right whatever order the service returns);
 * - more: `~r.<fingerprint>.<rows>`, the row numbers packed (runs or a bitmap, whichever is shorter) in base64url,
 *   with a fingerprint of the selected rows' ids, so that a link whose results changed selects nothing rather than
 *   other rows;
 * - more than fits a link: `~t.<token>`, the packed rows kept in this browser tab (sessionStorage) under the token;
 *   the page says that the link does not carry them.
 */
import { idColumn } from '../../protocols/table'
import type { Table } from '../../protocols/votable'
import { loadSessionJson, saveSessionJson } from '../../state/persist'

/** Selections of up to this many rows are written as their ids. */
export const MAX_ID_SELECTION = 20
/** The longest packed selection put in a link (the whole URL stays under ~8 KB). */
export const MAX_URL_SELECTION_CHARS = 6000

// ---- the packing of sorted row numbers: pure, tested on its own ----

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
}

function readVarint(bytes: Uint8Array, at: { i: number }): number {
  let n = 0
  for (let shift = 0; shift < 35; shift += 7) {
    const b = bytes[at.i++]
    if (b === undefined) throw new Error('cut short')
    n += (b & 0x7f) * 2 ** shift
    if (b < 0x80) return n
  }
  throw new Error('number too long')
}

function toBase64Url(bytes: readonly number[]): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url')
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(s, (c) => c.charCodeAt(0))
}

const RUNS = 0
const BITMAP = 1

/** Distinct non-negative integers in increasing order. */
function sortedUnique(rows: readonly number[]): number[] {
  return [...new Set(rows.filter((r) => Number.isInteger(r) && r >= 0))].sort((a, b) => a - b)
}

/** Runs: the gap from the end of the last run, doubled, +1 when the run is longer than one row (then its length − 2 follows). */
function packRuns(rows: readonly number[]): number[] {
  const out = [RUNS]
  let end = 0
  for (let k = 0; k < rows.length; ) {
    let j = k
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++
    const gap = rows[k]! - end
    pushVarint(out, gap * 2 + (j > k ? 1 : 0))
    if (j > k) pushVarint(out, j - k - 1)
    end = rows[j]! + 1
    k = j + 1
  }
  return out
}

/** A bitmap from the first row to the last, one bit a row, lowest bit first. */
function packBitmap(rows: readonly number[]): number[] {
  const out = [BITMAP]
  const first = rows[0] ?? 0
  pushVarint(out, first)
  const bits = new Uint8Array(rows.length ? ((rows[rows.length - 1]! - first) >> 3) + 1 : 0)
  for (const r of rows) bits[(r - first) >> 3]! |= 1 << ((r - first) & 7)
  for (const b of bits) out.push(b)
  return out
}

/** Row numbers packed in base64url: runs or a bitmap, whichever is shorter. */
export function packRows(rows: readonly number[]): string {
  const sorted = sortedUnique(rows)
  const runs = packRuns(sorted)
  const bitmap = packBitmap(sorted)
  return toBase64Url(runs.length <= bitmap.length ? runs : bitmap)
}

/** The rows of a packed text, increasing; none beyond `limit` (the table's row count). Throws on text that is not one. */
export function unpackRows(text: string, limit: number): number[] {
  const bytes = fromBase64Url(text)
  const at = { i: 1 }
  const rows: number[] = []
  if (bytes[0] === RUNS) {
    let end = 0
    while (at.i < bytes.length) {
      const head = readVarint(bytes, at)
      const start = end + Math.floor(head / 2)
      const length = head % 2 ? readVarint(bytes, at) + 2 : 1
      if (start + length > limit) throw new Error('rows beyond the table')
      for (let r = start; r < start + length; r++) rows.push(r)
      end = start + length
    }
    return rows
  }
  if (bytes[0] === BITMAP) {
    const first = readVarint(bytes, at)
    for (let k = at.i; k < bytes.length; k++) {
      for (let bit = 0; bit < 8; bit++) {
        if (!(bytes[k]! & (1 << bit))) continue
        const r = first + (k - at.i) * 8 + bit
        if (r >= limit) throw new Error('rows beyond the table')
        rows.push(r)
      }
    }
    return rows
  }
  throw new Error('unknown packing')
}

/** FNV-1a over the texts, as base36. */
export function fingerprint(texts: Iterable<string>): string {
  let h = 0x811c9dc5
  for (const t of texts) {
    for (let k = 0; k < t.length; k++) h = Math.imul(h ^ t.charCodeAt(k), 0x01000193)
    h = Math.imul(h ^ 0x1f, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

// ---- the selection of a table in the URL ----

/** What says which row a row is: its id, else all its values. */
function rowKeyOf(table: Table): (row: number) => string {
  const c = idColumn(table)
  if (c >= 0) return (r) => String(table.value(r, c))
  return (r) => table.fields.map((_, k) => String(table.value(r, k))).join('\t')
}

const rowsFingerprint = (table: Table, rows: readonly number[]) => fingerprint(rows.map(rowKeyOf(table)))

const TAB_KEY = 'search-selection:'
/** Selections kept in the tab, newest last; older ones are dropped beyond this many. */
const TAB_KEPT = 20

interface TabKept {
  fingerprint: string
  rows: string
}

function newToken(): string {
  const bytes = new Uint8Array(6)
  crypto.getRandomValues(bytes)
  return toBase64Url([...bytes])
}

function keepInTab(kept: TabKept): string {
  const token = newToken()
  const tokens = loadSessionJson<string[]>(`${TAB_KEY}tokens`, [])
  const keep = [...tokens, token]
  for (const old of keep.splice(0, Math.max(0, keep.length - TAB_KEPT))) {
    try {
      globalThis.sessionStorage?.removeItem(`eae:${TAB_KEY}${old}`)
    } catch {
      // storage disabled
    }
  }
  saveSessionJson(`${TAB_KEY}${token}`, kept)
  saveSessionJson(`${TAB_KEY}tokens`, keep)
  return token
}

/** The `sel` parameter for rows of a table (undefined: none selected). `maxChars` is the longest packed form a link takes. */
export function encodeSelection(table: Table, rows: readonly number[], maxChars = MAX_URL_SELECTION_CHARS): string | undefined {
  if (!rows.length) return undefined
  const c = idColumn(table)
  const ids = c >= 0 && rows.length <= MAX_ID_SELECTION ? rows.map((r) => String(table.value(r, c))) : undefined
  if (ids && ids.every((id) => id && !id.includes('|') && !id.startsWith('~'))) return ids.join('|')
  const sorted = sortedUnique(rows)
  const kept = { fingerprint: rowsFingerprint(table, sorted), rows: packRows(sorted) }
  if (kept.rows.length <= maxChars) return `~r.${kept.fingerprint}.${kept.rows}`
  return `~t.${keepInTab(kept)}`
}

/** What a `sel` parameter selects in a table, and what the page should say about it. */
export interface DecodedSelection {
  rows: number[]
  /** The selection is kept in this tab only: a copied link does not carry it. */
  tabOnly?: boolean
  /** The link's selection could not be applied (kept in another tab, or the results changed since). */
  lost?: 'other-tab' | 'changed'
}

function unpackChecked(table: Table, kept: TabKept): number[] | undefined {
  try {
    const rows = unpackRows(kept.rows, table.rowCount)
    return rowsFingerprint(table, rows) === kept.fingerprint ? rows : undefined
  } catch {
    return undefined
  }
}

export function decodeSelection(table: Table, sel: string | null): DecodedSelection {
  if (!sel) return { rows: [] }
  const packed = /^~r\.([0-9a-z]+)\.([A-Za-z0-9_-]+)$/.exec(sel)
  if (packed) {
    const rows = unpackChecked(table, { fingerprint: packed[1]!, rows: packed[2]! })
    return rows ? { rows } : { rows: [], lost: 'changed' }
  }
  const tab = /^~t\.([A-Za-z0-9_-]+)$/.exec(sel)
  if (tab) {
    const kept = loadSessionJson<TabKept | null>(`${TAB_KEY}${tab[1]}`, null)
    if (!kept || typeof kept.rows !== 'string' || typeof kept.fingerprint !== 'string') return { rows: [], lost: 'other-tab' }
    const rows = unpackChecked(table, kept)
    return rows ? { rows, tabOnly: true } : { rows: [], lost: 'changed' }
  }
  return { rows: rowsOfIds(table, sel.split('|').filter(Boolean)) }
}

export function rowsOfIds(table: Table, ids: readonly string[]): number[] {
  const c = idColumn(table)
  if (c < 0 || ids.length === 0) return []
  const wanted = new Set(ids)
  const rows: number[] = []
  for (let i = 0; i < table.rowCount; i++) if (wanted.has(String(table.value(i, c)))) rows.push(i)
  return rows
}

/** Whether a `sel` parameter is kept in the tab rather than carried by the link. */
export const isTabOnly = (sel: string | null) => !!sel?.startsWith('~t.')

/** What to tell the user about a selection the link does not (or no longer) carry; '' when nothing. */
export function selectionNoteOf(selectedCount: number, sel: string | null, lost: string | undefined): string {
  if (selectedCount && isTabOnly(sel)) return `Selection of ${selectedCount.toLocaleString('en')} rows is not in the link (too many); it is kept in this browser tab only.`
  if (selectedCount) return ''
  if (lost === 'other-tab') return "This link's selection was too large to share: it was kept only in the browser tab it was made in."
  if (lost === 'changed') return "This link's selection no longer matches the results (they changed since): nothing is selected."
  return ''
}
