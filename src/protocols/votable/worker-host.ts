/**
 * The worker side of the VOTable worker protocol, independent of the worker global scope so
 * that it runs (and is tested) anywhere: feed it ToWorker messages, it posts FromWorker ones.
 */
import { VOTableStreamParser, endAfterFailure } from './stream'
import type { VOTableTable } from './table'
import { batchTransferables, documentSkeleton, serializeError, tableHeader } from './worker-protocol'
import type { FromWorker, InputPiece, ToWorker } from './worker-protocol'

/** input is pushed to the parser in pieces of at most this many bytes, so batches go out early */
const PIECE = 64 * 1024

export type Post = (message: FromWorker, transfer: Transferable[]) => void

/** rows read and not yet handed on go out after at most this long without more input, ms */
const FLUSH_MS = 100

export function createWorkerHost(post: Post): (message: ToWorker) => void {
  let parser: VOTableStreamParser | null = null
  let failed = false
  let flushTimer: ReturnType<typeof setTimeout> | undefined
  /** after input: the rows it completed go out soon even if no more input comes for a while */
  const flushSoon = (p: VOTableStreamParser): void => {
    if (flushTimer !== undefined) return
    flushTimer = setTimeout(() => {
      flushTimer = undefined
      if (parser !== p || failed) return
      try {
        p.flush()
      } catch (e) {
        fail(e)
      }
    }, FLUSH_MS)
  }
  const fail = (e: unknown): void => {
    failed = true
    parser = null
    post({ type: 'error', error: serializeError(e) }, [])
  }
  const finish = (p: VOTableStreamParser, failure?: unknown): void => {
    const doc = failure !== undefined ? endAfterFailure(p, failure) : p.end()
    parser = null
    post({ type: 'done', doc: documentSkeleton(doc) }, [])
  }
  const read = async (p: VOTableStreamParser, reader: ReadableStreamDefaultReader<InputPiece>): Promise<void> => {
    try {
      for (;;) {
        let r: ReadableStreamReadResult<InputPiece>
        try {
          r = await reader.read()
        } catch (e) {
          return finish(p, e)
        }
        if (failed) return
        if (r.done) return finish(p)
        const b = r.value
        if (!(b instanceof Uint8Array)) return finish(p, new Error(b.failure))
        for (let i = 0; i < b.length; i += PIECE) p.push(b.subarray(i, Math.min(b.length, i + PIECE)))
        flushSoon(p)
      }
    } catch (e) {
      void reader.cancel().catch(() => {})
      fail(e)
    }
  }
  return (m: ToWorker): void => {
    if (failed) return
    try {
      switch (m.type) {
        case 'start':
          parser = new VOTableStreamParser({
            batchRows: m.batchRows,
            batchMs: m.batchMs,
            // the batches posted are the result: the worker keeps only the rows not posted yet
            keepRows: false,
            onHeader: (t, index) => post({ type: 'table', index, header: tableHeader(t as VOTableTable) }, []),
            onBatch: (batch) => post({ type: 'batch', batch }, batchTransferables(batch)),
          })
          break
        case 'chunk': {
          if (!parser) throw new Error('chunk before start')
          const b = m.bytes
          for (let i = 0; i < b.length; i += PIECE) parser.push(b.subarray(i, Math.min(b.length, i + PIECE)))
          flushSoon(parser)
          break
        }
        case 'stream': {
          const p = parser
          if (!p) throw new Error('stream before start')
          void read(p, m.stream.getReader())
          break
        }
        case 'end': {
          if (!parser) throw new Error('end before start')
          finish(parser, m.failure !== undefined ? new Error(m.failure) : undefined)
          break
        }
      }
    } catch (e) {
      fail(e)
    }
  }
}
