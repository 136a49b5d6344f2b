// Runs against the real local archive (DaCHS on loopback), which `npm test` starts first: the schema-check
// corpus must say what the archive does (its correct queries run, its wrong names are rejected there too).
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../protocols/http'
import { ProxyMap } from '../protocols/proxy'
import { QueryError } from '../protocols/errors'
import { runSync } from '../protocols/tap'
import snapshot from './__fixtures__/local-tap-schema.json'
import { CORRECT, WRONG } from './__fixtures__/schemaCorpus'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const TAP = `${ARCHIVE}/tap`
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })

describe('the schema corpus against the local archive', () => {
  it('the schema snapshot is the archive’s TAP_SCHEMA', async () => {
    const r = await runSync(http, TAP, { query: 'SELECT table_name, column_name FROM TAP_SCHEMA.columns' })
    const live = new Set<string>()
    for (let i = 0; i < r.table.rowCount; i++) live.add(`${String(r.table.value(i, 0)).toLowerCase()}.${String(r.table.value(i, 1)).toLowerCase()}`)
    const fixture = snapshot.tables.flatMap((t) => t.columns.map((c) => `${t.name.toLowerCase()}.${c.name.toLowerCase()}`))
    expect(fixture.filter((c) => !live.has(c))).toEqual([])
  })

  it.each(CORRECT)('runs: %s', async (query) => {
    const r = await runSync(http, TAP, { query, maxrec: 5 })
    expect(r.table.fields.length).toBeGreaterThan(0)
  })

  it.each(WRONG.filter((w) => w.fails).map((w) => w.query))('is rejected: %s', async (query) => {
    const err = await runSync(http, TAP, { query, maxrec: 5 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(QueryError)
  })
})
