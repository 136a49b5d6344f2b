import type { EndpointName } from '../../config/types'
import type { AppRuntime } from '../../state/runtime'
import { loadCustomTaps } from '../../state/addedTaps'

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

export function tapChoices(rt: AppRuntime, added: readonly string[] = loadCustomTaps()): TapChoice[] {
  const own = TAP_ENDPOINTS.flatMap(({ name, label }) => {
    const url = rt.endpoint(name)
    return url ? [{ key: name, label, url }] : []
  })
  return [...own, ...added.map((url) => ({ key: url, label: url, url }))]
}

