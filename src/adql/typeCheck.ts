/**
 * Types the schema makes visible: a comparison of a number with a string (`s_ra > '10'`, `obs_id = 42`,
 * `t_min > '2021-01-01'` on an MJD column), a geometry compared as a value, and geometry functions given
 * columns of the wrong kind or their arguments the wrong way round (`CONTAINS(CIRCLE(…), POINT(…))`).
 */
import type { SyntaxNode, Tree } from '@lezer/common'
import { builtinFunction } from './functions'

export type ColumnType = 'number' | 'string' | 'time' | 'geometry' | 'point'

type Fix = { label: string; from: number; to: number; insert: string }
type Warn = (node: { from: number; to: number }, message: string, fixes?: Fix[]) => void

const VALUES = new Set(['Number', 'Integer', 'String', 'ColumnRef', 'FunctionCall', 'UnaryExpression', 'BinaryExpression', 'ParenExpression', 'CastExpression', 'SetFunction', 'Null'])

function operands(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = []
  for (let c = node.firstChild; c; c = c.nextSibling) if (VALUES.has(c.name)) out.push(c)
  return out
}

/** What a literal or a call is, from the syntax alone. */
function literalType(query: string, node: SyntaxNode): ColumnType | undefined {
  switch (node.name) {
    case 'Number':
    case 'Integer':
      return 'number'
    case 'UnaryExpression': {
      const inner = operands(node)[0]
      return inner && (inner.name === 'Number' || inner.name === 'Integer') ? 'number' : undefined
    }
    case 'String':
      return 'string'
    case 'FunctionCall': {
      const name = node.firstChild
      const f = name?.name === 'FunctionKeyword' ? builtinFunction(query.slice(name.from, name.to)) : undefined
      if (!f) return undefined
      if (f.returns === 'numeric') return 'number'
      if (f.returns === 'string') return 'string'
      if (f.returns === 'point') return 'point'
      if (f.returns === 'geometry') return 'geometry'
      return undefined
    }
    default:
      return undefined
  }
}

const ISO_TIME = /^'\d{4}-\d\d-\d\d([T ][\d:.]+)?Z?'$/

export function checkTypes(query: string, tree: Tree, columnTypeOf: (n: SyntaxNode) => ColumnType | undefined, warn: Warn): void {
  const text = (n: SyntaxNode) => query.slice(n.from, n.to)
  const typeOf = (n: SyntaxNode) => (n.name === 'ColumnRef' ? columnTypeOf(n) : literalType(query, n))
  const isColumn = (n: SyntaxNode) => n.name === 'ColumnRef'

  /** `a` (a column) compared with `b`. */
  const compare = (a: SyntaxNode, b: SyntaxNode) => {
    const ta = typeOf(a)
    const tb = typeOf(b)
    if (!ta || !tb || !isColumn(a)) return
    const col = text(a)
    if (ta === 'geometry' || ta === 'point')
      return warn(a, `${col} is a geometry: compare it with CONTAINS(…) = 1 or INTERSECTS(…) = 1, not as a value`)
    if (ta === 'number' && tb === 'string' && b.name === 'String') {
      const inner = text(b).slice(1, -1)
      const numeric = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(inner)
      if (ISO_TIME.test(text(b)))
        return warn(b, `${col} is a number (with its unit, e.g. MJD for times), not a date: '${inner}' will not compare as a time`)
      return warn(b, `${col} is a number, compared here with the string ${text(b)}`, numeric ? [{ label: `Write ${inner.trim()}`, from: b.from, to: b.to, insert: inner.trim() }] : [])
    }
    if ((ta === 'string' || ta === 'time') && tb === 'number' && !isColumn(b)) {
      const what = ta === 'time' ? 'a timestamp (write times as ISO 8601 strings)' : 'text'
      return warn(b, `${col} is ${what}, compared here with the number ${text(b)}`, ta === 'string' ? [{ label: `Write '${text(b)}'`, from: b.from, to: b.to, insert: `'${text(b)}'` }] : [])
    }
    if (isColumn(b) && ((ta === 'number' && (tb === 'string' || tb === 'time')) || ((ta === 'string' || ta === 'time') && tb === 'number')))
      return warn(b, `${col} (${ta === 'time' ? 'a timestamp' : ta}) is compared with ${text(b)} (${tb === 'time' ? 'a timestamp' : tb})`)
  }

  const both = (a: SyntaxNode, b: SyntaxNode) => {
    if (isColumn(a)) compare(a, b)
    else if (isColumn(b)) compare(b, a)
  }

  tree.iterate({
    enter: (ref) => {
      const n = ref.node
      if (n.name === 'Comparison') {
        const [a, b] = operands(n)
        if (a && b) both(a, b)
      } else if (n.name === 'Between') {
        const [a, ...rest] = operands(n)
        if (a && isColumn(a)) for (const r of rest) compare(a, r)
      } else if (n.name === 'InPredicate') {
        const [a] = operands(n)
        const list = n.getChild('InList')
        if (a && list && isColumn(a)) for (const r of operands(list)) compare(a, r)
      } else if (n.name === 'FunctionCall') checkGeometryArgs(query, n, typeOf, warn)
    },
  })
}

const REGION_CALLS = /^(CIRCLE|BOX|POLYGON|REGION)$/i

function checkGeometryArgs(query: string, call: SyntaxNode, typeOf: (n: SyntaxNode) => ColumnType | undefined, warn: Warn): void {
  const nameNode = call.firstChild
  if (nameNode?.name !== 'FunctionKeyword') return
  const name = query.slice(nameNode.from, nameNode.to).toUpperCase()
  const args = operands(call.getChild('ArgList') ?? call)
  const text = (n: SyntaxNode) => query.slice(n.from, n.to)
  if (/^(POINT|CIRCLE|BOX|POLYGON)$/.test(name)) {
    for (const a of args) {
      const t = a.name === 'ColumnRef' ? typeOf(a) : undefined
      if (t && t !== 'number' && !(name === 'CIRCLE' && t === 'point' && a === args[0]))
        warn(a, `${name} takes coordinates in degrees: ${text(a)} is ${t === 'string' ? 'text' : t === 'time' ? 'a timestamp' : 'a geometry'}`)
    }
    return
  }
  if (!/^(CONTAINS|INTERSECTS|DISTANCE)$/.test(name) || args.length !== 2) return
  const [a, b] = args as [SyntaxNode, SyntaxNode]
  for (const x of args) {
    const t = typeOf(x)
    if (x.name === 'ColumnRef' && t && t !== 'geometry' && t !== 'point')
      warn(x, `${name} takes geometries (POINT, CIRCLE, a region column…): ${text(x)} is ${t === 'number' ? 'a number' : t === 'time' ? 'a timestamp' : 'text'}`)
  }
  if (name === 'CONTAINS') {
    const first = a.name === 'FunctionCall' ? text(a.firstChild ?? a) : ''
    const aRegion = REGION_CALLS.test(first) || typeOf(a) === 'geometry'
    const bPoint = typeOf(b) === 'point'
    if (aRegion && bPoint) {
      const swap = `${text(b)}, ${text(a)}`
      warn({ from: a.from, to: b.to }, 'CONTAINS(a, b) is true when a lies inside b: the point goes first', [{ label: 'Swap the arguments', from: a.from, to: b.to, insert: swap }])
    }
  }
}
