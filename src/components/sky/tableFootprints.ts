/** Finds the sky columns of a result table (ObsCore names first, then UCDs) and reads them for SkyView. */
import type { Table } from '../../protocols/votable'
import type { FootprintInput } from './footprints'

function findColumn(table: Table, names: string[], ucds: RegExp[]): number {
  const byName = table.fields.findIndex((f) => names.includes(f.name.toLowerCase()))
  if (byName >= 0) return byName
  for (const u of ucds) {
    const i = table.fields.findIndex((f) => f.ucd !== undefined && u.test(f.ucd))
    if (i >= 0) return i
  }
  return -1
}

export interface SkyColumns {
  region: number
  ra: number
  dec: number
}

export function skyColumns(table: Table): SkyColumns {
  return {
    region: findColumn(table, ['s_region'], [/^pos\.outline/i]),
    ra: findColumn(table, ['s_ra', 'ra', 'raj2000'], [/^pos\.eq\.ra;meta\.main$/i, /^pos\.eq\.ra(;|$)/i]),
    dec: findColumn(table, ['s_dec', 'dec', 'decj2000'], [/^pos\.eq\.dec;meta\.main$/i, /^pos\.eq\.dec(;|$)/i]),
  }
}

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
      if (typeof a === 'number' && typeof d === 'number') (ra[i] = a), (dec[i] = d)
    }
  }
  return { regions, ra, dec }
}

/** Text labels of one column per row, for colouring (e.g. obs_collection). */
export function labelsOf(table: Table, names: string[]): (string | null)[] | undefined {
  const c = table.fields.findIndex((f) => names.includes(f.name.toLowerCase()))
  if (c < 0) return undefined
  return Array.from({ length: table.rowCount }, (_, i) => {
    const v = table.value(i, c)
    return v === null || v === undefined ? null : String(v)
  })
}
