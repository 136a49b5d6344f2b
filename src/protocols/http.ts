/**
 * The single door to the network: every request of the app goes through `HttpClient`.
 * Timeouts, cancellation, retries with backoff for idempotent requests, the proxy rewrite,
 * typed errors and the credential policy live here and nowhere else.
 */
import { ProxyMap } from './proxy'
import { HostBreaker } from './breaker'
import { authFailureMessage } from './auth/challenge'
import { abortError, DalError, type DalErrorKind } from './dal/errors'
import { markupToText, serviceErrorMessage } from './dal/messages'

export { isAbortError } from './dal/errors'

/** The kinds of failure the door itself can tell (the DAL readers add query-rejected, bad-response, partial). */
export type HttpErrorKind = Extract<DalErrorKind, 'network' | 'proxy-unreachable' | 'timeout' | 'http' | 'busy' | 'needs-login' | 'forbidden'>

/** A failed request (a DalError); `kind` says how, `body` keeps the start of an error response for the DAL readers. */
export class HttpError extends DalError {
  override name = 'HttpError'
  declare readonly kind: HttpErrorKind
  declare readonly url: string
  constructor(
    kind: HttpErrorKind,
    message: string,
    url: string,
    status?: number,
    /** The start of the response body (text), for HTTP status errors. */
    readonly body?: string,
    readonly contentType?: string,
    options?: { cause?: unknown; serviceMessage?: string; retryAfterMs?: number },
  ) {
    super(kind, message, { ...options, url, status })
  }
}

/** Credentials that may be attached to a request: extra headers (e.g. Authorization) for that service URL only. */
export type CredentialPolicy = (serviceUrl: URL) => Record<string, string> | undefined

export type FormValue = string | number | boolean | undefined | null | readonly (string | number)[]
export type FormFields = Record<string, FormValue>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE' | 'HEAD' | 'PUT'
  /** Added to the URL's query string (undefined/null values are left out; arrays repeat the key). */
  query?: FormFields
  /** POST body as application/x-www-form-urlencoded (or multipart when a FormData is given). */
  form?: FormFields | FormData
  headers?: Record<string, string>
  signal?: AbortSignal
  /** Milliseconds until the request is abandoned with a `timeout` error; 0 disables. */
  timeoutMs?: number
  /** Retries of idempotent requests on network failure, timeout, 429 and 502–504. */
  retries?: number
  /** Treat a POST as safe to repeat (e.g. a TAP sync query). GET/HEAD/PUT/DELETE always are. */
  idempotent?: boolean
  /** Ask the credential policy for this request (default true). */
  withCredentials?: boolean
  /** Do not throw on HTTP error statuses; the caller inspects `response.ok`. */
  acceptErrorStatus?: boolean
  redirect?: RequestRedirect
}

export interface HttpClientOptions {
  proxy: ProxyMap
  fetchImpl?: typeof fetch
  credentialPolicy?: CredentialPolicy
  defaultTimeoutMs?: number
  defaultRetries?: number
  /** Backoff base; the n-th retry waits about base·2^n ms (with jitter), capped at maxDelayMs. */
  retryBaseDelayMs?: number
  retryMaxDelayMs?: number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Hosts our proxy cannot reach, held to a few requests a minute; share one among the doors of a page. */
  breaker?: HostBreaker<HttpError>
  /** Told when a host cannot be reached at all (our proxy says so), and when a host answers again. */
  reachability?: { unreachable(host: string, reason: string): void; reached(host: string): void }
}

const RETRY_STATUSES = new Set([408, 429, 502, 503, 504])
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 10

/** A redirect the door must follow itself: a readable 3xx, or one the proxy handed back (X-Upstream-Status). */
function redirectTarget(res: Response, requestUrl: string): { status: number; location: string } | undefined {
  const upstream = Number(res.headers.get('X-Upstream-Status'))
  const status = REDIRECT_STATUSES.has(upstream) ? upstream : res.status
  const location = upstream ? res.headers.get('X-Upstream-Location') : res.headers.get('Location')
  if (!REDIRECT_STATUSES.has(status) || !location) return undefined
  return { status, location: new URL(location, requestUrl).href }
}
const ERROR_BODY_LIMIT = 8192

function sleepAbortable(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal))
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(t)
      reject(abortError(signal))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export function encodeForm(fields: FormFields): URLSearchParams {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue
    if (Array.isArray(v)) for (const item of v) p.append(k, String(item))
    else p.append(k, String(v))
  }
  return p
}

function withQuery(url: string, query?: FormFields): string {
  if (!query) return url
  const u = new URL(url)
  for (const [k, v] of encodeForm(query)) u.searchParams.append(k, v)
  return u.href
}

