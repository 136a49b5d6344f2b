/**
 * The grid's selection is ours: a set of row indexes into the table, the one truth that the count, Copy selected,
 * the download script and the sky all read. AG Grid's row nodes only mirror it: a large result's grid holds nodes for
 * the pages it has shown, so a selection kept by the grid would lose the rows of pages not shown yet (a Ctrl+click
 * in AG Grid changes its nodes only). Clicks are turned into changes of the set here: a plain click replaces it, a
 * Ctrl/Cmd+click toggles one row, a Shift+click takes the rows between the last clicked and this one in the order
 * shown (sorted, filtered), Ctrl/Cmd+A takes every row shown.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { GridApi, IRowNode, RowClickedEvent, SelectionChangedEvent } from 'ag-grid-community'

type Row = { i: number }

/** The rows shown, in the order shown (sorted, filtered). */
export interface DisplayOrder {
  count(): number
  /** The row shown at a place (undefined: none, or its page is not known). */
  rowAt(k: number): number | undefined
  /** Where a row is shown (-1: it is not, e.g. filtered out). */
  positionOf(row: number): number
}

/** The selection after a click on `row`; `anchor` is the row a Shift+click extends from (kept by a Shift+click). */
export function clickSelection(
  current: ReadonlySet<number>,
  row: number,
  keys: { ctrl: boolean; shift: boolean },
  anchor: number | undefined,
  order: DisplayOrder,
): { rows: Set<number>; anchor: number } {
  if (keys.shift && anchor !== undefined) {
    const from = order.positionOf(anchor)
    const to = order.positionOf(row)
    if (from >= 0 && to >= 0) {
      const rows = keys.ctrl ? new Set(current) : new Set<number>()
      for (let k = Math.min(from, to), end = Math.max(from, to); k <= end; k++) {
        const r = order.rowAt(k)
        if (r !== undefined) rows.add(r)
      }
      return { rows, anchor }
    }
  }
  if (keys.ctrl) {
    const rows = new Set(current)
    if (!rows.delete(row)) rows.add(row)
    return { rows, anchor: row }
  }
  return { rows: new Set([row]), anchor: row }
}

/** Every row shown. */
export function allShown(order: DisplayOrder): Set<number> {
  const rows = new Set<number>()
  for (let k = 0, n = order.count(); k < n; k++) {
    const r = order.rowAt(k)
    if (r !== undefined) rows.add(r)
  }
  return rows
}

export const sameRows = (a: ReadonlySet<number>, b: readonly number[]): boolean => a.size === new Set(b).size && b.every((r) => a.has(r))

/** The order a client-side grid shows (all its rows are nodes). */
export function gridOrder(g: GridApi<Row>): DisplayOrder {
  return {
    count: () => g.getDisplayedRowCount(),
    rowAt: (k) => g.getDisplayedRowAtIndex(k)?.data?.i,
    positionOf: (row) => {
      const node = g.getRowNode(String(row))
      return node?.displayed && node.rowIndex !== null ? node.rowIndex : -1
    },
  }
}

/** Grid-made changes taken into the set (keyboard): the nodes the grid has, as it shows them; other rows stay. */
function mergeNodes(current: ReadonlySet<number>, g: GridApi<Row>): Set<number> {
  const rows = new Set(current)
  g.forEachNode((n) => {
    if (!n.data) return
    if (n.isSelected()) rows.add(n.data.i)
    else rows.delete(n.data.i)
  })
  return rows
}

/** The first of some rows in the order shown (-1: none shown). */
function firstShown(order: DisplayOrder, rows: ReadonlySet<number>): number {
  let first = -1
  for (const r of rows) {
    const k = order.positionOf(r)
    if (k >= 0 && (first < 0 || k < first)) first = k
  }
  return first
}

/**
 * The selection of one grid. `selected`: rows selected elsewhere (the sky, SAMP), followed without remounting (sort,
 * filters and columns stay), scrolled to; `order`: the rows as shown (a paged grid's comes from its row source).
 */
