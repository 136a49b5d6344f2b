import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { fetchTapSchema } from './schema'

/** A VOTable result with the given columns (all char) and rows. */
function votable(columns: string[], rows: string[][]): string {
  const fields = columns.map((c) => `<FIELD name="${c}" datatype="char" arraysize="*"/>`).join('')
  const trs = rows.map((r) => `<TR>${r.map((v) => `<TD>${v}</TD>`).join('')}</TR>`).join('')
  return `<?xml version="1.0"?><VOTABLE version="1.4"><RESOURCE type="results"><INFO name="QUERY_STATUS" value="OK"/><TABLE>${fields}<DATA><TABLEDATA>${trs}</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`
}

/** A TAP service whose TAP_SCHEMA tables are the given documents (a missing one answers 400). */
function service(answers: Record<string, string>): HttpClient {
  const fetchImpl = (async (_url: string, init?: RequestInit) => {
    const query = new URLSearchParams(String(init?.body)).get('QUERY') ?? ''
    const table = /TAP_SCHEMA\.(\w+)/.exec(query)?.[1] ?? ''
    const body = answers[table]
    return body
      ? new Response(body, { headers: { 'Content-Type': 'application/x-votable+xml' } })
      : new Response(votable([], []).replace('value="OK"/>', `value="ERROR">Table TAP_SCHEMA.${table} does not exist</INFO>`), { status: 400, headers: { 'Content-Type': 'application/x-votable+xml' } })
  }) as typeof fetch
  return new HttpClient({ proxy: new ProxyMap([], 'http://app.test'), fetchImpl, defaultRetries: 0 })
}

const complete = {
  schemas: votable(['schema_name', 'description'], [['ivoa', 'IVOA tables']]),
  tables: votable(['schema_name', 'table_name', 'table_type'], [['ivoa', 'ivoa.obscore', 'table']]),
  columns: votable(['table_name', 'column_name', 'unit'], [['ivoa.obscore', 'obs_id', ''], ['ivoa.obscore', 's_ra', 'deg']]),
  keys: votable(['key_id', 'from_table', 'target_table'], [['k1', 'ivoa.obscore', 'dbo.raw']]),
  key_columns: votable(['key_id', 'from_column', 'target_column'], [['k1', 'obs_id', 'dp_id']]),
}

describe('fetchTapSchema', () => {
  it('reads schemas, tables with their columns, and foreign keys', async () => {
    const s = await fetchTapSchema(service(complete), 'http://tap.test/tap')
    expect(s.problems).toEqual([])
    expect(s.tables.map((t) => [t.schema, t.name, t.columns.map((c) => c.name)])).toEqual([['ivoa', 'ivoa.obscore', ['obs_id', 's_ra']]])
    expect(s.keys).toEqual([{ keyId: 'k1', fromTable: 'ivoa.obscore', targetTable: 'dbo.raw', description: undefined, columns: [{ from: 'obs_id', target: 'dp_id' }] }])
  })

  it('says which TAP_SCHEMA column is missing instead of naming tables "undefined" or inventing keys', async () => {
    const s = await fetchTapSchema(
      service({
        ...complete,
        tables: votable(['schema_name', 'name'], [['ivoa', 'ivoa.obscore']]),
        keys: votable(['id', 'from_table'], [['k1', 'ivoa.obscore']]),
      }),
      'http://tap.test/tap',
    )
    expect(s.tables).toEqual([])
    expect(s.keys).toEqual([])
    expect(s.problems).toEqual([
      'TAP_SCHEMA.tables has no table_name column: no tables can be listed',
      'TAP_SCHEMA.keys has no key_id, target_table columns: no foreign keys shown',
    ])
  })

  it('lists the tables of a service without TAP_SCHEMA.keys, saying so', async () => {
    const { keys: _k, key_columns: _kc, ...rest } = complete
    const s = await fetchTapSchema(service(rest), 'http://tap.test/tap')
    expect(s.tables.map((t) => t.name)).toEqual(['ivoa.obscore'])
    expect(s.keys).toEqual([])
    expect(s.problems.some((p) => p.startsWith('TAP_SCHEMA.keys could not be read (Table TAP_SCHEMA.keys does not exist)'))).toBe(true)
  })

  it('takes the schema from the qualified table name when schema_name is empty', async () => {
    const s = await fetchTapSchema(service({ ...complete, tables: votable(['schema_name', 'table_name'], [['', 'dbo.raw']]) }), 'http://tap.test/tap')
    expect(s.tables[0]!.schema).toBe('dbo')
  })
})
