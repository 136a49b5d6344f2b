/** The coverage matrix: for each target, how many rows per group (instrument, collection…). */
import type { Cell } from './rows'

export interface CoverageMatrix {
  /** Group labels, most rows first. */
  groups: string[]
  /** counts[targetIndex (from 0)][group] */
  counts: Map<number, Map<string, number>>
  /** Rows per group over all targets. */
  totals: Map<string, number>
}

/** Counts rows (cells: [name, index from 1, ...fields]) by the value of field `groupColumn` (-1: one group, `all`). */
export function coverageMatrix(rows: readonly Cell[][], groupColumn: number, all = 'all'): CoverageMatrix {
  const counts = new Map<number, Map<string, number>>()
  const totals = new Map<string, number>()
  for (const row of rows) {
    const target = (row[1] as number) - 1
    const v = groupColumn >= 0 ? row[groupColumn + 2] : all
    const group = v === null || v === undefined || v === '' ? '(none)' : String(v)
    let m = counts.get(target)
    if (!m) counts.set(target, (m = new Map()))
    m.set(group, (m.get(group) ?? 0) + 1)
    totals.set(group, (totals.get(group) ?? 0) + 1)
  }
  const groups = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b))
  return { groups, counts, totals }
}
