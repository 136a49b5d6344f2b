/**
 * The result grid's sort, done on the column store instead of by AG Grid. AG Grid keeps the sort state and its header
 * UI (arrow, aria-sort, the asc → desc → none cycle); its own sort pass is made trivial (every column's comparator
 * says "equal": one linear pass that keeps the rows as they are) and `postSortRows` then puts the rows in the order
 * of a permutation computed by rowSort. Rows stay `{ i }` objects: selection, highlight and the sky link use row
 * indexes, never display positions.
 *
 * Rows arriving while a sort is applied (a growing table) are sorted among themselves and merged into the sorted
 * order, so the grid stays sorted at every slice without sorting everything again.
 */
import type { IRowNode, PostSortRowsParams } from 'ag-grid-community'
import type { Table } from '../protocols/votable'
import { formatCell } from './cellFormat'
import type { ExtraColumn } from './gridColumns'
import { extendKeys, mergeRows, rowRange, sortRows, type CellReader, type Keys, type SortKey } from './rowSort'

type Row = { i: number }

/** The comparator of every sortable column: AG Grid's own pass then costs one comparison per row and moves nothing. */
export const keepOrder = (): number => 0

/** How a column's keys are read: its kind and a cell reader (undefined: not sortable). */
function keySource(table: Table, extras: readonly ExtraColumn[], colId: string): { kind: Keys['kind']; cell: CellReader } | undefined {
  if (colId.startsWith('x-')) {
    const x = extras.find((e) => `x-${e.id}` === colId)
    return x?.value ? { kind: 'mixed', cell: x.value } : undefined
  }
  const c = Number(colId.slice(1))
  if (!colId.startsWith('c') || !(c >= 0 && c < table.fields.length)) return undefined
  const col = table.column(c)
  if (col.kind === 'number') return { kind: 'number', cell: (r) => col.get(r) }
  if (col.kind === 'string') return { kind: 'string', cell: (r) => col.get(r) }
  // arrays and the like: by their text
  return { kind: 'string', cell: (r) => (col.get(r) === null ? null : formatCell(col.get(r))) }
}

/** A plain number column's keys for rows [0, n) straight from its typed array (no cell reads); undefined for others. */
function numberKeys(table: Table, colId: string, n: number): Keys | undefined {
  if (!/^c\d+$/.test(colId)) return undefined
  const col = table.column(Number(colId.slice(1)))
  if (col.kind !== 'number' || col.bigints?.size) return undefined
  const data = col.data
  if (!ArrayBuffer.isView(data) || data.length < n) return undefined
  const k = new Float64Array(n)
  k.set((data as Float64Array).subarray(0, n))
  const nulls = col.nulls
  if (nulls) for (let r = 0; r < n; r++) if (nulls[r] === 1) k[r] = NaN
  return { kind: 'number', n, k }
}

/** Sorts one table's rows for the grid; keeps each sorted column's keys and the last permutation. */
export class GridSorter {
  private keys = new Map<string, Keys>()
  private last: { spec: string; n: number; perm: Uint32Array } | undefined

  constructor(
    private readonly table: Table,
    private extras: readonly ExtraColumn[] = [],
  ) {}

  /** A view's extra columns changed (new values): their keys are read again at the next sort. */
  setExtras(extras: readonly ExtraColumn[]): void {
    this.extras = extras
    for (const id of [...this.keys.keys()]) if (id.startsWith('x-')) this.keys.delete(id)
    if (this.last?.spec.includes('x-')) this.last = undefined
  }

  /** The order of rows [0, n) for the sort columns (colId, descending), computed or extended from the last one. */
  permutation(cols: readonly { colId: string; desc: boolean }[], n: number): Uint32Array | undefined {
    const spec = cols.map((s) => `${s.colId}${s.desc ? '-' : '+'}`).join(' ')
    const sortKeys: SortKey[] = []
    for (const { colId, desc } of cols) {
      const src = keySource(this.table, this.extras, colId)
      if (!src) continue
      let k = this.keys.get(colId)
      if (!k || k.n < n) this.keys.set(colId, (k = (!k && numberKeys(this.table, colId, n)) || extendKeys(k, src.kind, src.cell, n)))
      sortKeys.push({ keys: k, desc })
    }
    if (!sortKeys.length) return undefined
    const last = this.last
    let perm: Uint32Array
    // (an order for more rows serves fewer: the rows the filters dropped are skipped)
    if (last && last.spec === spec && last.n >= n) return last.perm
    if (last && last.spec === spec && last.n < n) perm = mergeRows(last.perm, sortRows(rowRange(last.n, n), sortKeys), sortKeys)
    else perm = sortRows(rowRange(0, n), sortKeys)
    this.last = { spec, n, perm }
    return perm
  }

  /** AG Grid's postSortRows: the nodes (all rows, or those the filters left) put in the sorted order, in place. */
  postSortRows = (p: PostSortRowsParams<Row>): void => {
    const cols = p.api
      .getColumnState()
      .filter((s) => s.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((s) => ({ colId: s.colId, desc: s.sort === 'desc' }))
    if (!cols.length) return
    const nodes = p.nodes
    let n = 0
    for (const node of nodes) if (node.data && node.data.i >= n) n = node.data.i + 1
    const perm = this.permutation(cols, n)
    if (!perm) return
    const byRow = new Array<IRowNode<Row> | undefined>(n)
    for (const node of nodes) if (node.data) byRow[node.data.i] = node
    let j = 0
    for (let k = 0; k < perm.length; k++) {
      const node = byRow[perm[k]!]
      if (node) nodes[j++] = node
    }
  }
}
