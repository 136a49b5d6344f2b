/**
 * The one error root of the protocol layer: every failure of a request to a service (and a cancel)
 * is a DalError whose `kind` says what happened, so views can explain it in words.
 */

export type DalErrorKind =
  /** could not connect (network down, DNS, refused, CORS) */
  | 'network'
  /** our same-origin proxy says it could not reach the origin (response header X-Proxy-Error) */
  | 'proxy-unreachable'
  | 'timeout'
  /** cancelled by the user or the app */
  | 'aborted'
  /** any other HTTP error status */
  | 'http'
  /** 429 or 503: try again later */
  | 'busy'
  /** 401 */
  | 'needs-login'
  /** 403 */
  | 'forbidden'
  /** the service refused the query or request and said why */
  | 'query-rejected'
  /** not a VOTable, unreadable, or no result table */
  | 'bad-response'
  /** the result ended early (reserved: partial results are returned, not thrown) */
  | 'partial'

/** Where in the query the service found the problem (1-based). */
export interface QueryPosition {
  line: number
  column: number
}

export interface DalErrorOptions {
  url?: string
  status?: number
  /** what the service itself said, as plain text */
  serviceMessage?: string
  position?: QueryPosition
  retryAfterMs?: number
  cause?: unknown
}

export class DalError extends Error {
  override name = 'DalError'
  readonly kind: DalErrorKind
  readonly url?: string
  readonly status?: number
  readonly serviceMessage?: string
  readonly position?: QueryPosition
  readonly retryAfterMs?: number

  constructor(kind: DalErrorKind, message: string, options: DalErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.kind = kind
    // only the fields that are known, so that toMatchObject and logs stay readable
    if (options.url !== undefined) this.url = options.url
    if (options.status !== undefined) this.status = options.status
    if (options.serviceMessage !== undefined) this.serviceMessage = options.serviceMessage
    if (options.position !== undefined) this.position = options.position
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
  }
}

/** The one shape of a cancel, wherever it happens (door, stream, worker): a DalError of kind 'aborted'. */
export function abortError(signal?: AbortSignal, url?: string): DalError {
  const reason: unknown = signal?.reason
  if (reason instanceof DalError && reason.kind === 'aborted') return reason
  return new DalError('aborted', 'Request cancelled', { url, cause: reason })
}

/** Whether `e` is a cancel: the DalError of kind 'aborted', or (for safety) a DOMException AbortError. */
export function isAbortError(e: unknown): boolean {
  if (e instanceof DalError) return e.kind === 'aborted'
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError'
}

/**
 * The line and column a service's message points at, e.g. DaCHS's "… near 'x' (at line 1, column 8)",
 * "line 1, col 8" or "Line 2 Column 5".
 */
export function errorPosition(message: string | undefined): QueryPosition | undefined {
  const m = /\bline\s*:?\s*(\d+)\s*[,;]?\s*(?:and\s+)?col(?:umn)?\.?\s*:?\s*(\d+)/i.exec(message ?? '')
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined
}
