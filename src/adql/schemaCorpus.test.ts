import { describe, expect, it } from 'vitest'
import { analyseQuery } from './analyse'
import { TAP_CAT_RULES } from './serviceRules'
import type { SchemaTable } from './completion'
import snapshot from './__fixtures__/local-tap-schema.json'
import { CORRECT, WRONG } from './__fixtures__/schemaCorpus'

const tables = snapshot.tables as SchemaTable[]
const geometryFunctions = ['BOX', 'POINT', 'CIRCLE', 'POLYGON', 'REGION', 'CENTROID', 'COORD1', 'COORD2', 'DISTANCE', 'CONTAINS', 'INTERSECTS', 'AREA']
const options = { tables, geometryFunctions }
const catOptions = { ...options, rules: TAP_CAT_RULES }

describe('schema warnings on the local archive corpus', () => {
  it('has at least 50 correct and 50 wrong queries', () => {
    expect(CORRECT.length).toBeGreaterThanOrEqual(50)
    expect(WRONG.length).toBeGreaterThanOrEqual(50)
  })

  it.each(CORRECT)('no warning: %s', (query) => {
    const a = analyseQuery(query, options)
    expect(a.validation.errors).toEqual([])
    expect(a.warnings.map((w) => w.message)).toEqual([])
  })

  it.each(WRONG.map((w) => [w.query, w] as const))('warns: %s', (_, w) => {
    const a = analyseQuery(w.query, w.tapCat ? catOptions : options)
    expect(a.validation.errors).toEqual([])
    const hit = a.warnings.find((x) => x.message.includes(w.expect))
    expect(hit, a.warnings.map((x) => x.message).join(' | ') || 'no warning').toBeDefined()
    if (w.fix !== undefined) expect(hit!.fixes?.map((f) => f.insert)).toContain(w.fix)
  })

  it('tap_cat rules leave the correct catalogue cone alone', () => {
    const cone = "SELECT TOP 5 id FROM safcat.kids_dr4_cat WHERE CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', 53.1, -27.8, 1)) = 1"
    expect(analyseQuery(cone, catOptions).warnings).toEqual([])
  })

  it('gives no schema warnings while the schema is unknown', () => {
    expect(analyseQuery('SELECT foo_bar FROM ivoa.ObsCore', {}).warnings).toEqual([])
    expect(analyseQuery('SELECT foo_bar FROM ivoa.ObsCore', { tables: [] }).warnings).toEqual([])
  })

  it('says when a geometry function is not declared by the service', () => {
    const a = analyseQuery("SELECT TOP 1 obs_id FROM ivoa.ObsCore WHERE INTERSECTS(s_region, CIRCLE('ICRS', 1, 2, 3)) = 1", { tables, geometryFunctions: ['POINT', 'CIRCLE', 'CONTAINS'] })
    expect(a.warnings.map((w) => w.message)).toEqual(['This service does not declare the geometry function INTERSECTS in its capabilities'])
  })
})
