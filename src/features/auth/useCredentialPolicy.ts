import { useEffect } from 'react'
import type { AppRuntime } from '../../app/runtime'
import { profileCredentialPolicy } from '../../state/auth'

/** Hands the active profile's credential policy to its HTTP door (and takes it back when the profile changes). */
export function useCredentialPolicy(rt: AppRuntime): void {
  useEffect(() => {
    rt.http.setCredentialPolicy(profileCredentialPolicy(rt.profile))
    return () => rt.http.setCredentialPolicy(undefined)
  }, [rt])
}
