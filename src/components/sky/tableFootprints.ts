/** Reads a result table's sky columns (found by protocols/table) into the arrays SkyView draws. */
import { columnLabels, skyColumns } from '../../protocols/table'
import type { Table } from '../../protocols/votable'
import type { FootprintInput } from './footprints'

/** The table's footprints (s_region) with positions as fallback; undefined when it has neither. */
export function footprintsOfTable(table: Table): FootprintInput | undefined {
  const c = skyColumns(table)
  if (c.region < 0 && (c.ra < 0 || c.dec < 0)) return undefined
  const n = table.rowCount
  const regions: (string | null)[] = new Array(n)
  const ra = new Float64Array(n).fill(NaN)
  const dec = new Float64Array(n).fill(NaN)
  for (let i = 0; i < n; i++) {
    const v = c.region >= 0 ? table.value(i, c.region) : null
    regions[i] = typeof v === 'string' ? v : null
    if (c.ra >= 0 && c.dec >= 0) {
      const a = table.value(i, c.ra)
      const d = table.value(i, c.dec)
      if (typeof a === 'number' && typeof d === 'number') {
        ra[i] = a
        dec[i] = d
      }
    }
  }
  return { regions, ra, dec }
}

/** Text labels of one column per row, for colouring (e.g. obs_collection); the first of `names` the table has. */
export function labelsOf(table: Table, names: string[]): (string | null)[] | undefined {
  return columnLabels(table, { names })
}
