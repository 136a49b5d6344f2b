import { describe, expect, it } from 'vitest'
import { conformanceFiles, loadConformance } from '../../test-support/votable/corpus'
import { VOTableError, parseInWorker, parseVOTable, queryStatus } from './index'
import type { RowBatch, Table, VOTableDocument } from './index'
import type { VOTableTable } from './table'
import { W, binary, plain, randomChunks, seeded, snapshot, tabledata } from '../../test-support/votable/build'
import { createWorkerHost } from './worker-host'
import type { FromWorker, ToWorker } from './worker-protocol'
import { appendBatch, batchTransferables, documentFromSkeleton, documentSkeleton, failureAsLastPiece, tableFromHeader } from './worker-protocol'

/** A Worker whose other end runs in this thread; messages are structured-cloned with their transfer lists. */
class FakeWorker {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  terminated = false
  received: ToWorker[] = []
  private readonly host = createWorkerHost((m, transfer) => {
    const data = structuredClone(m, { transfer })
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data } as MessageEvent<FromWorker>)
    })
  })

  postMessage(m: ToWorker, transfer: Transferable[] = []): void {
    const data = structuredClone(m, { transfer: transfer as Transferable[] })
    this.received.push(data)
    setTimeout(() => {
      if (!this.terminated) this.host(data)
    })
  }

  terminate(): void {
    this.terminated = true
  }
}

const fake = (): { worker: () => Worker; last: () => FakeWorker } => {
  let w: FakeWorker | undefined
  return { worker: () => (w = new FakeWorker()) as unknown as Worker, last: () => w! }
}

const enc = new TextEncoder()

function streamOf(chunks: Uint8Array[], failAfter?: Error): ReadableStream<Uint8Array> {
  let i = 0
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < chunks.length) c.enqueue(chunks[i++])
      else if (failAfter) c.error(failAfter)
      else c.close()
    },
  })
}

async function parseOrError(p: () => Promise<VOTableDocument>): Promise<VOTableDocument | VOTableError> {
  try {
    return await p()
  } catch (e) {
    if (e instanceof VOTableError) return e
    throw e
  }
}

describe('worker path equals parseVOTable on every conformance file', () => {
  for (const name of conformanceFiles) {
    it(name, async () => {
      const bytes = loadConformance(name)
      let expected: VOTableDocument | VOTableError
      try {
        expected = parseVOTable(bytes)
      } catch (e) {
        expected = e as VOTableError
      }
      const f = fake()
      const headers: Table[] = []
      const grown: Table[] = []
      const got = await parseOrError(() =>
        parseInWorker(streamOf(randomChunks(bytes, seeded(11))), {
          worker: f.worker,
          batchRows: 7,
          onHeader: (t, i) => (headers[i] = t),
          onBatch: (b, t) => {
            expect(t.rowCount).toBe(b.start + b.rowCount)
            grown.push(t)
          },
        }),
      )
      expect(f.last().terminated).toBe(true)
      if (expected instanceof VOTableError) {
        expect(got).toBeInstanceOf(VOTableError)
        expect([(got as VOTableError).message, (got as VOTableError).line]).toEqual([expected.message, expected.line])
        return
      }
      if (got instanceof VOTableError) throw got
      expect(snapshot(got)).toEqual(snapshot(expected))
      expect(queryStatus(got)).toEqual(queryStatus(expected))
      // the tables handed out while parsing are the document's tables
      headers.forEach((t, i) => expect(got.tables[i]).toBe(t))
      for (const t of grown) expect(got.tables).toContain(t)
      for (const r of got.resources) for (const t of r.tables) expect(got.tables).toContain(t)
    })
  }
})

