/**
 * Main-thread side of VOTable parsing in a Web Worker: the body goes to the worker chunk by chunk
 * (transferred, not copied), row batches come back as typed arrays and are appended to tables
 * that grow on this thread. Where there is no Worker (Node, tests) it parses on this thread.
 */
import { abortError } from '../dal/errors'
import { chunksOf, parseVOTableStream } from './stream'
import type { StreamOptions } from './stream'
import type { VOTableTable } from './table'
import type { VOTableDocument } from './types'
import { appendBatch, deserializeError, documentFromSkeleton, failureAsLastPiece, tableFromHeader } from './worker-protocol'
import type { FromWorker, ToWorker } from './worker-protocol'

export type WorkerSource = Response | ReadableStream<Uint8Array> | Uint8Array | ArrayBuffer

export interface WorkerParseOptions extends StreamOptions {
  signal?: AbortSignal
  /**
   * Makes the worker (default: a module worker running votable.worker.ts, terminated when done);
   * `false` parses on the calling thread.
   */
  worker?: (() => Worker) | false
  /** hand a stream body to the worker as a transferable stream where supported (default true) */
  transferStream?: boolean
}

function defaultWorker(): (() => Worker) | null {
  if (typeof Worker === 'undefined') return null
  return () => new Worker(new URL('./votable.worker.ts', import.meta.url), { type: 'module' })
}

/**
 * A VOTable worker started ahead of its input, so that its module is loaded by the time the first bytes come
 * (give it to `parseInWorker` as `worker: () => w`); undefined where there are no workers.
 */
export function startVOTableWorker(): Worker | undefined {
  try {
    return defaultWorker()?.()
  } catch {
    return undefined
  }
}

function asBytes(source: Uint8Array | ArrayBuffer): Uint8Array {
  return source instanceof Uint8Array ? source : new Uint8Array(source)
}

/**
 * Parse a VOTable in a Web Worker. `onHeader` gets each table as soon as its FIELDs are known and
 * `onBatch` each time it grows; the tables passed are the ones the resolved document holds
 * (value(row, col) O(1) for row < table.rowCount). A body that breaks off after the header gives
 * the rows that arrived, with `truncated` and a warning. Rejects with a VOTableError for input that
 * is not a VOTable, and with the DalError of kind 'aborted' when aborted.
 */
export function parseInWorker(source: WorkerSource, options: WorkerParseOptions = {}): Promise<VOTableDocument> {
  const { signal } = options
  if (signal?.aborted) return Promise.reject(abortError(signal))
  const factory = options.worker === false ? null : (options.worker ?? defaultWorker())
  let worker: Worker | null = null
  try {
    worker = factory?.() ?? null
  } catch {
    worker = null
  }
  if (worker === null) {
    const stream = source instanceof Uint8Array || source instanceof ArrayBuffer ? [asBytes(source)] : source
    const iterable = Array.isArray(stream) ? (async function* () { yield* stream })() : stream
    return parseVOTableStream(iterable, options)
  }
  const w = worker
  return new Promise<VOTableDocument>((resolve, reject) => {
    const tables: VOTableTable[] = []
    let settled = false
    let cancelInput: (reason?: unknown) => void = () => {}
    /** the input broke off with this error (thrown as is when nothing usable arrived) */
    let inputError: unknown
    const settle = (f: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      w.terminate()
      cancelInput()
      f()
    }
    const onAbort = (): void => settle(() => reject(abortError(signal!)))
    signal?.addEventListener('abort', onAbort)
    const post = (m: ToWorker, transfer: Transferable[] = []): void => {
      if (!settled) w.postMessage(m, transfer)
    }

    w.onmessage = (e: MessageEvent<FromWorker>): void => {
      if (settled) return
      const m = e.data
      try {
        switch (m.type) {
          case 'table': {
            const t = tableFromHeader(m.header)
            tables[m.index] = t
            options.onHeader?.(t, m.index)
            break
          }
          case 'batch': {
            const t = tables[m.batch.table]
            appendBatch(t, m.batch)
            options.onBatch?.(m.batch, t)
            break
          }
          case 'done': {
            const doc = documentFromSkeleton(m.doc, tables)
            settle(() => resolve(doc))
            break
          }
          case 'error':
            settle(() => reject(inputError !== undefined && tables.length === 0 ? inputError : deserializeError(m.error)))
            break
        }
      } catch (err) {
        settle(() => reject(err))
      }
    }
    w.onerror = (e: ErrorEvent): void => {
      e.preventDefault?.()
      settle(() => reject(new Error(`the VOTable worker failed: ${e.message ?? 'unknown error'}`)))
    }

    post({ type: 'start', batchRows: options.batchRows, batchMs: options.batchMs })
    if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
      const copy = asBytes(source).slice()
      post({ type: 'chunk', bytes: copy }, [copy.buffer])
      post({ type: 'end' })
      return
    }
    // hand the body itself to the worker where streams are transferable (the bytes then never
    // pass through this thread); else read it here and post the chunks
    const body = typeof Response !== 'undefined' && source instanceof Response ? source.body : (source as ReadableStream<Uint8Array>)
    if (body === null) {
      post({ type: 'end' })
      return
    }
    if (options.transferStream !== false && typeof body.getReader === 'function') {
      try {
        const stream = failureAsLastPiece(body)
        w.postMessage({ type: 'stream', stream } satisfies ToWorker, [stream as unknown as Transferable])
        cancelInput = () => {}
        return
      } catch {
        // not transferable here: pump below
      }
    }
    const chunks = chunksOf(body)
    cancelInput = (reason) => chunks.cancel(reason)
    const pump = async (): Promise<void> => {
      for (;;) {
        let r: IteratorResult<Uint8Array | string>
        try {
          r = await chunks.next()
        } catch (err) {
          inputError = err
          post({ type: 'end', failure: err instanceof Error ? err.message : String(err) })
          return
        }
        if (settled) return
        if (r.done) {
          post({ type: 'end' })
          return
        }
        const v = r.value
        const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v.byteOffset === 0 && v.byteLength === v.buffer.byteLength ? v : v.slice()
        post({ type: 'chunk', bytes }, bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [])
      }
    }
    void pump()
  })
}
