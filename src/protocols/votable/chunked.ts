/**
 * Columns of a table rebuilt from row batches on the main thread. Each batch is kept as it came
 * (no growing arrays to copy, strings kept as one text per batch and cut when read), so receiving a
 * batch costs little and makes little garbage: the main thread stays responsive. Cells are found in
 * O(1) through a row → batch index shared by the table's columns; the contiguous Column storage
 * (`data`, `nulls`, `offsets`) is assembled on first use.
 */
import { createColumn } from './columns'
import { charsToString, checkRow, growU32 } from './spec'
import type { BatchColumn, ColumnBuilder, ColumnSpec } from './spec'
import type { Column, Value } from './types'

const ascii = new TextDecoder('utf-8')

/** Which batch each row of a table is in; one per table, shared by its columns. */
export class RowIndex {
  rows = 0
  batchOf: Uint32Array = new Uint32Array(256)
  starts: number[] = []

  add(count: number): void {
    const k = this.starts.length
    this.starts.push(this.rows)
    this.batchOf = growU32(this.batchOf, this.rows + count)
    this.batchOf.fill(k, this.rows, this.rows + count)
    this.rows += count
  }
}

interface Chunk {
  get(i: number): Value
}

/** ASCII bytes [a, b) as a string */
function asciiText(u8: Uint8Array, a: number, b: number): string {
  return b - a > 1024 ? ascii.decode(u8.subarray(a, b)) : String.fromCharCode.apply(null, u8.subarray(a, b) as unknown as number[])
}

/**
 * The strings of one batch, kept as the batch's own chars (ASCII bytes: one byte a character, outside the JS heap) and
 * made into a string when a cell is read: the text is not held twice (as bytes and as a decoded copy).
 */
class StringChunk implements Chunk {
  /** UTF-16 batches (not all ASCII): one text, cut at the offsets */
  private readonly text: string | null
  constructor(private readonly b: Extract<BatchColumn, { kind: 'string' }>) {
    this.text = b.chars instanceof Uint8Array ? null : charsToString(b.chars)
  }
  get(i: number): Value {
    const b = this.b
    if (b.nulls !== null && b.nulls[i] === 1) return null
    const from = b.offsets[i]
    const to = b.offsets[i + 1]
    return this.text === null ? asciiText(b.chars as Uint8Array, from, to) : this.text.slice(from, to)
  }
}

export function batchRows(b: BatchColumn): number {
  return b.kind === 'number' ? b.data.length : b.kind === 'object' ? b.data.length : b.offsets.length - 1
}

export class ChunkedColumn implements ColumnBuilder {
  readonly kind: Column['kind']
  readonly datatype: string
  readonly shape: number[]
  n = 0
  private readonly chunks: Chunk[] = []
  private readonly batches: BatchColumn[] = []
  private merged: ColumnBuilder | null = null

  constructor(private readonly spec: ColumnSpec, private readonly index: RowIndex) {
    const probe = createColumn(spec, () => {})
    this.kind = probe.kind
    this.datatype = probe.datatype
    this.shape = probe.shape
  }

  /** Add a batch; the table then adds its row count to the shared index. */
  append(b: BatchColumn): void {
    if (b.kind !== this.kind) throw new TypeError(`a ${b.kind} batch cannot extend a ${this.kind} column`)
    let chunk: Chunk
    if (b.kind === 'string') chunk = new StringChunk(b)
    else {
      const c = createColumn(this.spec, () => {})
      c.append(b)
      c.finish(batchRows(b))
      chunk = c
    }
    this.chunks.push(chunk)
    this.batches.push(b)
    this.n += batchRows(b)
  }

  get(row: number): Value {
    checkRow(row, this.n)
    const k = this.index.batchOf[row]
    return this.chunks[k].get(row - this.index.starts[k])
  }

  /** the contiguous column, built from the batches on first use */
  private whole(): ColumnBuilder {
    if (this.merged === null || this.merged.n !== this.n) {
      const c = createColumn(this.spec, () => {})
      for (const b of this.batches) c.append(b)
      c.finish(this.n)
      this.merged = c
    }
    return this.merged
  }

  get data(): Column['data'] {
    return this.whole().data
  }

  get nulls(): Uint8Array | null {
    return this.whole().nulls
  }

  get offsets(): Uint32Array | undefined {
    return this.whole().offsets
  }

  get bigints(): ReadonlyMap<number, bigint> | undefined {
    return this.whole().bigints
  }

  slice(from: number, to: number): BatchColumn {
    return this.whole().slice(from, to)
  }

  finish(rows: number): void {
    if (rows !== this.n) throw new Error(`internal: column has ${this.n} rows, the table ${rows}`)
  }

  rollback(n: number): void {
    if (n !== this.n) throw new Error('a column rebuilt from batches cannot drop rows')
  }

  reset(): void {
    throw new Error('a column rebuilt from batches keeps its rows')
  }

  nul(): void {
    throw new Error('a column rebuilt from batches takes batches only')
  }

  text(): void {
    throw new Error('a column rebuilt from batches takes batches only')
  }

  binary(): number {
    throw new Error('a column rebuilt from batches takes batches only')
  }
}
