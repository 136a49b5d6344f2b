/**
 * Messages between the main thread and the VOTable worker, and the pure functions that turn a
 * parsed document into them and back. Row data travel as typed arrays in the transfer list;
 * metadata are structured-cloned (one message per document, so shared INFO objects stay shared).
 */
import { START_OF_INPUT, VOTableError } from './errors'
import { ChunkedColumn, RowIndex } from './chunked'
import { fieldSpec } from './sections'
import type { BatchColumn } from './spec'
import { registerStatusInfos, statusInfosOf } from './status'
import type { RowBatch } from './stream'
import { VOTableTable } from './table'
import type { Info, Resource, Table, VOTableDocument } from './types'

/** what a transferred input stream carries: the body's bytes, then, if the body broke off, why (see `failureAsLastPiece`) */
export type InputPiece = Uint8Array | { failure: string }

/** main thread → worker */
export type ToWorker =
  | { type: 'start'; batchRows?: number; batchMs?: number }
  | { type: 'chunk'; bytes: Uint8Array }
  /** the whole input as a (transferred) stream, read by the worker itself */
  | { type: 'stream'; stream: ReadableStream<InputPiece> }
  /** end of input; `failure`: the input broke off with this message */
  | { type: 'end'; failure?: string }

/** worker → main thread */
export type FromWorker =
  | { type: 'table'; index: number; header: TableHeader }
  | { type: 'batch'; batch: RowBatch }
  | { type: 'done'; doc: DocumentSkeleton }
  | { type: 'error'; error: SerializedError }

/** A table's metadata (no rows). */
export type TableHeader = Omit<Table, 'value' | 'column'>

export interface ResourceSkeleton extends Omit<Resource, 'tables' | 'resources'> {
  /** indexes into DocumentSkeleton.tables */
  tables: number[]
  resources: ResourceSkeleton[]
}

/** A document with its tables' rows left out. */
export interface DocumentSkeleton extends Omit<VOTableDocument, 'resources' | 'tables'> {
  resources: ResourceSkeleton[]
  tables: TableHeader[]
  /** QUERY_STATUS INFOs in document order */
  statusInfos: Info[]
}

export interface SerializedError {
  name: string
  message: string
  position?: number
  line?: number
  column?: number
}

export function tableHeader(t: VOTableTable | TableHeader): TableHeader {
  const h: TableHeader = {
    fields: t.fields, params: t.params, groups: t.groups, links: t.links, infos: t.infos, rowCount: t.rowCount, truncated: t.truncated,
  }
  if (t.name !== undefined) h.name = t.name
  if (t.id !== undefined) h.id = t.id
  if (t.ref !== undefined) h.ref = t.ref
  if (t.ucd !== undefined) h.ucd = t.ucd
  if (t.utype !== undefined) h.utype = t.utype
  if (t.description !== undefined) h.description = t.description
  if (t.nrows !== undefined) h.nrows = t.nrows
  if (t.serialization !== undefined) h.serialization = t.serialization
  return h
}

const rowIndexes = new WeakMap<VOTableTable, RowIndex>()

/** The empty table a header describes, with column builders ready for `appendBatch`. */
export function tableFromHeader(h: TableHeader): VOTableTable {
  const t = new VOTableTable()
  applyHeader(t, h)
  t.rowCount = 0
  const quiet = (): void => {}
  const index = new RowIndex()
  rowIndexes.set(t, index)
  t.columns = t.fields.map((f) => new ChunkedColumn(fieldSpec(f, 'FIELD', () => START_OF_INPUT, quiet), index))
  return t
}

function applyHeader(t: VOTableTable, h: TableHeader): void {
  Object.assign(t, tableHeader(h))
  t.ownInfos = h.infos
}

/** The typed-array buffers of a batch, for the postMessage transfer list. */
export function batchTransferables(batch: RowBatch): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>()
  const add = (a: ArrayBufferView | null | undefined): void => {
    if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer)
  }
  for (const c of batch.columns) {
    add(c.nulls)
    if (c.kind === 'string') {
      add(c.chars)
      add(c.offsets)
    } else if (c.kind === 'number' || c.kind === 'array') {
      add(c.data)
      if (c.kind === 'array') add(c.offsets)
      add(c.bigints?.index)
    }
  }
  return [...out]
}

