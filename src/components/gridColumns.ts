/**
 * What the result grid shows of each column, without AG Grid: the order and visibility (curated default, the
 * user's own remembered per table identity), how a cell reads (identifiers whole or cut in the middle, times as
 * ISO 8601 UTC or MJD) and how wide an identifier column is.
 */
import { useCallback, useMemo, useState } from 'react'
import { defaultColumnOrder, identifierColumns, middleEllipsis, tableIdentity, timeKind } from '../protocols/table'
import { formatTimeCell } from '../protocols/time'
import type { Table, Value } from '../protocols/votable'
import { loadJson, saveJson } from '../state/persist'
import { formatCell } from './cellFormat'

/** Kept in localStorage per table identity: column names only (never values, never credentials). */
export interface SavedLayout {
  order: string[]
  hidden: string[]
}

export interface ColumnLayout {
  /** column indexes in the order shown */
  order: readonly number[]
  hidden: ReadonlySet<number>
  /** true when the user changed the order or visibility of this table's columns (kept across reloads) */
  custom: boolean
}

const layoutKey = (table: Pick<Table, 'fields'>) => `grid-columns:${tableIdentity(table)}`

/** The saved names as indexes of this table: saved order first (columns it no longer has skipped), then the others by default. */
function fromSaved(table: Pick<Table, 'fields'>, saved: SavedLayout | null): ColumnLayout {
  const order = defaultColumnOrder(table)
  if (!saved || !Array.isArray(saved.order) || !Array.isArray(saved.hidden)) return { order, hidden: new Set(), custom: false }
  const index = new Map(table.fields.map((f, i) => [f.name, i]))
  const first = saved.order.flatMap((n) => (index.has(n) ? [index.get(n)!] : []))
  const firstSet = new Set(first)
  return {
    order: [...first, ...order.filter((i) => !firstSet.has(i))],
    hidden: new Set(saved.hidden.flatMap((n) => (index.has(n) ? [index.get(n)!] : []))),
    custom: true,
  }
}

/** A table's columns as the service sent them, every one shown. */
const asSent = (table: Pick<Table, 'fields'>): ColumnLayout => ({ order: table.fields.map((_, i) => i), hidden: new Set(), custom: false })

/**
 * Where a grid's first column order comes from: `curated` (the portal order of a known table, else by UCD, with the
 * user's remembered choice for this table on top) for `SELECT *` and the app's own searches; `query` when the user
 * listed the columns in the query (`SELECT obs_id, s_ra …`): the order they wrote, every column shown, nothing
 * remembered applied, and what they change there is for that result only (the query is their column choice).
 */
export type ColumnOrderSource = 'curated' | 'query'

/** The layout a grid opens a table with: in query order as sent; else curated, with the user's saved choice for this table on top. */
export function initialLayout(table: Pick<Table, 'fields'>, source: ColumnOrderSource, saved: SavedLayout | null): ColumnLayout {
  return source === 'query' ? asSent(table) : fromSaved(table, saved)
}

/** The grid's column order and visibility for a table: the default, or the user's own for this table, kept across reloads. */
export function useColumnLayout(table: Pick<Table, 'fields'>, source: ColumnOrderSource = 'curated') {
  const remembered = source === 'curated'
  const key = layoutKey(table)
  // a change is kept while the grid shows a table of the same columns (in query order: the same columns in the same order)
  const changeKey = remembered ? key : `query:${table.fields.map((f) => f.name).join(',')}`
  const loaded = useMemo(() => initialLayout(table, source, remembered ? loadJson<SavedLayout | null>(key, null) : null), [table, key, source, remembered])
  // the user's change for this table (a grid that is given another table starts from that table's saved layout)
  const [changed, setChanged] = useState<{ key: string; layout: ColumnLayout } | undefined>(undefined)
  const layout = changed?.key === changeKey ? changed.layout : loaded
  const change = useCallback(
    (next: { order?: readonly number[]; hidden?: ReadonlySet<number> }) => {
      const l: ColumnLayout = { order: next.order ?? layout.order, hidden: next.hidden ?? layout.hidden, custom: true }
      setChanged({ key: changeKey, layout: l })
      const name = (i: number) => table.fields[i]!.name
      if (remembered) saveJson(key, { order: l.order.map(name), hidden: [...l.hidden].map(name) } satisfies SavedLayout)
    },
    [key, changeKey, layout, table, remembered],
  )
  const reset = useCallback(() => {
    if (remembered) saveJson(key, null)
    setChanged({ key: changeKey, layout: initialLayout(table, source, null) })
  }, [key, changeKey, table, source, remembered])
  return { layout, change, reset }
}

export type TimesAs = 'iso' | 'mjd'

/** Times as ISO 8601 UTC (the default) or as the service sent them (MJD numbers); one choice for every grid. */
export function useTimesAs(): [TimesAs, (t: TimesAs) => void] {
  const [timesAs, set] = useState<TimesAs>(() => (loadJson<string>('grid-times', 'iso') === 'mjd' ? 'mjd' : 'iso'))
  const choose = useCallback((t: TimesAs) => {
    set(t)
    saveJson('grid-times', t)
  }, [])
  return [timesAs, choose]
}

