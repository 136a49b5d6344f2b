/** A readable plain-text summary of a VOTable (what `npm run votable -- FILE` prints). */
import { queryStatus } from './status'
import type { Field, Info, Table, Value, VOTableDocument } from './types'
import { formatFloat } from './writer-cells'

export interface SummaryOptions {
  /** rows shown per table (default 5) */
  rows?: number
  /** longest cell text in the rows shown (default 24 characters) */
  cellWidth?: number
}

function clip(s: string, width: number): string {
  return s.length <= width ? s : s.slice(0, Math.max(1, width - 1)) + '…'
}

/** One cell as short text: null, numbers (float32 columns without float noise), arrays in brackets. */
export function formatCell(v: Value, datatype = ''): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return JSON.stringify(v).slice(1, -1)
  if (typeof v === 'number') return datatype === 'float' || datatype === 'floatComplex' ? formatFloat(v, true).replace('+Inf', 'Inf') : String(v)
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  const parts: string[] = []
  for (let i = 0; i < v.length; i++) parts.push(formatCell((v as ArrayLike<Value>)[i], datatype))
  return `[${parts.join(', ')}]`
}

/** Columns of text, left-aligned, separated by two spaces. */
function align(rows: string[][], indent: string): string[] {
  const widths: number[] = []
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)))
  return rows.map((r) => (indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).trimEnd())
}

function infoLine(i: Info): string {
  const text = i.content && i.content !== i.value ? ` ${clip(i.content.replace(/\s+/g, ' '), 100)}` : ''
  return `${i.name}=${JSON.stringify(i.value)}${text}`
}

function fieldRows(fields: Field[]): string[][] {
  return [
    ['#', 'name', 'datatype', 'arraysize', 'unit', 'ucd'],
    ...fields.map((f, i) => [String(i + 1), f.name, f.datatype, f.arraysize ?? '', f.unit ?? '', f.ucd ?? '']),
  ]
}

function tableLines(t: Table, index: number, opts: Required<SummaryOptions>): string[] {
  const out: string[] = []
  const label = t.name ?? t.id ?? ''
  const rows = `${t.rowCount} row${t.rowCount === 1 ? '' : 's'}`
  const extra = [t.serialization, t.nrows !== undefined && t.nrows !== t.rowCount ? `nrows=${t.nrows}` : undefined, t.truncated ? 'TRUNCATED: incomplete' : undefined]
  out.push(`Table ${index + 1}${label ? ` "${label}"` : ''}: ${rows} × ${t.fields.length} field${t.fields.length === 1 ? '' : 's'}${extra.filter(Boolean).map((x) => `, ${x}`).join('')}`)
  if (t.description) out.push(`  ${clip(t.description.replace(/\s+/g, ' '), 120)}`)
  if (t.infos.length > 0) {
    out.push('  INFOs:')
    for (const i of t.infos) out.push(`    ${infoLine(i)}`)
  }
  if (t.params.length > 0) {
    out.push(`  Params (${t.params.length}):`)
    out.push(...align(t.params.map((p) => [p.name, p.datatype, clip(p.rawValue, 60), p.unit ?? '']), '    '))
  }
  if (t.fields.length > 0) {
    out.push(`  Fields (${t.fields.length}):`)
    out.push(...align(fieldRows(t.fields), '    '))
  }
  const n = Math.min(opts.rows, t.rowCount)
  if (n > 0 && t.fields.length > 0) {
    out.push(`  First ${n} row${n === 1 ? '' : 's'}${n < t.rowCount ? ` of ${t.rowCount}` : ''}:`)
    const grid: string[][] = [t.fields.map((f) => clip(f.name, opts.cellWidth))]
    for (let r = 0; r < n; r++) grid.push(t.fields.map((f, c) => clip(formatCell(t.value(r, c), f.datatype), opts.cellWidth)))
    out.push(...align(grid, '    '))
  }
  return out
}

/** The summary text: version, status, INFOs, each table (fields, INFOs, first rows), warnings. */
export function describeVOTable(doc: VOTableDocument, options: SummaryOptions = {}): string {
  const opts: Required<SummaryOptions> = { rows: options.rows ?? 5, cellWidth: options.cellWidth ?? 24 }
  const out: string[] = []
  const nt = doc.tables.length
  out.push(`VOTable${doc.version ? ` ${doc.version}` : ''}: ${nt} table${nt === 1 ? '' : 's'}, ${doc.tables.reduce((a, t) => a + t.rowCount, 0)} rows in all`)
  const st = queryStatus(doc)
  if (st.status !== undefined) out.push(`QUERY_STATUS: ${st.status}${st.message ? ` — ${st.message}` : ''}`)
  if (doc.tables.some((t) => t.truncated)) out.push('INCOMPLETE: the input ended early; the rows that arrived are shown')
  if (doc.description) out.push(clip(doc.description.replace(/\s+/g, ' '), 120))
  if (doc.infos.length > 0) {
    out.push('INFOs:')
    for (const i of doc.infos) out.push(`  ${infoLine(i)}`)
  }
  doc.tables.forEach((t, i) => {
    out.push('')
    out.push(...tableLines(t, i, opts))
  })
  if (doc.warnings.length > 0) {
    out.push('')
    out.push(`Warnings (${doc.warnings.length}):`)
    for (const w of doc.warnings) out.push(`  - ${w}`)
  }
  return out.join('\n') + '\n'
}
