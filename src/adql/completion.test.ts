import { describe, expect, it } from 'vitest'
import { adqlCompletions, adqlHover, maskLiterals, type CompletionSchema } from './completion'

const schema: CompletionSchema = {
  tables: [
    { name: 'ivoa.ObsCore', description: 'Observations', columns: [{ name: 's_ra', unit: 'deg', ucd: 'pos.eq.ra;meta.main', description: 'Central RA', datatype: 'double' }, { name: 'dp_id', description: 'ESO product id' }] },
    { name: 'dbo.raw', columns: [{ name: 'dp_id' }, { name: 'exposure', unit: 's' }] },
    { name: 'asm.dimm_paranal', columns: [{ name: 'fwhm', unit: 'arcsec' }] },
  ],
  functions: [{ name: 'CONTAINS', signature: 'CONTAINS(a, b) -> INTEGER' }],
  keywords: ['SELECT', 'FROM', 'WHERE'],
}

const at = (q: string) => {
  const pos = q.indexOf('|')
  return [q.replace('|', ''), pos] as const
}

describe('ADQL completion', () => {
  it('offers tables after FROM', () => {
    const [q, pos] = at('SELECT * FROM iv|')
    const r = adqlCompletions(q, pos, schema)!
    expect(r.from).toBe(pos - 2)
    expect(r.options.filter((o) => o.type === 'table').map((o) => o.label)).toContain('ivoa.ObsCore')
  })

  it('offers the columns of an aliased table after "alias."', () => {
    const [q, pos] = at('SELECT o.| FROM ivoa.ObsCore AS o')
    const r = adqlCompletions(q, pos, schema)!
    expect(r.from).toBe(pos)
    expect(r.options.map((o) => o.label)).toEqual(['s_ra', 'dp_id'])
    expect(r.options[0]!.detail).toBe('double [deg]')
  })

  it('offers columns of every table in scope, functions and keywords in WHERE', () => {
    const [q, pos] = at('SELECT * FROM dbo.raw WHERE exp|')
    const labels = adqlCompletions(q, pos, schema)!.options.map((o) => o.label)
    expect(labels).toContain('exposure')
    expect(labels).not.toContain('s_ra')
    expect(labels).toContain('CONTAINS')
  })

  it('offers the tables of a schema after "schema."', () => {
    const [q, pos] = at('SELECT * FROM asm.|')
    expect(adqlCompletions(q, pos, schema)!.options.map((o) => o.label)).toEqual(['asm.dimm_paranal'])
  })

  it('offers the columns of an alias while the query is still incomplete', () => {
    const [q, pos] = at('SELECT o.| FROM ivoa.obscore AS o')
    expect(adqlCompletions(q, pos, schema)!.options.map((o) => o.label)).toEqual(['s_ra', 'dp_id'])
    const [q2, pos2] = at('SELECT o.s_ra, FROM ivoa.ObsCore o WHERE o.|')
    expect(adqlCompletions(q2, pos2, schema)!.options.map((o) => o.label)).toEqual(['s_ra', 'dp_id'])
  })

  it('resolves the aliases of joined tables in the join condition', () => {
    const [q, pos] = at('SELECT * FROM ivoa.ObsCore AS o JOIN dbo.raw r ON o.dp_id = r.|')
    expect(adqlCompletions(q, pos, schema)!.options.map((o) => o.label)).toEqual(['dp_id', 'exposure'])
  })

  it('resolves quoted table names and aliases', () => {
    const [q, pos] = at('SELECT "r".| FROM "dbo"."raw" AS "r"')
    expect(adqlCompletions(q, pos, schema)!.options.map((o) => o.label)).toEqual(['dp_id', 'exposure'])
  })

  it('offers the columns a subquery gives through its alias, with what the schema knows of them', () => {
    const [q, pos] = at('SELECT s.| FROM (SELECT s_ra, dp_id AS id FROM ivoa.ObsCore) AS s')
    const r = adqlCompletions(q, pos, schema)!
    expect(r.options.map((o) => o.label)).toEqual(['s_ra', 'id'])
    expect(r.options[0]!.detail).toBe('double [deg]')
    const [q2, pos2] = at('SELECT s.| FROM (SELECT * FROM dbo.raw) AS s')
    expect(adqlCompletions(q2, pos2, schema)!.options.map((o) => o.label)).toEqual(['dp_id', 'exposure'])
  })

  it('offers the columns of the innermost query inside a subquery', () => {
    const [q, pos] = at('SELECT * FROM ivoa.ObsCore WHERE dp_id IN (SELECT | FROM asm.dimm_paranal)')
    const labels = adqlCompletions(q, pos, schema, true)!.options.filter((o) => o.type === 'column').map((o) => o.label)
    expect(labels).toEqual(['fwhm', 's_ra', 'dp_id'])
  })

  it('offers tables after a JOIN and after a comma in FROM, not after a comma of the select list', () => {
    for (const text of ['SELECT * FROM dbo.raw JOIN |', 'SELECT * FROM dbo.raw AS r, |']) {
      const [q, pos] = at(text)
      expect(adqlCompletions(q, pos, schema, true)!.options.map((o) => o.type)).toContain('table')
    }
    const [q, pos] = at('SELECT dp_id, | FROM dbo.raw')
    const types = adqlCompletions(q, pos, schema, true)!.options.map((o) => o.type)
    expect(types).not.toContain('table')
    expect(types).toContain('column')
  })

  it('stays quiet with nothing typed unless asked', () => {
    const [q, pos] = at('SELECT * FROM dbo.raw WHERE |')
    expect(adqlCompletions(q, pos, schema)).toBeNull()
    expect(adqlCompletions(q, pos, schema, true)!.options.map((o) => o.label)).toContain('exposure')
  })

  it('stays quiet in a comment', () => {
    const [q, pos] = at('SELECT * FROM dbo.raw -- exp|')
    expect(adqlCompletions(q, pos, schema)).toBeNull()
  })

  it('stays quiet inside a string literal', () => {
    const [q, pos] = at("SELECT * FROM dbo.raw WHERE object = 'NGC|")
    expect(adqlCompletions(q, pos, schema)).toBeNull()
  })
})

