/**
 * What the user set on a grid's columns (sort, column filters), carried over when the grid is given another table of
 * the same columns in the same order: a preview replaced by the whole result. The grid may be a new one then (a
 * table given whole after a paged one), and AG Grid keeps neither across new column definitions by itself for sure.
 * A table of other columns starts unsorted and unfiltered.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react'
import type { FilterModel, GridApi } from 'ag-grid-community'
import type { Table } from '../protocols/votable'

/** The columns of a table as the grid's column ids point at them (by position): names, types and sizes in order. */
export function columnsSignature(table: Pick<Table, 'fields'>): string {
  return table.fields.map((f) => `${f.name}\t${f.datatype}\t${f.arraysize ?? ''}`).join('\n')
}

export interface ColumnSettings {
  columns: string
  sort: { colId: string; sort: 'asc' | 'desc'; sortIndex?: number | null }[]
  filter: FilterModel
}

/** What a grid showing `table` has set, read from its API. */
export function settingsOf(api: Pick<GridApi, 'getColumnState' | 'getFilterModel'>, table: Pick<Table, 'fields'>): ColumnSettings {
  const sort = api.getColumnState().flatMap((s) => (s.sort ? [{ colId: s.colId, sort: s.sort, sortIndex: s.sortIndex }] : []))
  return { columns: columnsSignature(table), sort, filter: api.getFilterModel() ?? {} }
}

/** The settings to carry to `table` (the same columns), or undefined. */
export function carriedTo(last: ColumnSettings | undefined, table: Pick<Table, 'fields'>): ColumnSettings | undefined {
  return last && last.columns === columnsSignature(table) && (last.sort.length > 0 || Object.keys(last.filter).length > 0) ? last : undefined
}

/**
 * `record` after the user sorts or filters; what was set on the previous table is applied to a new table of the same
 * columns once the grid shows it (`apply` from onGridReady too, for a grid made for the new table).
 */
export function useCarriedSettings(api: RefObject<GridApi<{ i: number }> | null>, table: Table) {
  const shown = useRef(table)
  const last = useRef<ColumnSettings | undefined>(undefined)
  const carry = useRef<ColumnSettings | undefined>(undefined)
  // frozen at the change of table: what the grid reports while it takes the new table is not the user's
  if (shown.current !== table) {
    carry.current = carriedTo(last.current, table)
    shown.current = table
  }
  const record = useCallback((g: GridApi<{ i: number }>) => {
    if (!g.isDestroyed()) last.current = settingsOf(g, shown.current)
  }, [])
  const apply = useCallback((g: GridApi<{ i: number }>) => {
    const s = carry.current
    if (!s || g.isDestroyed()) return
    // once: a grid made later for the same table (given whole as it ends) takes what the user has set by then
    carry.current = undefined
    g.applyColumnState({ state: s.sort, defaultState: { sort: null } })
    g.setFilterModel(s.filter)
  }, [])
  useEffect(() => {
    if (api.current) apply(api.current)
  }, [api, apply, table])
  return { record, apply }
}

function cellKey(v: unknown): string {
  if (v === null || v === undefined) return '\u0000'
  if (typeof v === 'object') return Array.from(v as ArrayLike<unknown>, cellKey).join('\u0002')
  return `${typeof v}:${String(v)}`
}

/** A row as a key: every cell's value, so that two rows of the same columns are the same row when their keys are. */
export function rowKey(table: Pick<Table, 'fields' | 'value'>, row: number): string {
  let key = ''
  for (let c = 0; c < table.fields.length; c++) key += `${cellKey(table.value(row, c))}\u0001`
  return key
}

/**
 * The rows of `to` that are the rows `rows` of `from` (the same columns, the same values): a selection made on a
 * preview, carried to the whole result that replaces it. Each row is looked for first where it was (a preview is
 * usually the result's first rows), then among the rest; a row matches once (duplicates pair up in order). A table
 * of other columns carries nothing; rows not found are dropped.
 */
export function carriedRows(from: Pick<Table, 'fields' | 'value' | 'rowCount'>, rows: readonly number[], to: Pick<Table, 'fields' | 'value' | 'rowCount'>): number[] {
  if (rows.length === 0 || columnsSignature(from) !== columnsSignature(to)) return []
  const out = new Set<number>()
  const missing = new Map<string, number>()
  for (const r of rows) {
    const key = rowKey(from, r)
    if (r < to.rowCount && !out.has(r) && rowKey(to, r) === key) out.add(r)
    else missing.set(key, (missing.get(key) ?? 0) + 1)
  }
  for (let r = 0; r < to.rowCount && missing.size > 0; r++) {
    if (out.has(r)) continue
    const key = rowKey(to, r)
    const n = missing.get(key)
    if (n === undefined) continue
    out.add(r)
    if (n === 1) missing.delete(key)
    else missing.set(key, n - 1)
  }
  return [...out].sort((a, b) => a - b)
}
