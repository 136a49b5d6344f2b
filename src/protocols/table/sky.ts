/** Where a table's rows are on the sky: its region (s_region) and position (ra, dec) columns. */
import type { Table } from '../votable'
import { findColumn, type ColumnQuery } from './columns'

/** Column indexes, -1 where the table has none. */
export interface SkyColumns {
  region: number
  ra: number
  dec: number
}

// the declared main position first, then the usual names, then any position of that kind
const position = (axis: 'ra' | 'dec', names: string[]): ColumnQuery[] => [{ ucd: `pos.eq.${axis};meta.main` }, { names }, { ucd: `pos.eq.${axis}` }]

const SKY: Record<keyof SkyColumns, ColumnQuery[]> = {
  region: [{ ucd: 'pos.outline' }, { names: ['s_region'] }],
  ra: position('ra', ['s_ra', 'ra', 'raj2000']),
  dec: position('dec', ['s_dec', 'dec', 'decj2000']),
}

/** The region and position columns of a result (ObsCore, dbo.raw, catalogues): by UCD, then by ObsCore and common names. */
export function skyColumns(table: Pick<Table, 'fields'>): SkyColumns {
  return { region: findColumn(table, SKY.region), ra: findColumn(table, SKY.ra), dec: findColumn(table, SKY.dec) }
}
