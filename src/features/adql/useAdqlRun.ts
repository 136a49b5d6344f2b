import { useRef, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { AppRuntime } from '../../app/runtime'
import { runSync, submitAsync, type TapResult, type VOTableReader } from '../../protocols/tap'
import { parseInWorker, type Table } from '../../protocols/votable'
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
  // rows shown while a large result is still arriving (parsed in a Web Worker)
  const [partial, setPartial] = useState<{ table: Table; rows: number } | null>(null)
  const painted = useRef(0)
  const streamingReader: VOTableReader = (response, signal) =>
    parseInWorker(response, {
      signal,
      onBatch: (_batch, table) => {
        // the first batch at once, then each time the row count doubles: a few grid updates, not one per batch
        if (painted.current === 0 || table.rowCount >= 2 * painted.current) {
          painted.current = table.rowCount
          setPartial({ table, rows: table.rowCount })
        }
      },
    })
  const mutation = useMutation<TapResult | { jobUrl: string }, Error, RunRequest>({
    mutationFn: async (req) => {
      abortRef.current?.abort()
      const ac = new AbortController()
      abortRef.current = ac
      painted.current = 0
      setPartial(null)
      if (req.mode === 'sync') {
        try {
          return await runSync(rt.http, req.serviceUrl, { query: req.query, maxrec: req.maxrec }, ac.signal, streamingReader)
        } finally {
          setPartial(null)
        }
      }
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
  return { mutation, partial, cancel: () => abortRef.current?.abort() }
}

export function isTapResult(x: unknown): x is TapResult {
  return !!x && typeof x === 'object' && 'table' in x
}
