/** One chunk of targets against one table: batched into the ADQL, or uploaded and joined. */
import type { HttpClient } from '../http'
import { runSync } from '../tap'
import type { Table } from '../votable'
import type { VOTableReader } from '../dal'
import { batchAdql, matchRows, uploadAdql, type CoverageSource, type PlacedTarget } from './adql'
import { cellField, toCell, type Cell, type ChunkRows } from './rows'
import { runSyncUpload } from './upload'

export type CoverageMode = 'batched' | 'upload'

export interface ChunkOptions {
  mode: CoverageMode
  signal?: AbortSignal
  /** Row limit per query; a batched chunk that reaches it is split in two and asked again. */
  maxrec?: number
  read?: VOTableReader
  /** Called for each query sent (for the count of queries). */
  onQuery?: (query: string) => void
}

export interface ChunkResult extends ChunkRows {
  /** Queries this chunk took (more than one when it was split at the row limit). */
  queries: number
  /** A single target still reached the row limit: its rows are incomplete. */
  overflow: boolean
}

const columnIndex = (t: Table, name: string) => t.fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase())

function numbers(t: Table, col: number): Float64Array {
  const out = new Float64Array(t.rowCount).fill(NaN)
  if (col < 0) return out
  for (let i = 0; i < t.rowCount; i++) {
    const v = t.value(i, col)
    if (typeof v === 'number') out[i] = v
  }
  return out
}

function rowCells(t: Table, row: number, from: number): Cell[] {
  const out: Cell[] = []
  for (let c = from; c < t.fields.length; c++) out.push(toCell(t.value(row, c)))
  return out
}

async function batched(http: HttpClient, serviceUrl: string, source: CoverageSource, targets: readonly PlacedTarget[], radius: number, opts: ChunkOptions): Promise<ChunkResult> {
  const query = batchAdql(source, targets, radius)
  opts.onQuery?.(query)
  const r = await runSync(http, serviceUrl, { query, maxrec: opts.maxrec }, opts.signal, opts.read)
  if (r.overflow && targets.length > 1) {
    // too many rows for one answer: each half on its own
    const half = Math.ceil(targets.length / 2)
    const a = await batched(http, serviceUrl, source, targets.slice(0, half), radius, opts)
    const b = await batched(http, serviceUrl, source, targets.slice(half), radius, opts)
    return { fields: a.fields, rows: [...a.rows, ...b.rows], queries: a.queries + b.queries + 1, overflow: a.overflow || b.overflow }
  }
  const t = r.table
  const pairs = matchRows(targets, numbers(t, columnIndex(t, source.ra)), numbers(t, columnIndex(t, source.dec)), radius)
  // as the upload join orders them: by target, then by row
  pairs.sort((x, y) => x.target.index - y.target.index || x.row - y.row)
  return {
    fields: t.fields.map(cellField),
    rows: pairs.map(({ row, target }) => [target.name, target.index + 1, ...rowCells(t, row, 0)]),
    queries: 1,
    overflow: r.overflow,
  }
}

async function uploaded(http: HttpClient, serviceUrl: string, source: CoverageSource, targets: readonly PlacedTarget[], radius: number, opts: ChunkOptions): Promise<ChunkResult> {
  const query = uploadAdql(source, radius)
  opts.onQuery?.(query)
  const r = await runSyncUpload(http, serviceUrl, query, targets.map((t) => ({ ...t, index: t.index + 1 })), { signal: opts.signal, maxrec: opts.maxrec, read: opts.read })
  const t = r.table
  const rows: Cell[][] = []
  for (let i = 0; i < t.rowCount; i++) rows.push([String(t.value(i, 0)), Number(t.value(i, 1)), ...rowCells(t, i, 2)])
  rows.sort((x, y) => (x[1] as number) - (y[1] as number))
  return { fields: t.fields.slice(2).map(cellField), rows, queries: 1, overflow: r.overflow }
}

/** The rows near each target of a chunk: [target_name_in, target_index (from 1), ...the source's columns]. */
export function fetchChunk(http: HttpClient, serviceUrl: string, source: CoverageSource, targets: readonly PlacedTarget[], radius: number, opts: ChunkOptions): Promise<ChunkResult> {
  return (opts.mode === 'upload' ? uploaded : batched)(http, serviceUrl, source, targets, radius, opts)
}
