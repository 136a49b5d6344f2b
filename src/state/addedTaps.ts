/** TAP services the user added by URL (kept in the browser; shared by every profile). */
import { normaliseServiceUrl } from '../config/parse'
import { loadJson, saveJson } from './persist'

const KEY = 'custom-taps'

export function loadCustomTaps(): string[] {
  return loadJson<string[]>(KEY, [])
}

/** Adds a TAP service by URL; throws a ConfigError with a readable message for a bad URL. */
export function addCustomTap(raw: string): string {
  const url = normaliseServiceUrl(raw, 'TAP service URL')
  const list = loadCustomTaps()
  if (!list.includes(url)) saveJson(KEY, [...list, url])
  return url
}
