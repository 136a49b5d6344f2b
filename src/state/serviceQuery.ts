/** A search sent to a service when the form is ready: results are kept a while, and a failure is shown, not retried. */
import { useQuery, type QueryKey } from '@tanstack/react-query'

/** Going back to a search within this time shows its results without asking the service again. */
export const RESULT_STALE_MS = 5 * 60_000

export function useServiceQuery<T>(queryKey: QueryKey, run: (signal: AbortSignal) => Promise<T>, enabled: boolean) {
  return useQuery({ queryKey, queryFn: ({ signal }) => run(signal), enabled, staleTime: RESULT_STALE_MS, retry: false })
}

