// Runs against the real local archive (DaCHS on loopback), which `npm test` starts first: every example of the
// library that does not need ESO's own tables gives rows there; those that do are checked for parsing only.
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../../protocols/http'
import { ProxyMap } from '../../protocols/proxy'
import { runSync } from '../../protocols/tap'
import { analyseQuery, TAP_CAT_RULES, type SchemaTable } from '../../adql'
import snapshot from '../../adql/__fixtures__/local-tap-schema.json'
import { EXAMPLE_LIBRARY } from './exampleLibrary'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const TAP = `${ARCHIVE}/tap`
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })
const tables = snapshot.tables as SchemaTable[]

const local = EXAMPLE_LIBRARY.filter((x) => !x.esoOnly)
const esoOnly = EXAMPLE_LIBRARY.filter((x) => x.esoOnly)

describe('the example library', () => {
  it.each(EXAMPLE_LIBRARY.map((x) => [x.id, x] as const))('%s is valid ADQL', (_, x) => {
    expect(analyseQuery(x.query).validation.errors).toEqual([])
  })

  it.each(local.map((x) => [x.id, x] as const))('%s has no schema or service-rule warning on the local schema', (_, x) => {
    const a = analyseQuery(x.query, { tables, rules: x.service === 'tap_cat' ? TAP_CAT_RULES : undefined })
    expect(a.warnings.map((w) => w.message)).toEqual([])
  })

  it.each(local.map((x) => [x.id, x] as const))('%s gives rows on the local archive', async (_, x) => {
    const r = await runSync(http, TAP, { query: x.query, maxrec: 50 })
    expect(r.table.rowCount).toBeGreaterThan(0)
  })

  it('the ESO-only examples are those naming tables the local archive lacks', () => {
    expect(esoOnly.map((x) => x.id)).toEqual(['phase3-product-files', 'ist-sinfoni-target'])
    for (const x of esoOnly) expect(analyseQuery(x.query, { tables }).warnings.map((w) => w.message).join()).toMatch(/No table/)
  })
})
