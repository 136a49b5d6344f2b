/**
 * A pasted or loaded target list → targets: CSV, TSV (or ;/|/whitespace separated) or a VOTable; a name column,
 * RA/Dec columns or both, with or without a header line. Coordinates are read by protocols/coords (degrees or
 * sexagesimal); rows with only a name are left for the name resolver.
 */
import { parsePosition } from '../coords'
import { findColumn } from '../table'
import { parseVOTable } from '../votable'

export interface InputTarget {
  /** 0-based position in the list as given. */
  index: number
  /** The name as given, or the coordinates' text when the row has no name. */
  name: string
  /** ICRS degrees when the row gave coordinates (or once the name is resolved). */
  ra?: number
  dec?: number
  /** Why the row's coordinates could not be read. */
  error?: string
}

export interface ParsedList {
  targets: InputTarget[]
  /** What was understood, e.g. "CSV with a header: name, ra, dec". */
  format: string
  /** Rows beyond the limit that were left out. */
  dropped: number
}

export const MAX_TARGETS = 5000

const NAME_HEADERS = /^(name|target|target_?name|object|object_?name|source|id|main_id|identifier)$/i
const RA_HEADERS = /^(ra|ra_?deg|raj2000|ra_?icrs|ra_?j2000|alpha|s_ra|_?ra_?\(deg\))$/i
const DEC_HEADERS = /^(dec|de|dec_?deg|decj2000|dej2000|dec_?icrs|dec_?j2000|delta|s_dec|_?dec_?\(deg\))$/i

function splitLine(line: string, sep: string | RegExp): string[] {
  if (sep !== ',') return line.split(sep).map((c) => c.trim())
  // CSV with quotes
  const out: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(cell.trim())
      cell = ''
    } else cell += ch
  }
  out.push(cell.trim())
  return out
}

function separatorOf(lines: string[]): { sep: string | RegExp; label: string } {
  const sample = lines.slice(0, 20)
  const all = (c: string) => sample.every((l) => l.includes(c))
  if (all('\t')) return { sep: '\t', label: 'TSV' }
  if (all(',')) return { sep: ',', label: 'CSV' }
  if (all(';')) return { sep: ';', label: 'semicolon-separated' }
  if (all('|')) return { sep: '|', label: 'bar-separated' }
  return { sep: /\t|,|;/, label: 'one target per line' }
}

const isNumber = (s: string) => s !== '' && Number.isFinite(Number(s))

/** Whether a cell looks like a coordinate (a number or sexagesimal). */
const looksLikeAngle = (s: string) => isNumber(s) || /^[+\-−]?\d{1,3}([: ]\d{1,2})([: ]\d{1,2}(\.\d*)?)?$/.test(s) || /^[+\-−]?\d+[hd°]/.test(s)

interface Columns {
  name: number
  ra: number
  dec: number
}

/** "NGC 6397 265.17 -53.67" (one cell, spaces): the name and the two numbers apart. */
function nameThenNumbers(cells: string[]): string[] {
  if (cells.length !== 1) return cells
  const m = /^(.*?[A-Za-z].*?)\s+([+\-−]?\d+(?:\.\d*)?)\s+([+\-−]?\d+(?:\.\d*)?)$/.exec(cells[0]!)
  return m ? [m[1]!, m[2]!, m[3]!] : cells
}

