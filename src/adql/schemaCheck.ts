/**
 * Schema-aware checks of a query that parses: tables and columns (through aliases, joins, subqueries and WITH)
 * against the service's TAP_SCHEMA, geometry functions against its capabilities, and the types of comparisons and
 * of geometry-function arguments. What it finds are warnings with fix-its ("did you mean obs_id?"), never errors:
 * TAP_SCHEMA may be incomplete or stale, and the service has the last word (see README "What is in it").
 */
import type { SyntaxNode, Tree } from '@lezer/common'
import type { SchemaColumn, SchemaTable } from './completion'
import { builtinFunction } from './functions'
import { leadingSelect, nameParts, nameText, tablesOfSelect, type TableInScope } from './scope'
import { closestNames } from './suggest'
import { checkTypes, type ColumnType } from './typeCheck'

/** A replacement the editor can apply. */
export interface SchemaFix {
  label: string
  from: number
  to: number
  insert: string
}

export interface SchemaWarning {
  from: number
  to: number
  message: string
  fixes?: SchemaFix[]
  /** What found it: the schema, or a service rule (its id). */
  source: 'schema' | string
}

export interface SchemaCheckOptions {
  /** The service's tables; undefined (not read yet) means no schema checks at all. */
  tables?: readonly SchemaTable[]
  /** The geometry functions the service declares (TAPRegExt features-adqlgeo); empty or absent: not checked. */
  geometryFunctions?: readonly string[]
}

/** A table in scope as the checks see it: the names it answers to and its columns (undefined: not known, so not checked). */
interface Resolved {
  names: string[]
  label: string
  columns?: Map<string, SchemaColumn>
}

function findTable(tables: readonly SchemaTable[], name: string): SchemaTable | undefined {
  const n = name.toLowerCase()
  return tables.find((t) => t.name.toLowerCase() === n)
}

function resolve(tables: readonly SchemaTable[], s: TableInScope): Resolved {
  const names = [s.alias, s.table, s.alias === undefined ? s.table?.split('.').pop() : undefined].filter((n): n is string => !!n).map((n) => n.toLowerCase())
  const label = s.alias ?? s.table ?? 'the subquery'
  if (!s.columns) {
    const t = s.table === undefined ? undefined : findTable(tables, s.table)
    return { names, label: t?.name ?? label, columns: t && new Map(t.columns.map((c) => [c.name.toLowerCase(), c])) }
  }
  if (s.open) return { names, label }
  const inner = (s.tables ?? []).map((t) => resolve(tables, t))
  const columns = new Map<string, SchemaColumn>()
  for (const name of s.columns) {
    if (name === '*') {
      for (const t of inner) {
        if (!t.columns) return { names, label }
        for (const [k, c] of t.columns) columns.set(k, c)
      }
      continue
    }
    const known = inner.map((t) => t.columns?.get(name.toLowerCase())).find(Boolean)
    columns.set(name.toLowerCase(), known ? { ...known, name } : { name })
  }
  return { names, label, columns }
}

/** What a column holds, from its TAP_SCHEMA datatype and xtype. */
export function columnType(c: SchemaColumn | undefined): ColumnType | undefined {
  if (!c?.datatype) return undefined
  const x = (c.xtype ?? '').toLowerCase().replace(/^adql:/, '')
  if (x === 'point') return 'point'
  if (['region', 'polygon', 'circle', 'box', 'moc', 'shape'].includes(x)) return 'geometry'
  if (x === 'timestamp') return 'time'
  const d = c.datatype.toLowerCase()
  if (/^(short|int|long|float|double|unsignedbyte|smallint|integer|bigint|real|double precision|boolean)$/.test(d)) return 'number'
  if (/char|clob|text/.test(d)) return 'string'
  return undefined
}

