/** The OpenID redirect flow as the header uses it; oidc-client-ts is fetched only when a login starts or the provider sends the user back. */
import type { Profile } from '../../config/types'
import { CALLBACK_PATH, SILENT_PATH } from './paths'

export { CALLBACK_PATH, SILENT_PATH }

const oidc = () => import('./oidc')

/** Leaves for the provider's login page. */
export async function startRedirectLogin(profile: Profile): Promise<void> {
  await (await oidc()).startRedirectLogin(profile)
}

/** Completes a redirect login or a silent renew when the page is the callback; true when it was. */
export async function completeRedirect(profiles: Record<string, Profile>): Promise<boolean> {
  if (location.pathname !== CALLBACK_PATH && location.pathname !== SILENT_PATH) return false
  return (await oidc()).completeRedirect(profiles)
}

/** Forgets the provider's tokens in this tab (nothing to forget for a profile without OpenID). */
export async function forgetOidc(profile: Profile): Promise<void> {
  if (profile.auth?.oidc) await (await oidc()).forgetOidc(profile)
}
