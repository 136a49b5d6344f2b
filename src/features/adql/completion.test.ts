import { describe, expect, it } from 'vitest'
import { adqlCompletions, adqlHover, tablesInScope, type CompletionSchema } from './completion'

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
  it('finds tables and aliases in FROM and JOIN, ignoring string literals', () => {
    expect(tablesInScope("SELECT * FROM ivoa.ObsCore AS o JOIN dbo.raw r ON o.dp_id = r.dp_id WHERE x = 'FROM fake'")).toEqual([
      { table: 'ivoa.ObsCore', alias: 'o' },
      { table: 'dbo.raw', alias: 'r' },
    ])
    expect(tablesInScope('SELECT * FROM ivoa.ObsCore, dbo.raw WHERE 1=1')).toEqual([{ table: 'ivoa.ObsCore', alias: undefined }, { table: 'dbo.raw', alias: undefined }])
  })

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

  it('stays quiet inside a string literal', () => {
    const [q, pos] = at("SELECT * FROM dbo.raw WHERE object = 'NGC|")
    expect(adqlCompletions(q, pos, schema)).toBeNull()
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
})
