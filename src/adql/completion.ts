/**
 * Schema-aware completion and hover for ADQL: tables after FROM/JOIN, columns of the tables in scope
 * (also through aliases and subqueries: `o.` lists the columns of `ivoa.ObsCore AS o`), functions
 * (with the service's UDFs) and keywords. Pure functions of the query text and its parse tree, so they
 * are tested without an editor (the CodeMirror glue is in features/adql).
 */
import type { SyntaxNode, Tree } from '@lezer/common'
import { parseQuery } from './parse'
import { nameParts, nameText, tablesInScope, type TableInScope } from './scope'

export interface SchemaColumn {
  name: string
  unit?: string
  ucd?: string
  description?: string
  datatype?: string
  xtype?: string
}
export interface SchemaTable {
  name: string
  description?: string
  columns: SchemaColumn[]
}
export interface CompletionSchema {
  tables: SchemaTable[]
  functions: { name: string; signature: string; description?: string }[]
  keywords: string[]
}

export interface CompletionOption {
  label: string
  type: 'table' | 'column' | 'function' | 'keyword' | 'schema'
  detail?: string
  info?: string
  apply?: string
}

export interface CompletionResult {
  from: number
  options: CompletionOption[]
}

/** Blanks out comments and string literals (keeping offsets), also one still open where the text ends. */
export function maskLiterals(q: string): string {
  return q.replace(/--[^\n]*|'(?:[^']|'')*'?/g, (m) => ' '.repeat(m.length))
}

function findTable(schema: CompletionSchema, name: string): SchemaTable | undefined {
  const n = name.toLowerCase()
  return schema.tables.find((t) => t.name.toLowerCase() === n) ?? schema.tables.find((t) => t.name.toLowerCase().split('.').pop() === n)
}

/** A table in scope as a schema table: a subquery's columns are those of its select list ('*' brings its tables' columns). */
function schemaTableOf(schema: CompletionSchema, s: TableInScope): SchemaTable | undefined {
  if (!s.columns) return s.table === undefined ? undefined : findTable(schema, s.table)
  const inner = (s.tables ?? []).map((t) => schemaTableOf(schema, t)).filter((t): t is SchemaTable => !!t)
  const columns = s.columns.flatMap((name) => {
    if (name === '*') return inner.flatMap((t) => t.columns)
    const known = inner.map((t) => t.columns.find((c) => c.name.toLowerCase() === name.toLowerCase())).find(Boolean)
    return [known ? { ...known, name } : { name }]
  })
  return { name: s.alias ?? s.table ?? '(subquery)', columns }
}

/** The table a qualifier (`o` of `o.col`) names: an alias in scope first, then a table of the schema. */
function resolveQualifier(schema: CompletionSchema, scope: TableInScope[], qualifier: string): SchemaTable | undefined {
  const q = qualifier.toLowerCase()
  const byAlias = scope.find((s) => s.alias?.toLowerCase() === q)
  if (byAlias) return schemaTableOf(schema, byAlias)
  return findTable(schema, qualifier)
}

function scopeTables(schema: CompletionSchema, scope: TableInScope[]): SchemaTable[] {
  return scope.map((s) => schemaTableOf(schema, s)).filter((t): t is SchemaTable => !!t)
}

function columnOption(c: SchemaColumn, table: SchemaTable): CompletionOption {
  return {
    label: c.name,
    type: 'column',
    detail: [c.datatype, c.unit && `[${c.unit}]`].filter(Boolean).join(' ') || undefined,
    info: [c.description, c.ucd && `UCD: ${c.ucd}`, `table: ${table.name}`].filter(Boolean).join('\n'),
  }
}

function tableOption(t: SchemaTable): CompletionOption {
  return { label: t.name, type: 'table', info: t.description }
}

const NAME_PARTS = new Set(['Identifier', 'QuotedIdentifier', '.', '⚠'])

/**
 * For a position after a dot of a dotted name (`o.|`, `"r".s_|`, `ivoa.Obs|`): the names before that dot
 * (quotes removed), where the name after it starts, and where the dotted name starts.
 */
function qualifiedAt(query: string, tree: Tree, pos: number): { qualifier: string; from: number; start: number } | undefined {
  let n: SyntaxNode | null = tree.resolveInner(pos, -1)
  while (n && NAME_PARTS.has(n.name)) n = n.parent
  if (!n || (n.name !== 'ColumnRef' && n.name !== 'TableName') || n.from >= pos) return undefined
  const names: string[] = []
  let qualifier: string | undefined
  let from = 0
  for (let c = n.firstChild; c && c.from < pos; c = c.nextSibling) {
    if (c.name === '.' && c.to <= pos) {
      qualifier = names.join('.')
      from = c.to
    } else if (c.name === 'Identifier' || c.name === 'QuotedIdentifier') names.push(nameText(query, c))
  }
  return qualifier === undefined ? undefined : { qualifier, from, start: n.from }
}

