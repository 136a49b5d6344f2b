/**
 * Who is logged in, with which credentials, until when. Bearer sessions live in sessionStorage (gone with the tab,
 * never in localStorage); Basic credentials only in memory. Logging out forgets both.
 */
import { useSyncExternalStore } from 'react'
import { createCredentialPolicy, type Credentials } from '../protocols/auth'
import type { CredentialPolicy } from '../protocols/http'
import type { Profile } from '../config/types'
import { loadCustomTaps } from './addedTaps'

export type LoginMethod = 'password' | 'oidc'

export interface BearerSession {
  profileId: string
  method: LoginMethod
  bearer: string
  username: string
  displayName: string
  /** ms since epoch after which the token is no longer sent (exp − 10 min). */
  expiresAt: number
}

export interface BasicLogin {
  profileId: string
  username: string
  header: string
}

export interface AuthState {
  session?: BearerSession
  basic?: BasicLogin
  /** The last session ran out; the header asks for a re-login. */
  expired?: { profileId: string; username: string; method: LoginMethod }
  /** "Authorised query": send the token to tap_obs too. */
  authorisedQuery: boolean
  /** Counts "log in" requests from elsewhere in the page (an error that needs a login): the header opens its form. */
  loginAsked?: number
}

const SESSION_KEY = 'eae-auth:session'
const SWITCH_KEY = 'eae-auth:authorised-query'

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage
  } catch {
    return undefined
  }
}

function loadSession(): BearerSession | undefined {
  try {
    const raw = storage()?.getItem(SESSION_KEY)
    return raw ? (JSON.parse(raw) as BearerSession) : undefined
  } catch {
    return undefined
  }
}

let state: AuthState = { session: loadSession(), authorisedQuery: storage()?.getItem(SWITCH_KEY) === '1' }
const listeners = new Set<() => void>()
let expiryTimer: ReturnType<typeof setTimeout> | undefined

function commit(next: AuthState): void {
  state = next
  const s = storage()
  try {
    if (next.session) s?.setItem(SESSION_KEY, JSON.stringify(next.session))
    else s?.removeItem(SESSION_KEY)
    s?.setItem(SWITCH_KEY, next.authorisedQuery ? '1' : '0')
  } catch {
    // storage disabled: the login lasts as long as the page
  }
  scheduleExpiry()
  for (const l of listeners) l()
}

function expire(): void {
  const s = state.session
  if (!s) return
  commit({ ...state, session: undefined, expired: { profileId: s.profileId, username: s.username, method: s.method } })
}

function scheduleExpiry(): void {
  if (expiryTimer) clearTimeout(expiryTimer)
  expiryTimer = undefined
  const s = state.session
  if (!s) return
  const wait = s.expiresAt - Date.now()
  if (wait <= 0) return void queueMicrotask(expire)
  // long waits are re-checked in steps (timers are capped, and a sleeping laptop loses time)
  expiryTimer = setTimeout(() => (Date.now() >= s.expiresAt ? expire() : scheduleExpiry()), Math.min(wait, 60_000))
}
scheduleExpiry()

export function getAuth(): AuthState {
  if (state.session && Date.now() >= state.session.expiresAt) expire()
  return state
}

export function setSession(session: BearerSession): void {
  commit({ ...state, session, expired: undefined })
}

export function setBasic(basic: BasicLogin): void {
  commit({ ...state, basic, expired: undefined })
}

export function setAuthorisedQuery(on: boolean): void {
  commit({ ...state, authorisedQuery: on })
}

/** Asks the header to open its login form (from an error that says a login is needed). */
export function askForLogin(): void {
  commit({ ...state, loginAsked: (state.loginAsked ?? 0) + 1 })
}

/** Forgets every credential (and the re-login prompt). */
export function logout(): void {
  commit({ authorisedQuery: state.authorisedQuery })
}

/** Dismisses the re-login prompt without logging in (the user continues anonymously). */
export function dismissExpired(): void {
  commit({ ...state, expired: undefined })
}

/** The credentials the policy may use for a profile right now. */
export function credentialsFor(profileId: string): Credentials {
  const a = getAuth()
  return {
    bearer: a.session?.profileId === profileId ? a.session.bearer : undefined,
    basic: a.basic?.profileId === profileId ? a.basic.header : undefined,
    authorisedQuery: a.authorisedQuery,
    addedTapServices: loadCustomTaps(),
  }
}

/** A profile's credential policy over the current login: what its HTTP door is given, and what downloads ask. */
export function profileCredentialPolicy(profile: Profile): CredentialPolicy | undefined {
  return profile.auth ? createCredentialPolicy(profile.auth, profile.endpoints, () => credentialsFor(profile.id)) : undefined
}

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function useAuth(): AuthState {
  return useSyncExternalStore(subscribe, () => state)
}
