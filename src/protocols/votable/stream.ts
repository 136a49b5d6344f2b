/**
 * Streaming VOTable reading: bytes are decoded as they arrive and the rows of each table are
 * handed on in column-stored batches, so a view can show the first rows before the body is complete.
 * The document at the end is the one `parseVOTable` gives for the same bytes.
 */
import { abortError } from '../dal/errors'
import { DocumentParser } from './document'
import { VOTableError } from './errors'
import type { BatchColumn } from './spec'
import { registerStatusInfos } from './status'
import type { VOTableTable } from './table'
import { LineEndNormalizer, SNIFF_BYTES, textDecoderFor } from './text'
import type { Table, VOTableDocument } from './types'

/** Rows [start, start + rowCount) of table `table` (its index in `doc.tables`), by column. */
export interface RowBatch {
  table: number
  start: number
  rowCount: number
  columns: BatchColumn[]
}

export interface StreamCallbacks {
  /** a table's FIELDs are known (no rows yet; a table without DATA comes with its final row count 0) */
  onHeader?(table: Table, index: number): void
  /** `table` has grown by `batch` (table.rowCount === batch.start + batch.rowCount) */
  onBatch?(batch: RowBatch, table: Table): void
}

export interface StreamOptions extends StreamCallbacks {
  /** most rows per batch (default: about 60 000 cells' worth, at least 64 and at most 20 000 rows) */
  batchRows?: number
  /** rows decoded are handed on at least this often, in milliseconds (default 50) */
  batchMs?: number
  /**
   * false: rows handed on in a batch are dropped from the parser's tables (their row counts go on), so that a parser
   * whose batches are the result (the worker's) holds only the rows not handed on yet; the document at the end then
   * has its tables' metadata and row counts only. Default true (the tables keep every row).
   */
  keepRows?: boolean
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/** Default rows per batch: keeps each batch's cost on the receiving thread to a few milliseconds. */
export function defaultBatchRows(columns: number): number {
  return Math.max(64, Math.min(20000, Math.ceil(60000 / Math.max(1, columns))))
}

/**
 * Push parser: `push` byte (or text) chunks as they arrive, then `end()`.
 * Callbacks run synchronously inside `push`/`end`. An input that stops early gives the rows
 * that arrived, with `table.truncated = true` and a warning (as `parseVOTable` does).
 */
export class VOTableStreamParser {
  onHeader?: StreamCallbacks['onHeader']
  onBatch?: StreamCallbacks['onBatch']
  private readonly parser: DocumentParser
  private decoder: TextDecoder | null = null
  private head: Uint8Array | null = null
  private started = false
  private readonly lines = new LineEndNormalizer()
  /** rows handed on, per table */
  private readonly emitted = new Map<VOTableTable, number>()
  private lastEmit = -Infinity
  private readonly indexes = new Map<VOTableTable, number>()
  private readonly batchRows?: number
  private readonly batchMs: number
  private readonly keepRows: boolean
  private readonly extraWarnings: string[] = []

  constructor(options: StreamOptions = {}) {
    this.onHeader = options.onHeader
    this.onBatch = options.onBatch
    this.batchRows = options.batchRows
    this.batchMs = options.batchMs ?? 50
    this.keepRows = options.keepRows ?? true
    this.parser = new DocumentParser({
      onTable: (t, index) => {
        this.emitted.set(t, 0)
        this.indexes.set(t, index)
        this.onHeader?.(t, index)
      },
      onRows: (t, index, done) => this.rows(t, index, done),
    })
  }

  /** the document as read so far (tables grow while rows arrive) */
  get document(): VOTableDocument {
    return this.parser.doc
  }

  /** Add a warning to the document (e.g. why the input stopped). */
  warn(message: string): void {
    this.extraWarnings.push(message)
  }

  push(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') return this.text(chunk, false)
    if (this.decoder === null) {
      // sniff the encoding from the first bytes (BOM, XML declaration)
      const head = this.head === null ? chunk : concat(this.head, chunk)
      if (head.length < SNIFF_BYTES && !(head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)) {
        this.head = head === chunk ? chunk.slice() : head
        return
      }
      this.head = null
      this.decoder = textDecoderFor(head)
      chunk = head
    }
    this.text(this.decoder.decode(chunk, { stream: true }), false)
  }

  /**
   * Hand on the rows read but not handed on yet (they wait for a full batch or for more input): call it when the
   * input pauses, so that a body that trickles in does not keep its last rows back until the next bytes come.
   */
  flush(): void {
    for (const [t, n] of this.emitted) if (t.rowCount > n) this.rows(t, this.indexes.get(t) ?? 0, true)
  }

