import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../app/runtime'
import { fetchCapabilities, fetchTapSchema } from '../../protocols/tap'
import { adqlFunctions, adqlKeywords, type UdfSpec } from '../../adql'
import { METADATA_STALE_MS, tapKeys } from '../../state/queryKeys'
import type { CompletionSchema } from './completion'

/** What the editor completes from: the service's tables (TAP_SCHEMA), ADQL's functions plus the service's UDFs, keywords. */
export function useCompletionSchema(serviceUrl: string | undefined): { schema: CompletionSchema; udfs?: UdfSpec[] } {
  const rt = useRuntime()
  const tables = useQuery({
    queryKey: tapKeys.schema(serviceUrl ?? ''),
    queryFn: ({ signal }) => fetchTapSchema(rt.http, serviceUrl!, signal),
    enabled: !!serviceUrl,
    staleTime: METADATA_STALE_MS,
  })
  const caps = useQuery({
    queryKey: tapKeys.capabilities(serviceUrl ?? ''),
    queryFn: ({ signal }) => fetchCapabilities(rt.http, serviceUrl!, signal),
    enabled: !!serviceUrl,
    staleTime: METADATA_STALE_MS,
  })
  return useMemo(() => {
    const udfs = caps.data?.udfs ?? []
    return {
      schema: {
        tables: tables.data?.tables ?? [],
        functions: [
          ...adqlFunctions.map((f) => ({ name: f.name, signature: f.signature, description: f.description })),
          ...udfs.map((u) => ({ name: u.name, signature: u.form, description: u.description })),
        ],
        keywords: [...adqlKeywords],
      },
      // a service that declares its UDFs gets its undeclared function names flagged
      udfs: udfs.length ? udfs.map((u) => u.form) : undefined,
    }
  }, [tables.data, caps.data])
}
