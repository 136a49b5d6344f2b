/**
 * A grid whose table grows while it arrives: the grid is given its rows once per table, and rows that come later are
 * added by transactions a slice at a time (each sized to take about SLICE_MS), so no single step blocks the page
 * however many rows come at once. Columns and the grid itself stay as they are.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react'
import type { Table } from '../protocols/votable'

/** What the grid needs of its API here (AG Grid's GridApi has it). */
export interface RowAdder {
  applyTransaction(t: { add: { i: number }[] }): unknown
  isDestroyed?(): boolean
}

/** The time one transaction (a slice of added rows) should take on the main thread, ms. */
export const SLICE_MS = 25
/**
 * The time left to the page between slices, ms: each transaction also costs the grid a pass over all its rows
 * (display list, row positions), so rows are added a few times a second in slices, not as each batch comes.
 */
export const GAP_MS = 100
/**
 * What adding a row costs the grid (a row node, its id) against what a row already there costs it in each
 * transaction (the sort, display-list and row-position passes over every row): measured in AG Grid 36's traces.
 */
export const ADD_WEIGHT = 3
const FIRST_SLICE = 5000
const MIN_SLICE = 1000
const MAX_SLICE = 50_000

/** Row objects for rows [from, to): an index into the table's columns each. */
export function rowObjects(from: number, to: number): { i: number }[] {
  const out = new Array<{ i: number }>(Math.max(0, to - from))
  for (let k = 0; k < out.length; k++) out[k] = { i: from + k }
  return out
}

/**
 * The next slice's size, from the last transaction: it added `added` rows to a grid of `before` rows and took `ms`.
 * A transaction costs about u × (rows in the grid + ADD_WEIGHT × rows added); the next one is sized to take
 * `budget` ms. When the pass over the rows already there takes the budget by itself (a large table), every
 * transaction is over it: slices then add at most an eighth of the rows there are, so a transaction costs at most
 * about 1.4 times that unavoidable pass and there are few of them.
 */
export function nextSlice(before: number, added: number, ms: number, budget = SLICE_MS): number {
  if (added <= 0) return FIRST_SLICE
  const after = before + added
  const unit = Math.max(ms, 0.5) / (before + ADD_WEIGHT * added)
  const room = Math.floor((budget / unit - after) / ADD_WEIGHT)
  const slice = room >= MIN_SLICE ? room : Math.floor(after / 8)
  return Math.max(MIN_SLICE, Math.min(MAX_SLICE, slice))
}

/**
 * The rows to give the grid (the ones there are when it first shows this table: a new table gets new rows, and the
 * grid redraws every row); later rows up to `shown` are added to the grid through `api` in slices.
 */
export function useGrowingRows(api: RefObject<RowAdder | null>, table: Table, shown: number, active = true): { i: number }[] {
  const shownNow = useRef(shown)
  shownNow.current = shown
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once per table: later rows go in by transactions
  const rowData = useMemo(() => rowObjects(0, active ? shownNow.current : 0), [table, active])
  const inGrid = useRef({ rowData, n: rowData.length, slice: FIRST_SLICE })
  useEffect(() => {
    if (inGrid.current.rowData !== rowData) inGrid.current = { rowData, n: rowData.length, slice: FIRST_SLICE }
    const state = inGrid.current
    if (!active) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const step = () => {
      timer = undefined
      const g = api.current
      if (state !== inGrid.current || g?.isDestroyed?.()) return
      if (g && state.n < shown) {
        const to = Math.min(shown, state.n + state.slice)
        const t0 = performance.now()
        g.applyTransaction({ add: rowObjects(state.n, to) })
        state.slice = nextSlice(state.n, to - state.n, performance.now() - t0)
        state.n = to
      }
      // (no grid yet: it is being made; try again shortly)
      if (state.n < shown) timer = setTimeout(step, g ? GAP_MS : 16)
    }
    // (after the render that brought the rows: its own task; rows keep coming meanwhile)
    timer = setTimeout(step, state.n === 0 ? 0 : GAP_MS)
    return () => clearTimeout(timer)
  }, [api, rowData, shown, active])
  return rowData
}

