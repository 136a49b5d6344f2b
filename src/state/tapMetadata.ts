/** A TAP service's capabilities and TAP_SCHEMA, fetched once per service and shared by every component that asks. */
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from './runtime'
import { fetchCapabilities, fetchTapSchema } from '../protocols/tap'
import { METADATA_STALE_MS, tapKeys } from './queryKeys'

export function useCapabilities(serviceUrl: string | undefined) {
  const rt = useRuntime()
  return useQuery({
    queryKey: tapKeys.capabilities(serviceUrl ?? ''),
    queryFn: ({ signal }) => fetchCapabilities(rt.http, serviceUrl!, signal),
    enabled: !!serviceUrl,
    staleTime: METADATA_STALE_MS,
  })
}

export function useTapSchema(serviceUrl: string | undefined) {
  const rt = useRuntime()
  return useQuery({
    queryKey: tapKeys.schema(serviceUrl ?? ''),
    queryFn: ({ signal }) => fetchTapSchema(rt.http, serviceUrl!, signal),
    enabled: !!serviceUrl,
    staleTime: METADATA_STALE_MS,
  })
}
