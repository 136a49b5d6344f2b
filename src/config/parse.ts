import { ENDPOINT_NAMES, type AccessMode, type AuthSettings, type EndpointName, type Profile, type ProxyRoute, type RuntimeConfig } from './types'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Checks that a string is an absolute http(s) URL; returns it without a trailing slash. */
export function normaliseServiceUrl(raw: string, what: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new ConfigError(`${what}: "${raw}" is not an absolute URL (expected e.g. https://archive.eso.org/tap_obs)`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${what}: only http and https URLs are supported, got ${url.protocol}`)
  }
  if (url.username || url.password) {
    throw new ConfigError(`${what}: URLs must not carry credentials`)
  }
  url.hash = ''
  return url.href.replace(/\/+$/, '')
}

function parseAccess(v: unknown, where: string): AccessMode {
  if (v === undefined) return 'proxy'
  if (v === 'direct' || v === 'proxy') return v
  throw new ConfigError(`${where}.access must be "direct" or "proxy", got ${JSON.stringify(v)}`)
}

function parseRoute(v: unknown, i: number): ProxyRoute {
  const where = `proxyRoutes[${i}]`
  if (!isRecord(v) || typeof v.origin !== 'string' || typeof v.prefix !== 'string') {
    throw new ConfigError(`${where} needs string "origin" and "prefix"`)
  }
  const origin = new URL(normaliseServiceUrl(v.origin, `${where}.origin`)).origin
  if (!/^\/[A-Za-z0-9._~/-]+[^/]$/.test(v.prefix)) {
    throw new ConfigError(`${where}.prefix must be an absolute path like /proxy/name, got "${v.prefix}"`)
  }
  const route: ProxyRoute = { origin, prefix: v.prefix }
  if (typeof v.userAgent === 'string') route.userAgent = v.userAgent
  return route
}

function parseProfile(id: string, v: unknown): Profile {
  const where = `profiles.${id}`
  if (!isRecord(v)) throw new ConfigError(`${where} must be an object`)
  if (!isRecord(v.endpoints)) throw new ConfigError(`${where}.endpoints must be an object`)
  const endpoints: Partial<Record<EndpointName, string>> = {}
  for (const [name, url] of Object.entries(v.endpoints)) {
    if (!(ENDPOINT_NAMES as readonly string[]).includes(name)) {
      throw new ConfigError(`${where}.endpoints.${name} is not a known endpoint (known: ${ENDPOINT_NAMES.join(', ')})`)
    }
    if (url === '' || url === null) continue
    if (typeof url !== 'string') throw new ConfigError(`${where}.endpoints.${name} must be a URL string`)
    endpoints[name as EndpointName] = normaliseServiceUrl(url, `${where}.endpoints.${name}`)
  }
  const surveys = parseSurveys(v.hips, `${where}.hips`)
  const hips = surveys[0] ?? null
  const idTemplate = typeof v.idTemplate === 'string' ? v.idTemplate : 'ivo://eso.org/ID?{dp_id}'
  if (!idTemplate.includes('{dp_id}')) throw new ConfigError(`${where}.idTemplate must contain {dp_id}, got "${idTemplate}"`)
  const profile: Profile = { id, label: typeof v.label === 'string' ? v.label : id, access: parseAccess(v.access, where), endpoints, hips, surveys, idTemplate }
  if (v.auth !== undefined) profile.auth = parseAuth(v.auth, `${where}.auth`)
  return profile
}

/** `hips`: null or absent for none, one survey (id or URL), or a list of them (the first is the default). */
function parseSurveys(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return []
  const list = Array.isArray(v) ? v : [v]
  return list.map((s, i) => {
    if (typeof s !== 'string' || !s.trim()) throw new ConfigError(`${Array.isArray(v) ? `${where}[${i}]` : where} must be a HiPS id or URL, got ${JSON.stringify(s)}`)
    return s.trim()
  })
}

function originList(v: unknown, where: string): string[] {
  if (v === undefined) return []
  if (!Array.isArray(v)) throw new ConfigError(`${where} must be an array of origins`)
  return v.map((o, i) => {
    const url = new URL(normaliseServiceUrl(String(o), `${where}[${i}]`))
    if (url.pathname !== '/' || url.search) throw new ConfigError(`${where}[${i}] must be an origin (scheme://host[:port]), got "${o}"`)
    return url.origin
  })
}

function parseAuth(v: unknown, where: string): AuthSettings {
  if (!isRecord(v)) throw new ConfigError(`${where} must be an object`)
  const auth: AuthSettings = {
    basic: v.basic === true,
    bearerOrigins: originList(v.bearerOrigins, `${where}.bearerOrigins`),
    basicOrigins: originList(v.basicOrigins, `${where}.basicOrigins`),
  }
  if (v.oidc !== undefined) {
    const o = v.oidc
    if (!isRecord(o) || typeof o.authority !== 'string' || typeof o.clientId !== 'string' || !o.clientId) {
      throw new ConfigError(`${where}.oidc needs "authority" (URL) and "clientId"`)
    }
    auth.oidc = { authority: normaliseServiceUrl(o.authority, `${where}.oidc.authority`), clientId: o.clientId, scope: typeof o.scope === 'string' ? o.scope : 'openid profile' }
  }
  if (v.passwordGrant !== undefined) {
    const g = v.passwordGrant
    if (!isRecord(g) || typeof g.tokenUrl !== 'string' || typeof g.clientId !== 'string' || !g.clientId) {
      throw new ConfigError(`${where}.passwordGrant needs "tokenUrl" (URL) and "clientId"`)
    }
    if (g.method !== undefined && g.method !== 'GET' && g.method !== 'POST') throw new ConfigError(`${where}.passwordGrant.method must be "GET" or "POST"`)
    auth.passwordGrant = { tokenUrl: normaliseServiceUrl(g.tokenUrl, `${where}.passwordGrant.tokenUrl`), clientId: g.clientId, method: g.method === 'POST' ? 'POST' : 'GET' }
  }
  return auth
}

/** Validates the JSON of public/config.json into a RuntimeConfig, with messages that say which key is wrong. */
export function parseRuntimeConfig(json: unknown): RuntimeConfig {
  if (!isRecord(json)) throw new ConfigError('config.json must hold a JSON object')
  if (!isRecord(json.profiles) || Object.keys(json.profiles).length === 0) {
    throw new ConfigError('config.json needs at least one profile under "profiles"')
  }
  const profiles: Record<string, Profile> = {}
  for (const [id, p] of Object.entries(json.profiles)) profiles[id] = parseProfile(id, p)
  const routesRaw = json.proxyRoutes ?? []
  if (!Array.isArray(routesRaw)) throw new ConfigError('proxyRoutes must be an array')
  const proxyRoutes = routesRaw.map(parseRoute)
  const defaultProfile = typeof json.defaultProfile === 'string' ? json.defaultProfile : Object.keys(profiles)[0]!
  if (!profiles[defaultProfile]) throw new ConfigError(`defaultProfile "${defaultProfile}" is not one of the profiles`)
  return { defaultProfile, proxyRoutes, profiles }
}
