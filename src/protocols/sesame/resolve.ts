/** Object name → position through CDS Sesame, with mirror failover and a small cache. */
import { FormatError, ServiceError } from '../errors'
import type { HttpClient } from '../http'
import { DalError } from '../dal'
import { NameCache } from './cache'
import { NameNotFoundError } from './errors'
import { firstPosition, parseSesameXml, type SesameResolverName } from './parse'

type ResolverCode = 'S' | 'N' | 'V'
/** Which databases Sesame asks, in order: S = SIMBAD, N = NED, V = VizieR (e.g. 'SNV', 'S', 'NS'). */
export type SesameOrder = ResolverCode | `${ResolverCode}${ResolverCode}` | `${ResolverCode}${ResolverCode}${ResolverCode}`

export interface ResolvedName {
  /** The main identifier the resolver knows the object by (the typed name if it gives none). */
  name: string
  /** ICRS (J2000) degrees. */
  ra: number
  dec: number
  resolver: SesameResolverName
  aliases?: string[]
  objectType?: string
}

export interface ResolveNameOptions {
  /** Sesame base URL, e.g. https://cds.unistra.fr/cgi-bin/nph-sesame */
  resolverUrl: string
  /** Further Sesame base URLs, tried in turn when one is unreachable or failing. */
  mirrors?: string[]
  order?: SesameOrder
  signal?: AbortSignal
  /** Per-mirror timeout (default 15 s). */
  timeoutMs?: number
  /** Where answers are kept; the default is shared by all callers; `null` disables caching. */
  cache?: NameCache<ResolvedName> | null
}

const sharedCache = new NameCache<ResolvedName>()

/** Forgets every name resolved through the shared cache. */
export function clearNameCache(): void {
  sharedCache.clear()
}

/** The URL of Sesame's XML answer for a name. */
export function sesameUrl(resolverUrl: string, name: string, order: SesameOrder = 'SNV'): string {
  return `${resolverUrl.replace(/\/+$/, '')}/-oxp/${order}?${encodeURIComponent(name)}`
}

/** Whether a failure of one mirror is worth trying the next one for. */
function worthFailover(e: unknown): boolean {
  if (e instanceof FormatError) return true
  if (!(e instanceof DalError)) return false
  // a cancel, a refused login or a rejected name: every mirror would say the same
  if (e.kind === 'aborted' || e.kind === 'needs-login' || e.kind === 'forbidden' || e.kind === 'query-rejected') return false
  if (e.kind !== 'http') return true
  const status = e.status ?? 0
  return status >= 500 || status === 404 || status === 408
}

/**
 * Resolves an object name (e.g. "M31", "NGC 4993") to ICRS degrees. Tries `resolverUrl` and then
 * each mirror on network errors, timeouts, 5xx/404 and unreadable answers. Throws NameNotFoundError
 * when Sesame answers that nothing is known, the DalError of kind 'aborted' when cancelled, and ServiceError
 * when no mirror could answer.
 */
export async function resolveName(http: HttpClient, name: string, options: ResolveNameOptions): Promise<ResolvedName> {
  const query = name.trim().replace(/\s+/g, ' ')
  if (query === '') throw new RangeError('Enter an object name to resolve')
  if (!/^[SNV]{1,3}$/.test(options.order ?? 'SNV')) throw new RangeError(`Sesame order must be made of S, N and V, got "${options.order}"`)
  const order = options.order ?? 'SNV'
  const cache = options.cache === undefined ? sharedCache : options.cache
  const key = NameCache.key(query, order)
  const cached = cache?.get(key)
  if (cached) return structuredClone(cached)

  const bases = [options.resolverUrl, ...(options.mirrors ?? [])]
  const failures: string[] = []
  let lastError: unknown
  for (const base of bases) {
    const url = sesameUrl(base, query, order)
    let resolved: ResolvedName
    try {
      const text = await http.text(url, { signal: options.signal, timeoutMs: options.timeoutMs ?? 15_000, retries: 0 })
      const targets = parseSesameXml(text)
      const hit = firstPosition(targets[0])
      if (!hit) {
        const details = [...(targets[0]?.info ?? []), ...(targets[0]?.resolutions.flatMap((r) => r.info) ?? [])]
        throw new NameNotFoundError(query, details, url)
      }
      resolved = {
        name: hit.name ?? query,
        ra: hit.ra,
        dec: hit.dec,
        resolver: hit.resolver,
        ...(hit.aliases.length > 0 ? { aliases: hit.aliases } : {}),
        ...(hit.objectType ? { objectType: hit.objectType } : {}),
      }
    } catch (e) {
      if (!worthFailover(e)) throw e
      lastError = e
      failures.push(`${hostOf(base)}: ${e instanceof Error ? e.message : String(e)}`)
      continue
    }
    cache?.set(key, resolved)
    return structuredClone(resolved)
  }
  throw new ServiceError(`Could not resolve "${query}": no Sesame mirror answered (${failures.join('; ')})`, options.resolverUrl, {
    cause: lastError,
    kind: lastError instanceof DalError ? lastError.kind : 'network',
  })
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
