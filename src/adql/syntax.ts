/**
 * Readable syntax errors. Lezer recovers from errors but does not say what it expected, so the
 * first stuck position is found with a strict parse, and the expected tokens by trying a short list
 * of candidates there (each a strict parse of the prefix plus the candidate). Runs only for queries
 * that have a syntax error.
 */
import type { Tree } from '@lezer/common'
import { parser } from './parser'
import * as terms from './parser.terms'
import { probe } from './tokens'

const strictParser = parser.configure({ strict: true })

/** Position of the token the parser got stuck on, or -1 if the text parses. */
export function stuckPosition(text: string): number {
  try {
    strictParser.parse(text)
    return -1
  } catch (e) {
    const m = /No parse at (\d+)/.exec(String(e))
    return m ? Number(m[1]) : 0
  }
}

interface Candidate {
  text: string
  label: string
  group: 'clause' | 'keyword' | 'punct' | 'operand' | 'operator' | 'alias'
}

const kw = (text: string, group: Candidate['group'] = 'keyword'): Candidate => ({ text, label: text, group })

const CANDIDATES: Candidate[] = [
  kw('SELECT', 'clause'),
  kw('FROM', 'clause'),
  { text: ',', label: "','", group: 'punct' },
  kw('JOIN', 'clause'),
  kw('WHERE', 'clause'),
  kw('GROUP BY', 'clause'),
  kw('HAVING', 'clause'),
  kw('ORDER BY', 'clause'),
  kw('OFFSET', 'clause'),
  kw('UNION', 'clause'),
  kw('ON'),
  kw('USING'),
  { text: '=', label: 'a comparison operator', group: 'operator' },
  kw('AND'),
  kw('BETWEEN'),
  kw('IN'),
  kw('LIKE'),
  kw('IS'),
  kw('NULL'),
  kw('AS', 'alias'),
  { text: 'INTEGER', label: 'a type (INTEGER, REAL, DOUBLE PRECISION, VARCHAR, TIMESTAMP, POINT…)', group: 'keyword' },
  { text: ')', label: "')'", group: 'punct' },
  { text: '(', label: "'('", group: 'punct' },
  { text: '*', label: "'*'", group: 'punct' },
  { text: '.', label: "'.'", group: 'punct' },
  { text: '+', label: 'an operator', group: 'operator' },
  { text: 'zq9', label: 'a name', group: 'operand' },
  { text: '1', label: 'a number', group: 'operand' },
  { text: '1.5', label: 'a number', group: 'operand' },
  { text: "'s'", label: 'a string', group: 'operand' },
  kw('EXISTS', 'operand'),
  kw('NOT', 'operand'),
]

function tokenTerm(text: string): number {
  const termIds = terms as unknown as Record<string, number>
  if (/^[A-Z]/.test(text)) return termIds[text.split(' ')[0]!] ?? terms.TypeName
  if (text === 'zq9') return terms.Identifier
  if (text === '1') return terms.Integer
  if (text === '1.5') return terms.Number
  if (text.startsWith("'")) return terms.StringPart
  if (text === '=') return terms.CompareOp
  const type = parser.nodeSet.types.find((t) => t.name === text)
  return type ? type.id : -1
}

const CANDIDATE_TERMS = CANDIDATES.map((c) => (c.text === 'INTEGER' ? terms.TypeName : tokenTerm(c.text)))

/** Terms the parser could shift right after `prefix` (which must parse up to its end). */
function acceptedAfter(prefix: string): Set<number> {
  probe.terms = CANDIDATE_TERMS
  probe.accepted = new Set()
  try {
    parser.parse(prefix + ' ' + probe.word)
    return probe.accepted
  } finally {
    probe.accepted = null
  }
}

