/**
 * Export: a table as a VOTable (BINARY2 or TABLEDATA) that this reader reads back to the same
 * values, or as CSV.
 */
import { DATATYPE_ALIASES, DT_BOOLEAN, DT_CHAR, DT_UNICHAR } from './spec'
import type { Field, Info } from './types'
import { binary2Stream } from './writer-binary'
import { cellText, columnsOf, elements, isList } from './writer-cells'
import type { TableLike } from './writer-cells'

export type { TableLike } from './writer-cells'

export interface WriteOptions {
  /** default BINARY2 (exact for every datatype, nulls included) */
  serialization?: 'BINARY2' | 'TABLEDATA'
  /** INFO elements for the RESOURCE (for example QUERY_STATUS) */
  infos?: Info[]
}

export interface CsvOptions {
  /** default "," */
  separator?: string
  /** default "\n" */
  lineEnd?: string
}

// ---------------------------------------------------------------- XML

function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'))
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!)
}

function attrs(pairs: [string, string | undefined][]): string {
  let out = ''
  for (const [k, v] of pairs) if (v !== undefined) out += ` ${k}="${escapeAttr(v)}"`
  return out
}

function fieldXml(tag: 'FIELD' | 'PARAM', f: Field, datatype: string, arraysize: string | undefined, value?: string): string {
  const a = attrs([
    ['name', f.name], ['ID', f.id], ['datatype', datatype], ['arraysize', arraysize], ['unit', f.unit], ['ucd', f.ucd],
    ['utype', f.utype], ['xtype', f.xtype], ['width', f.width], ['precision', f.precision], ['value', value],
  ])
  let body = ''
  if (f.description !== undefined) body += `<DESCRIPTION>${escapeText(f.description)}</DESCRIPTION>`
  if (f.nullValue !== undefined) body += `<VALUES null="${escapeAttr(f.nullValue)}"/>`
  return body === '' ? `<${tag}${a}/>` : `<${tag}${a}>${body}</${tag}>`
}

/**
 * The table as a VOTable 1.4 document (one RESOURCE, one TABLE). BINARY2 keeps every value,
 * null and NaN apart; TABLEDATA cannot tell an empty string or empty array from null, and
 * surrounding whitespace of strings is not kept.
 */
export function writeVOTable(table: TableLike, options: WriteOptions = {}): string {
  const serialization = options.serialization ?? 'BINARY2'
  const cols = columnsOf(table)
  const out: string[] = []
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n')
  out.push('<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n')
  out.push('<RESOURCE type="results">\n')
  for (const i of options.infos ?? []) {
    const a = attrs([['name', i.name], ['value', i.value], ['ID', i.id]])
    out.push(i.content !== undefined ? `<INFO${a}>${escapeText(i.content)}</INFO>\n` : `<INFO${a}/>\n`)
  }
  out.push(`<TABLE${attrs([['name', table.name]])}${table.rowCount >= 0 ? ` nrows="${table.rowCount}"` : ''}>\n`)
  if (table.description !== undefined) out.push(`<DESCRIPTION>${escapeText(table.description)}</DESCRIPTION>\n`)
  for (const p of table.params ?? []) {
    const dt = DATATYPE_ALIASES[p.datatype] ?? (p.datatype || 'char')
    out.push(fieldXml('PARAM', p, dt, p.arraysize ?? (p.datatype ? undefined : '*'), p.rawValue) + '\n')
  }
  for (const c of cols) out.push(fieldXml('FIELD', c.field, c.datatype, c.arraysize) + '\n')
  if (serialization === 'BINARY2') {
    out.push('<DATA><BINARY2><STREAM encoding="base64">\n')
    out.push(binary2Stream(table, cols))
    out.push('\n</STREAM></BINARY2></DATA>\n')
  } else {
    out.push('<DATA><TABLEDATA>\n')
    const ncols = cols.length
    for (let r = 0; r < table.rowCount; r++) {
      let row = '<TR>'
      for (let c = 0; c < ncols; c++) {
        const s = cellText(table.value(r, c), cols[c])
        row += s === null || s === '' ? '<TD/>' : `<TD>${escapeText(s)}</TD>`
      }
      out.push(row + '</TR>\n')
    }
    out.push('</TABLEDATA></DATA>\n')
  }
  out.push('</TABLE>\n</RESOURCE>\n</VOTABLE>\n')
  return out.join('')
}

function csvCell(s: string, sep: string): string {
  return s.includes(sep) || /["\r\n]/.test(s) || (s !== s.trim()) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * The table as CSV (RFC 4180 quoting): a header of column names, then one line per row;
 * null is an empty cell, booleans true/false, arrays their elements separated by spaces.
 */
export function writeCSV(table: TableLike, options: CsvOptions = {}): string {
  const sep = options.separator ?? ','
  const eol = options.lineEnd ?? '\n'
  const cols = columnsOf(table)
  const lines: string[] = [cols.map((c) => csvCell(c.field.name, sep)).join(sep)]
  for (let r = 0; r < table.rowCount; r++) {
    const cells: string[] = []
    for (let c = 0; c < cols.length; c++) {
      const v = table.value(r, c)
      const col = cols[c]
      let s: string
      if (v === null) s = ''
      else if (typeof v === 'boolean') s = v ? 'true' : 'false'
      else if (typeof v === 'string') s = v
      else if (Array.isArray(v) && (col.spec.dt === DT_CHAR || col.spec.dt === DT_UNICHAR)) s = (v as (string | null)[]).map((x) => x ?? '').join(' ')
      else if (col.spec.dt === DT_BOOLEAN && isList(v)) s = elements(v).map((x) => (x === null ? '' : x === true || x === 1 ? 'true' : 'false')).join(' ')
      else s = cellText(v, col) ?? ''
      cells.push(csvCell(s, sep))
    }
    lines.push(cells.join(sep))
  }
  return lines.join(eol) + eol
}
