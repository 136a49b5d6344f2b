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

/**
 * A TAP result: the document, its result table, OVERFLOW at MAXREC, `partial` when it ended early, the URL, and a URL
 * that gives the same rows on a plain GET, for other programs (SAMP): the sync GET with the query, or a job's result.
 */
export type TapResult = DalResult & { fetchUrl?: string }

/** The sync GET URL of a query (DALI: parameters in the query string), with the same MAXREC and format. */
export function syncGetUrl(serviceUrl: string, q: TapQuery): string {
  const u = new URL(`${serviceUrl.replace(/\/+$/, '')}/sync`)
  const params: [string, string | number | undefined][] = [['REQUEST', 'doQuery'], ['LANG', q.lang ?? 'ADQL'], ['QUERY', q.query], ['MAXREC', q.maxrec], ['RESPONSEFORMAT', q.format]]
  for (const [k, v] of params) if (v !== undefined) u.searchParams.set(k, String(v))
  return u.href
}

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
  return { ...(await readDalResponse(res, { what: 'The TAP query', url, read, signal })), fetchUrl: syncGetUrl(serviceUrl, q) }
}
