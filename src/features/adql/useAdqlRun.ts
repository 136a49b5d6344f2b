import { useRef, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { AppRuntime } from '../../app/runtime'
import { runSync, submitAsync, type TapResult, type VOTableReader } from '../../protocols/tap'
import { parseInWorker, type Table } from '../../protocols/votable'
import { firstRowsAreCheap } from '../../adql'
import { addJob } from '../../state/jobs'

export type RunMode = 'sync' | 'async'

export interface RunRequest {
  query: string
  maxrec?: number
  mode: RunMode
  serviceUrl: string
}

/** Rows shown while a sync result is on its way: the first ones received, or a one-screen preview. */
export interface PartialRows {
  table: Table
  rows: number
  /** The rows come from a separate one-screen query (MAXREC = PREVIEW_ROWS), not from the result itself. */
  preview?: boolean
}

/** A screen of rows. */
export const PREVIEW_ROWS = 50
/** A sync query not answered by then gets a one-screen preview (fast queries never cost a second request). */
export const PREVIEW_DELAY_MS = 250

/**
 * Whether a sync run gets a preview: only when it may return more than a screen and the database can hand
 * over its first rows without reading everything (no ORDER BY, grouping, DISTINCT, subqueries, uploads):
 * then the preview costs the service little, while many services (DaCHS among them) write a whole sync
 * result before sending its first byte.
 */
export function wantsPreview(req: RunRequest): boolean {
  return req.mode === 'sync' && (req.maxrec === undefined || req.maxrec > PREVIEW_ROWS) && firstRowsAreCheap(req.query, PREVIEW_ROWS)
}

/** Runs a query synchronously (result in memory) or as an async job (kept in the job store). */
export function useAdqlRun(rt: AppRuntime, onJobCreated: (jobUrl: string) => void) {
  const abortRef = useRef<AbortController | null>(null)
  // rows shown while a large result is still arriving (parsed in a Web Worker)
  const [partial, setPartial] = useState<PartialRows | null>(null)
  const painted = useRef(0)
  const streamingReader = (ac: AbortController): VOTableReader => (response, signal) =>
    parseInWorker(response, {
      signal,
      onBatch: (_batch, table) => {
        if (ac.signal.aborted) return
        // the first batch at once, then each time the row count doubles: a few grid updates, not one per batch
        if (painted.current === 0 || table.rowCount >= 2 * painted.current) {
          painted.current = table.rowCount
          setPartial({ table, rows: table.rowCount })
        }
      },
    })
  /** Asks for the first screen of rows on the side; shown only until the result's own first rows arrive. */
  const preview = (req: RunRequest, ac: AbortController) =>
    setTimeout(() => {
      if (ac.signal.aborted || painted.current > 0) return
      // (DaCHS 2.7 sends MAXREC + 1 rows when the query's TOP is larger: the screen shows PREVIEW_ROWS)
      runSync(rt.http, req.serviceUrl, { query: req.query, maxrec: PREVIEW_ROWS }, ac.signal).then(
        (r) => {
          if (!ac.signal.aborted && painted.current === 0 && r.table.rowCount > 0) setPartial({ table: r.table, rows: Math.min(r.table.rowCount, PREVIEW_ROWS), preview: true })
        },
        // the query itself reports what went wrong
        () => {},
      )
    }, PREVIEW_DELAY_MS)
  const mutation = useMutation<TapResult | { jobUrl: string }, Error, RunRequest>({
    mutationFn: async (req) => {
      abortRef.current?.abort()
      const ac = new AbortController()
      abortRef.current = ac
      painted.current = 0
      setPartial(null)
      if (req.mode === 'sync') {
        // the preview shares the run's abort: it ends with the run, whichever way the run ends
        const run = new AbortController()
        const stop = () => run.abort()
        ac.signal.addEventListener('abort', stop)
        const timer = wantsPreview(req) ? preview(req, run) : undefined
        try {
          return await runSync(rt.http, req.serviceUrl, { query: req.query, maxrec: req.maxrec }, ac.signal, streamingReader(run))
        } finally {
          clearTimeout(timer)
          run.abort()
          ac.signal.removeEventListener('abort', stop)
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
