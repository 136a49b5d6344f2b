/** Which result columns can be plotted, and their values as numbers (timestamps as Unix seconds). */
import type { Field, Table } from '../../protocols/votable'

const NUMERIC = new Set(['double', 'float', 'int', 'long', 'short', 'unsignedByte'])

export interface PlottableColumn {
  index: number
  name: string
  unit?: string
  /** Values are Unix seconds (ISO timestamps in the table). */
  time: boolean
}

function isTimestamp(f: Field): boolean {
  return (f.datatype === 'char' || f.datatype === 'unicodeChar') && (f.xtype === 'timestamp' || /^time\.(epoch|start|end)/.test(f.ucd ?? '') || /date/i.test(f.name))
}

export function plottableColumns(table: Table): PlottableColumn[] {
  return table.fields.flatMap((f, index): PlottableColumn[] => {
    if (NUMERIC.has(f.datatype) && (!f.arraysize || f.arraysize === '1')) return [{ index, name: f.name, unit: f.unit, time: false }]
    if (isTimestamp(f)) return [{ index, name: f.name, unit: undefined, time: true }]
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

export function columnValues(table: Table, col: PlottableColumn): Float64Array {
  const out = new Float64Array(table.rowCount)
  for (let r = 0; r < table.rowCount; r++) {
    const v = table.value(r, col.index)
    out[r] = v === null ? NaN : col.time ? isoToUnixSeconds(String(v)) : typeof v === 'bigint' ? Number(v) : (v as number)
  }
  return out
}
