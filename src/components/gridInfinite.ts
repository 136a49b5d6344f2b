/**
 * Large results (and results still arriving) are given to AG Grid page by page (its infinite row model) from the
 * column store: the grid keeps row nodes only for the pages it has shown, so a table growing by thousands of rows, a
 * sort or a filter costs the grid the rows on screen, not a pass over every row (the client-side row model's
 * transactions each walked all rows: 250 ms and more per step at 100k rows). The order shown is ours: GridSorter's
 * permutation, then the column filters' models evaluated by gridFilter. Rows stay `{ i }` objects (row indexes).
 */
import { useEffect, useRef, type RefObject } from 'react'
import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community'
import type { Table } from '../protocols/votable'
import type { ExtraColumn } from './gridColumns'
import { filterRows, type ColumnFilterModel } from './gridFilter'
import type { GridSorter } from './gridSort'
import type { DisplayOrder } from './gridSelection'
import { GAP_MS } from './growingRows'

type Row = { i: number }

/** Above this many rows a finished table is shown page by page too (below, the grid holds all rows: cheap enough). */
export const PAGED_ROWS = 20_000
/** Rows drawn in the first frame of a table's rows; the rest of the screen follows in the next. */
const FIRST_ROWS = 6
/** Rows per page the grid asks for. */
export const PAGE_ROWS = 200

/** The grid's rows, page by page, in the order of the grid's sort and filters. */
export class RowSource implements IDatasource, DisplayOrder {
  /** Called after a page's rows are given to the grid (their nodes are selected as the selection says). */
  onPage?: (rows: Row[]) => void
  private shown: { key: string; order: Uint32Array | undefined } = { key: '', order: undefined }
  private extras: readonly ExtraColumn[] = []

  constructor(
    private readonly table: Table,
    private readonly sorter: GridSorter,
    /** Rows of the table there are to show (it may still grow). */
    public n: number,
    /**
     * The grid draws this table's columns first and takes its rows in a later task (usePagedRows gives them, `n`
     * from 0, right after that frame): new columns and their first rows in one go were the longest task of a result
     * arriving (AG Grid creating the header cells, then the rows' cells, in one React commit).
     */
    public columnsFirst = false,
  ) {}

  setExtras(extras: readonly ExtraColumn[]): void {
    this.extras = extras
    this.shown = { key: '', order: undefined }
  }

  getRows = (p: IGetRowsParams): void => {
    const order = this.order(p.sortModel, p.filterModel as Record<string, ColumnFilterModel>)
    const count = order ? order.length : this.n
    const rows: Row[] = []
    for (let k = p.startRow, end = Math.min(p.endRow, count); k < end; k++) rows.push({ i: order ? order[k]! : k })
    p.successCallback(rows, count)
    this.onPage?.(rows)
  }

  /** The rows shown, in order (undefined: rows [0, n) as they came). */
  order(sortModel: readonly { colId: string; sort: string }[], filterModel: Record<string, ColumnFilterModel> = {}): Uint32Array | undefined {
    const n = this.n
    const key = `${n} ${JSON.stringify(sortModel)} ${JSON.stringify(filterModel)}`
    if (this.shown.key === key) return this.shown.order
    const cols = sortModel.map((s) => ({ colId: s.colId, desc: s.sort === 'desc' }))
    const perm = cols.length ? this.sorter.permutation(cols, n) : undefined
    const filtered = Object.keys(filterModel).length > 0
    // (an order computed for more rows than there are now serves: the rows beyond are skipped)
    const order = filtered || (perm && perm.length > n) ? filterRows(perm, n, filterModel, (colId) => this.cell(colId)) : perm
    this.shown = { key, order }
    return order
  }

  // the order last shown (DisplayOrder, for the selection)
  count(): number {
    return this.shown.order ? this.shown.order.length : this.n
  }
  rowAt(k: number): number | undefined {
    const order = this.shown.order
    return k < 0 || k >= this.count() ? undefined : order ? order[k] : k
  }
  positionOf(row: number): number {
    const order = this.shown.order
    return order ? order.indexOf(row) : row >= 0 && row < this.n ? row : -1
  }

  private cell(colId: string): ((row: number) => unknown) | undefined {
    if (colId.startsWith('x-')) return this.extras.find((x) => `x-${x.id}` === colId)?.value
    const c = Number(colId.slice(1))
    return colId.startsWith('c') && c >= 0 && c < this.table.fields.length ? (r) => this.table.value(r, c) : undefined
  }
}

/** Runs `f` in a task after the next frame (what the page has drawn by then is on screen); returns its cancel. */
function afterNextFrame(f: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => (timer = setTimeout(f, 0)))
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

/**
 * Follows a growing table: the grid's row count and the pages it shows are refreshed a few times a second. A source
 * whose columns go first (RowSource.columnsFirst) gets its rows right after the frame that drew them.
 */
export function usePagedRows(api: RefObject<GridApi<Row> | null>, source: RowSource | undefined, shown: number): void {
  const latest = useRef(shown)
  latest.current = shown
  const cancel = useRef<(() => void) | undefined>(undefined)
  useEffect(() => {
    if (!source || source.n === shown || cancel.current !== undefined) return
    const refresh = () => {
      cancel.current = undefined
      const first = source.columnsFirst
      source.columnsFirst = false
      const g = api.current
      // the first rows in two frames: the top few, then the rest of the screen (each row's cells are created at once)
      source.n = first ? Math.min(latest.current, FIRST_ROWS) : latest.current
      if (!g || g.isDestroyed()) return
      // the pages shown are read again (a page that was short gets its new rows; a sort or filter takes them in)
      g.refreshInfiniteCache()
      if (source.n < latest.current) cancel.current = first ? afterNextFrame(refresh) : undefined
    }
    // (at most one refresh per GAP_MS however often rows come; it takes the rows there are by then)
    if (source.columnsFirst) cancel.current = afterNextFrame(refresh)
    else {
      const timer = setTimeout(refresh, GAP_MS)
      cancel.current = () => clearTimeout(timer)
    }
  }, [api, source, shown])
  useEffect(
    () => () => {
      cancel.current?.()
      cancel.current = undefined
    },
    [source],
  )
}
