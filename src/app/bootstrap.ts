import { parseRuntimeConfig } from '../config/parse'
import type { RuntimeConfig } from '../config/types'
import { HttpClient } from '../protocols/http'
import { ProxyMap } from '../protocols/proxy'

/** Fetches the deployment's config.json (served next to index.html, so each deployment can replace it). */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const http = new HttpClient({ proxy: new ProxyMap([], location.origin), defaultTimeoutMs: 15_000 })
  const json = await http.json(new URL('/config.json', location.origin).href)
  return parseRuntimeConfig(json)
}