function parseRetryAfter(h: string | null): number | undefined {
  if (!h) return undefined
  const s = Number(h)
  if (Number.isFinite(s)) return Math.max(0, s * 1000)
  const d = Date.parse(h)
  return Number.isNaN(d) ? undefined : Math.max(0, d - Date.now())
}

/** The kind of an HTTP error status: 401 needs a login, 403 is refused, 429/503 mean busy, the rest is 'http'. */
export function statusKind(status: number): HttpErrorKind {
  return status === 401 ? 'needs-login' : status === 403 ? 'forbidden' : status === 429 || status === 503 ? 'busy' : 'http'
}

/** Our proxy's reasons for not reaching an origin (X-Proxy-Error), in words. */
const PROXY_WORDS: Record<string, string> = { dns: 'DNS lookup failed', refused: 'connection refused', timeout: 'no answer in time', tls: 'secure connection failed', reset: 'connection reset' }
/** Proxy failures a retry in the next seconds will not cure: the request is not repeated. */
const PROXY_FINAL = new Set(['dns', 'refused', 'tls'])

/** A login problem in our words, with what the service itself said (a plain-text 401 "token expired", say). */
function withSaid(message: string | undefined, said: string | undefined): string | undefined {
  return message && said && !message.includes(said) ? `${message} (the service says: ${said})` : message
}

/** The door's error for an HTTP error status: its kind from the status (and our proxy's X-Proxy-Error), in words. */
async function statusError(res: Response, serviceUrl: URL): Promise<HttpError> {
  const text = await readErrorBody(res)
  const contentType = res.headers.get('Content-Type') ?? undefined
  const said = serviceErrorMessage(text, contentType) ?? (markupToText(text).slice(0, 300) || undefined)
  const host = serviceUrl.host
  const proxyError = res.headers.get('X-Proxy-Error')
  const challenge = res.headers.get('WWW-Authenticate') ?? res.headers.get('X-Upstream-WWW-Authenticate')
  const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'))
  const kind: HttpErrorKind = proxyError ? 'proxy-unreachable' : statusKind(res.status)
  const answered = `${host} answered ${res.status} ${res.statusText}`.trim()
  const message =
    kind === 'proxy-unreachable' ? `Cannot reach ${host} (${PROXY_WORDS[proxyError!] ?? said ?? proxyError})` :
    withSaid(authFailureMessage(res.status, challenge, host), challenge ? undefined : said) ??
    (kind === 'busy' ? `${host} is busy (HTTP ${res.status})${retryAfterMs !== undefined ? `; it asks to try again in ${Math.ceil(retryAfterMs / 1000)} s` : ''}` : answered) +
      (said ? `: ${said}` : '')
  return new HttpError(kind, message, serviceUrl.href, res.status, text, contentType, { serviceMessage: said, retryAfterMs })
}

async function readErrorBody(res: Response): Promise<string> {
  try {
    const text = await res.text()
    return text.length > ERROR_BODY_LIMIT ? text.slice(0, ERROR_BODY_LIMIT) + '…' : text
  } catch {
    return ''
  }
}

export class HttpClient {
  readonly proxy: ProxyMap
  private credentialPolicy: CredentialPolicy | undefined
  private readonly fetchImpl: typeof fetch
  private readonly defaultTimeoutMs: number
  private readonly defaultRetries: number
  private readonly retryBaseDelayMs: number
  private readonly retryMaxDelayMs: number
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  private readonly reachability: HttpClientOptions['reachability']
  /** hosts our proxy cannot reach are asked at most 3 times a minute */
  private readonly breaker: HostBreaker<HttpError>

  constructor(opts: HttpClientOptions) {
    this.proxy = opts.proxy
    this.fetchImpl = opts.fetchImpl ?? ((input, init) => globalThis.fetch(input, init))
    this.credentialPolicy = opts.credentialPolicy
    this.defaultTimeoutMs = opts.defaultTimeoutMs ?? 60_000
    this.defaultRetries = opts.defaultRetries ?? 2
    this.retryBaseDelayMs = opts.retryBaseDelayMs ?? 500
    this.retryMaxDelayMs = opts.retryMaxDelayMs ?? 8_000
    this.sleep = opts.sleep ?? sleepAbortable
    this.reachability = opts.reachability
    this.breaker = opts.breaker ?? new HostBreaker<HttpError>()
  }

  /** Sets which credentials go to which service; the authentication feature fills this in. */
  setCredentialPolicy(policy: CredentialPolicy | undefined): void {
    this.credentialPolicy = policy
  }

