import { useRef, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { AppRuntime } from '../../state/runtime'
import { abortError } from '../../protocols/dal'
import { runSync, submitAsync, type TapResult, type VOTableReader } from '../../protocols/tap'
import { parseInWorker, type Table } from '../../protocols/votable'
import { cheapFirstRows, queryShape, type QueryShape } from '../../adql'
import { addJob } from '../../state/jobs'
import { throttledProgress } from './arrivingRows'
import type { ColumnOrderSource } from '../../components/gridColumns'

export type RunMode = 'sync' | 'async'

export interface RunRequest {
  query: string
  /** The query's shape from the analysis that validated it (found from the text when absent). */
  shape?: QueryShape
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
/** The whole query goes out after the first screen's answer, or after this long without one. */
export const MAIN_FALLBACK_MS = 1000

/**
 * Whether a sync run asks for its first screen of rows on its own first: only when it may return more
 * than a screen and the database can hand over its first rows without reading everything (no ORDER BY,
 * grouping, DISTINCT, subqueries, uploads), so that this costs the service little. Many services (DaCHS
 * among them) write a whole sync result before they send its first byte: seconds for 100k rows.
 */
export function wantsPreview(req: RunRequest): boolean {
  return req.mode === 'sync' && (req.maxrec === undefined || req.maxrec > PREVIEW_ROWS) && cheapFirstRows(req.shape ?? queryShape(req.query), PREVIEW_ROWS)
}

const after = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))

/** Runs a query synchronously (result in memory) or as an async job (kept in the job store). */
export function useAdqlRun(rt: AppRuntime, onJobCreated: (jobUrl: string) => void) {
  const abortRef = useRef<AbortController | null>(null)
  // rows shown while a large result is still arriving (parsed in a Web Worker)
  const [partial, setPartial] = useState<PartialRows | null>(null)
  /** rows of the whole result have been shown (a preview that comes later is not shown over them) */
  const painted = useRef(0)
  const streamingReader = (run: AbortSignal): VOTableReader => (response, signal) => {
    // the first batch at once, then at most every PROGRESS_MS (a grid update a few times a second, not one per batch)
    const shown = throttledProgress((table) => !run.aborted && setPartial({ table, rows: table.rowCount }))
    const onBatch = (_batch: unknown, table: Table) => {
      if (run.aborted) return
      painted.current = 1
      shown.batch(table)
    }
    return parseInWorker(response, { signal, onBatch }).finally(shown.stop)
  }
  const showPreview = (r: TapResult, run: AbortSignal) => {
    // (DaCHS 2.7 sends MAXREC + 1 rows when the query's TOP is larger: the screen shows PREVIEW_ROWS)
    if (!run.aborted && painted.current === 0 && r.table.rowCount > 0) setPartial({ table: r.table, rows: Math.min(r.table.rowCount, PREVIEW_ROWS), preview: true })
  }
  /**
   * A sync run: first the first screen of rows (MAXREC = PREVIEW_ROWS) when that is cheap. A result that fits
   * is the whole result (one request, as without a preview); otherwise its rows are shown while the whole query
   * runs, sent once the first screen is in (so the two do not compete on the service), or after
   * MAIN_FALLBACK_MS at the latest (a selective scan may take long to find even a screen of rows).
   */
  const runSyncQuery = async (req: RunRequest, signal: AbortSignal, run: AbortSignal): Promise<TapResult> => {
    const main = () => runSync(rt.http, req.serviceUrl, { query: req.query, maxrec: req.maxrec }, signal, streamingReader(run))
    if (!wantsPreview(req)) return main()
    const first = runSync(rt.http, req.serviceUrl, { query: req.query, maxrec: PREVIEW_ROWS }, run).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    )
    const early = await Promise.race([first, after(MAIN_FALLBACK_MS)])
    // cancelled meanwhile: the first screen's request ended with the run, and says so
    if (signal.aborted) throw early && 'error' in early ? early.error : abortError(signal, req.serviceUrl)
    if (early && 'result' in early) {
      if (!early.result.overflow) return early.result
      showPreview(early.result, run)
    } else if (!early) {
      // still no answer: the whole query goes out now, and the first screen still shows if it comes first
      void first.then((x) => 'result' in x && showPreview(x.result, run))
    }
    // (a failed first screen: the whole query reports what is wrong)
    return main()
  }
  const mutation = useMutation<TapResult | { jobUrl: string }, Error, RunRequest>({
    mutationFn: async (req) => {
      abortRef.current?.abort()
      const ac = new AbortController()
      abortRef.current = ac
      painted.current = 0
      setPartial(null)
      if (req.mode === 'sync') {
        // what runs on the side (the first screen) ends with the run, whichever way the run ends
        const run = new AbortController()
        const stop = () => run.abort()
        ac.signal.addEventListener('abort', stop)
        try {
          return await runSyncQuery(req, ac.signal, run.signal)
        } catch (e) {
          setPartial(null)
          throw e
        } finally {
          run.abort()
          ac.signal.removeEventListener('abort', stop)
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

/** How a query's result grid orders its columns: as the user listed them in the SELECT, or curated for `SELECT *` (and a query that does not parse). */
export function columnOrderOf(query: string, shape: QueryShape | undefined = queryShape(query)): ColumnOrderSource {
  return shape?.listsColumns ? 'query' : 'curated'
}

export function isTapResult(x: unknown): x is TapResult {
  return !!x && typeof x === 'object' && 'table' in x
}
