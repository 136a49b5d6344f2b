import type { RuntimeConfig } from '../config/types'
import { useUnreachableHosts } from '../state/reachability'
import { useSetParams } from '../state/route'
import { useRuntime } from '../state/runtime'

/** Once for the whole page: the hosts that cannot be reached at all, why, and what to do. */
export function Unreachable({ config }: { config: RuntimeConfig }) {
  const hosts = useUnreachableHosts()
  const rt = useRuntime()
  const setParams = useSetParams()
  // only the hosts of the profile in use: after a switch, the old profile's hosts no longer matter
  const ours = new Set([...Object.values(rt.profile.endpoints), rt.profile.hips ?? ''].flatMap((u) => (u && /^https?:/.test(u) ? [new URL(u).host] : [])))
  const shown = [...hosts].filter(([host]) => ours.has(host))
  if (shown.length === 0) return null
  // offline, a profile whose services are on this machine still works
  const local = Object.values(config.profiles).find((p) => p.id !== rt.profile.id && Object.values(p.endpoints).some((u) => /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u ?? '')))
  return (
    <div className="banner error unreachable" role="alert" aria-label="Unreachable services">
      {shown.map(([host, reason]) => (
        <p key={host}>
          <strong>{reason}</strong>: check the network{local ? ` or switch to the ${local.label} profile` : ''}.
        </p>
      ))}
      {local && (
        <button type="button" onClick={() => setParams({ profile: local.id, service: undefined })}>
          Switch to {local.label}
        </button>
      )}
    </div>
  )
}
