/**
 * Names of a target list → positions through Sesame (the profile's resolver), a batch at a time with a few
 * requests in flight, kept for the session (memory and sessionStorage) so that a name is asked once.
 */
import { resolveName, NameNotFoundError } from '../../protocols/sesame'
import type { HttpClient } from '../../protocols/http'
import { isAbortError } from '../../protocols/http'
import { loadSession, saveSession } from './session'

export type NameAnswer = { ra: number; dec: number; resolved: string } | { error: string }

const memory = new Map<string, NameAnswer>()
const storeKey = (resolverUrl: string) => `names:${resolverUrl}`
const norm = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase()

function sessionNames(resolverUrl: string): Record<string, { ra: number; dec: number; resolved: string }> {
  return loadSession(storeKey(resolverUrl), {})
}

/** A name already resolved in this session, if any (failures are not kept: they are asked again). */
export function cachedName(resolverUrl: string, name: string): NameAnswer | undefined {
  const key = `${resolverUrl}|${norm(name)}`
  return memory.get(key) ?? sessionNames(resolverUrl)[norm(name)]
}

export interface ResolveOptions {
  /** Names asked at once (default 25); a batch ends before the next starts. */
  batch?: number
  /** Requests in flight within a batch (default 4). */
  parallel?: number
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

/** Resolves distinct names; the answer for each (position or the reason it failed), keyed by the name as given. */
export async function resolveNames(http: HttpClient, resolverUrl: string, names: readonly string[], opts: ResolveOptions = {}): Promise<Map<string, NameAnswer>> {
  const distinct = [...new Set(names.map((n) => n.trim()).filter(Boolean))]
  const out = new Map<string, NameAnswer>()
  const todo: string[] = []
  for (const n of distinct) {
    const hit = cachedName(resolverUrl, n)
    if (hit && !('error' in hit)) out.set(n, hit)
    else todo.push(n)
  }
  const batch = opts.batch ?? 25
  let done = distinct.length - todo.length
  opts.onProgress?.(done, distinct.length)
  for (let start = 0; start < todo.length; start += batch) {
    const names = todo.slice(start, start + batch)
    const queue = [...names]
    const worker = async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        let answer: NameAnswer
        try {
          const r = await resolveName(http, n, { resolverUrl, signal: opts.signal, timeoutMs: 15_000 })
          answer = { ra: r.ra, dec: r.dec, resolved: `${r.resolver}: ${r.name}` }
        } catch (e) {
          if (isAbortError(e) || opts.signal?.aborted) throw e
          answer = { error: e instanceof NameNotFoundError ? `Sesame knows no object "${n}"` : (e as Error).message }
        }
        out.set(n, answer)
        memory.set(`${resolverUrl}|${norm(n)}`, answer)
        opts.onProgress?.(++done, distinct.length)
      }
    }
    await Promise.all(Array.from({ length: Math.min(opts.parallel ?? 4, names.length) }, worker))
    // the batch's answers kept for the session
    const kept = sessionNames(resolverUrl)
    for (const n of names) {
      const a = out.get(n)
      if (a && !('error' in a)) kept[norm(n)] = a
    }
    saveSession(storeKey(resolverUrl), kept)
  }
  return out
}
