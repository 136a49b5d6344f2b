/**
 * Pretty-printer: keywords and built-in function names in upper case, one clause per line,
 * subqueries indented, AND/OR of WHERE/HAVING on their own lines, comments kept. Only whitespace
 * and keyword case change, so the meaning is the same; the layout depends on the tokens alone, so
 * formatting is idempotent. A query with a syntax error is returned unchanged.
 */
import type { SyntaxNode } from '@lezer/common'
import { parseQuery } from './parse'
import { GRAMMAR_KEYWORDS } from './keywords'
import { treeHasError } from './validate'

const UPPER = new Set([...GRAMMAR_KEYWORDS, 'FunctionKeyword', 'AggregateKeyword', 'TypeName'])
const CLAUSES = new Set(['SelectQuery', 'FromClause', 'WhereClause', 'GroupByClause', 'HavingClause', 'OrderByClause', 'OffsetClause'])
const QUERY_PARENS = new Set(['SubQuery', 'ParenQuery'])
const CALL_PARENS = new Set(['ArgList', 'SetFunction', 'CastExpression', 'CastType'])
const INDENT = '    '

function leaves(node: SyntaxNode, out: SyntaxNode[]): SyntaxNode[] {
  if (!node.firstChild) out.push(node)
  for (let c = node.firstChild; c; c = c.nextSibling) leaves(c, out)
  return out
}

function depth(node: SyntaxNode): number {
  let d = 0
  for (let p = node.parent; p; p = p.parent) if (QUERY_PARENS.has(p.name)) d++
  return d
}

/** The leaf is the first token of `parent`. */
function starts(leaf: SyntaxNode, parent: SyntaxNode | null): boolean {
  return !!parent && parent.from === leaf.from
}

function isLogicalInFilter(leaf: SyntaxNode): boolean {
  if (leaf.name !== 'AND' && leaf.name !== 'OR') return false
  for (let p = leaf.parent; p; p = p.parent) {
    if (p.name === 'WhereClause' || p.name === 'HavingClause') return true
    if (p.name !== 'AndCondition' && p.name !== 'OrCondition') return false
  }
  return false
}

/** Upper-cases keywords and lays the query out clause by clause. */
export function formatAdql(query: string): string {
  const tree = parseQuery(query)
  if (treeHasError(tree)) return query
  const tokens = leaves(tree.topNode, [])
  let out = ''
  let breakNext = false
  let prev: SyntaxNode | null = null
  for (const leaf of tokens) {
    let text = query.slice(leaf.from, leaf.to)
    if (UPPER.has(leaf.name)) text = text.toUpperCase()
    if (leaf.name === 'LineComment') text = text.trimEnd()
    const d = depth(leaf)
    const parent = leaf.parent
    let sep: string
    if (!prev) sep = ''
    else if (breakNext) sep = '\n' + INDENT.repeat(d) + (CLAUSES.has(parent?.name ?? '') && starts(leaf, parent) ? '' : '  ')
    else sep = ' '
    // Line breaks before clauses, set operators, joins, AND/OR of filters, closing query parentheses.
    if (prev) {
      const clauseStart = [...CLAUSES].some((c) => {
        for (let p: SyntaxNode | null = parent; p; p = p.parent) if (p.name === c) return p.from === leaf.from
        return false
      })
      if (clauseStart || (prev.parent?.name === 'SetOperation' && /^(UNION|EXCEPT|INTERSECT|ALL)$/.test(prev.name)))
        sep = '\n' + INDENT.repeat(d)
      if (/^(UNION|EXCEPT|INTERSECT)$/.test(leaf.name) && parent?.name === 'SetOperation') sep = '\n' + INDENT.repeat(d)
      if (parent?.name === 'JoinOperator' && starts(leaf, parent)) sep = '\n' + INDENT.repeat(d) + '  '
      if (isLogicalInFilter(leaf)) sep = '\n' + INDENT.repeat(d) + '  '
      if (leaf.name === ')' && parent && QUERY_PARENS.has(parent.name)) sep = '\n' + INDENT.repeat(d - 1)
      if (leaf.name === 'ALL' && parent?.name === 'SetOperation') sep = ' '
      if (leaf.name === 'StringPart' && prev.name === 'StringPart') sep = '\n' + INDENT.repeat(d) + '  '
      if (!sep.includes('\n')) {
        if (leaf.name === ',' || leaf.name === ';' || leaf.name === '.' || prev.name === '.') sep = ''
        else if (leaf.name === ')' || (prev.name === '(' && !(prev.parent && QUERY_PARENS.has(prev.parent.name)))) sep = ''
        else if (leaf.name === '(' && parent && CALL_PARENS.has(parent.name)) sep = ''
        else if (prev.parent?.parent?.name === 'UnaryExpression' && (prev.parent.name === 'ArithOp' || prev.parent.name === 'BitOp'))
          sep = out.endsWith('-') && text.startsWith('-') ? ' ' : ''
      }
      if (prev.name === 'LineComment' && !sep.includes('\n')) sep = '\n' + INDENT.repeat(d) + '  '
    }
    out += sep + text
    breakNext = leaf.name === 'LineComment'
    prev = leaf
  }
  return out
}
