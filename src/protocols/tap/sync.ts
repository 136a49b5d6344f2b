import { HttpError, type HttpClient } from '../http'
import { FormatError, QueryError, ServiceError } from '../errors'
import { parseVOTable, queryStatus, type Table, type VOTableDocument } from '../votable'

export interface TapQuery {
  query: string
  lang?: string
  /** Row limit sent as MAXREC; undefined lets the service apply its default. The app never adds TOP. */
  maxrec?: number
  /** RESPONSEFORMAT; a VOTable serialisation (e.g. `votable/b2`), since the result is read as a VOTable. */
  format?: string
  /** POST (default, no URL length limit) or GET (bookmarkable, cacheable). */
  method?: 'GET' | 'POST'
}

export interface TapResult {
  document: VOTableDocument
  table: Table
  /** True when the service cut the result at MAXREC (QUERY_STATUS=OVERFLOW). */
  overflow: boolean
  /** Service URL that answered. */
  url: string
  /** A URL that gives the same rows on a plain GET, for other programs (SAMP): sync GET with the query, or a job's result. */
  fetchUrl?: string
}

/** The sync GET URL of a query (DALI: parameters in the query string), with the same MAXREC and format. */
export function syncGetUrl(serviceUrl: string, q: TapQuery): string {
  const u = new URL(`${serviceUrl.replace(/\/+$/, '')}/sync`)
  const params: [string, string | number | undefined][] = [['REQUEST', 'doQuery'], ['LANG', q.lang ?? 'ADQL'], ['QUERY', q.query], ['MAXREC', q.maxrec], ['RESPONSEFORMAT', q.format]]
  for (const [k, v] of params) if (v !== undefined) u.searchParams.set(k, String(v))
  return u.href
}

/** Reads a TAP error body (VOTable with QUERY_STATUS=ERROR, or plain text) into its message. */
export function tapErrorMessage(body: string): string | undefined {
  if (!body.includes('<')) return body.trim() || undefined
  try {
    const s = queryStatus(parseVOTable(body))
    if (s.status === 'ERROR') return s.message?.trim() || 'the service reported an error without a message'
  } catch {
    // not a VOTable
  }
  return undefined
}

/** How a response body becomes a VOTable document: in this thread (default), or streamed in a Web Worker. */
export type VOTableReader = (response: Response, signal?: AbortSignal) => Promise<VOTableDocument>

const readInThread: VOTableReader = async (response) => parseVOTable(await response.arrayBuffer())

/** Runs a synchronous TAP query (POST, form-encoded) and reads the VOTable result. */
export async function runSync(http: HttpClient, serviceUrl: string, q: TapQuery, signal?: AbortSignal, read: VOTableReader = readInThread): Promise<TapResult> {
  const url = `${serviceUrl.replace(/\/+$/, '')}/sync`
  let res: Response
  try {
    const params = { REQUEST: 'doQuery', LANG: q.lang ?? 'ADQL', QUERY: q.query, MAXREC: q.maxrec, RESPONSEFORMAT: q.format }
    res = await http.request(url, {
      ...(q.method === 'GET' ? { query: params } : { form: params }),
      idempotent: true,
      signal,
      timeoutMs: 10 * 60_000,
    })
  } catch (e) {
    if (e instanceof HttpError && e.kind === 'http' && e.body) {
      const msg = tapErrorMessage(e.body)
      if (msg) throw new QueryError(msg, url, { cause: e })
    }
    throw e
  }
  const type = res.headers.get('Content-Type') ?? ''
  let document: VOTableDocument
  try {
    document = await read(res, signal)
  } catch (e) {
    if (signal?.aborted) throw e
    throw new FormatError(`The service did not return a readable VOTable (${type || 'no content type'}): ${(e as Error).message}`, url, { cause: e })
  }
  const status = queryStatus(document)
  // TAP services may report query errors with HTTP 200
  if (status.status === 'ERROR') throw new QueryError(status.message?.trim() || 'The service reported an error', url)
  const table = document.tables[0]
  if (!table) throw new ServiceError('The service answered without a result table', url)
  return { document, table, overflow: status.status === 'OVERFLOW', url, fetchUrl: syncGetUrl(serviceUrl, q) }
}
