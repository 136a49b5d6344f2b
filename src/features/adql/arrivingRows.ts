/** The rows of a result while it arrives: parsed in the VOTable worker, shown a few times a second, not once per batch. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { VOTableReader } from '../../protocols/dal'
import { parseInWorker, startVOTableWorker, type Table } from '../../protocols/votable'

/** Rows of one result (`source`: which one, e.g. the job's URL) received so far. */
export interface ArrivingRows {
  source: string
  table: Table
  rows: number
}

/** The view follows the arriving rows at most this often (the first batch at once, the last one always). */
export const PROGRESS_MS = 200

/**
 * Calls `show` with the first batch at once, then at most every `everyMs` with the rows there are then,
 * and once more after the last batch; `stop` drops what is still to come.
 */
export function throttledProgress(show: (table: Table) => void, everyMs = PROGRESS_MS, now = () => performance.now()) {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest: Table | undefined
  const flush = () => {
    timer = undefined
    last = now()
    if (latest) show(latest)
  }
  return {
    batch(table: Table) {
      latest = table
      if (timer !== undefined) return
      const wait = last + everyMs - now()
      if (wait <= 0) flush()
      else timer = setTimeout(flush, wait)
    },
    stop() {
      clearTimeout(timer)
      timer = undefined
      latest = undefined
    },
  }
}

/** A reader that streams a body through a VOTable worker started when the reader is made; `dispose` ends that worker if it was never used. */
export interface ArrivingReader {
  read: VOTableReader
  dispose(): void
}

/**
 * Readers for `readDalResponse` that stream the body through the VOTable worker and keep the rows received so far in
 * state, and those rows (for the result named `source` only: a panel may be given another result). The worker starts
 * with the reader (make it before the requests that lead to the body): its module loads while they run.
 */
export function useArrivingRows(source: string) {
  const [arriving, setArriving] = useState<ArrivingRows | null>(null)
  const stopLast = useRef<() => void>(() => {})
  useEffect(() => () => stopLast.current(), [])
  const reader = useCallback((of: string): ArrivingReader => {
    let idle = startVOTableWorker()
    return {
      read: (response, signal) => {
        const worker = idle
        idle = undefined
        stopLast.current()
        setArriving(null)
        const progress = throttledProgress((table) => setArriving({ source: of, table, rows: table.rowCount }))
        stopLast.current = progress.stop
        const onBatch = (_batch: unknown, table: Table) => !signal?.aborted && progress.batch(table)
        return parseInWorker(response, { signal, onBatch, ...(worker && { worker: () => worker }) }).finally(progress.stop)
      },
      dispose: () => {
        idle?.terminate()
        idle = undefined
      },
    }
  }, [])
  return { arriving: arriving?.source === source ? arriving : null, reader }
}
