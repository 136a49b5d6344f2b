import { useRef } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { AppRuntime } from '../../app/runtime'
import { runSync, submitAsync, type TapResult } from '../../protocols/tap'
import { addJob } from '../../state/jobs'

export type RunMode = 'sync' | 'async'

export interface RunRequest {
  query: string
  maxrec?: number
  mode: RunMode
  serviceUrl: string
}

/** Runs a query synchronously (result in memory) or as an async job (kept in the job store). */
export function useAdqlRun(rt: AppRuntime, onJobCreated: (jobUrl: string) => void) {
  const abortRef = useRef<AbortController | null>(null)
  const mutation = useMutation<TapResult | { jobUrl: string }, Error, RunRequest>({
    mutationFn: async (req) => {
      abortRef.current?.abort()
      const ac = new AbortController()
      abortRef.current = ac
      if (req.mode === 'sync') return runSync(rt.http, req.serviceUrl, { query: req.query, maxrec: req.maxrec }, ac.signal)
      const { url, job } = await submitAsync(rt.http, req.serviceUrl, { query: req.query, maxrec: req.maxrec }, { signal: ac.signal })
      addJob({
        url,
        serviceUrl: req.serviceUrl,
        profileId: rt.profile.id,
        query: req.query,
        maxrec: req.maxrec,
        createdAt: job.creationTime ?? new Date().toISOString(),
        phase: 'QUEUED',
        destruction: job.destruction,
      })
      onJobCreated(url)
      return { jobUrl: url }
    },
  })
  return { mutation, cancel: () => abortRef.current?.abort() }
}

export function isTapResult(x: unknown): x is TapResult {
  return !!x && typeof x === 'object' && 'table' in x
}
