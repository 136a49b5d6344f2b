import { useQuery } from '@tanstack/react-query'
import { useRuntime } from './runtime'

/**
 * The HiPS survey to show (`choice`, else the profile's first; null for none), if it can be reached: a survey that cannot be loaded makes Aladin Lite
 * retry forever and flood the console, so its `properties` file is probed once through the HTTP door.
 */
export function useSurvey(choice?: string | null): { hips: string | null; unreachable?: string; pending: boolean } {
  const rt = useRuntime()
  const hips = choice === undefined ? rt.profile.hips : choice
  const absolute = !!hips && /^https?:\/\//i.test(hips)
  const probe = useQuery({
    queryKey: ['hips-probe', hips],
    queryFn: async ({ signal }) => {
      await rt.http.request(`${hips!.replace(/\/+$/, '')}/properties`, { signal, timeoutMs: 6000, retries: 0, withCredentials: false })
      return true
    },
    enabled: absolute,
    staleTime: 30 * 60_000,
    retry: false,
  })
  if (!hips) return { hips: null, pending: false }
  // survey ids (not URLs) are resolved by Aladin itself
  if (!absolute) return { hips, pending: false }
  if (probe.isPending) return { hips: null, pending: true }
  return probe.data ? { hips, pending: false } : { hips: null, unreachable: hips, pending: false }
}
