/** Catalogue tables of a TAP service: their main position columns (by UCD) and how TAP_SCHEMA.tables describes them. */
import { useQuery } from '@tanstack/react-query'
import type { AppRuntime } from '../runtime'
import { runSync } from '../../protocols/tap'
import { METADATA_STALE_MS } from '../queryKeys'
import { catalogueList, catalogueTablesQuery, positionColumns, POSITIONS_QUERY, TABLES_COLUMNS_QUERY, type Catalogue, type TableRow } from './catalogueList'

export function useCatalogues(rt: AppRuntime, enabled: boolean) {
  const url = rt.endpoint('tap_cat')
  return useQuery({
    queryKey: ['tap', url, 'catalogues'],
    enabled: enabled && !!url,
    staleTime: METADATA_STALE_MS,
    queryFn: async ({ signal }): Promise<Catalogue[]> => {
      const run = (query: string) => runSync(rt.http, url!, { query }, signal).then((r) => r.table)
      const [positions, tablesColumns] = await Promise.all([run(POSITIONS_QUERY), run(TABLES_COLUMNS_QUERY)])
      const rows = Array.from({ length: positions.rowCount }, (_, i) => ({ table: String(positions.value(i, 0)), column: String(positions.value(i, 1)), ucd: String(positions.value(i, 2)) }))
      // only the description columns this service has (ESO's tap_cat has title, collection, version…; others do not)
      const { query, columns } = catalogueTablesQuery(Array.from({ length: tablesColumns.rowCount }, (_, i) => String(tablesColumns.value(i, 0))))
      // (a service whose TAP_SCHEMA.tables cannot be read still lists its catalogues, by table name)
      const tables = await run(query).catch((e: unknown) => {
        if (signal.aborted) throw e
        return undefined
      })
      const described = !tables ? [] : Array.from({ length: tables.rowCount }, (_, i) => Object.fromEntries(columns.map((c, k) => [c, tables.value(i, k)])) as TableRow)
      return catalogueList(positionColumns(rows), described)
    },
  })
}
