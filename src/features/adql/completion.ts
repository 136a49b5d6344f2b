/**
 * Schema-aware completion and hover for ADQL: tables after FROM/JOIN, columns of the tables in scope
 * (also through aliases: `o.` lists the columns of `ivoa.ObsCore AS o`), functions (with the service's UDFs)
 * and keywords. Pure functions over the query text, so they are tested without an editor.
 */
export interface SchemaColumn {
  name: string
  unit?: string
  ucd?: string
  description?: string
  datatype?: string
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

const CLAUSE_END = /^(WHERE|GROUP|ORDER|HAVING|JOIN|INNER|LEFT|RIGHT|FULL|CROSS|NATURAL|ON|USING|UNION|EXCEPT|INTERSECT|OFFSET|LIMIT)$/i
const NOT_ALIAS = /^(AS|WHERE|GROUP|ORDER|HAVING|JOIN|INNER|LEFT|RIGHT|FULL|OUTER|CROSS|NATURAL|ON|USING|UNION|EXCEPT|INTERSECT|OFFSET)$/i

function stripQuotes(s: string): string {
  return s.replace(/"/g, '')
}

/** Blanks out comments and string literals (keeping offsets) so that scanning ignores them. */
export function maskLiterals(q: string): string {
  return q.replace(/--[^\n]*|'(?:[^']|'')*'?/g, (m) => ' '.repeat(m.length))
}

/** Tables named in FROM/JOIN clauses, with their aliases (alias → table name as written). */
export function tablesInScope(query: string): { table: string; alias?: string }[] {
  const q = maskLiterals(query)
  const out: { table: string; alias?: string }[] = []
  const re = /\b(FROM|JOIN)\b/gi
  let m: RegExpExecArray | null
  while ((m = re.exec(q))) {
    let rest = q.slice(m.index + m[0].length)
    // FROM a [AS] x, b [AS] y ...; JOIN takes one table
    for (;;) {
      const t = /^\s*([A-Za-z_"][\w."]*)(?:\s+(?:AS\s+)?([A-Za-z_]\w*))?\s*/i.exec(rest)
      if (!t || t[1]!.startsWith('(') || /^SELECT$/i.test(t[1]!)) break
      const alias = t[2] && !NOT_ALIAS.test(t[2]) ? t[2] : undefined
      out.push({ table: stripQuotes(t[1]!), alias })
      rest = rest.slice(t[0].length)
      if (m[1]!.toUpperCase() === 'JOIN' || !rest.startsWith(',')) break
      rest = rest.slice(1)
      if (CLAUSE_END.test(rest.trim().split(/\s/)[0] ?? '')) break
    }
  }
  return out
}

function findTable(schema: CompletionSchema, name: string): SchemaTable | undefined {
  const n = name.toLowerCase()
  return schema.tables.find((t) => t.name.toLowerCase() === n) ?? schema.tables.find((t) => t.name.toLowerCase().split('.').pop() === n)
}

function resolveQualifier(schema: CompletionSchema, query: string, qualifier: string): SchemaTable | undefined {
  const scope = tablesInScope(query)
  const byAlias = scope.find((s) => s.alias?.toLowerCase() === qualifier.toLowerCase())
  if (byAlias) return findTable(schema, byAlias.table)
  return findTable(schema, qualifier)
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

export function adqlCompletions(query: string, pos: number, schema: CompletionSchema, explicit = false): CompletionResult | null {
  const before = query.slice(0, pos)
  const masked = maskLiterals(before)
  if (masked.length && masked[masked.length - 1] === ' ' && before[before.length - 1] !== ' ' && before[before.length - 1] !== '\n') return null // inside a string or comment
  const word = /[A-Za-z_][\w]*(?:\.[A-Za-z_]?\w*)*\.?$/.exec(before)?.[0] ?? ''
  if (!word && !explicit) return null
  const dot = word.lastIndexOf('.')
  if (dot >= 0) {
    const qualifier = word.slice(0, dot)
    const from = pos - (word.length - dot - 1)
    const table = resolveQualifier(schema, query, qualifier)
    if (table) return { from, options: table.columns.map((c) => columnOption(c, table)) }
    const inSchema = schema.tables.filter((t) => t.name.toLowerCase().startsWith(qualifier.toLowerCase() + '.'))
    if (inSchema.length) return { from: pos - word.length, options: inSchema.map(tableOption) }
    return null
  }
  const from = pos - word.length
  const previous = /([A-Za-z_]+|,|\()\s*[A-Za-z_]*$/.exec(masked.slice(0, from + word.length))?.[1]?.toUpperCase()
  const lastClause = [...masked.matchAll(/\b(SELECT|FROM|JOIN|WHERE|ON|BY|HAVING|USING)\b/gi)].pop()?.[1]?.toUpperCase()
  const wantsTable = previous === 'FROM' || previous === 'JOIN' || (previous === ',' && lastClause === 'FROM')
  if (wantsTable) {
    const schemas = [...new Set(schema.tables.map((t) => t.name.split('.')[0]!).filter((s, _i, a) => a.length > 0 && s))]
    return {
      from,
      options: [...schema.tables.map(tableOption), ...schemas.map((s): CompletionOption => ({ label: s, type: 'schema' }))],
    }
  }
  const scope = tablesInScope(query)
  const columns = scope.flatMap((s) => {
    const t = findTable(schema, s.table)
    return t ? t.columns.map((c) => columnOption(c, t)) : []
  })
  const seen = new Set<string>()
  const options: CompletionOption[] = []
  for (const o of [
    ...columns,
    ...schema.functions.map((f): CompletionOption => ({ label: f.name, type: 'function', detail: f.signature, info: f.description, apply: `${f.name}(` })),
    ...schema.keywords.map((k): CompletionOption => ({ label: k, type: 'keyword' })),
  ]) {
    const key = `${o.type}:${o.label.toLowerCase()}`
    if (!seen.has(key)) {
      seen.add(key)
      options.push(o)
    }
  }
  return { from, options }
}

/** What to show when hovering a column name (qualified or not) at `pos`. */
export function adqlHover(query: string, pos: number, schema: CompletionSchema): { from: number; to: number; text: string } | null {
  const re = /[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/g
  let m: RegExpExecArray | null
  while ((m = re.exec(query))) {
    if (m.index > pos) break
    const end = m.index + m[0].length
    if (pos > end) continue
    const parts = m[0].split('.')
    const name = parts.pop()!
    const tables = parts.length
      ? [resolveQualifier(schema, query, parts.join('.'))].filter((t): t is SchemaTable => !!t)
      : tablesInScope(query).map((s) => findTable(schema, s.table)).filter((t): t is SchemaTable => !!t)
    for (const t of tables) {
      const c = t.columns.find((x) => x.name.toLowerCase() === name.toLowerCase())
      if (c) {
        const text = [`${t.name}.${c.name}${c.datatype ? ` (${c.datatype})` : ''}`, c.description, c.unit && `unit: ${c.unit}`, c.ucd && `UCD: ${c.ucd}`].filter(Boolean).join('\n')
        return { from: m.index, to: end, text }
      }
    }
    const table = findTable(schema, m[0])
    if (table) return { from: m.index, to: end, text: [table.name, table.description].filter(Boolean).join('\n') }
    return null
  }
  return null
}
