import type { HttpClient } from '../http'
import { readDalResponse, toDalError, type DalResult, type VOTableReader } from '../dal'

export type { VOTableReader } from '../dal'

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

/** A TAP result: the document, its result table, OVERFLOW at MAXREC, `partial` when it ended early, the URL. */
export type TapResult = DalResult

/** Runs a synchronous TAP query (POST, form-encoded) and reads the VOTable result. */
export async function runSync(http: HttpClient, serviceUrl: string, q: TapQuery, signal?: AbortSignal, read?: VOTableReader): Promise<TapResult> {
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
    throw toDalError(e, url, 'The TAP query')
  }
  // TAP services may report query errors with HTTP 200: the reader checks QUERY_STATUS
  return readDalResponse(res, { what: 'The TAP query', url, read, signal })
}
