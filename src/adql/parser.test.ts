import { readFileSync } from 'node:fs'
import { buildParserFile } from '@lezer/generator'
import { describe, expect, it } from 'vitest'
import { parser } from './index'

const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8')

describe('ADQL Lezer parser', () => {
  it('is generated from the current adql.grammar (run `npm run adql:grammar` after editing it)', () => {
    const built = buildParserFile(read('./adql.grammar'), { fileName: 'src/adql/adql.grammar', typeScript: true })
    expect(read('./parser.ts')).toBe(built.parser)
    expect(read('./parser.terms.ts')).toBe(built.terms)
  })

  it('builds a tree with case-insensitive keywords', () => {
    const tree = parser.parse('sElEcT ToP 5 ra FrOm ivoa.obscore WhErE ra > 1')
    expect(tree.toString()).toBe(
      'Query(SelectQuery(SELECT,TopClause(TOP,Integer),SelectList(SelectItem(ColumnRef(Identifier))),' +
        'FromClause(FROM,TableRef(TableName(Identifier,".",Identifier))),' +
        'WhereClause(WHERE,Comparison(ColumnRef(Identifier),CompareOp,Integer))))',
    )
  })

  it('keeps comments, strings and quoted names as single tokens', () => {
    const tree = parser.parse(`SELECT "a ""b""" AS x -- 'not a string\nFROM t WHERE s = 'it''s'`)
    const names: string[] = []
    tree.iterate({ enter: (n) => void names.push(n.name) })
    expect(names).toContain('LineComment')
    expect(names.filter((n) => n === 'QuotedIdentifier')).toHaveLength(1)
    expect(names.filter((n) => n === 'StringPart')).toHaveLength(1)
  })

  it('recovers from errors with error nodes (for live highlighting)', () => {
    const tree = parser.parse('SELECT a FROM WHERE b = 1')
    let errors = 0
    tree.iterate({ enter: (n) => void (n.type.isError && errors++) })
    expect(errors).toBeGreaterThan(0)
    expect(tree.length).toBe(25)
  })
})

describe('ADQL highlighting', () => {
  it('tags keywords, functions, strings and comments', async () => {
    const { highlightTree, classHighlighter } = await import('@lezer/highlight')
    const q = "SELECT ABS(a) FROM t WHERE s = 'x' -- c"
    const spans: string[] = []
    highlightTree(parser.parse(q), classHighlighter, (from, to, cls) => spans.push(`${q.slice(from, to)}:${cls}`))
    expect(spans).toContain('SELECT:tok-keyword')
    expect(spans).toContain("'x':tok-string")
    expect(spans).toContain('-- c:tok-comment')
    expect(spans.some((s) => s.startsWith('ABS:') && s.includes('tok-variableName'))).toBe(true)
  })
})
