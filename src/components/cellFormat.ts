import type { Table, Value } from '../protocols/votable'

/** Text shown in a grid cell for a VOTable value. */
export function formatCell(v: Value): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v)
    // NaN is how binary VOTables mark a missing float: show it like a null
    if (Number.isNaN(v)) return ''
    if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf'
    const a = Math.abs(v)
    return a !== 0 && (a < 1e-4 || a >= 1e9) ? v.toExponential(6) : String(Number(v.toPrecision(10)))
  }
  if (typeof v === 'bigint' || typeof v === 'string') return String(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  const items = Array.from(v as ArrayLike<unknown>, (x) => formatCell(x as Value))
  return items.length > 8 ? `[${items.slice(0, 8).join(', ')}, … ${items.length} values]` : `[${items.join(', ')}]`
}

/** Tab-separated text of some rows, with a header line: what a spreadsheet expects on paste (cells as `format` writes them). */
export function rowsAsTsv(table: Table, rows: readonly number[], columns: readonly number[], format: (column: number, v: Value) => string = (_, v) => formatCell(v)): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ')
  const lines = [columns.map((c) => clean(table.fields[c]!.name)).join('\t')]
  for (const r of rows) lines.push(columns.map((c) => clean(format(c, table.value(r, c)))).join('\t'))
  return lines.join('\n') + '\n'
}

/** Only http(s) URLs become links; anything else (javascript:, data:) stays text. */
export function safeHref(v: unknown): string | undefined {
  if (typeof v !== 'string' || !/^https?:\/\//i.test(v)) return undefined
  try {
    const u = new URL(v)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}