const quoteIfNeeded = (name: string) => (/^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`)

export class SchemaChecker {
  readonly warnings: SchemaWarning[] = []
  private readonly withNames: Set<string>

  constructor(
    private readonly query: string,
    private readonly tree: Tree,
    private readonly tables: readonly SchemaTable[],
    private readonly geometryFunctions: readonly string[],
  ) {
    this.withNames = new Set(
      (tree.topNode.getChild('WithClause')?.getChildren('WithQuery') ?? []).map((w) => (w.firstChild ? nameText(query, w.firstChild).toLowerCase() : '')),
    )
  }

  private warn(node: { from: number; to: number }, message: string, fixes?: SchemaFix[]): void {
    this.warnings.push({ from: node.from, to: node.to, message, source: 'schema', ...(fixes?.length ? { fixes } : {}) })
  }

  private didYouMean(node: SyntaxNode | { from: number; to: number }, names: string[], dotted = false): { hint: string; fixes: SchemaFix[] } {
    if (!names.length) return { hint: '', fixes: [] }
    const hint = ` — did you mean ${names.join(' or ')}?`
    const write = (n: string) => (dotted ? n.split('.').map(quoteIfNeeded).join('.') : quoteIfNeeded(n))
    return { hint, fixes: names.map((n) => ({ label: `Use ${n}`, from: node.from, to: node.to, insert: write(n) })) }
  }

  run(): SchemaWarning[] {
    this.tree.iterate({
      enter: (ref) => {
        const n = ref.node
        if (n.name === 'TableRef') this.checkTable(n)
        else if (n.name === 'ColumnRef') this.checkColumn(n)
        else if (n.name === 'FunctionCall') this.checkGeometryFunction(n)
      },
    })
    checkTypes(this.query, this.tree, (n) => this.typeOf(n), (node, message, fixes) => this.warn(node, message, fixes))
    this.warnings.sort((a, b) => a.from - b.from)
    return this.warnings
  }

  private checkTable(ref: SyntaxNode): void {
    const nameNode = ref.getChild('TableName')
    if (!nameNode) return
    const name = nameParts(this.query, nameNode).join('.')
    if (this.withNames.has(name.toLowerCase()) || findTable(this.tables, name)) return
    const short = this.tables.filter((t) => t.name.toLowerCase().split('.').pop() === name.toLowerCase())
    if (short.length && !name.includes('.')) {
      const { fixes } = this.didYouMean(nameNode, short.map((t) => t.name), true)
      return this.warn(nameNode, `This service names the table '${short[0]!.name}': write it with its schema`, fixes)
    }
    const full = this.tables.map((t) => t.name)
    const near = closestNames(name, full)
    const byShort = near.length ? [] : closestNames(name.split('.').pop()!, full.map((t) => t.split('.').pop()!)).map((s) => full.find((f) => f.split('.').pop() === s)!)
    const { hint, fixes } = this.didYouMean(nameNode, near.length ? near : byShort, true)
    this.warn(nameNode, `No table '${name}' in this service's TAP_SCHEMA${hint}`, fixes)
  }

  /** The tables a column reference can name: its SELECT's (and the enclosing ones'), or, in ORDER BY, those of the SELECT it orders. */
  private scopeOf(node: SyntaxNode): { tables: Resolved[]; aliases: string[] } {
    const tables: Resolved[] = []
    const aliases: string[] = []
    let inOrder = false
    let inWhere = false
    for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
      if (n.name === 'WhereClause' || n.name === 'JoinSpec') inWhere = true
      if (n.name === 'OrderByClause' || n.name === 'GroupByClause' || n.name === 'HavingClause') inOrder = true
      let select: SyntaxNode | null = n.name === 'SelectQuery' ? n : null
      if (!select && n.getChild('OrderByClause') && inOrder && !tables.length) select = leadingSelect(n)
      // a subquery in FROM or WITH does not see the tables of the query around it
      if (n.name === 'DerivedTable' || n.name === 'WithQuery') break
      if (!select) continue
      const first = !tables.length
      tables.push(...tablesOfSelect(this.query, select, this.tree).map((s) => resolve(this.tables, s)))
      if (first && !inWhere) aliases.push(...this.selectAliases(select))
    }
    return { tables, aliases }
  }

  private selectAliases(select: SyntaxNode): string[] {
    return (select.getChild('SelectList')?.getChildren('SelectItem') ?? []).flatMap((item) => {
      const a = item.getChild('Alias')?.firstChild
      return a ? [nameText(this.query, a).toLowerCase()] : []
    })
  }

  /** The column a reference names, when it is known; undefined (and nothing said) when the scope is not fully known. */
  private lookup(node: SyntaxNode): { column?: SchemaColumn; problem?: () => void } {
    const parts = nameParts(this.query, node)
    const ids = node.getChildren('Identifier').concat(node.getChildren('QuotedIdentifier')).sort((a, b) => a.from - b.from)
    if (!parts.length || parts.length !== ids.length) return {}
    const colName = parts[parts.length - 1]!
    const colNode = ids[ids.length - 1]!
    const { tables, aliases } = this.scopeOf(node)
    if (!tables.length) return {}
    if (parts.length > 1) {
      const qualifier = parts.slice(0, -1).join('.').toLowerCase()
      const qualNode = { from: ids[0]!.from, to: ids[ids.length - 2]!.to }
      const t = tables.find((r) => r.names.includes(qualifier)) ?? tables.find((r) => r.names.some((x) => x.split('.').pop() === qualifier.split('.').pop()))
      if (!t) {
        const names = [...new Set(tables.flatMap((r) => r.names.slice(0, 1)))]
        const { hint, fixes } = this.didYouMean(qualNode, closestNames(qualifier, names))
        return { problem: () => this.warn(qualNode, `'${parts.slice(0, -1).join('.')}' is not a table or alias of this query${hint}`, fixes) }
      }
      if (!t.columns) return {}
      const column = t.columns.get(colName.toLowerCase())
      if (column) return { column }
      const { hint, fixes } = this.didYouMean(colNode, closestNames(colName, [...t.columns.values()].map((c) => c.name)))
      return { problem: () => this.warn(colNode, `No column '${colName}' in ${t.label}${hint}`, fixes) }
    }
    for (const t of tables) {
      const column = t.columns?.get(colName.toLowerCase())
      if (column) return { column }
    }
    if (aliases.includes(colName.toLowerCase()) || tables.some((t) => !t.columns)) return {}
    const all = tables.flatMap((t) => [...t.columns!.values()].map((c) => c.name))
    const { hint, fixes } = this.didYouMean(colNode, closestNames(colName, all))
    const where = tables.length === 1 ? tables[0]!.label : `the tables of this query (${tables.map((t) => t.label).join(', ')})`
    return { problem: () => this.warn(colNode, `No column '${colName}' in ${where}${hint}`, fixes) }
  }

  private checkColumn(node: SyntaxNode): void {
    if (node.getChild('Star')) {
      const parts = nameParts(this.query, node).slice(0, -1)
      if (!parts.length) return
      const { tables } = this.scopeOf(node)
      const q = parts.join('.').toLowerCase()
      if (tables.length && !tables.some((t) => t.names.includes(q))) this.warn(node, `'${parts.join('.')}' is not a table or alias of this query`)
      return
    }
    this.lookup(node).problem?.()
  }

  /** The type of an expression, when the schema tells it (columns) or the syntax does (literals, known functions). */
  private typeOf(node: SyntaxNode): ColumnType | undefined {
    if (node.name === 'ColumnRef') return node.getChild('Star') ? undefined : columnType(this.lookup(node).column)
    return undefined
  }

  private checkGeometryFunction(node: SyntaxNode): void {
    const nameNode = node.firstChild
    if (!nameNode || nameNode.name !== 'FunctionKeyword' || !this.geometryFunctions.length) return
    const f = builtinFunction(this.query.slice(nameNode.from, nameNode.to))
    if (!f || f.category !== 'geometry') return
    if (!this.geometryFunctions.includes(f.name)) this.warn(nameNode, `This service does not declare the geometry function ${f.name} in its capabilities`)
  }
}

/** The schema warnings of a query that parses (none when the service's tables are not known yet). */
export function checkSchema(query: string, tree: Tree, options: SchemaCheckOptions): SchemaWarning[] {
  if (!options.tables?.length) return []
  return new SchemaChecker(query, tree, options.tables, options.geometryFunctions ?? []).run()
}
