import { describe, expect, it } from 'vitest'
import { analyseQuery } from './analyse'
import { parseQuery } from './parse'

describe('parseQuery', () => {
  it('parses a text once while it is among the last few', () => {
    const q = 'SELECT * FROM ivoa.ObsCore -- parseQuery'
    const tree = parseQuery(q)
    expect(tree.topNode.name).toBe('Query')
    expect(parseQuery(q)).toBe(tree)
    for (let i = 0; i < 3; i++) parseQuery(`SELECT ${i} FROM t`)
    expect(parseQuery(q)).toBe(tree)
    for (let i = 0; i < 4; i++) parseQuery(`SELECT ${i} FROM u`)
    expect(parseQuery(q)).not.toBe(tree)
  })
})

describe('analyseQuery', () => {
  it('gives the tree, the validation and the shape of one parse', () => {
    const a = analyseQuery('SELECT TOP 10 * FROM ivoa.ObsCore')
    expect(a.tree).toBe(parseQuery(a.text))
    expect(a.validation).toEqual({ ok: true, errors: [] })
    expect(a.shape).toEqual({ plain: true, top: 10, listsColumns: false })
  })

  it('reports errors and no shape for a query that does not parse', () => {
    const a = analyseQuery('SELECT FROM')
    expect(a.validation.ok).toBe(false)
    expect(a.validation.errors[0]!.message).toMatch(/Expected/)
    expect(a.shape).toBeUndefined()
  })

  it('answers again from the last analysis for the same text and options only', () => {
    const udfs = ['ivo_hasword(a VARCHAR, b VARCHAR) -> INTEGER']
    const q = 'SELECT * FROM t WHERE ivo_hasword(a, b) = 1 AND gavo_x(a) = 1'
    const a = analyseQuery(q, { udfs })
    expect(analyseQuery(q, { udfs })).toBe(a)
    expect(a.validation.errors.map((e) => q.slice(e.from, e.to))).toEqual(['gavo_x'])
    const b = analyseQuery(q)
    expect(b).not.toBe(a)
    expect(b.validation.ok).toBe(true)
    expect(b.tree).toBe(a.tree)
  })
})