describe('worker message protocol', () => {
  const fields = [
    { name: 'i', datatype: 'int' }, { name: 's', datatype: 'char', arraysize: '*' }, { name: 'a', datatype: 'double', arraysize: '*' },
    { name: 'l', datatype: 'long' }, { name: 'c', datatype: 'char', arraysize: '3x2' },
  ]
  const w = new W()
  for (let r = 0; r < 10; r++) {
    w.u8(r % 3 === 0 ? 0b01000000 : 0).i32(r).i32(2).ascii('é'.repeat(1) === 'é' ? 'ab' : '')
    w.i32(r).u8()
    for (let k = 0; k < r; k++) w.f64(k / 2)
    w.i64(r === 5 ? 9007199254740993n : BigInt(r)).ascii('abcdef')
  }
  const doc = parseVOTable(binary(fields, w.data))

  it('batches transfer their typed arrays and rebuild the table', () => {
    const t = doc.tables[0] as VOTableTable
    const copy = tableFromHeader({ ...t, fields: t.fields })
    for (let from = 0; from < t.rowCount; from += 4) {
      const to = Math.min(t.rowCount, from + 4)
      const batch: RowBatch = { table: 0, start: from, rowCount: to - from, columns: t.columns.map((c) => c.slice(from, to)) }
      const transfer = batchTransferables(batch)
      expect(transfer.length).toBeGreaterThanOrEqual(5)
      const moved = structuredClone(batch, { transfer })
      // transferred, not copied: the sender's buffers are detached
      expect(transfer.every((b) => b.byteLength === 0)).toBe(true)
      appendBatch(copy, moved)
    }
    expect(copy.rowCount).toBe(10)
    for (let r = 0; r < 10; r++) for (let c = 0; c < 5; c++) expect(copy.value(r, c)).toEqual(t.value(r, c))
    expect(copy.value(5, 3)).toBe(9007199254740993n)
    expect(copy.value(3, 1)).toBe(null)
    expect(copy.value(4, 4)).toEqual(['abc', 'def'])
  })

  it('rebuilt columns expose the same contiguous storage as the parsed ones', () => {
    const src = parseVOTable(loadConformance('cdsvotrs__stilts_all_but_k_test.vot')).tables[0] as VOTableTable
    const copy = tableFromHeader({ ...src })
    for (let from = 0; from < src.rowCount; from += 2) {
      const to = Math.min(src.rowCount, from + 2)
      appendBatch(copy, { table: 0, start: from, rowCount: to - from, columns: src.columns.map((c) => c.slice(from, to)) })
    }
    for (const c of copy.columns) c.finish(copy.rowCount)
    src.columns.forEach((c, i) => {
      const r = copy.column(i)
      expect([r.kind, r.datatype, r.shape]).toEqual([c.kind, c.datatype, c.shape])
      expect(plain(r.data)).toEqual(plain(c.data))
      expect(r.nulls).toEqual(c.nulls)
      expect(r.offsets).toEqual(c.offsets)
      for (let row = 0; row < src.rowCount; row++) expect(plain(r.get(row))).toEqual(plain(c.get(row)))
    })
  })

  it('a batch out of order is refused', () => {
    const t = doc.tables[0] as VOTableTable
    const copy = tableFromHeader({ ...t })
    expect(() => appendBatch(copy, { table: 0, start: 3, rowCount: 1, columns: t.columns.map((c) => c.slice(3, 4)) })).toThrow(/starts at row 3/)
  })

  it('the document skeleton keeps resources, INFOs and the query status', () => {
    const src = parseVOTable(loadConformance('pyvo__dal_query__overflowstatus.xml'))
    const skel = structuredClone(documentSkeleton(src))
    const tables = src.tables.map((t, i) => {
      const copy = tableFromHeader(skel.tables[i])
      const cols = (t as VOTableTable).columns
      appendBatch(copy, structuredClone({ table: i, start: 0, rowCount: t.rowCount, columns: cols.map((c) => c.slice(0, t.rowCount)) }))
      return copy
    })
    const back = documentFromSkeleton(skel, tables)
    expect(snapshot(back)).toEqual(snapshot(src))
    expect(queryStatus(back).status).toBe('OVERFLOW')
  })
})

