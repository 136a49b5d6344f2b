import { useMemo } from 'react'
import { adqlFunctions, adqlKeywords, type CompletionSchema, type UdfSpec } from '../../adql'
import { useCapabilities, useTapSchema } from '../../state/tapMetadata'

/** What the editor completes from: the service's tables (TAP_SCHEMA), ADQL's functions plus the service's UDFs, keywords. */
export function useCompletionSchema(serviceUrl: string | undefined): { schema: CompletionSchema; udfs?: UdfSpec[] } {
  const tables = useTapSchema(serviceUrl)
  const caps = useCapabilities(serviceUrl)
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