/** How one column reads. */
export interface ColumnDisplay {
  /** the cell's whole text: what the title shows and Ctrl+C / Copy selected copy */
  full: (v: Value) => string
  /** the text in the cell (an identifier cut in the middle when its column is capped) */
  shown: (v: Value) => string
  /** a tooltip beyond the text (the MJD of a time shown as ISO) */
  title?: (v: Value) => string | undefined
  /** what the header's unit reads ("UTC" for MJD shown as ISO) */
  unit?: string
  /** a width that fits the content (identifier and time columns), px */
  width?: number
  identifier: boolean
}

export const ID_WIDTH_CAP = 420
// AG Grid quartz: 14px text, 16px padding each side (+ a little for the sort icon and rounding)
const CELL_PADDING = 40
const TIME_WIDTH = 175

let canvas: HTMLCanvasElement | undefined
/** The width of some text in the grid's font, px (a rough estimate where there is no canvas, as in tests). */
function textWidth(text: string, font: string): number {
  canvas ??= typeof document === 'undefined' ? undefined : document.createElement('canvas')
  const ctx = canvas?.getContext('2d')
  if (!ctx) return text.length * 8
  ctx.font = font
  return ctx.measureText(text).width
}

/** The grid's font (the page's family at AG Grid's 14px). */
function gridFont(): string {
  const family = typeof document === 'undefined' ? '' : getComputedStyle(document.body).fontFamily
  return `14px ${family || 'sans-serif'}`
}

/** The longest of a column's values (by length, the few longest measured), up to `sample` rows. */
function widestText(table: Table, c: number, rows: number, font: string): { text: string; px: number } {
  const texts: string[] = []
  for (let r = 0, n = Math.min(rows, 20_000); r < n; r++) texts.push(formatCell(table.value(r, c)))
  texts.sort((a, b) => b.length - a.length)
  let best = { text: '', px: 0 }
  for (const t of texts.slice(0, 12)) {
    const px = textWidth(t, font)
    if (px > best.px) best = { text: t, px }
  }
  return best
}

/** How each column of a table reads, given the rows there are and the times choice. */
export function columnDisplays(table: Table, rows: number, timesAs: TimesAs): ColumnDisplay[] {
  const ids = new Set(identifierColumns(table))
  const font = ids.size ? gridFont() : ''
  return table.fields.map((f, c): ColumnDisplay => {
    if (ids.has(c)) {
      const widest = widestText(table, c, rows, font)
      const width = Math.ceil(widest.px) + CELL_PADDING
      if (width <= ID_WIDTH_CAP) return { full: formatCell, shown: formatCell, width: Math.max(110, width), identifier: true }
      // capped: as many characters as fit at this column's average character width
      const max = Math.max(8, Math.floor(((ID_WIDTH_CAP - CELL_PADDING) / widest.px) * widest.text.length))
      return { full: formatCell, shown: (v) => middleEllipsis(formatCell(v), max), width: ID_WIDTH_CAP, identifier: true }
    }
    const kind = timeKind(f)
    if (isReleaseDate(f)) {
      // ESO's release date: in the future it says until when the data are proprietary
      const iso = (v: Value) => (v === null ? '' : (kind && timesAs === 'iso' ? formatTimeCell(v, kind) : undefined) ?? formatCell(v))
      const text = (v: Value) => releaseText(iso(v))
      return { full: text, shown: text, unit: kind && timesAs === 'iso' ? 'UTC' : undefined, width: TIME_WIDTH + 120, identifier: false }
    }
    if (kind && timesAs === 'iso') {
      const iso = (v: Value) => (v === null ? '' : formatTimeCell(v, kind) ?? formatCell(v))
      return {
        full: iso,
        shown: iso,
        title: kind === 'mjd' ? (v) => (v === null ? undefined : `MJD ${formatCell(v)}`) : (v) => (v === null ? undefined : formatCell(v)),
        unit: 'UTC',
        width: TIME_WIDTH,
        identifier: false,
      }
    }
    return { full: formatCell, shown: formatCell, identifier: false }
  })
}

/** ESO's release-date columns (dbo.raw release_date, ObsCore obs_release_date). */
export function isReleaseDate(f: Pick<Table['fields'][number], 'name' | 'ucd'>): boolean {
  return /^(obs_)?release_date$/i.test(f.name) || /(^|;)time\.release(;|$)/i.test(f.ucd ?? '')
}

/** A release date as a user reads it: "proprietary until <date>" while it is in the future. */
export function releaseText(iso: string, now: number = Date.now()): string {
  if (!iso) return ''
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`)
  return Number.isFinite(t) && t > now ? `proprietary until ${iso}` : iso
}

/** A column a view adds beside the table's own (observing conditions, preview thumbnails): values by row, never from the table's fields. */
export interface ExtraColumn {
  id: string
  header: string
  /** the header's tooltip */
  title?: string
  width?: number
  value?: (row: number) => number | string | undefined
  /** text of a value (default: as is; nothing for undefined); `row` lets a cell say where its value came from */
  format?: (v: number | string | undefined, row?: number) => string
  /** draws the cell itself (plain DOM, only while the row is on screen); returns what to undo when the cell goes */
  render?: (row: number, cell: HTMLElement) => (() => void) | void
  /** names of the table's columns (any case) to place it after, the first one present wins; default: after the first column */
  after?: readonly string[]
}
