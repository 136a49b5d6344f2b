import { useEffect } from 'react'
import type { AppRuntime } from '../../app/runtime'
import { createCredentialPolicy } from '../../protocols/auth'
import { credentialsFor } from '../../state/auth'

/** Gives a runtime's HTTP door its profile's credential policy (e.g. for the job poller's own clients). */
export function attachCredentialPolicy(rt: Pick<AppRuntime, 'profile' | 'http'>): void {
  const auth = rt.profile.auth
  rt.http.setCredentialPolicy(auth ? createCredentialPolicy(auth, rt.profile.endpoints, () => credentialsFor(rt.profile.id)) : undefined)
}

/** Hands the active profile's credential policy to its HTTP door (and takes it back when the profile changes). */
export function useCredentialPolicy(rt: AppRuntime): void {
  useEffect(() => {
    attachCredentialPolicy(rt)
    return () => rt.http.setCredentialPolicy(undefined)
  }, [rt])
}