/** The last token of the tree that ends at or before `pos` (error nodes and comments skipped). */
function tokenBefore(tree: Tree, pos: number): SyntaxNode | undefined {
  let found: SyntaxNode | undefined
  tree.iterate({
    to: pos,
    enter: (n) => {
      if (n.from > pos) return false
      if (n.type.isError || n.name === 'LineComment') return false
      if (!n.node.firstChild && n.to <= pos && n.to > n.from) found = n.node
      return undefined
    },
  })
  return found
}

/** Is the word starting at `from` where a table name goes (after FROM, JOIN, or a comma of a FROM list)? */
function wantsTable(tree: Tree, from: number): boolean {
  const t = tokenBefore(tree, from)
  if (!t) return false
  if (t.name === 'FROM' || t.name === 'JOIN') return true
  return t.name === ',' && t.parent?.name === 'FromClause'
}

function tableOptions(schema: CompletionSchema): CompletionOption[] {
  const schemas = [...new Set(schema.tables.map((t) => t.name.split('.')[0]!).filter((s) => s))]
  return [...schema.tables.map(tableOption), ...schemas.map((s): CompletionOption => ({ label: s, type: 'schema' }))]
}

/** Columns of the tables in scope, then functions and keywords, each name once per kind. */
function generalOptions(schema: CompletionSchema, tables: SchemaTable[]): CompletionOption[] {
  const seen = new Set<string>()
  const options: CompletionOption[] = []
  for (const o of [
    ...tables.flatMap((t) => t.columns.map((c) => columnOption(c, t))),
    ...schema.functions.map((f): CompletionOption => ({ label: f.name, type: 'function', detail: f.signature, info: f.description, apply: `${f.name}(` })),
    ...schema.keywords.map((k): CompletionOption => ({ label: k, type: 'keyword' })),
  ]) {
    const key = `${o.type}:${o.label.toLowerCase()}`
    if (!seen.has(key)) {
      seen.add(key)
      options.push(o)
    }
  }
  return options
}

/** What may be typed at `pos`; null inside a string or comment, or with nothing typed unless `explicit` (Ctrl+Space). */
export function adqlCompletions(query: string, pos: number, schema: CompletionSchema, explicit = false, tree: Tree = parseQuery(query)): CompletionResult | null {
  const before = query.slice(0, pos)
  const masked = maskLiterals(before)
  if (masked.length && masked[masked.length - 1] === ' ' && before[before.length - 1] !== ' ' && before[before.length - 1] !== '\n') return null // inside a string or comment
  const qualified = qualifiedAt(query, tree, pos)
  if (qualified) {
    const { qualifier, from, start } = qualified
    const table = resolveQualifier(schema, tablesInScope(query, pos, tree), qualifier)
    if (table) return { from, options: table.columns.map((c) => columnOption(c, table)) }
    const inSchema = schema.tables.filter((t) => t.name.toLowerCase().startsWith(qualifier.toLowerCase() + '.'))
    if (inSchema.length) return { from: start, options: inSchema.map(tableOption) }
    return null
  }
  const word = /[A-Za-z_]\w*$/.exec(before)?.[0] ?? ''
  if (!word && !explicit) return null
  const from = pos - word.length
  if (wantsTable(tree, from)) return { from, options: tableOptions(schema) }
  return { from, options: generalOptions(schema, scopeTables(schema, tablesInScope(query, pos, tree))) }
}

/** The column reference or table name around `pos`. */
function nameAt(tree: Tree, pos: number): SyntaxNode | undefined {
  for (const side of [1, -1] as const) {
    for (let n: SyntaxNode | null = tree.resolveInner(pos, side); n; n = n.parent) {
      if (n.name === 'ColumnRef' || n.name === 'TableName') return n
      if (n.name !== 'Identifier' && n.name !== 'QuotedIdentifier' && n.name !== '.') break
    }
  }
  return undefined
}

/** What to show when hovering a column (qualified or not) or table name at `pos`. */
export function adqlHover(query: string, pos: number, schema: CompletionSchema, tree: Tree = parseQuery(query)): { from: number; to: number; text: string } | null {
  const node = nameAt(tree, pos)
  if (!node) return null
  const parts = nameParts(query, node)
  const range = { from: node.from, to: node.to }
  if (node.name === 'ColumnRef' && parts.length) {
    const name = parts[parts.length - 1]!.toLowerCase()
    const scope = tablesInScope(query, pos, tree)
    const tables = parts.length > 1 ? [resolveQualifier(schema, scope, parts.slice(0, -1).join('.'))].filter((t): t is SchemaTable => !!t) : scopeTables(schema, scope)
    for (const t of tables) {
      const c = t.columns.find((x) => x.name.toLowerCase() === name)
      if (c) {
        const text = [`${t.name}.${c.name}${c.datatype ? ` (${c.datatype})` : ''}`, c.description, c.unit && `unit: ${c.unit}`, c.ucd && `UCD: ${c.ucd}`].filter(Boolean).join('\n')
        return { ...range, text }
      }
    }
  }
  const table = findTable(schema, parts.join('.'))
  return table ? { ...range, text: [table.name, table.description].filter(Boolean).join('\n') } : null
}