  /** The URL a link or download in the page should use for a service URL (proxied when configured). */
  publicUrl(serviceUrl: string): string {
    return this.proxy.toRequestUrl(serviceUrl)
  }

  /** The real service URL behind a URL that may be proxied (e.g. `response.url`). */
  serviceUrl(url: string): string {
    return this.proxy.toServiceUrl(url)
  }

  async request(url: string, opts: RequestOptions = {}): Promise<Response> {
    let method = opts.method ?? (opts.form ? 'POST' : 'GET')
    let serviceUrl = new URL(this.proxy.toServiceUrl(withQuery(url, opts.query)))
    const timeoutMs = opts.timeoutMs ?? this.defaultTimeoutMs
    let body: BodyInit | undefined
    const formType: Record<string, string> = {}
    if (opts.form instanceof FormData) body = opts.form
    else if (opts.form) {
      body = encodeForm(opts.form)
      formType['Content-Type'] = 'application/x-www-form-urlencoded'
    }

    for (let hop = 0; ; hop++) {
      const requestUrl = this.proxy.toRequestUrl(serviceUrl.href)
      const idempotent = hop > 0 ? method !== 'POST' || opts.idempotent === true : (opts.idempotent ?? method !== 'POST')
      const retries = idempotent ? (opts.retries ?? this.defaultRetries) : 0
      const headers: Record<string, string> = { ...(body && !(body instanceof FormData) ? formType : {}), ...opts.headers }
      const credentials = opts.withCredentials !== false && this.credentialPolicy ? this.credentialPolicy(serviceUrl) : undefined
      const credentialed = !!credentials && Object.keys(credentials).length > 0
      if (credentialed) Object.assign(headers, credentials)
      // Credentials must not ride a redirect to another service. Direct: the browser (and Node) drop Authorization
      // on cross-origin redirects (Fetch standard). Proxied: every service is same-origin to the browser, so the
      // proxy hands the redirect back (X-Redirect-Mode) and the door follows it, asking the policy afresh.
      const followHere = credentialed && (opts.redirect ?? 'follow') === 'follow' && requestUrl !== serviceUrl.href
      if (followHere) headers['X-Redirect-Mode'] = 'manual'
      const redirect = followHere ? 'manual' : opts.redirect
      const refused = await this.breaker.admit(serviceUrl.host)
      if (refused) throw new HttpError(refused.kind, refused.message, serviceUrl.href, refused.status, refused.body, refused.contentType, { serviceMessage: refused.serviceMessage })
      let outcome: Response
      try {
        outcome = await this.send(requestUrl, serviceUrl.href, { method, headers, body, redirect }, opts.signal, timeoutMs, retries)
      } catch (e) {
        this.breaker.released(serviceUrl.host)
        throw e
      }
      // any answer but our proxy's "cannot reach" says the host is there
      if (!outcome.headers.get('X-Proxy-Error')) this.breaker.reached(serviceUrl.host)
      // a redirect handed back by the proxy is followed here for every request that follows redirects
      const next = (opts.redirect ?? 'follow') === 'follow' ? redirectTarget(outcome, requestUrl) : undefined
      if (next) {
        await outcome.body?.cancel().catch(() => {})
        if (hop >= MAX_REDIRECTS) throw new HttpError('http', `${serviceUrl.host} redirected more than ${MAX_REDIRECTS} times`, serviceUrl.href)
        serviceUrl = new URL(this.proxy.toServiceUrl(next.location))
        // 303, and 301/302 after POST, continue as GET without the body (as browsers do)
        if (next.status === 303 || ((next.status === 301 || next.status === 302) && method === 'POST')) {
          if (method !== 'HEAD') method = 'GET'
          body = undefined
        }
        continue
      }
      if (followHere && outcome.type === 'opaqueredirect') {
        throw new HttpError('http', `${serviceUrl.host} redirected, but the proxy did not say where; credentials are not sent onwards blindly`, serviceUrl.href)
      }
      const failure = outcome.ok ? undefined : await statusError(outcome.clone(), serviceUrl)
      if (failure?.kind === 'proxy-unreachable') {
        if (PROXY_FINAL.has(outcome.headers.get('X-Proxy-Error') ?? '')) this.breaker.unreachable(serviceUrl.host, failure)
        else this.breaker.released(serviceUrl.host)
        this.reachability?.unreachable(serviceUrl.host, failure.message)
      } else {
        this.reachability?.reached(serviceUrl.host)
      }
      if (failure && !opts.acceptErrorStatus) throw failure
      return outcome
    }
  }

