/**
 * What a query's shape says about its cost (whether the database can hand over its first rows
 * without reading everything the query touches) and about its columns (listed by the user, or `*`).
 */
import type { SyntaxNode, Tree } from '@lezer/common'
import { parseQuery } from './parse'
import { treeHasError } from './checker'

/** Clauses that make the first rows cost as much as all of them (sorting, grouping, set operations, subqueries). */
const WHOLE_RESULT_NODES = new Set(['OrderByClause', 'GroupByClause', 'HavingClause', 'SetOperation', 'SetFunction', 'SubQuery', 'WithClause', 'OffsetClause', 'DISTINCT'])

export interface QueryShape {
  /** A plain SELECT … FROM … WHERE … (joins allowed) with no ORDER BY, GROUP BY, aggregate, DISTINCT, set operation, subquery, OFFSET or uploaded table. */
  plain: boolean
  /** The TOP of a plain query, if it has one. */
  top?: number
  /**
   * The main SELECT names its columns (`SELECT obs_id, s_ra …`): the result's columns come in the order the user
   * wrote. False for `SELECT *` and `SELECT t.*` (only stars): the service's order, which a grid may rearrange.
   */
  listsColumns: boolean
}

/** The select list of the main query (the first SELECT of a set operation; never one inside WITH or a subquery). */
function mainSelectList(tree: Tree): SyntaxNode | undefined {
  let found: SyntaxNode | undefined
  tree.iterate({
    enter: (n) => {
      if (found || n.name === 'WithClause' || n.name === 'SubQuery') return false
      if (n.name === 'SelectList') {
        found = n.node
        return false
      }
      return undefined
    },
  })
  return found
}

/** A select item that is a star: `*` or `t.*` / `schema.t.*`. */
function isStar(item: SyntaxNode): boolean {
  const first = item.firstChild
  if (!first) return false
  if (first.name === 'Star') return true
  return first.name === 'ColumnRef' && first.lastChild?.name === 'Star' && !first.nextSibling
}

/** True when the main SELECT lists at least one column or expression (not only stars). */
function listsColumns(tree: Tree): boolean {
  const list = mainSelectList(tree)
  return !!list && list.getChildren('SelectItem').some((item) => !isStar(item))
}

/** The shape of a query that parses; undefined when it does not. */
export function queryShape(query: string, tree: Tree = parseQuery(query)): QueryShape | undefined {
  if (treeHasError(tree)) return undefined
  const shape: QueryShape = { plain: true, listsColumns: listsColumns(tree) }
  tree.iterate({
    enter: (n) => {
      if (!shape.plain) return false
      if (WHOLE_RESULT_NODES.has(n.name)) shape.plain = false
      else if (n.name === 'TableName' && /^\s*"?tap_upload"?\s*\./i.test(query.slice(n.from, n.to))) shape.plain = false
      else if (n.name === 'TopClause') shape.top = Number(query.slice(n.from, n.to).replace(/^\s*top\s+/i, ''))
      return shape.plain ? undefined : false
    },
  })
  if (!shape.plain) delete shape.top
  return shape
}

/**
 * True for a plain query (see `QueryShape`) with no TOP at or below `minRows`: the first rows of such a
 * query come as soon as the database finds them, so asking for just those costs the service little.
 * A query that does not parse (no shape) is false.
 */
export function cheapFirstRows(shape: QueryShape | undefined, minRows = 0): boolean {
  return !!shape && shape.plain && !(shape.top !== undefined && shape.top <= minRows)
}

/** `cheapFirstRows` of the query text. */
export function firstRowsAreCheap(query: string, minRows = 0): boolean {
  return cheapFirstRows(queryShape(query), minRows)
}