describe('maskLiterals', () => {
  it('blanks strings (also an open one) and comments, keeping offsets', () => {
    expect(maskLiterals("a 'b''c' -- d\ne 'f")).toBe('a        ' + '    ' + '\ne   ')
  })
})

describe('ADQL hover', () => {
  it('describes a column through its alias, with unit and UCD', () => {
    const q = 'SELECT o.s_ra FROM ivoa.ObsCore AS o'
    const h = adqlHover(q, q.indexOf('s_ra') + 1, schema)!
    expect(h.text).toContain('ivoa.ObsCore.s_ra (double)')
    expect(h.text).toContain('unit: deg')
    expect(h.text).toContain('UCD: pos.eq.ra;meta.main')
    expect(q.slice(h.from, h.to)).toBe('o.s_ra')
  })

  it('describes an unqualified column of a table in scope, and nothing for unknown words', () => {
    const q = 'SELECT fwhm, nothing FROM asm.dimm_paranal'
    expect(adqlHover(q, 8, schema)!.text).toContain('unit: arcsec')
    expect(adqlHover(q, q.indexOf('nothing') + 2, schema)).toBeNull()
  })

  it('describes a column of a subquery and a table name', () => {
    const q = 'SELECT s.ra FROM (SELECT s_ra AS ra FROM ivoa.ObsCore) AS s'
    expect(adqlHover(q, q.indexOf('s.ra') + 3, schema)!.text).toContain('s.ra')
    const h = adqlHover(q, q.indexOf('ObsCore') + 1, schema)!
    expect(h.text).toBe('ivoa.ObsCore\nObservations')
    expect(q.slice(h.from, h.to)).toBe('ivoa.ObsCore')
  })
})
