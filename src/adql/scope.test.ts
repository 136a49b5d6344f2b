import { describe, expect, it } from 'vitest'
import { parseQuery } from './parse'
import { nameParts, nameText, tablesInScope } from './scope'

describe('tablesInScope', () => {
  it('finds the tables of FROM and JOIN with their aliases, ignoring string literals and comments', () => {
    expect(tablesInScope("SELECT * FROM ivoa.ObsCore AS o JOIN dbo.raw r ON o.dp_id = r.dp_id WHERE x = 'FROM fake' -- FROM other")).toEqual([
      { table: 'ivoa.ObsCore', alias: 'o' },
      { table: 'dbo.raw', alias: 'r' },
    ])
    expect(tablesInScope('SELECT * FROM ivoa.ObsCore, dbo.raw WHERE 1=1')).toEqual([{ table: 'ivoa.ObsCore' }, { table: 'dbo.raw' }])
  })

  it('follows nested and parenthesised joins', () => {
    expect(tablesInScope('SELECT * FROM a NATURAL JOIN (b LEFT OUTER JOIN c AS z USING (k)) JOIN d ON 1=1').map((t) => t.alias ?? t.table)).toEqual(['a', 'b', 'z', 'd'])
  })

  it('reads quoted identifiers without their quotes', () => {
    expect(tablesInScope('SELECT * FROM "ivoa"."ObsCore" "o"')).toEqual([{ table: 'ivoa.ObsCore', alias: 'o' }])
    expect(tablesInScope('SELECT * FROM "odd""name" AS x')).toEqual([{ table: 'odd"name', alias: 'x' }])
  })

  it('keeps the FROM clause of a query being typed', () => {
    const q = 'SELECT o. FROM ivoa.obscore AS o'
    expect(tablesInScope(q, q.indexOf('.') + 1)).toEqual([{ table: 'ivoa.obscore', alias: 'o' }])
    expect(tablesInScope('SELECT o.s_ra, FROM ivoa.ObsCore o WHERE o.', 43)).toEqual([{ table: 'ivoa.ObsCore', alias: 'o' }])
  })

  it('gives a subquery in FROM its alias, columns and tables', () => {
    expect(tablesInScope('SELECT s.a FROM (SELECT a, b AS c, t.* FROM t) AS s', 8)).toEqual([
      { alias: 's', columns: ['a', 'c', '*'], tables: [{ table: 't' }] },
    ])
  })

  it('sees the innermost query and those around it from inside a subquery, not sibling subqueries', () => {
    const q = 'SELECT * FROM a AS x WHERE EXISTS (SELECT 1 FROM b AS y WHERE y.k = x.k) AND k IN (SELECT k FROM c)'
    expect(tablesInScope(q, q.indexOf('y.k')).map((t) => t.alias)).toEqual(['y', 'x'])
    expect(tablesInScope(q, q.indexOf('*')).map((t) => t.alias ?? t.table)).toEqual(['x'])
    expect(tablesInScope(q).map((t) => t.alias ?? t.table)).toEqual(['x', 'y', 'c'])
  })

  it('reads a WITH query named in FROM as a subquery', () => {
    expect(tablesInScope('WITH w AS (SELECT a FROM t) SELECT w. FROM w', 37)).toEqual([{ table: 'w', alias: 'w', columns: ['a'], tables: [{ table: 't' }] }])
  })
})

describe('names', () => {
  it('splits dotted names and unquotes quoted parts', () => {
    const q = 'SELECT "My Col", o.* FROM x.y'
    const tree = parseQuery(q)
    const refs: string[][] = []
    tree.iterate({ enter: (n) => void (n.name === 'ColumnRef' || n.name === 'TableName' ? refs.push(nameParts(q, n.node)) : undefined) })
    expect(refs).toEqual([['My Col'], ['o', '*'], ['x', 'y']])
    const quoted = tree.resolveInner(8, 1)
    expect(nameText(q, quoted)).toBe('My Col')
  })
})
