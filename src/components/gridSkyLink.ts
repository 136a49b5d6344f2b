/**
 * Keeps a result grid and the sky in step: one selection and one hovered row for both, by row index
 * (the sky's footprint f is the table's row f). The grid follows sky selections without being rebuilt,
 * so its sort, filters and scroll stay; it is rebuilt only for a new table.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { Table } from '../protocols/votable'

const NO_ROWS: readonly number[] = []

/** The same rows, in any order. */
export function sameRows(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a)
  return b.every((r) => set.has(r))
}

/** Rows of `after` not in `before`, in the order of `after`. */
export function addedRows(before: readonly number[], after: readonly number[]): number[] {
  const set = new Set(before)
  return after.filter((r) => !set.has(r))
}

/** A pan request for the sky: `seq` changes each time, so that the same row can be asked for again. */
export interface Focus {
  row: number
  seq: number
}

/** Where the sky pans after a grid selection: to the last row added, else where it was. */
export function focusAfter(focus: Focus | undefined, before: readonly number[], after: readonly number[]): Focus | undefined {
  const added = addedRows(before, after)
  return added.length ? { row: added[added.length - 1]!, seq: (focus?.seq ?? 0) + 1 } : focus
}

/** The grid's "no row" is undefined, the sky's is -1. */
export const skyRow = (gridRow: number | undefined): number => gridRow ?? -1
export const gridRow = (skyRow: number): number | undefined => (skyRow >= 0 ? skyRow : undefined)

/**
 * The hovered row (-1 for none), kept outside React state: the grid and the sky follow it imperatively and only
 * the few small parts that print it subscribe (useHovered), so hovering never renders the view or the grid again.
 */
export interface HoverStore {
  get(): number
  set(row: number): void
  subscribe(listener: () => void): () => void
}

export function createHoverStore(): HoverStore {
  let row = -1
  const listeners = new Set<() => void>()
  return {
    get: () => row,
    set(next) {
      if (next === row) return
      row = next
      for (const l of listeners) l()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The hovered row, re-rendering the calling component (only) when it changes. */
export const useHovered = (store: HoverStore): number => useSyncExternalStore(store.subscribe, store.get)

interface Picked {
  table: Table | undefined
  rows: readonly number[]
  /** Counts the tables shown: the grid's key. */
  grid: number
}

export interface GridSkyLinkOptions {
  /** The rows selected when a table arrives (e.g. ids kept in the URL); none by default. */
  initial?: (table: Table) => readonly number[]
  /** The user selected rows, on the grid or on the sky. */
  onChange?: (rows: readonly number[]) => void
}

export function useGridSkyLink(table: Table | undefined, { initial, onChange }: GridSkyLinkOptions = {}) {
  const [picked, setPicked] = useState<Picked>({ table: undefined, rows: NO_ROWS, grid: 0 })
  let current = picked
  if (picked.table !== table) {
    // a new table: its own selection and a new grid, settled before anything is drawn
    current = { table, rows: table && initial ? initial(table) : NO_ROWS, grid: picked.grid + 1 }
    setPicked(current)
  }
  const selected = current.rows
  // one store per table: a new table starts with nothing hovered
  const hover = useMemo(() => (void table, createHoverStore()), [table])
  const [focus, setFocus] = useState<Focus>()

  // the grid reports selections after it has drawn them, so it compares with the latest selection
  const latest = useRef(selected)
  useEffect(() => {
    latest.current = selected
  }, [selected])
  const select = useCallback(
    (rows: readonly number[]) => {
      latest.current = rows
      setPicked({ table, rows, grid: current.grid })
      onChange?.(rows)
    },
    [table, current.grid, onChange],
  )
  const onGridSelection = useCallback(
    (rows: number[]) => {
      const before = latest.current
      if (sameRows(rows, before)) return
      select(rows)
      setFocus((f) => focusAfter(f, before, rows))
    },
    [select],
  )
  // the grid reports each cell entered: the same row again changes nothing
  const onRowHover = useCallback((row: number | undefined) => hover.set(skyRow(row)), [hover])

  return {
    /** The table the rows are of. */
    table,
    selected,
    /** The hovered row (subscribe with useHovered where it is printed). */
    hover,
    /** Pans the sky to the row last selected in the grid (pass it to SkyView where wanted). */
    focus,
    /** The grid's key: it changes with the table only. */
    gridKey: current.grid,
    grid: { selected, onSelectionChange: onGridSelection, onRowHover, highlight: hover },
    sky: { selected, hover, onSelect: select },
  }
}

export type GridSkyLink = ReturnType<typeof useGridSkyLink>