  /** One request with retries of network failures, timeouts and retryable statuses. */
  private async send(
    requestUrl: string,
    serviceUrl: string,
    init: { method: string; headers: Record<string, string>; body: BodyInit | undefined; redirect?: RequestRedirect },
    signal: AbortSignal | undefined,
    timeoutMs: number,
    retries: number,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(requestUrl, serviceUrl, init, signal, timeoutMs)
      const retryable =
        attempt < retries &&
        (outcome instanceof DalError ? outcome.kind === 'network' || outcome.kind === 'timeout' : RETRY_STATUSES.has(outcome.status) && !PROXY_FINAL.has(outcome.headers.get('X-Proxy-Error') ?? ''))
      if (retryable) {
        const hinted = outcome instanceof Response ? parseRetryAfter(outcome.headers.get('Retry-After')) : undefined
        if (outcome instanceof Response) await outcome.body?.cancel().catch(() => {})
        const backoff = Math.min(this.retryMaxDelayMs, this.retryBaseDelayMs * 2 ** attempt * (0.75 + Math.random() * 0.5))
        try {
          await this.sleep(Math.min(this.retryMaxDelayMs, hinted ?? backoff), signal)
        } catch {
          throw abortError(signal, serviceUrl)
        }
        continue
      }
      if (outcome instanceof DalError) throw outcome
      return outcome
    }
  }

  private async attempt(
    requestUrl: string,
    serviceUrl: string,
    init: { method: string; headers: Record<string, string>; body: BodyInit | undefined; redirect?: RequestRedirect },
    userSignal: AbortSignal | undefined,
    timeoutMs: number,
  ): Promise<Response | DalError> {
    if (userSignal?.aborted) return abortError(userSignal, serviceUrl)
    const timeout = new AbortController()
    const timer = timeoutMs > 0 ? setTimeout(() => timeout.abort(), timeoutMs) : undefined
    const signal = userSignal ? AbortSignal.any([userSignal, timeout.signal]) : timeout.signal
    try {
      const res = await this.fetchImpl(requestUrl, {
        method: init.method,
        headers: init.headers,
        body: init.body,
        signal,
        redirect: init.redirect ?? 'follow',
        // the app never relies on ambient cookies; credentials are explicit headers from the policy
        credentials: 'omit',
        cache: 'no-store',
      })
      // with redirect 'manual', browsers hand back an opaque redirect: that is the caller's choice, not CORS
      if (res.type === 'opaque' || (res.type === 'opaqueredirect' && init.redirect !== 'manual')) {
        return new HttpError('network', `${new URL(serviceUrl).host} gave an opaque response (CORS); reach it through the proxy`, serviceUrl)
      }
      return res
    } catch (e) {
      if (userSignal?.aborted) return abortError(userSignal, serviceUrl)
      if (timeout.signal.aborted) {
        return new HttpError('timeout', `${new URL(serviceUrl).host} did not answer within ${Math.round(timeoutMs / 1000)} s`, serviceUrl, undefined, undefined, undefined, { cause: e })
      }
      const host = new URL(serviceUrl).host
      if (this.proxy.isCrossOrigin(serviceUrl)) {
        return new HttpError(
          'network',
          `Could not reach ${host}: the network failed or ${host} does not allow cross-origin requests (CORS). ` +
            (this.proxy.hasRoute(serviceUrl)
              ? 'Switch the profile\'s access to "proxy" (config.json), or check the connection.'
              : `Check the connection; if ${host} does not send CORS headers, the deployment needs a proxy route for it (config.json proxyRoutes).`),
          serviceUrl, undefined, undefined, undefined, { cause: e },
        )
      }
      return new HttpError('network', `Could not reach ${host} (${e instanceof Error ? e.message : String(e)}). Check that the service is running and the network is up.`, serviceUrl, undefined, undefined, undefined, { cause: e })
    } finally {
      if (timer) clearTimeout(timer)
    }
  }

  async text(url: string, opts?: RequestOptions): Promise<string> {
    return (await this.request(url, opts)).text()
  }

  async json<T = unknown>(url: string, opts?: RequestOptions): Promise<T> {
    const res = await this.request(url, opts)
    const text = await res.text()
    try {
      return JSON.parse(text) as T
    } catch {
      throw new HttpError('http', `${new URL(this.proxy.toServiceUrl(res.url || url)).host} did not return JSON`, url, res.status, text.slice(0, ERROR_BODY_LIMIT))
    }
  }

  async arrayBuffer(url: string, opts?: RequestOptions): Promise<ArrayBuffer> {
    return (await this.request(url, opts)).arrayBuffer()
  }
}
