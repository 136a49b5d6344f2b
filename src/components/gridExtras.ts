/** Columns a view adds to a result grid (observing conditions, preview thumbnails): their definitions and places. */
import type { ColDef, ICellRendererParams } from 'ag-grid-community'
import type { Table } from '../protocols/votable'
import type { ExtraColumn } from './gridColumns'
import { keepOrder } from './gridSort'

/** A cell a view draws itself (an extra column's render); undone when AG Grid drops the cell (the row left the screen). */
class ExtraCell {
  private gui = document.createElement('span')
  private undo: (() => void) | void = undefined
  init(p: ICellRendererParams & { extra?: ExtraColumn }): void {
    this.gui.className = 'grid-extra-cell'
    if (p.data && p.extra?.render) this.undo = p.extra.render((p.data as { i: number }).i, this.gui)
  }
  getGui(): HTMLElement {
    return this.gui
  }
  refresh(): boolean {
    return false
  }
  destroy(): void {
    this.undo?.()
  }
}

/** The extra columns' definitions (shown after the table's first column). */
function extraDefsOf(extras: readonly ExtraColumn[], headerLabel: unknown): ColDef<{ i: number }>[] {
  return extras.map((x) => ({
    colId: `x-${x.id}`,
    headerName: x.header,
    headerComponentParams: { innerHeaderComponent: headerLabel, innerHeaderComponentParams: { title: x.title } },
    valueGetter: (p) => (p.data && x.value ? (x.value(p.data.i) ?? null) : null),
    valueFormatter: (p) => (x.format ? x.format((p.value as number | string | null) ?? undefined, p.data?.i) : p.value === null || p.value === undefined ? '' : String(p.value)),
    // the rows are put in order by GridSorter (postSortRows); AG Grid's own pass keeps them as they are
    comparator: keepOrder,
    cellRenderer: x.render ? ExtraCell : undefined,
    cellRendererParams: { extra: x },
    resizable: true,
    sortable: !!x.value,
    width: x.width ?? 110,
  }))
}

/**
 * A view's extra columns among the table's own: each after the first of its `after` columns that is shown, else right
 * after the first column (the row's identifier), so rows stay told apart.
 */
export function withExtraColumns(table: Table, own: ColDef<{ i: number }>[], extras: readonly ExtraColumn[], headerLabel: unknown): ColDef<{ i: number }>[] {
  const defs = extraDefsOf(extras, headerLabel)
  const nameAt = own.map((d) => (d.colId?.startsWith('c') ? table.fields[Number(d.colId.slice(1))]?.name.toLowerCase() : undefined))
  // the own column each extra follows (in the order given when several follow the same one)
  const anchors = extras.map((x) => (x.after ?? []).map((n) => nameAt.indexOf(n.toLowerCase())).find((i) => i >= 0) ?? 0)
  return own.flatMap((d, i) => [d, ...defs.filter((_, k) => anchors[k] === i)])
}
