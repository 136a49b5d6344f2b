/** Which credential goes to which service URL: the credential policy the HTTP door asks for every request. */
import type { AuthSettings, EndpointName } from '../../config/types'
import type { CredentialPolicy } from '../http'

export interface Credentials {
  /** Bearer id_token, only while usable (the caller drops it once expired). */
  bearer?: string
  /** `Basic …` header value. */
  basic?: string
  /** The user turned on "authorised query" for tap_obs (and TAP services the user added). */
  authorisedQuery: boolean
  /** Base URLs of TAP services the user added by URL: they follow tap_obs's rule. */
  addedTapServices?: readonly string[]
}

type Endpoints = Partial<Record<EndpointName, string>>

function under(url: URL, base: string | undefined): boolean {
  if (!base) return false
  const b = new URL(base)
  return url.origin === b.origin && (url.pathname === b.pathname || url.pathname.startsWith(b.pathname.replace(/\/$/, '') + '/'))
}

/**
 * Bearer: to tap_obs, and to TAP services the user added on a Bearer origin, only with "authorised query" on;
 * tap_cat never; any other URL on a Bearer origin (DataLink, calSelector, SODA, file downloads) while logged in.
 * Basic: only to Basic origins, never to TAP. No credential ever leaves its configured origins.
 */
export function createCredentialPolicy(auth: AuthSettings, endpoints: Endpoints, current: () => Credentials): CredentialPolicy {
  return (url) => {
    const c = current()
    const tapObs = under(url, endpoints.tap_obs) || (c.addedTapServices ?? []).some((base) => under(url, base))
    const tapCat = under(url, endpoints.tap_cat) && !tapObs
    if (tapCat) return undefined
    if (c.bearer && auth.bearerOrigins.includes(url.origin)) {
      if (!tapObs || c.authorisedQuery) return { Authorization: `Bearer ${c.bearer}` }
      return undefined
    }
    if (c.basic && auth.basicOrigins.includes(url.origin) && !tapObs) return { Authorization: c.basic }
    return undefined
  }
}
