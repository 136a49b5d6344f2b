/** Catalogue tables of a TAP service with their main position columns, found by UCD in TAP_SCHEMA. */
import { useQuery } from '@tanstack/react-query'
import type { AppRuntime } from '../../state/runtime'
import { runSync } from '../../protocols/tap'
import { METADATA_STALE_MS } from '../../state/queryKeys'
import type { CatalogueColumns } from './searchQuery'

const QUERY =
  "SELECT table_name, column_name, ucd FROM TAP_SCHEMA.columns WHERE ucd LIKE 'pos.eq.ra;meta.main%' OR ucd LIKE 'pos.eq.dec;meta.main%'"

export function useCatalogues(rt: AppRuntime, enabled: boolean) {
  const url = rt.endpoint('tap_cat')
  return useQuery({
    queryKey: ['tap', url, 'catalogue-positions'],
    enabled: enabled && !!url,
    staleTime: METADATA_STALE_MS,
    queryFn: async ({ signal }): Promise<CatalogueColumns[]> => {
      const { table } = await runSync(rt.http, url!, { query: QUERY }, signal)
      const byTable = new Map<string, Partial<CatalogueColumns>>()
      for (let i = 0; i < table.rowCount; i++) {
        const t = String(table.value(i, 0))
        const entry = byTable.get(t) ?? { table: t }
        const ucd = String(table.value(i, 2)).toLowerCase()
        if (ucd.startsWith('pos.eq.ra')) entry.ra = String(table.value(i, 1))
        else entry.dec = String(table.value(i, 1))
        byTable.set(t, entry)
      }
      // ObsCore-like tables have their own searches
      return [...byTable.values()]
        .filter((e): e is CatalogueColumns => !!e.ra && !!e.dec && !/^(ivoa\.obscore|dbo\.raw)$/i.test(e.table!))
        .sort((a, b) => a.table.localeCompare(b.table))
    },
  })
}
