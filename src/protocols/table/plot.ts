/** Which columns of a result can be plotted, and their values as numbers (timestamps as Unix seconds). */
import type { Table } from '../votable'
import { mjdToUnixMs } from '../time'
import { isNumericScalar, timeKind } from './columns'

export interface PlottableColumn {
  index: number
  name: string
  unit?: string
  /** Values are Unix seconds (ISO timestamps or MJD in the table). */
  time: boolean
  /** The table holds MJD numbers (converted to Unix seconds). */
  mjd?: boolean
}

/** The numeric scalar and time columns, in table order; MJD columns are plotted as times. */
export function plotColumns(table: Pick<Table, 'fields'>): PlottableColumn[] {
  return table.fields.flatMap((f, index): PlottableColumn[] => {
    const kind = timeKind(f)
    if (kind === 'mjd') return [{ index, name: f.name, unit: 'UTC', time: true, mjd: true }]
    if (isNumericScalar(f)) return [{ index, name: f.name, unit: f.unit, time: false }]
    if (kind === 'iso') return [{ index, name: f.name, unit: undefined, time: true }]
    return []
  })
}

/** ISO 8601 without zone is UTC in VO services. */
export function isoToUnixSeconds(s: string): number {
  const t = s.trim()
  if (!t) return NaN
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`
  return Date.parse(withZone) / 1000
}

/** A plottable column's values; NaN where a cell is empty. */
export function columnValues(table: Table, col: PlottableColumn): Float64Array {
  const out = new Float64Array(table.rowCount)
  for (let r = 0; r < table.rowCount; r++) {
    const v = table.value(r, col.index)
    const n = v === null ? NaN : col.time && !col.mjd ? isoToUnixSeconds(String(v)) : typeof v === 'bigint' ? Number(v) : (v as number)
    out[r] = col.mjd ? mjdToUnixMs(n) / 1000 : n
  }
  return out
}
