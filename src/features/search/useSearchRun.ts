import { useQuery } from '@tanstack/react-query'
import type { AppRuntime } from '../../state/runtime'
import type { TargetState } from '../../state/target'
import { runSync } from '../../protocols/tap'
import { countAdql, type BuiltQuery, type SearchForm } from './searchQuery'

/** The committed search: a cheap count first (so the size of what is fetched is known up front), then the rows. */
export function useSearchRun(rt: AppRuntime, committed: SearchForm, built: BuiltQuery, target: TargetState, go: boolean, maxrec: number) {
  const serviceUrl = rt.endpoint(committed.kind === 'catalogue' ? 'tap_cat' : 'tap_obs')
  // a drawn polygon replaces the target cone, so the target need not resolve
  const targetReady = committed.polygon.trim() !== '' || (committed.target.trim() === '' ? committed.kind !== 'catalogue' : target.status === 'ok')
  const ready = go && !!serviceUrl && targetReady && Object.keys(built.errors).length === 0
  // a cheap count first, so that the size of what is fetched (and any truncation) is known up front
  const counting = countAdql(built.adql)
  const count = useQuery({
    queryKey: ['search-count', serviceUrl, counting],
    queryFn: async ({ signal }) => {
      const { table } = await runSync(rt.http, serviceUrl!, { query: counting }, signal)
      const n = Number(table.rowCount ? table.value(0, 0) : NaN)
      return Number.isFinite(n) ? n : undefined
    },
    enabled: ready,
    staleTime: 5 * 60_000,
    retry: false,
  })
  const matching = ready && count.isSuccess ? count.data : undefined
  const result = useQuery({
    queryKey: ['search', serviceUrl, built.adql, maxrec],
    queryFn: ({ signal }) => runSync(rt.http, serviceUrl!, { query: built.adql, maxrec }, signal),
    // a failed count does not stop the search itself
    enabled: ready && (count.isSuccess || count.isError),
    staleTime: 5 * 60_000,
    retry: false,
  })
  const table = ready ? result.data?.table : undefined
  return { ready, count, matching, result, table }
}
