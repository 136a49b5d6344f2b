/** DataLink {links}: request, and reading the response into typed rows plus service descriptors. */
import type { HttpClient } from '../http'
import { parseVOTable, VOTableError, type Table, type Value, type VOTableDocument } from '../votable'
import { dalResult, notAVOTable, readDalResponse, toDalError, withParams, type DalResult, type VOTableReader } from '../dal'
import { parseServiceDescriptors } from './descriptor'
import { ESO_ID_TEMPLATE, publisherDid } from './identifiers'
import type { DataLinkResult, DataLinkRow } from './types'
import type { DataLinkTarget } from '../table/rows'

/** What to fetch links for: a publisher DID, a dp_id (turned into a DID by the template), or a ready URL (ObsCore access_url). */
export type { DataLinkTarget }

export interface FetchLinksOptions {
  /** The DataLink {links} endpoint (profile `datalink`); needed with `id` or `dpId`. */
  baseUrl?: string
  signal?: AbortSignal
  /** RESPONSEFORMAT; left out by default (the services answer a DataLink VOTable). */
  responseFormat?: string
  /** Publisher DID template of the profile, `{dp_id}` is replaced; default ESO's `ivo://eso.org/ID?{dp_id}`. */
  idTemplate?: string
  timeoutMs?: number
  /** how the body is read (default: streamed in this thread) */
  read?: VOTableReader
}

const COLUMNS: Record<Exclude<keyof DataLinkRow, 'contentLength'>, string> = {
  id: 'id',
  accessUrl: 'access_url',
  serviceDef: 'service_def',
  errorMessage: 'error_message',
  semantics: 'semantics',
  description: 'description',
  contentType: 'content_type',
  esoCategory: 'eso_category',
  esoOrigfile: 'eso_origfile',
  esoDatalink: 'eso_datalink',
  localSemantics: 'local_semantics',
  contentQualifier: 'content_qualifier',
}

function text(v: Value): string | undefined {
  if (v === null || v === undefined) return undefined
  const s = String(v).trim()
  return s === '' ? undefined : s
}

function findLinksTable(doc: VOTableDocument): Table | undefined {
  const hasLinkColumns = (t: Table) => {
    const names = new Set(t.fields.map((f) => f.name.toLowerCase()))
    return names.has('semantics') && (names.has('access_url') || names.has('service_def'))
  }
  return doc.tables.find(hasLinkColumns)
}

/**
 * ESO's DataLink gives previews (and its data documentation) a content_length of exactly 1000000 whatever their
 * size: that says nothing.
 */
function isPlaceholderLength(n: number, semantics: string): boolean {
  return n === 1_000_000 && /#(preview|documentation|data_documentation)\b/.test(semantics)
}

/** The rows of a DataLink table. Columns are found by their standard names (case-insensitive). */

export function readLinkRows(table: Table): DataLinkRow[] {
  const index = new Map(table.fields.map((f, i) => [f.name.toLowerCase(), i] as const))
  const cols = Object.entries(COLUMNS).map(([key, name]) => [key, index.get(name)] as const).filter((e): e is readonly [string, number] => e[1] !== undefined)
  const lengthCol = index.get('content_length')
  const rows: DataLinkRow[] = []
  for (let r = 0; r < table.rowCount; r++) {
    const row: Record<string, unknown> = { id: '', semantics: '' }
    for (const [key, c] of cols) {
      const v = text(table.value(r, c))
      if (v !== undefined) row[key] = v
    }
    if (lengthCol !== undefined) {
      const v = table.value(r, lengthCol)
      const n = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN
      if (Number.isFinite(n) && n >= 0 && !isPlaceholderLength(n, String(row.semantics))) row.contentLength = n
    }
    rows.push(row as unknown as DataLinkRow)
  }
  return rows
}

const WHAT = 'The DataLink request'
const NO_LINKS = 'The response is a VOTable but has no DataLink table (no semantics/access_url columns)'

/** Reads a DataLink document (rows and descriptors). @throws QueryError for QUERY_STATUS=ERROR, FormatError when it is no DataLink table. */
export function parseLinks(doc: VOTableDocument, url = ''): DataLinkResult {
  return linksResult(dalResult(doc, { what: WHAT, url, pick: findLinksTable, missing: NO_LINKS }))
}

function linksResult({ document, table, partial, url }: DalResult): DataLinkResult {
  const result: DataLinkResult = { rows: readLinkRows(table), descriptors: parseServiceDescriptors(document), document, url }
  if (partial) result.partial = partial
  return result
}

/** The {links} URL for a target, with the ID written the way ESO writes it (readable, still a valid URL). */
export function linksUrl(target: DataLinkTarget, opts: Pick<FetchLinksOptions, 'baseUrl' | 'responseFormat' | 'idTemplate'> = {}): string {
  const rf: [string, string | undefined] = ['RESPONSEFORMAT', opts.responseFormat]
  if ('url' in target) return withParams(target.url, [rf])
  if (!opts.baseUrl) throw new Error('fetchLinks needs the DataLink baseUrl to look up an ID')
  const id = 'id' in target ? target.id.trim() : publisherDid(target.dpId, opts.idTemplate ?? ESO_ID_TEMPLATE)
  return withParams(opts.baseUrl, [['ID', id], rf])
}

/** Fetches and reads the DataLink document of one dataset. */
export async function fetchLinks(http: HttpClient, target: DataLinkTarget, opts: FetchLinksOptions = {}): Promise<DataLinkResult> {
  const url = linksUrl(target, opts)
  let res: Response
  try {
    res = await http.request(url, { signal: opts.signal, timeoutMs: opts.timeoutMs })
  } catch (e) {
    throw toDalError(e, url, WHAT)
  }
  const answered = res.url ? http.serviceUrl(res.url) : url
  return linksResult(await readDalResponse(res, { what: WHAT, url: answered, read: opts.read, signal: opts.signal, pick: findLinksTable, missing: NO_LINKS }))
}

/** Parses a DataLink response body; an HTML page (DaCHS answers browsers with one) becomes a FormatError that says so. */
export function parseLinksBody(body: ArrayBuffer | string, url: string): DataLinkResult {
  let doc: VOTableDocument
  try {
    doc = parseVOTable(body)
  } catch (e) {
    if (!(e instanceof VOTableError)) throw e
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body.slice(0, 8192))
    throw notAVOTable(text, '', { what: WHAT, url }, e)
  }
  return parseLinks(doc, url)
}

/** Messages of the rows that carry an error instead of a link (e.g. "NotFoundFault: …", no permission). */
export function linkErrors(result: Pick<DataLinkResult, 'rows'>): string[] {
  return result.rows.filter((r) => r.errorMessage && !r.accessUrl && !r.serviceDef).map((r) => r.errorMessage!)
}