describe('parseInWorker', () => {
  const fields = [{ name: 'n', datatype: 'int' }, { name: 'name', datatype: 'unicodeChar', arraysize: '*' }]
  const rows = Array.from({ length: 3000 }, (_, i) => [String(i), `Γ ${i}`])
  const text = tabledata(fields, rows)

  it('grows the table batch by batch while the body arrives', async () => {
    const f = fake()
    const sizes: number[] = []
    const doc = await parseInWorker(streamOf(randomChunks(enc.encode(text), seeded(5))), {
      worker: f.worker,
      batchRows: 500,
      onBatch: (_b, t) => {
        sizes.push(t.rowCount)
        expect(t.value(t.rowCount - 1, 1)).toBe(`Γ ${t.rowCount - 1}`)
      },
    })
    expect(sizes.length).toBeGreaterThan(6)
    expect(sizes[sizes.length - 1]).toBe(3000)
    expect(doc.tables[0].value(2999, 0)).toBe(2999)
    // the body went over as a transferred stream
    expect(f.last().received.map((m) => m.type)).toEqual(['start', 'stream'])
  })

  it('posts the body in transferred chunks where streams cannot be transferred', async () => {
    const f = fake()
    const doc = await parseInWorker(streamOf(randomChunks(enc.encode(text), seeded(6))), { worker: f.worker, transferStream: false })
    expect(doc.tables[0].rowCount).toBe(3000)
    expect(f.last().received.filter((m) => m.type === 'chunk').length).toBeGreaterThan(10)
  })

  it('bytes and ArrayBuffer input; the caller keeps its buffer', async () => {
    const bytes = enc.encode(text)
    const doc = await parseInWorker(bytes, { worker: fake().worker })
    expect(bytes.byteLength).toBeGreaterThan(0)
    expect(doc.tables[0].rowCount).toBe(3000)
    const doc2 = await parseInWorker(bytes.buffer as ArrayBuffer, { worker: fake().worker })
    expect(doc2.tables[0].rowCount).toBe(3000)
  })

  it('falls back to this thread where there is no Worker (Node)', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined')
    let batches = 0
    const doc = await parseInWorker(new Response(text), { batchRows: 1000, onBatch: () => batches++ })
    expect(doc.tables[0].rowCount).toBe(3000)
    expect(batches).toBe(3)
  })

  it('a body that breaks off keeps the rows that arrived', async () => {
    const cut = enc.encode(text.slice(0, text.indexOf('<TD>1500</TD>')))
    const doc = await parseInWorker(streamOf([cut], new TypeError('connection reset')), { worker: fake().worker })
    expect(doc.tables[0].rowCount).toBe(1500)
    expect(doc.tables[0].truncated).toBe(true)
    expect(doc.warnings.join('\n')).toMatch(/connection reset.*incomplete/)
  })

  it('a body that breaks off reaches the worker as all its bytes, then why, on a stream that does not error', async () => {
    // a transferred stream that errors drops what the worker has not read yet: the break-off must come last, as data
    const pieces: unknown[] = []
    const reader = failureAsLastPiece(streamOf([enc.encode('ab'), enc.encode('cd')], new TypeError('network error'))).getReader()
    for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(r.value instanceof Uint8Array ? new TextDecoder().decode(r.value) : r.value)
    expect(pieces).toEqual(['ab', 'cd', { failure: 'network error' }])
  })

  it('an error before any table is the input error; bad input is a located VOTableError', async () => {
    const err = new TypeError('no route to host')
    await expect(parseInWorker(streamOf([enc.encode('<VOTABLE>')], err), { worker: fake().worker, transferStream: false })).rejects.toBe(err)
    // read in the worker, the error comes back by name and message
    await expect(parseInWorker(streamOf([enc.encode('<VOTABLE>')], err), { worker: fake().worker })).rejects.toThrow(/no route to host/)
    const e = await parseInWorker(enc.encode('<VOTABLE>\n<RESOURCE>\n<TABLE>\n</RESOURCE>'), { worker: fake().worker }).catch((x) => x)
    expect(e).toBeInstanceOf(VOTableError)
    expect(e.line).toBe(4)
  })

  it('abort rejects with the one abort shape (the reason as its cause) and ends the worker', async () => {
    const f = fake()
    const ac = new AbortController()
    const p = parseInWorker(streamOf(randomChunks(enc.encode(text), seeded(1))), {
      worker: f.worker,
      signal: ac.signal,
      onHeader: () => ac.abort(new Error('closed by the user')),
    })
    await expect(p).rejects.toMatchObject({ kind: 'aborted', cause: new Error('closed by the user') })
    expect(f.last().terminated).toBe(true)
  })
})
