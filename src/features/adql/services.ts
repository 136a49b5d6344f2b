import type { EndpointName } from '../../config/types'
import type { AppRuntime } from '../../state/runtime'
import { loadJson, saveJson } from '../../state/persist'
import { normaliseServiceUrl } from '../../config/parse'

export interface TapChoice {
  /** `tap_obs`, `tap_cat`, or the URL of a user-added service. */
  key: string
  label: string
  url: string
}

const TAP_ENDPOINTS: { name: EndpointName; label: string }[] = [
  { name: 'tap_obs', label: 'tap_obs — observations' },
  { name: 'tap_cat', label: 'tap_cat — catalogues' },
]

export function loadCustomTaps(): string[] {
  return loadJson<string[]>('custom-taps', [])
}

/** Adds a TAP service by URL; throws a ConfigError with a readable message for a bad URL. */
export function addCustomTap(raw: string): string {
  const url = normaliseServiceUrl(raw, 'TAP service URL')
  const list = loadCustomTaps()
  if (!list.includes(url)) saveJson('custom-taps', [...list, url])
  return url
}

export function tapChoices(rt: AppRuntime): TapChoice[] {
  const own = TAP_ENDPOINTS.flatMap(({ name, label }) => {
    const url = rt.endpoint(name)
    return url ? [{ key: name, label, url }] : []
  })
  return [...own, ...loadCustomTaps().map((url) => ({ key: url, label: url, url }))]
}
