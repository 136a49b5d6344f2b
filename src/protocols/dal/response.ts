/**
 * The one reader of DAL responses (TAP, SSAP, DataLink, calSelector): body → VOTable → QUERY_STATUS →
 * result table, with every failure a DalError of the right kind and early ends reported as `partial`.
 */
import { HttpError } from '../http'
import { FormatError, QueryError, ServiceError } from '../errors'
import { parseInWorker, parseVOTable, parseVOTableStream, queryStatus, VOTableError, type QueryStatus, type Resource, type Table, type VOTableDocument } from '../votable'
import { abortError, DalError, errorPosition } from './errors'
import { markupToText, serviceErrorMessage, startsLikeVOTable, votableErrorMessage } from './messages'

/** How a response body becomes a VOTable document: in this thread (default), or streamed in a Web Worker. */
export type VOTableReader = (response: Response, signal?: AbortSignal) => Promise<VOTableDocument>

/** The default reader: streamed on this thread, so a cancel stops the download and an early end keeps the rows. */
export const readInThread: VOTableReader = (response, signal) => parseVOTableStream(response, { signal })

/** Streamed in a Web Worker (in this thread where there is none), so a large result does not hold up the page. */
export const readInWorker: VOTableReader = (response, signal) => parseInWorker(response, { signal })

/** Why a result is incomplete, in words. */
export interface PartialResult {
  reason: string
}

export interface DalResult {
  document: VOTableDocument
  table: Table
  /** True when the service cut the result at MAXREC (QUERY_STATUS=OVERFLOW). */
  overflow: boolean
  /** Set when the result ended early: the rows that arrived are kept. */
  partial?: PartialResult
  /** Service URL that answered. */
  url: string
}

export interface DalReadOptions {
  /** what was asked, as the subject of a sentence: 'The TAP query', 'The DataLink request' */
  what: string
  /** the service URL (for messages and the result) */
  url: string
  read?: VOTableReader
  signal?: AbortSignal
  /** the table to return (default: the first of the RESOURCE type="results", else the first table) */
  pick?: (document: VOTableDocument) => Table | undefined
  /** the message when `pick` finds none */
  missing?: string
}

