/**
 * What a query's shape says about its cost: whether the database can hand over its first rows
 * without reading everything the query touches.
 */
import { parser } from './parser'
import { treeHasError } from './checker'

/** Clauses that make the first rows cost as much as all of them (sorting, grouping, set operations, subqueries). */
const WHOLE_RESULT_NODES = new Set(['OrderByClause', 'GroupByClause', 'HavingClause', 'SetOperation', 'SetFunction', 'SubQuery', 'WithClause', 'OffsetClause', 'DISTINCT'])

/**
 * True for a plain SELECT … FROM … WHERE … (joins allowed) with no ORDER BY, GROUP BY, aggregate,
 * DISTINCT, set operation, subquery, OFFSET or uploaded table, and no TOP at or below `minRows`:
 * the first rows of such a query come as soon as the database finds them, so asking for just those
 * costs the service little. Anything that does not parse is false.
 */
export function firstRowsAreCheap(query: string, minRows = 0): boolean {
  const tree = parser.parse(query)
  if (treeHasError(tree)) return false
  let cheap = true
  tree.iterate({
    enter: (n) => {
      if (!cheap) return false
      if (WHOLE_RESULT_NODES.has(n.name)) cheap = false
      else if (n.name === 'TableName' && /^\s*"?tap_upload"?\s*\./i.test(query.slice(n.from, n.to))) cheap = false
      else if (n.name === 'TopClause' && Number(query.slice(n.from, n.to).replace(/^\s*top\s+/i, '')) <= minRows) cheap = false
      return cheap ? undefined : false
    },
  })
  return cheap
}
