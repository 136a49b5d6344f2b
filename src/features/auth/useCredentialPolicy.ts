import { useEffect } from 'react'
import type { AppRuntime } from '../../app/runtime'
import { createCredentialPolicy } from '../../protocols/auth'
import { credentialsFor } from '../../state/auth'

/** Hands the active profile's credential policy to its HTTP door (and takes it back when the profile changes). */
export function useCredentialPolicy(rt: AppRuntime): void {
  useEffect(() => {
    const auth = rt.profile.auth
    if (!auth) return rt.http.setCredentialPolicy(undefined)
    rt.http.setCredentialPolicy(createCredentialPolicy(auth, rt.profile.endpoints, () => credentialsFor(rt.profile.id)))
    return () => rt.http.setCredentialPolicy(undefined)
  }, [rt])
}