  /** End of input: the complete document (or what arrived of it). */
  end(): VOTableDocument {
    if (this.decoder === null && this.head !== null) {
      this.decoder = textDecoderFor(this.head)
      this.text(this.decoder.decode(this.head), true)
    } else this.text(this.decoder?.decode() ?? '', true)
    const { doc, allInfos } = this.parser.result()
    for (const w of this.extraWarnings) doc.warnings.push(w)
    registerStatusInfos(doc, allInfos)
    return doc
  }

  private text(text: string, final: boolean): void {
    if (!this.started) {
      if (text === '' && !final) return
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    this.parser.feed(this.lines.push(text, final), final)
  }

  private rows(t: VOTableTable, index: number, done: boolean): void {
    if (!this.onBatch) return
    let from = this.emitted.get(t) ?? 0
    const rows = t.rowCount
    const size = this.batchRows ?? defaultBatchRows(t.columns.length)
    const time = now()
    if (!done && rows - from < size && time - this.lastEmit < this.batchMs) return
    // hand on full batches; the rest waits unless the section is over or it is time (rows not kept go in one batch,
    // so that all the table holds is handed on and released at once)
    const at = t.released
    while (rows - from >= size || (from < rows && (done || time - this.lastEmit >= this.batchMs))) {
      const to = this.keepRows ? Math.min(rows, from + size) : rows
      const batch: RowBatch = { table: index, start: from, rowCount: to - from, columns: t.columns.map((c) => c.slice(from - at, to - at)) }
      this.emitted.set(t, to)
      from = to
      const shown = t.rowCount
      t.rowCount = to // the table as the receiver sees it after this batch
      try {
        this.onBatch(batch, t)
      } finally {
        t.rowCount = shown
      }
    }
    this.lastEmit = time
    if (!this.keepRows && from === rows && rows > at) this.parser.releaseRows(t)
  }
}

export type StreamSource = ReadableStream<Uint8Array> | Response | AsyncIterable<Uint8Array | string>

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/** Iterate the chunks of a stream source; `cancel` stops the underlying stream. */
export function chunksOf(source: StreamSource): { next(): Promise<IteratorResult<Uint8Array | string>>; cancel(reason?: unknown): void } {
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (source.body === null) return chunksOf((async function* () {})())
    return chunksOf(source.body)
  }
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (source as ReadableStream<Uint8Array>).getReader()
    return {
      next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
      cancel: (reason) => void reader.cancel(reason).catch(() => {}),
    }
  }
  const it = (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]()
  return { next: () => it.next(), cancel: () => void it.return?.().catch(() => {}) }
}

/**
 * Read a VOTable from a stream (a fetch Response from HttpClient, a ReadableStream, or an async
 * iterable of chunks), handing on row batches while it downloads. If the stream fails after the
 * table header has arrived, the rows that did arrive are kept (`truncated`, with a warning);
 * before that, the stream's error is thrown. Aborting `signal` rejects with the DalError of kind 'aborted'.
 */
export async function parseVOTableStream(source: StreamSource, options: StreamOptions & { signal?: AbortSignal } = {}): Promise<VOTableDocument> {
  const { signal } = options
  if (signal?.aborted) throw abortError(signal)
  const parser = new VOTableStreamParser(options)
  const chunks = chunksOf(source)
  const onAbort = (): void => chunks.cancel(signal?.reason)
  signal?.addEventListener('abort', onAbort)
  try {
    for (;;) {
      let r: IteratorResult<Uint8Array | string>
      try {
        r = await chunks.next()
      } catch (e) {
        if (signal?.aborted) throw abortError(signal)
        return endAfterFailure(parser, e)
      }
      if (signal?.aborted) throw abortError(signal)
      if (r.done) break
      parser.push(r.value)
    }
    return parser.end()
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}

/** The input broke off: keep what arrived when the document got as far as a table, else rethrow. */
export function endAfterFailure(parser: VOTableStreamParser, cause: unknown): VOTableDocument {
  const why = cause instanceof Error ? cause.message : String(cause)
  if (parser.document.tables.length === 0) throw cause
  parser.warn(`the input stopped early (${why}); the result is incomplete`)
  let doc: VOTableDocument
  try {
    doc = parser.end()
  } catch (e) {
    if (e instanceof VOTableError) throw cause
    throw e
  }
  return doc
}