function columnsOfHeader(cells: string[]): Columns | undefined {
  const find = (re: RegExp) => cells.findIndex((c) => re.test(c.replace(/^#\s*/, '').trim()))
  const cols = { name: find(NAME_HEADERS), ra: find(RA_HEADERS), dec: find(DEC_HEADERS) }
  if (cols.name < 0 && (cols.ra < 0 || cols.dec < 0)) return undefined
  return cols
}

/** Without a header: the coordinate cells are the last two that read as angles; a first non-angle cell is the name. */
function columnsOfData(cells: string[]): Columns {
  if (cells.length === 1) return { name: 0, ra: -1, dec: -1 }
  const angles = cells.map(looksLikeAngle)
  if (cells.length >= 3 && !angles[0] && angles[1] && angles[2]) return { name: 0, ra: 1, dec: 2 }
  if (angles[0] && angles[1]) return { name: cells.length >= 3 && !angles[2] ? 2 : -1, ra: 0, dec: 1 }
  return { name: 0, ra: -1, dec: -1 }
}

function targetOf(index: number, name: string | undefined, ra: string | undefined, dec: string | undefined): InputTarget {
  const coords = ra !== undefined && dec !== undefined && ra !== '' && dec !== '' ? `${ra} ${dec}` : undefined
  const t: InputTarget = { index, name: name || coords || '' }
  if (coords) {
    try {
      const p = parsePosition(coords)
      t.ra = p.ra
      t.dec = p.dec
    } catch (e) {
      if (!name) t.error = (e as Error).message
    }
  } else if (name) {
    // a one-column line may be a position
    if (/^[\d+\-−.]/.test(name)) {
      try {
        const p = parsePosition(name)
        t.ra = p.ra
        t.dec = p.dec
      } catch {
        // a name starting with a digit (e.g. "30 Dor"): left to the resolver
      }
    }
  }
  return t
}

function limit(targets: InputTarget[], format: string): ParsedList {
  const kept = targets.filter((t) => t.name !== '' || t.ra !== undefined)
  return { targets: kept.slice(0, MAX_TARGETS).map((t, i) => ({ ...t, index: i })), format, dropped: Math.max(0, kept.length - MAX_TARGETS) }
}

function parseVOTableList(text: string): ParsedList {
  const table = parseVOTable(text).tables[0]
  if (!table) throw new Error('The VOTable has no table')
  const name = findColumn(table, [{ names: ['target_name_in', 'name', 'target', 'target_name', 'object', 'main_id', 'id'] }, { ucd: 'meta.id;meta.main' }, { ucd: 'meta.id' }])
  const ra = findColumn(table, [{ ucd: 'pos.eq.ra;meta.main' }, { ucd: 'pos.eq.ra' }, { names: ['ra', 'raj2000', 's_ra'] }])
  const dec = findColumn(table, [{ ucd: 'pos.eq.dec;meta.main' }, { ucd: 'pos.eq.dec' }, { names: ['dec', 'decj2000', 'dej2000', 's_dec'] }])
  if (name < 0 && (ra < 0 || dec < 0)) throw new Error('The VOTable has neither a name column nor RA/Dec columns')
  const cell = (r: number, c: number) => (c < 0 ? undefined : ((v) => (v === null || v === undefined ? undefined : String(v)))(table.value(r, c)))
  const targets: InputTarget[] = []
  for (let r = 0; r < table.rowCount; r++) targets.push(targetOf(r, cell(r, name), cell(r, ra), cell(r, dec)))
  return limit(targets, `VOTable: ${[name >= 0 && table.fields[name]!.name, ra >= 0 && table.fields[ra]!.name, dec >= 0 && table.fields[dec]!.name].filter(Boolean).join(', ')}`)
}

/** Reads a list; throws an Error with a message for the user when nothing can be read. */
export function parseTargetList(input: string): ParsedList {
  const text = input.replace(/^\uFEFF/, '')
  if (/^\s*(<\?xml|<VOTABLE)/i.test(text)) return parseVOTableList(text)
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !/^#\s*$/.test(l))
  if (lines.length === 0) return { targets: [], format: 'empty', dropped: 0 }
  const { sep, label } = separatorOf(lines)
  const rows = lines.map((l) => splitLine(l.replace(/^#\s*/, ''), sep)).map(nameThenNumbers)
  const header = columnsOfHeader(rows[0]!)
  const data = header ? rows.slice(1) : rows.filter((_, i) => !lines[i]!.startsWith('#'))
  const targets = data.map((cells, i) => {
    const cols = header ?? columnsOfData(cells)
    const at = (c: number) => (c >= 0 ? cells[c] : undefined)
    return targetOf(i, at(cols.name), at(cols.ra), at(cols.dec))
  })
  const what = header ? `${label} with a header: ${[header.name, header.ra, header.dec].filter((c) => c >= 0).map((c) => rows[0]![c]).join(', ')}` : typeof sep === 'string' ? `${label}, no header` : label
  return limit(targets, what)
}
