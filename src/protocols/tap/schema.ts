/** Table metadata of a TAP service, read from TAP_SCHEMA with ordinary ADQL queries. */
import type { HttpClient } from '../http'
import type { Table } from '../votable'
import { runSync } from './sync'

export interface TapColumn {
  name: string
  description?: string
  unit?: string
  ucd?: string
  utype?: string
  datatype?: string
  arraysize?: string
  xtype?: string
  indexed: boolean
  principal: boolean
  std: boolean
}

export interface TapTable {
  schema: string
  /** Name as it must be written in ADQL (often schema-qualified). */
  name: string
  type?: string
  description?: string
  utype?: string
  columns: TapColumn[]
}

export interface TapForeignKey {
  keyId: string
  fromTable: string
  targetTable: string
  columns: { from: string; target: string }[]
  description?: string
}

export interface TapSchema {
  schemas: { name: string; description?: string }[]
  tables: TapTable[]
  keys: TapForeignKey[]
  /** What the service's TAP_SCHEMA lacks, in words (e.g. a required column); what depends on it is left out. */
  problems: string[]
}

/** Reads a result table into records keyed by lower-case column name (TAP_SCHEMA column case varies by service). */
export function records(table: Table): Record<string, unknown>[] {
  const names = table.fields.map((f) => f.name.toLowerCase())
  const out: Record<string, unknown>[] = []
  for (let r = 0; r < table.rowCount; r++) {
    const rec: Record<string, unknown> = {}
    names.forEach((n, c) => (rec[n] = table.value(r, c)))
    out.push(rec)
  }
  return out
}

const str = (v: unknown): string | undefined => (v === null || v === undefined || v === '' ? undefined : String(v))
const flag = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 'true' || v === 1n

/** The records of one TAP_SCHEMA table and the columns it has (lower case). */
interface SchemaRows {
  rows: Record<string, unknown>[]
  has: Set<string>
}

/**
 * Keeps only the records that have every required column, and says once which columns the table lacks
 * (a service whose TAP_SCHEMA misses a column must not give tables named "undefined").
 */
function usable(t: SchemaRows, table: string, required: string[], problems: string[], dropped: string): Record<string, unknown>[] {
  const missing = required.filter((c) => !t.has.has(c))
  if (missing.length) {
    problems.push(`TAP_SCHEMA.${table} has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: ${dropped}`)
    return []
  }
  return t.rows.filter((r) => required.every((c) => r[c] !== null && r[c] !== undefined && r[c] !== ''))
}

/**
 * The whole TAP_SCHEMA in five queries (MAXREC high enough for large services; the hard limit applies).
 * Columns that older services lack (arraysize, xtype) are asked for with `*`. Keys are optional: a service
 * without TAP_SCHEMA.keys (or with a broken one) still gives its tables, with the problem said.
 */
export async function fetchTapSchema(http: HttpClient, serviceUrl: string, signal?: AbortSignal): Promise<TapSchema> {
  const q = (query: string): Promise<SchemaRows> =>
    runSync(http, serviceUrl, { query, maxrec: 1_000_000 }, signal).then((r) => ({ rows: records(r.table), has: new Set(r.table.fields.map((f) => f.name.toLowerCase())) }))
  const problems: string[] = []
  const optional = (query: string, table: string): Promise<SchemaRows> =>
    q(query).catch((e: unknown) => {
      if (signal?.aborted) throw e
      problems.push(`TAP_SCHEMA.${table} could not be read (${e instanceof Error ? e.message : String(e)}): no foreign keys shown`)
      return { rows: [], has: new Set<string>() }
    })
  const [schemaRows, tableRows, columnRows, keyRows, keyColumnRows] = await Promise.all([
    optional('SELECT * FROM TAP_SCHEMA.schemas', 'schemas'),
    q('SELECT * FROM TAP_SCHEMA.tables'),
    q('SELECT * FROM TAP_SCHEMA.columns'),
    optional('SELECT * FROM TAP_SCHEMA.keys', 'keys'),
    optional('SELECT * FROM TAP_SCHEMA.key_columns', 'key_columns'),
  ])
  const schemas = usable(schemaRows, 'schemas', ['schema_name'], problems, 'schema descriptions are not shown')
  const tables = usable(tableRows, 'tables', ['table_name'], problems, 'no tables can be listed')
  const columns = usable(columnRows, 'columns', ['table_name', 'column_name'], problems, 'no columns can be listed')
  const keys = keyRows.rows.length ? usable(keyRows, 'keys', ['key_id', 'from_table', 'target_table'], problems, 'no foreign keys shown') : []
  const keyColumns = keyColumnRows.rows.length ? usable(keyColumnRows, 'key_columns', ['key_id', 'from_column', 'target_column'], problems, 'foreign keys shown without their columns') : []
  const byTable = new Map<string, TapColumn[]>()
  for (const c of columns) {
    const t = String(c.table_name)
    const list = byTable.get(t) ?? []
    list.push({
      name: String(c.column_name),
      description: str(c.description),
      unit: str(c.unit),
      ucd: str(c.ucd),
      utype: str(c.utype),
      datatype: str(c.datatype),
      arraysize: str(c.arraysize ?? c.size),
      xtype: str(c.xtype),
      indexed: flag(c.indexed),
      principal: flag(c.principal),
      std: flag(c.std),
    })
    byTable.set(t, list)
  }
  const cols = new Map<string, { from: string; target: string }[]>()
  for (const kc of keyColumns) {
    const id = String(kc.key_id)
    cols.set(id, [...(cols.get(id) ?? []), { from: String(kc.from_column), target: String(kc.target_column) }])
  }
  return {
    schemas: schemas.map((s) => ({ name: String(s.schema_name), description: str(s.description) })),
    tables: tables.map((t) => ({
      schema: str(t.schema_name) ?? String(t.table_name).split('.')[0]!,
      name: String(t.table_name),
      type: str(t.table_type),
      description: str(t.description),
      utype: str(t.utype),
      columns: byTable.get(String(t.table_name)) ?? [],
    })),
    keys: keys.map((k) => ({
      keyId: String(k.key_id),
      fromTable: String(k.from_table),
      targetTable: String(k.target_table),
      description: str(k.description),
      columns: cols.get(String(k.key_id)) ?? [],
    })),
    problems,
  }
}