/** Append a batch to the table it belongs to; the table's rowCount follows. */
export function appendBatch(t: VOTableTable, batch: RowBatch): void {
  if (batch.start !== t.rowCount) throw new Error(`batch starts at row ${batch.start}, the table has ${t.rowCount} rows`)
  if (batch.columns.length !== t.columns.length) throw new Error(`batch has ${batch.columns.length} columns, the table ${t.columns.length}`)
  batch.columns.forEach((c: BatchColumn, i) => t.columns[i].append(c))
  rowIndexes.get(t)?.add(batch.rowCount)
  t.rowCount += batch.rowCount
}

export function documentSkeleton(doc: VOTableDocument): DocumentSkeleton {
  const index = new Map(doc.tables.map((t, i) => [t, i]))
  const resource = (r: Resource): ResourceSkeleton => ({ ...r, tables: r.tables.map((t) => index.get(t)!), resources: r.resources.map(resource) })
  const skel: DocumentSkeleton = {
    infos: doc.infos, params: doc.params, groups: doc.groups, coordinateSystems: doc.coordinateSystems,
    resources: doc.resources.map(resource),
    tables: doc.tables.map((t) => tableHeader(t as VOTableTable)),
    warnings: doc.warnings,
    statusInfos: statusInfosOf(doc),
  }
  if (doc.version !== undefined) skel.version = doc.version
  if (doc.description !== undefined) skel.description = doc.description
  return skel
}

/**
 * The document a skeleton describes, around the tables already built from headers and batches
 * (`tables[i]` for skeleton table i; a missing one is created empty). Columns are finished.
 */
export function documentFromSkeleton(skel: DocumentSkeleton, tables: (VOTableTable | undefined)[]): VOTableDocument {
  const built = skel.tables.map((h, i) => {
    const t = tables[i] ?? tableFromHeader(h)
    const rows = t.rowCount
    applyHeader(t, h)
    t.rowCount = rows
    for (const c of t.columns) c.finish(rows)
    return t
  })
  const resource = (r: ResourceSkeleton): Resource => {
    const out: Resource = { ...r, tables: r.tables.map((i) => built[i]), resources: r.resources.map(resource) }
    for (const t of out.tables) (t as VOTableTable).resource = out
    return out
  }
  const doc: VOTableDocument = {
    infos: skel.infos, params: skel.params, groups: skel.groups, coordinateSystems: skel.coordinateSystems,
    resources: skel.resources.map(resource),
    tables: built,
    warnings: skel.warnings,
  }
  if (skel.version !== undefined) doc.version = skel.version
  if (skel.description !== undefined) doc.description = skel.description
  registerStatusInfos(doc, skel.statusInfos)
  return doc
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof VOTableError) {
    const out: SerializedError = { name: e.name, message: e.message }
    if (e.position !== undefined) out.position = e.position
    if (e.line !== undefined) out.line = e.line
    if (e.column !== undefined) out.column = e.column
    return out
  }
  if (e instanceof Error) return { name: e.name, message: e.message }
  return { name: 'Error', message: String(e) }
}

export function deserializeError(e: SerializedError): Error {
  if (e.name === 'VOTableError') {
    const err = new VOTableError('', e.position, e.line, e.column)
    err.message = e.message
    return err
  }
  const err = new Error(e.message)
  err.name = e.name
  return err
}

/**
 * The body handed to the worker through a stream that never errors. A transferred stream that errors drops every
 * chunk the worker has not read yet (an error resets the stream's queue), so rows that did arrive before a connection
 * broke would be lost; here the break-off travels as the last piece, after all the bytes, and the stream closes.
 */
export function failureAsLastPiece(body: ReadableStream<Uint8Array>): ReadableStream<InputPiece> {
  const reader = body.getReader()
  return new ReadableStream<InputPiece>({
    async pull(controller) {
      try {
        const r = await reader.read()
        if (r.done) controller.close()
        else controller.enqueue(r.value)
      } catch (e) {
        controller.enqueue({ failure: e instanceof Error ? e.message : String(e) })
        controller.close()
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
