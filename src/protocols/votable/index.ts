/**
 * VOTable reader (VOTable 1.1–1.5: TABLEDATA, BINARY, BINARY2).
 *
 * `parseVOTable` is synchronous and browser/worker/Node neutral (TextDecoder, DataView,
 * typed arrays only). Data are held by column; `table.value(row, col)` is O(1) and
 * `table.column(col)` exposes the typed storage and null mask.
 */
import { parseDocument } from './document'
import { VOTableError } from './errors'
import type { Info, QueryStatus, QueryStatusValue, Resource, VOTableDocument } from './types'

export { VOTableError } from './errors'
export type {
  Column, CoordinateSystem, Field, Group, Info, Link, Param, QueryStatus, QueryStatusValue, Resource,
  Serialization, Table, Value, Values, ValuesOption, VOTableDocument,
} from './types'

const statusInfos = new WeakMap<VOTableDocument, Info[]>()

/** Decode bytes to text, honouring a BOM or the XML declaration's encoding. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new VOTableError('the input is gzip-compressed; decompress it first (for example with DecompressionStream("gzip"))', 0)
  }
  let encoding = 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be'
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le'
  else if (bytes[0] === 0x3c && bytes[1] === 0x3f) {
    let head = ''
    for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i])
    const m = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)
    if (m) encoding = m[1].toLowerCase()
  }
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(encoding)
  } catch {
    decoder = new TextDecoder('utf-8')
  }
  return decoder.decode(bytes)
}

/**
 * Parse a VOTable document.
 * @throws VOTableError (with position/line/column where known) when the input is not a readable VOTable.
 * A body cut short after a complete header gives the rows that arrived, `table.truncated = true`
 * and an entry in `doc.warnings`.
 */
export function parseVOTable(input: string | Uint8Array | ArrayBuffer): VOTableDocument {
  let text: string
  if (typeof input === 'string') text = input
  else if (input instanceof Uint8Array) text = decodeText(input)
  else if (input instanceof ArrayBuffer) text = decodeText(new Uint8Array(input))
  else throw new VOTableError('parseVOTable expects a string, Uint8Array or ArrayBuffer')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  // XML end-of-line normalization
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n')
  const { doc, allInfos } = parseDocument(text)
  statusInfos.set(
    doc,
    allInfos.filter((i) => i.name === 'QUERY_STATUS'),
  )
  return doc
}

function collectInfos(doc: VOTableDocument): Info[] {
  const out: Info[] = [...doc.infos]
  const walk = (r: Resource): void => {
    out.push(...r.infos)
    for (const t of r.tables) out.push(...t.infos)
    r.resources.forEach(walk)
  }
  doc.resources.forEach(walk)
  return out.filter((i) => i.name === 'QUERY_STATUS')
}

/**
 * TAP query status from the INFO named QUERY_STATUS, wherever it is; the last one in document
 * order wins (DaCHS writes OK before the TABLE and OVERFLOW after it).
 */
export function queryStatus(doc: VOTableDocument): QueryStatus {
  const infos = statusInfos.get(doc) ?? collectInfos(doc)
  let result: QueryStatus = { status: undefined }
  for (const i of infos) {
    const v = i.value.trim().toUpperCase()
    if (v !== 'OK' && v !== 'OVERFLOW' && v !== 'ERROR') continue
    result = { status: v as QueryStatusValue }
    if (i.content) result.message = i.content
  }
  return result
}
