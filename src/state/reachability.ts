/**
 * Hosts the app cannot reach at all (our proxy says so: DNS, refused, TLS…), said once for the whole page instead
 * of by every panel. A host leaves the list as soon as it answers again.
 */
import { useSyncExternalStore } from 'react'

let hosts: ReadonlyMap<string, string> = new Map()
const listeners = new Set<() => void>()

function commit(next: Map<string, string>) {
  hosts = next
  for (const l of listeners) l()
}

export const reachability = {
  unreachable(host: string, reason: string): void {
    if (hosts.get(host) === reason) return
    commit(new Map(hosts).set(host, reason))
  },
  reached(host: string): void {
    if (!hosts.has(host)) return
    const next = new Map(hosts)
    next.delete(host)
    commit(next)
  },
}

export function useUnreachableHosts(): ReadonlyMap<string, string> {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => hosts,
  )
}
