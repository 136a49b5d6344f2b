/**
 * What a particular service accepts beyond ADQL, as lints. A rule set is plain data chosen by the view for a
 * service (the ADQL view attaches `TAP_CAT_RULES` to ESO's catalogue service, tap_cat); the checks stay pure here.
 */
import type { SyntaxNode, Tree } from '@lezer/common'
import type { SchemaWarning } from './schemaCheck'

export interface ServiceRules {
  /** Shown as the warnings' source, e.g. 'tap_cat'. */
  id: string
  /** Spatial constraints only as CONTAINS(POINT(…), CIRCLE(…)) = 1 (ESO's catalogue service's rule). */
  pointInCircleOnly?: boolean
}

export const TAP_CAT_RULES: ServiceRules = { id: 'tap_cat', pointInCircleOnly: true }

const callName = (query: string, n: SyntaxNode | null) => (n?.name === 'FunctionCall' && n.firstChild ? query.slice(n.firstChild.from, n.firstChild.to).toUpperCase() : '')

function args(call: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = []
  for (let c = call.getChild('ArgList')?.firstChild ?? null; c; c = c.nextSibling) if (!['(', ')', ','].includes(c.name)) out.push(c)
  return out
}

/** The warnings a service's rules give for a query that parses. */
export function checkServiceRules(query: string, tree: Tree, rules: ServiceRules | undefined): SchemaWarning[] {
  if (!rules?.pointInCircleOnly) return []
  const out: SchemaWarning[] = []
  const say = (node: { from: number; to: number }, message: string, fixes?: SchemaWarning['fixes']) =>
    out.push({ from: node.from, to: node.to, message: `${rules.id}: ${message}`, source: rules.id, ...(fixes ? { fixes } : {}) })
  tree.iterate({
    enter: (ref) => {
      const n = ref.node
      const name = callName(query, n)
      if (name === 'INTERSECTS') {
        const [a, b] = args(n)
        const fixable = !!a && !!b && callName(query, a) === 'POINT' && callName(query, b) === 'CIRCLE'
        say(n.firstChild!, 'this service accepts only CONTAINS(POINT(…), CIRCLE(…)) = 1, not INTERSECTS', fixable ? [{ label: 'Use CONTAINS', from: n.firstChild!.from, to: n.firstChild!.to, insert: 'CONTAINS' }] : undefined)
      } else if (name === 'CONTAINS') {
        const [a, b] = args(n)
        if (callName(query, a ?? null) !== 'POINT' || callName(query, b ?? null) !== 'CIRCLE')
          say(n, 'this service accepts only CONTAINS(POINT(…), CIRCLE(…)): a point and a circle, in that order')
        const parent = n.parent
        const other = parent?.name === 'Comparison' ? (parent.firstChild?.from === n.from ? parent.lastChild : parent.firstChild) : null
        const op = parent?.getChild('CompareOp')
        if (!other || !op || query.slice(op.from, op.to) !== '=' || query.slice(other.from, other.to).trim() !== '1') {
          say(parent?.name === 'Comparison' ? parent : n, 'this service accepts CONTAINS(…) only as CONTAINS(…) = 1 (no = 0, no other comparison)')
        }
      }
    },
  })
  return out
}
