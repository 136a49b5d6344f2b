import { useMemo } from 'react'
import { adqlFunctions, adqlKeywords, type CompletionSchema, type ValidateOptions } from '../../adql'
import { useCapabilities, useTapSchema } from '../../state/tapMetadata'

/**
 * What the editor completes from (the service's tables from TAP_SCHEMA, ADQL's functions plus the service's UDFs,
 * keywords) and what it checks against: the declared UDFs and geometry functions, and the tables for the schema
 * warnings (absent until TAP_SCHEMA has been read: no schema warnings without a schema).
 */
export function useCompletionSchema(serviceUrl: string | undefined): { schema: CompletionSchema; check: ValidateOptions } {
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
      check: {
        // a service that declares its UDFs gets its undeclared function names flagged
        udfs: udfs.length ? udfs.map((u) => u.form) : undefined,
        tables: tables.data?.tables.length ? tables.data.tables : undefined,
        geometryFunctions: caps.data?.geometryFunctions.length ? caps.data.geometryFunctions : undefined,
      },
    }
  }, [tables.data, caps.data])
}
