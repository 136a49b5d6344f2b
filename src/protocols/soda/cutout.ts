/** Runs a SODA sync request: the Response (for streaming or saving) and the file name the service gives. */
import type { HttpClient } from '../http'
import { QueryError } from '../errors'
import { errorPosition, toDalError, votableErrorMessage } from '../dal'
import { dpIdOf } from '../datalink'
import type { SodaRequest } from './types'

export interface SodaCutoutResponse {
  response: Response
  /** from Content-Disposition, else made from the ID and the content type */
  filename: string
  contentType?: string
  url: string
}

/** The file name in a Content-Disposition header (RFC 6266: filename*=UTF-8''…, quoted or bare filename=). */
export function filenameFromContentDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  if (star) {
    try {
      return sanitise(decodeURIComponent(star[2]!.trim().replace(/^"|"$/g, '')))
    } catch {
      // a bad escape: fall back to the plain filename
    }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(header)
  if (!plain) return undefined
  return sanitise(plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1]!.trim())
}

// keep only the last path segment; a server must not choose where the file goes
function sanitise(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop()!.trim()
  return base && base !== '.' && base !== '..' ? base : undefined
}

const EXTENSIONS: Record<string, string> = {
  'application/fits': '.fits', 'image/fits': '.fits', 'application/x-votable+xml': '.vot', 'text/csv': '.csv', 'text/plain': '.txt',
}

function fallbackName(req: SodaRequest, contentType: string | undefined): string {
  const id = req.params.find(([k]) => k === 'ID')?.[1] ?? 'cutout'
  const base = (dpIdOf(id) ?? id).replace(/[^A-Za-z0-9._-]+/g, '_')
  const ext = EXTENSIONS[(contentType ?? '').split(';')[0]!.trim().toLowerCase()] ?? '.fits'
  return `${base}_cutout${ext}`
}

/**
 * Sends the request. An empty answer (DaCHS: 204 when the region misses the data), an HTTP error or
 * a VOTable error document becomes a DalError (query-rejected, http, needs-login…) carrying the server's message.
 */
export async function fetchCutout(http: HttpClient, req: SodaRequest, opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<SodaCutoutResponse> {
  let response: Response
  try {
    // cutouts of big cubes take minutes (ESO's notebook expects timeouts on huge cubes)
    response = await http.request(req.url, { signal: opts.signal, timeoutMs: opts.timeoutMs ?? 10 * 60_000 })
  } catch (e) {
    throw toDalError(e, req.url, 'The cutout')
  }
  const contentType = response.headers.get('Content-Type') ?? undefined
  if (response.status === 204) throw new QueryError('The cutout is empty: the requested region or band does not overlap the data', req.url)
  // SODA errors may come with status 200 as a VOTable (DALI)
  const length = Number(response.headers.get('Content-Length') ?? NaN)
  // only small bodies: an error document is tiny, and cloning a large cutout would buffer it
  if (contentType && /votable|xml/i.test(contentType) && length < 65536) {
    const said = votableErrorMessage(await response.clone().text(), contentType)
    if (said) throw new QueryError(`The cutout failed: ${said}`, req.url, { serviceMessage: said, position: errorPosition(said) })
  }
  const filename = filenameFromContentDisposition(response.headers.get('Content-Disposition')) ?? fallbackName(req, contentType)
  return { response, filename, contentType, url: req.url }
}
