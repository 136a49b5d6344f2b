/**
 * The tables a query reads, from its parse tree: FROM and JOIN items with their aliases, subqueries in
 * FROM (with the columns they give) and WITH queries named in FROM. The error-recovering parse keeps
 * the FROM clause of a query still being typed (`SELECT o. FROM ivoa.ObsCore AS o`).
 */
import type { SyntaxNode, Tree } from '@lezer/common'
import { parseQuery } from './parse'

export interface TableInScope {
  /** The table's name as written, quotes removed; absent for a subquery. */
  table?: string
  alias?: string
  /** A subquery (in FROM, or a WITH query): the names of the columns it gives ('*' for all those of its tables)… */
  columns?: string[]
  /** …and the tables it reads. */
  tables?: TableInScope[]
  /** A subquery's select list has an expression without an alias: the service names that column, not the query. */
  open?: boolean
}

/** Text of a name: a quoted identifier loses its quotes ("" stands for one "). */
export function nameText(query: string, node: SyntaxNode): string {
  const text = query.slice(node.from, node.to)
  return node.name === 'QuotedIdentifier' ? text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined).replace(/""/g, '"') : text
}

/** The names of a dotted name (TableName, ColumnRef): one per Identifier, QuotedIdentifier or Star. */
export function nameParts(query: string, node: SyntaxNode): string[] {
  const parts: string[] = []
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'Identifier' || c.name === 'QuotedIdentifier') parts.push(nameText(query, c))
    else if (c.name === 'Star') parts.push('*')
  }
  return parts
}

function aliasOf(query: string, node: SyntaxNode): string | undefined {
  const alias = node.getChild('Alias')?.firstChild
  return alias ? nameText(query, alias) : undefined
}

/** The first SELECT of a query expression (the one that names the columns of a set operation). */
function firstSelect(node: SyntaxNode): SyntaxNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'SelectQuery') return c
    if (c.name === 'ParenQuery' || c.name === 'SetOperation') {
      const s = firstSelect(c)
      if (s) return s
    }
  }
  return null
}

/** The names of the columns a select list gives: aliases, the last part of column references, '*' (and '?' for an unnamed expression). */
function outputColumns(query: string, select: SyntaxNode): string[] {
  const out: string[] = []
  for (const item of select.getChild('SelectList')?.getChildren('SelectItem') ?? []) {
    const alias = aliasOf(query, item)
    const first = item.firstChild
    if (alias !== undefined) out.push(alias)
    else if (first?.name === 'Star') out.push('*')
    else if (first?.name === 'ColumnRef') {
      const parts = nameParts(query, first)
      if (parts.length) out.push(parts[parts.length - 1]!)
    } else if (first) out.push('?')
  }
  return out
}

type WithQueries = Map<string, SyntaxNode>

function withQueries(query: string, tree: Tree): WithQueries {
  const out: WithQueries = new Map()
  for (const w of tree.topNode.getChild('WithClause')?.getChildren('WithQuery') ?? []) {
    const name = w.firstChild
    const sub = w.getChild('SubQuery')
    if (name && sub) out.set(nameText(query, name).toLowerCase(), sub)
  }
  return out
}

function subquery(query: string, sub: SyntaxNode, withs: WithQueries, alias: string | undefined): TableInScope {
  const select = firstSelect(sub)
  const all = select ? outputColumns(query, select) : []
  const columns = all.filter((c) => c !== '?')
  const scope: TableInScope = { alias, columns, tables: select ? fromItems(query, select, withs) : [] }
  return columns.length < all.length ? { ...scope, open: true } : scope
}

/** The tables of a SELECT's own FROM clause (not those of subqueries in its conditions). */
function fromItems(query: string, select: SyntaxNode, withs: WithQueries): TableInScope[] {
  const out: TableInScope[] = []
  const visit = (node: SyntaxNode) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'TableRef') {
        const nameNode = c.getChild('TableName')
        const table = nameNode ? nameParts(query, nameNode).join('.') : ''
        const alias = aliasOf(query, c)
        const cte = withs.get(table.toLowerCase())
        if (cte) out.push({ ...subquery(query, cte, new Map(), alias ?? table), table })
        else if (table) out.push(alias === undefined ? { table } : { table, alias })
      } else if (c.name === 'DerivedTable') {
        const sub = c.getChild('SubQuery')
        if (sub) out.push(subquery(query, sub, withs, aliasOf(query, c)))
      } else if (c.name === 'JoinedTable' || c.name === 'ParenJoin') visit(c)
    }
  }
  const from = select.getChild('FromClause')
  if (from) visit(from)
  return out
}

/** The tables of one SELECT's FROM clause (WITH queries of the whole query resolved). */
export function tablesOfSelect(query: string, select: SyntaxNode, tree: Tree): TableInScope[] {
  return fromItems(query, select, withQueries(query, tree))
}

/** The first SELECT of a query expression (for an ORDER BY, which follows the SELECT it orders). */
export function leadingSelect(node: SyntaxNode): SyntaxNode | null {
  return firstSelect(node)
}

/**
 * Tables in scope at `pos`: those of the innermost SELECT around it first, then those of the SELECTs
 * around that one (a subquery may refer to them). Without `pos`: every table the query names, in order.
 */
export function tablesInScope(query: string, pos?: number, tree: Tree = parseQuery(query)): TableInScope[] {
  const withs = withQueries(query, tree)
  const out: TableInScope[] = []
  if (pos === undefined) {
    tree.iterate({
      enter: (n) => {
        if (n.name === 'SelectQuery') out.push(...fromItems(query, n.node, withs))
      },
    })
    return out
  }
  for (let n: SyntaxNode | null = tree.resolveInner(pos, -1); n; n = n.parent) {
    if (n.name === 'SelectQuery') out.push(...fromItems(query, n, withs))
  }
  return out
}
