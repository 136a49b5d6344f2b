/** ESO's token flow and HTTP Basic: pure token logic over the HTTP door, no React. */
import { HttpError, type HttpClient } from '../http'
import { DalError } from '../dal/errors'

/** astroquery treats ESO's id_token as expired 10 minutes before its `exp`. */
export const EXPIRY_MARGIN_MS = 10 * 60 * 1000

/** A login that did not work (wrong password, unreadable token): the user needs to log in (again). */
export class AuthError extends DalError {
  override name = 'AuthError'
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('needs-login', message, options)
  }
}

/** The claims of a JWT (not verified: the services verify; the app only reads who and until when). */
export function decodeJwtClaims(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1]
  if (!part) throw new AuthError('The token is not a JWT')
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes))
    if (typeof claims !== 'object' || claims === null) throw new Error('not an object')
    return claims as Record<string, unknown>
  } catch {
    throw new AuthError('The token is not a readable JWT')
  }
}

/** When the app stops using an id_token: its `exp` minus the 10-minute margin (ms since epoch). */
export function usableUntil(idToken: string, marginMs = EXPIRY_MARGIN_MS): number {
  const exp = decodeJwtClaims(idToken).exp
  if (typeof exp !== 'number') throw new AuthError('The token has no expiry (exp)')
  return exp * 1000 - marginMs
}

export interface TokenSession {
  /** The Bearer credential (ESO: the id_token). */
  bearer: string
  username: string
  displayName: string
  /** ms since epoch after which the token is no longer sent. */
  expiresAt: number
}

/** Who a token names and until when it may be used. */
export function sessionFromIdToken(idToken: string): TokenSession {
  const c = decodeJwtClaims(idToken)
  const username = String(c.preferred_username ?? c.sub ?? 'unknown')
  return { bearer: idToken, username, displayName: typeof c.name === 'string' ? c.name : username, expiresAt: usableUntil(idToken) }
}

export interface PasswordGrantSettings {
  tokenUrl: string
  clientId: string
  method: 'GET' | 'POST'
}

/**
 * ESO's documented token request: grant_type=password, response_type "id_token token", ESO's client_id.
 * ESO documents GET with the fields in the query; POST sends the same fields as a form.
 */
export async function passwordGrant(http: HttpClient, s: PasswordGrantSettings, username: string, password: string, signal?: AbortSignal): Promise<TokenSession> {
  if (!username.trim() || !password) throw new AuthError('Enter your username and password')
  const fields = { response_type: 'id_token token', grant_type: 'password', client_id: s.clientId, username: username.trim(), password }
  let body: unknown
  try {
    body = await http.json(s.tokenUrl, {
      ...(s.method === 'GET' ? { query: fields } : { form: fields, idempotent: false }),
      withCredentials: false,
      retries: 0,
      signal,
    })
  } catch (e) {
    if (e instanceof HttpError && (e.status === 400 || e.status === 401)) {
      const error = /"error"\s*:\s*"([^"]+)"/.exec(e.body ?? '')?.[1]
      if (error === 'invalid_grant' || e.status === 401) throw new AuthError('Wrong username or password')
      throw new AuthError(`The login service refused the request (${error ?? `HTTP ${e.status}`})`)
    }
    throw e
  }
  const idToken = (body as { id_token?: unknown }).id_token
  if (typeof idToken !== 'string') throw new AuthError('The login service answered without an id_token')
  const session = sessionFromIdToken(idToken)
  return { ...session, username: username.trim() }
}

/** `Authorization: Basic …` for a username and password (UTF-8, as RFC 7617 recommends). */
export function basicAuthorization(username: string, password: string): string {
  if (username.includes(':')) throw new AuthError('A username for Basic authentication cannot contain ":"')
  const bytes = new TextEncoder().encode(`${username}:${password}`)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return `Basic ${btoa(bin)}`
}