export function useGridSelection(
  api: RefObject<GridApi<Row> | null>,
  selected: readonly number[] | undefined,
  onChange: ((rows: number[]) => void) | undefined,
  pagedOrder: (DisplayOrder & { onPage?: (rows: Row[]) => void }) | undefined,
) {
  const rows = useRef<Set<number>>(new Set(selected))
  const anchor = useRef<number | undefined>(undefined)
  const applying = useRef(false)
  const [count, setCount] = useState(rows.current.size)
  const orderOf = useCallback((g: GridApi<Row>) => pagedOrder ?? gridOrder(g), [pagedOrder])

  /** The grid's nodes (all, or these) selected as the set says. */
  const mirror = useCallback((g: GridApi<Row>, only?: readonly IRowNode<Row>[]) => {
    const on: IRowNode<Row>[] = []
    const off: IRowNode<Row>[] = []
    const see = (n: IRowNode<Row>) => {
      if (!n.data) return
      const want = rows.current.has(n.data.i)
      if (want !== !!n.isSelected()) (want ? on : off).push(n)
    }
    if (only) only.forEach(see)
    else g.forEachNode(see)
    if (!on.length && !off.length) return
    applying.current = true
    try {
      if (on.length) g.setNodesSelected({ nodes: on, newValue: true })
      if (off.length) g.setNodesSelected({ nodes: off, newValue: false })
    } finally {
      applying.current = false
    }
  }, [])

  useEffect(() => {
    // a page's new nodes are selected as the set says (rows selected before their page was shown)
    if (pagedOrder) pagedOrder.onPage = (page) => {
      const g = api.current
      if (g && !g.isDestroyed()) mirror(g, page.flatMap((r) => g.getRowNode(String(r.i)) ?? []))
    }
  }, [api, pagedOrder, mirror])

  const latestChange = useRef(onChange)
  latestChange.current = onChange
  const commit = useCallback(
    (g: GridApi<Row>, next: Set<number>) => {
      rows.current = next
      mirror(g)
      setCount(next.size)
      latestChange.current?.([...next].sort((a, b) => a - b))
    },
    [mirror],
  )

  // a selection made elsewhere replaces ours (the same rows coming back from our own change do nothing)
  useEffect(() => {
    const g = api.current
    if (!selected || sameRows(rows.current, selected)) return
    rows.current = new Set(selected)
    setCount(rows.current.size)
    if (!g || g.isDestroyed()) return
    mirror(g)
    const at = firstShown(orderOf(g), rows.current)
    if (at >= 0) g.ensureIndexVisible(at, 'middle')
  }, [api, selected, mirror, orderOf])

  return {
    count,
    /** The rows selected, ascending. */
    rows: () => [...rows.current].sort((a, b) => a - b),
    /** The grid is ready, or has new nodes (a page came, rows were added): select those the set has. */
    mirror,
    /** Ctrl/Cmd+A: every row shown (AG Grid's own select-all takes only the nodes of a paged grid's pages shown). */
    selectAll: (g: GridApi<Row>) => commit(g, allShown(orderOf(g))),
    onRowClicked: (e: RowClickedEvent<Row>) => {
      const m = e.event as MouseEvent | null | undefined
      if (!e.data || !m) return
      const next = clickSelection(rows.current, e.data.i, { ctrl: m.ctrlKey || m.metaKey, shift: m.shiftKey }, anchor.current, orderOf(e.api))
      anchor.current = next.anchor
      commit(e.api, next.rows)
    },
    onSelectionChanged: (e: SelectionChangedEvent<Row>) => {
      if (applying.current) return
      if (e.source === 'keyboardSelectAll') commit(e.api, allShown(orderOf(e.api)))
      else if (e.source === 'spaceKey' || e.source === 'checkboxSelected' || e.source.startsWith('ui')) commit(e.api, mergeNodes(rows.current, e.api))
      // (anything else the grid did on its own, e.g. nodes made again for a refreshed page, is put back as the set says)
      else mirror(e.api)
    },
  }
}
