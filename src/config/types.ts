/** The service endpoints a profile names. Keys follow ESO's service names. */
export const ENDPOINT_NAMES = [
  'tap_obs',
  'tap_cat',
  'ssap',
  'datalink',
  'calselector',
  'soda',
  'file',
  'oidc_authority',
  'oidc_token',
  'resolver',
] as const
export type EndpointName = (typeof ENDPOINT_NAMES)[number]

/** How the browser reaches a profile's services: straight (the service must send CORS headers) or via same-origin proxy prefixes. */
export type AccessMode = 'direct' | 'proxy'

export interface ProxyRoute {
  /** Origin of the real service, e.g. `https://archive.eso.org`. */
  origin: string
  /** Same-origin path prefix that forwards to `origin`, e.g. `/proxy/eso-archive`. */
  prefix: string
  /** User-Agent the proxy sends upstream (DaCHS serves HTML DataLink to browser user agents). Used by the dev proxy only. */
  userAgent?: string
}

/** Login settings of a profile; each credential goes only to the origins listed for it. */
export interface AuthSettings {
  /** Authorization Code + PKCE with oidc-client-ts, for a deployment with a registered client. */
  oidc?: { authority: string; clientId: string; scope: string }
  /** ESO's token flow: username and password to the token endpoint (grant_type=password); the id_token is the Bearer. */
  passwordGrant?: { tokenUrl: string; clientId: string; method: 'GET' | 'POST' }
  /** Offer username/password as HTTP Basic for file downloads and SODA. */
  basic: boolean
  /** Origins that may receive the Bearer id_token. */
  bearerOrigins: string[]
  /** Origins that may receive the Basic credentials. */
  basicOrigins: string[]
}

export interface Profile {
  id: string
  label: string
  access: AccessMode
  endpoints: Partial<Record<EndpointName, string>>
  /** The sky view's first HiPS survey (id or absolute URL); null for none (offline: a plain background and the grid). */
  hips: string | null
  /** Every survey the sky view offers, the first being `hips`; empty for none. Config `hips`: null, one string or a list. */
  surveys: string[]
  /** How a product id becomes a DataLink ID, e.g. `ivo://eso.org/ID?{dp_id}`. */
  idTemplate: string
  /** Login settings; absent when the profile has no login. */
  auth?: AuthSettings
}

export interface RuntimeConfig {
  defaultProfile: string
  proxyRoutes: ProxyRoute[]
  profiles: Record<string, Profile>
}

/** A TAP service the user added by URL; kept in localStorage (no credentials in it). */
export interface CustomTapService {
  id: string
  label: string
  url: string
  access: AccessMode
}
