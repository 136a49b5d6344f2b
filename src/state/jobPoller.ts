/** Follows every active stored job with UWS WAIT long-polls (backing off where WAIT is ignored). */
import type { HttpClient } from '../protocols/http'
import { HttpError, isAbortError } from '../protocols/http'
import { waitForJob } from '../protocols/uws'
import { allJobs, applyUws, isActive, subscribeJobs, updateJob } from './jobs'

const following = new Map<string, AbortController>()

export function startJobPoller(httpFor: (profileId: string) => HttpClient | undefined): () => void {
  const sync = () => {
    for (const j of allJobs()) {
      if (!isActive(j) || following.has(j.url)) continue
      const http = httpFor(j.profileId)
      if (!http) continue
      const ac = new AbortController()
      following.set(j.url, ac)
      let retryIn = 0
      waitForJob(http, j.url, { signal: ac.signal, maxWait: 30, onUpdate: (u) => applyUws(j.url, u) })
        .catch((e: unknown) => {
          if (e instanceof HttpError && e.kind === 'http' && e.status === 404) updateJob(j.url, { gone: true })
          else if (!isAbortError(e)) {
            // the service or network failed: try again later rather than in a tight loop
            retryIn = 15_000
            updateJob(j.url, { errorMessage: `Lost contact with the job, retrying: ${(e as Error).message}` })
          }
        })
        .finally(() => {
          if (!retryIn) return following.delete(j.url)
          setTimeout(() => {
            if (following.get(j.url) === ac) following.delete(j.url)
            if (!ac.signal.aborted) sync()
          }, retryIn)
        })
    }
    // stop following jobs that were removed
    for (const [url, ac] of following) if (!allJobs().some((j) => j.url === url && isActive(j))) ac.abort()
  }
  const unsubscribe = subscribeJobs(sync)
  sync()
  return () => {
    unsubscribe()
    for (const ac of following.values()) ac.abort()
    following.clear()
  }
}