/** The result table: the first one in a RESOURCE type="results" if there is one, else the first table. */
export function resultTable(document: VOTableDocument): Table | undefined {
  const find = (resources: Resource[]): Table | undefined => {
    for (const r of resources) {
      const t = r.type === 'results' && r.tables[0] ? r.tables[0] : find(r.resources)
      if (t) return t
    }
    return undefined
  }
  return find(document.resources) ?? document.tables[0]
}

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`

/** Why `table` is incomplete, from what the parser noted (truncation, warnings, a late ERROR), or undefined. */
export function partialReason(document: VOTableDocument, table: Table, status: QueryStatus = queryStatus(document)): string | undefined {
  const n = table.rowCount
  if (status.status === 'ERROR' && n > 0) return `the service reported an error after ${rows(n)}${status.message ? `: ${status.message.trim()}` : ''}`
  if (document.warnings.some((w) => w.startsWith('the input stopped early'))) return `the connection broke after ${rows(n)}`
  if (table.truncated) return `the document ends inside row ${n + 1}`
  if (document.warnings.some((w) => w.startsWith('input ends before </VOTABLE>'))) return `the document ends before its end, after ${rows(n)}`
  if (table.nrows !== undefined && n < table.nrows) return `the service announced ${rows(table.nrows)} but sent ${n}`
  return undefined
}

/** Checks a parsed DAL document: QUERY_STATUS=ERROR → query-rejected, no table → bad-response; OVERFLOW and early ends noted. */
export function dalResult(document: VOTableDocument, opts: Pick<DalReadOptions, 'what' | 'url' | 'pick' | 'missing'>): DalResult {
  const { url, what } = opts
  const status = queryStatus(document)
  const table = (opts.pick ?? resultTable)(document)
  if (status.status === 'ERROR' && (!table || table.rowCount === 0)) {
    const said = status.message?.trim()
    throw new QueryError(said || `${what} failed: the service reported an error without a message`, url, { serviceMessage: said, position: errorPosition(said) })
  }
  if (!table) throw new FormatError(opts.missing ?? `${what} got an answer without a result table`, url)
  const result: DalResult = { document, table, overflow: status.status === 'OVERFLOW', url }
  const reason = partialReason(document, table, status)
  if (reason) result.partial = { reason }
  return result
}

/** A body that is not a VOTable (HTML page, plain text, an empty answer) as a bad-response in words. */
export function notAVOTable(body: string, contentType: string, opts: Pick<DalReadOptions, 'what' | 'url'>, cause?: unknown): DalError {
  const said = serviceErrorMessage(body, contentType)
  const fromVOTable = votableErrorMessage(body, contentType)
  if (fromVOTable) return new QueryError(fromVOTable, opts.url, { serviceMessage: fromVOTable, position: errorPosition(fromVOTable), cause })
  const html = /html/i.test(contentType) || /^\s*<(!doctype\s+html|html)/i.test(body)
  const got = html ? 'an HTML page' : !body.trim() ? 'an empty answer' : contentType ? contentType : 'an answer that is not a VOTable'
  const detail = said ?? (cause instanceof Error ? cause.message : undefined)
  return new FormatError(`${opts.what} got ${got}${got.startsWith('an answer') ? '' : ' instead of a VOTable'}${detail ? `: ${detail}` : ''}`, opts.url, { serviceMessage: said, cause })
}

/** Reads a DAL response (status 2xx) with the given reader and checks it (see `dalResult`). */
export async function readDalResponse(response: Response, opts: DalReadOptions): Promise<DalResult> {
  const { signal, url, what } = opts
  const contentType = response.headers.get('Content-Type') ?? ''
  let document: VOTableDocument
  try {
    if (/^text\/(html|plain)/i.test(contentType)) {
      // an HTML page or plain text is no VOTable (unless it is one with a wrong type): say what came instead
      const text = await readText(response, signal, url)
      if (!startsLikeVOTable(text)) throw notAVOTable(text, contentType, opts)
      document = parseVOTable(text)
    } else document = await (opts.read ?? readInThread)(response, signal)
  } catch (e) {
    if (signal?.aborted) throw abortError(signal, url)
    if (e instanceof DalError) throw e
    if (e instanceof VOTableError) {
      const message = /input is empty/.test(e.message) ? `${what} got an empty answer instead of a VOTable` : `${what} did not return a readable VOTable (${contentType || 'no content type'}): ${e.message}`
      throw new FormatError(message, url, { cause: e })
    }
    // the body broke off before any table arrived
    throw new DalError('network', `The connection broke while reading the answer: ${e instanceof Error ? e.message : String(e)}`, { url, cause: e })
  }
  return dalResult(document, opts)
}

async function readText(response: Response, signal: AbortSignal | undefined, url: string): Promise<string> {
  try {
    return await response.text()
  } catch (e) {
    if (signal?.aborted) throw abortError(signal, url)
    throw new DalError('network', `The connection broke while reading the answer: ${e instanceof Error ? e.message : String(e)}`, { url, cause: e })
  }
}

/**
 * Turns a failed request into the DalError a view can explain: an HTTP error body with the service's
 * reason (a VOTable ERROR, or a 400/422 with a message) becomes query-rejected; a refused login stays
 * needs-login/forbidden (with the door's advice), a busy service busy, anything else keeps its kind.
 */
export function toDalError(e: unknown, url: string, what: string): DalError {
  if (!(e instanceof DalError)) {
    if (e && typeof e === 'object' && (e as { name?: unknown }).name === 'AbortError') return abortError(undefined, url)
    const message = e instanceof Error ? e.message : String(e)
    return new DalError(e instanceof TypeError ? 'network' : 'bad-response', `${what} failed: ${message}`, { url, cause: e })
  }
  if (!(e instanceof HttpError) || e.status === undefined || e.kind === 'proxy-unreachable') return e
  const status = e.status
  const fromVOTable = e.body ? votableErrorMessage(e.body, e.contentType) : undefined
  const said = fromVOTable ?? e.serviceMessage ?? (e.body ? serviceErrorMessage(e.body, e.contentType) : undefined)
  const options = { status, serviceMessage: said, retryAfterMs: e.retryAfterMs, cause: e }
  // a refused login keeps the door's advice (log in / log in again / no permission)
  if (e.kind === 'needs-login' || e.kind === 'forbidden') return new ServiceError(`${what} failed (HTTP ${status}): ${e.message}`, url, { ...options, kind: e.kind })
  if (e.kind === 'busy') return new ServiceError(`${what} failed: ${e.message}`, url, { ...options, kind: 'busy' })
  const refused = fromVOTable !== undefined || ((status === 400 || status === 422) && said !== undefined)
  // a QueryError's message is the service's own text (the notice titles it 'rejected the query')
  if (refused) return new QueryError(said!, url, { ...options, position: errorPosition(said) })
  const excerpt = said ?? (markupToText(e.body ?? '').slice(0, 300) || undefined)
  return new ServiceError(`${what} failed (HTTP ${status})${excerpt ? `: ${excerpt}` : ''}`, url, { ...options, kind: 'http', serviceMessage: excerpt })
}
