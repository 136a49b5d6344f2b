/** File links on a credential origin are downloaded with the credential: checked through the HTTP door, then streamed to disk. */
import type { AppRuntime } from '../../state/runtime'
import { profileCredentialPolicy } from '../../state/auth'
import type { CredentialPolicy } from '../../protocols/http'
import { downloadWithCredentials, savedText } from '../../state/downloads/streamedDownload'

/**
 * Whether a link in the page is downloaded by the app rather than opened by the browser: when the policy would
 * attach a credential to it now, or (not logged in) when it is a product file on a credential origin, so that a
 * refusal can say "log in". DataLink documents, TAP and previews (query strings) stay ordinary links.
 */
export function isCredentialedFileLink(rt: AppRuntime, href: string): boolean {
  const auth = rt.profile.auth
  if (!auth) return false
  let url: URL
  try {
    url = new URL(rt.http.serviceUrl(href))
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  const e = rt.profile.endpoints
  if ([e.tap_obs, e.tap_cat, e.datalink, e.calselector].some((base) => base && url.href.startsWith(base))) return false
  if (profilePolicy(rt)(url)) return true
  const credentialOrigin = auth.bearerOrigins.includes(url.origin) || auth.basicOrigins.includes(url.origin)
  return credentialOrigin && !!e.file && url.href.startsWith(e.file + '/') && !url.search
}

/** The credential policy of the active profile, as the HTTP door has it (installed by `createRuntime`). */
function profilePolicy(rt: AppRuntime): CredentialPolicy {
  return profileCredentialPolicy(rt.profile) ?? (() => undefined)
}

/** Downloads a file link with the profile's credentials, streamed to disk where the browser allows; returns the status line. */
export async function downloadThroughDoor(rt: AppRuntime, href: string): Promise<string> {
  return savedText(await downloadWithCredentials(rt.http, href, profilePolicy(rt)))
}
