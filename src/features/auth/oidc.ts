/** Authorization Code + PKCE with oidc-client-ts: redirect login, callback, silent renew, logout. Loaded through ./redirect only. */
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'
import type { Profile } from '../../config/types'
import { sessionFromIdToken } from '../../protocols/auth'
import { setSession, type BearerSession } from '../../state/auth'
import { CALLBACK_PATH, SILENT_PATH } from './paths'
const PENDING_KEY = 'eae-auth:pending-profile'

const managers = new Map<string, UserManager>()

/** One UserManager per profile with a registered client; tokens and PKCE state in sessionStorage only. */
export function userManager(profile: Profile): UserManager | undefined {
  const oidc = profile.auth?.oidc
  if (!oidc) return undefined
  let um = managers.get(profile.id)
  if (!um) {
    const store = new WebStorageStateStore({ store: sessionStorage })
    um = new UserManager({
      authority: oidc.authority,
      client_id: oidc.clientId,
      scope: oidc.scope,
      response_type: 'code',
      redirect_uri: location.origin + CALLBACK_PATH,
      silent_redirect_uri: location.origin + SILENT_PATH,
      post_logout_redirect_uri: location.origin + '/',
      userStore: store,
      stateStore: store,
      automaticSilentRenew: true,
      // renew before the app's own 10-minute margin stops using the token
      accessTokenExpiringNotificationTimeInSeconds: 11 * 60,
    })
    um.events.addUserLoaded((user) => {
      const s = sessionOf(user, profile.id)
      if (s) setSession(s)
    })
    managers.set(profile.id, um)
  }
  return um
}

export function sessionOf(user: User, profileId: string): BearerSession | undefined {
  if (!user.id_token) return undefined
  const s = sessionFromIdToken(user.id_token)
  return { ...s, profileId, method: 'oidc' }
}

/** Leaves for the provider's login page; the page state is kept by the views (query drafts) and the URL. */
export async function startRedirectLogin(profile: Profile): Promise<void> {
  const um = userManager(profile)
  if (!um) throw new Error('This profile has no registered OpenID client')
  sessionStorage.setItem(PENDING_KEY, profile.id)
  await um.signinRedirect({ state: { returnTo: location.pathname + location.search }, prompt: 'login' })
}

let completing: Promise<boolean> | undefined

/** Completes a redirect login or a silent renew when the page is the callback; true when it was. Runs once per page. */
export function completeRedirect(profiles: Record<string, Profile>): Promise<boolean> {
  // React's StrictMode runs effects twice; the provider's answer can be used only once
  completing ??= complete(profiles)
  return completing
}

async function complete(profiles: Record<string, Profile>): Promise<boolean> {
  if (location.pathname === SILENT_PATH) {
    // inside the hidden iframe of a silent renew: hand the answer to the parent and stop
    const anyProfile = Object.values(profiles).find((p) => p.auth?.oidc)
    if (anyProfile) await userManager(anyProfile)!.signinSilentCallback()
    return true
  }
  if (location.pathname !== CALLBACK_PATH) return false
  const profileId = sessionStorage.getItem(PENDING_KEY) ?? ''
  const profile = profiles[profileId]
  sessionStorage.removeItem(PENDING_KEY)
  const um = profile && userManager(profile)
  if (!um) throw new Error('The login came back for a profile without OpenID settings')
  const user = await um.signinRedirectCallback()
  const s = sessionOf(user, profile.id)
  if (!s) throw new Error('The provider answered without an id_token')
  setSession(s)
  const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo
  // only a path of this app (never an absolute URL from the state)
  history.replaceState(null, '', returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/')
  dispatchEvent(new PopStateEvent('popstate'))
  return true
}

/** Forgets the provider's tokens in this tab. */
export async function forgetOidc(profile: Profile): Promise<void> {
  await userManager(profile)?.removeUser()
}
