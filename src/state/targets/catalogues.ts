/** Catalogue tables of tap_cat with their main position columns (by UCD in TAP_SCHEMA), for the coverage form. */
import { useQuery } from '@tanstack/react-query'
import type { AppRuntime } from '../runtime'
import { runSync } from '../../protocols/tap'
import { METADATA_STALE_MS } from '../queryKeys'

export interface CatalogueTable {
  table: string
  ra: string
  dec: string
}

const QUERY =
  "SELECT table_name, column_name, ucd FROM TAP_SCHEMA.columns WHERE ucd LIKE 'pos.eq.ra;meta.main%' OR ucd LIKE 'pos.eq.dec;meta.main%'"

export function useCatalogueTables(rt: AppRuntime, enabled: boolean) {
  const url = rt.endpoint('tap_cat')
  return useQuery({
    queryKey: ['tap', url, 'catalogue-position-columns'],
    enabled: enabled && !!url,
    staleTime: METADATA_STALE_MS,
    queryFn: async ({ signal }): Promise<CatalogueTable[]> => {
      const { table } = await runSync(rt.http, url!, { query: QUERY }, signal)
      const byTable = new Map<string, Partial<CatalogueTable>>()
      for (let i = 0; i < table.rowCount; i++) {
        const t = String(table.value(i, 0))
        const entry = byTable.get(t) ?? { table: t }
        if (String(table.value(i, 2)).toLowerCase().startsWith('pos.eq.ra')) entry.ra = String(table.value(i, 1))
        else entry.dec = String(table.value(i, 1))
        byTable.set(t, entry)
      }
      return [...byTable.values()]
        .filter((e): e is CatalogueTable => !!e.ra && !!e.dec && !/^(ivoa\.obscore|dbo\.raw|dbo\.ssa|priv\..*)$/i.test(e.table!))
        .sort((a, b) => a.table.localeCompare(b.table))
    },
  })
}
