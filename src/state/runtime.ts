import { createContext, useContext } from 'react'
import type { EndpointName, Profile, RuntimeConfig } from '../config/types'
import { HttpClient, type HttpError } from '../protocols/http'
import { HostBreaker } from '../protocols/breaker'
import { ProxyMap } from '../protocols/proxy'
import { profileCredentialPolicy } from './auth'
import { reachability } from './reachability'

/** Everything a view needs to talk to the services of the active profile. */
export interface AppRuntime {
  config: RuntimeConfig
  profile: Profile
  http: HttpClient
  endpoint(name: EndpointName): string | undefined
}

/** One for the page: every door (the view's, the job poller's) holds back the same unreachable hosts. */
const breaker = new HostBreaker<HttpError>()

export function createRuntime(config: RuntimeConfig, profileId: string, appOrigin: string): AppRuntime {
  const profile = config.profiles[profileId] ?? config.profiles[config.defaultProfile]!
  const proxied = new Set(profile.access === 'proxy' ? config.proxyRoutes.map((r) => r.origin) : [])
  const http = new HttpClient({ proxy: new ProxyMap(config.proxyRoutes, appOrigin, proxied), reachability, breaker })
  // the door asks the profile's policy which credentials each request may carry (none without an auth section)
  http.setCredentialPolicy(profileCredentialPolicy(profile))
  return { config, profile, http, endpoint: (name) => profile.endpoints[name] }
}

export const RuntimeContext = createContext<AppRuntime | null>(null)

export function useRuntime(): AppRuntime {
  const rt = useContext(RuntimeContext)
  if (!rt) throw new Error('useRuntime outside RuntimeContext')
  return rt
}