/** Human list of what may come at `pos` (where the strict parse of `query` got stuck). */
export function expectedAt(query: string, pos: number): string[] {
  const prefix = query.slice(0, pos)
  const accepted = acceptedAfter(prefix)
  const ok = CANDIDATES.filter((_, i) => accepted.has(CANDIDATE_TERMS[i]!))
  const has = (t: string) => ok.some((c) => c.text === t)
  const labels: string[] = []
  const operand = has('zq9') && has('1') && has("'s'")
  const clause = ok.some((c) => c.group === 'clause')
  if (operand && has('NOT') && has('EXISTS')) labels.push('a condition')
  else if (operand) labels.push('an expression')
  for (const c of ok) {
    if (operand && (c.group === 'operand' || c.text === '(' || c.text === 'NULL' || c.text === '+')) continue
    if (clause && (c.text === '(' || c.text === '*' || c.text === '.' || c.group === 'operator' || c.group === 'alias')) continue
    if (clause && c.text === 'zq9') continue
    if (c.text === '+' && ok.length > 1) continue
    if (c.text === '(' && has('=')) continue
    if (c.text === '*' && has('+')) continue
    if (c.text === '.' && ok.length > 2) continue
    if (c.group === 'alias' && ok.length > 3) continue
    if (c.text === '1.5') continue
    if (c.text === '1' && !has('1.5')) {
      labels.push('an unsigned integer')
      continue
    }
    labels.push(c.label)
  }
  if (stuckPosition(prefix) < 0) labels.push('the end of the query')
  return [...new Set(labels)].slice(0, 8)
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? 'something else'
  return items.slice(0, -1).join(', ') + ' or ' + items[items.length - 1]
}

/** The token at `pos` (whitespace and comments skipped), as [from, to]. */
export function tokenAt(query: string, pos: number): [number, number] {
  const re = /\s+|--[^\n]*/y
  re.lastIndex = pos
  while (re.lastIndex < query.length && re.exec(query)) pos = re.lastIndex
  if (pos >= query.length) return [query.length, query.length]
  const tok = /[A-Za-z_][A-Za-z0-9_]*|\d*\.?\d+(?:[eE][+-]?\d+)?\.?|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|\|\||<>|!=|<=|>=|./y
  tok.lastIndex = pos
  const m = tok.exec(query)
  return [pos, pos + (m ? m[0].length : 1)]
}

const CONTEXTS: Record<string, string> = {
  SelectList: 'after the select list',
  WhereClause: 'in the WHERE clause',
  HavingClause: 'in the HAVING clause',
  GroupByClause: 'in GROUP BY',
  OrderByClause: 'in ORDER BY',
  ArgList: 'in the argument list',
  CastExpression: 'in CAST',
  FromClause: 'in the FROM clause',
  JoinSpec: 'in the join condition',
}

/** End of the last token before `pos` (whitespace skipped; comments are tokens of their own). */
export function endBefore(query: string, pos: number): number {
  let before = pos
  while (before > 0 && /\s/.test(query[before - 1]!)) before--
  return before
}

function describeContext(tree: Tree, query: string, pos: number): string {
  const before = endBefore(query, pos)
  if (before === 0) return 'at the start of the query'
  const node = tree.resolveInner(before, -1)
  if (node.name === 'LineComment') return ''
  for (let n: typeof node | null = node; n; n = n.parent) {
    if (n.type.isError) continue
    const phrase = CONTEXTS[n.name]
    if (phrase && n.name !== 'SelectList' && n.to === before && query[before - 1] === ')') continue
    if (phrase) {
      if (n.name === 'SelectList' && n.to < before) break
      return phrase
    }
    if (n.name === 'SubQuery' || n.name === 'Query' || n.name === 'SelectQuery') break
  }
  const [from, to] = lastToken(query, before)
  return `after '${query.slice(from, to)}'`
}

function lastToken(query: string, end: number): [number, number] {
  let from = end - 1
  if (/[A-Za-z0-9_]/.test(query[from]!)) while (from > 0 && /[A-Za-z0-9_.]/.test(query[from - 1]!)) from--
  else if (query[from] === "'" || query[from] === '"') {
    const q = query[from]!
    from = query.lastIndexOf(q, from - 1)
    if (from < 0) from = end - 1
  }
  return [from, end]
}

/** The first syntax error of `query`, with what was expected; undefined if none. */
export function firstSyntaxError(query: string, tree: Tree): { from: number; to: number; message: string } | undefined {
  const pos = stuckPosition(query)
  if (pos < 0) return undefined
  const [from, to] = tokenAt(query, pos)
  const text = query.slice(from, to)
  if (/^['"]/.test(text) && (text.length === 1 || text[text.length - 1] !== text[0])) {
    const what = text[0] === "'" ? 'string literal' : 'quoted name'
    return { from, to, message: `Unclosed ${what}: missing the closing ${text[0]}` }
  }
  const found = from >= query.length ? 'the end of the query' : `'${text}'`
  const expected = expectedAt(query, from)
  const context = describeContext(tree, query, from)
  const what = expected.length ? `Expected ${joinOr(expected)}` : 'Unexpected input'
  return { from, to, message: `${what}${context ? ' ' + context : ''}, found ${found}` }
}
