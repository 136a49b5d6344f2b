import { describe, expect, it } from 'vitest'
import { conformanceFiles, loadConformance } from '../../test-support/votable/corpus'
import { VOTableError, VOTableStreamParser, parseVOTable, parseVOTableStream, queryStatus } from './index'
import type { RowBatch, VOTableDocument } from './index'
import type { VOTableTable } from './table'
import { W, binary, randomChunks, seeded, snapshot, tabledata } from '../../test-support/votable/build'
import { appendBatch, tableFromHeader, tableHeader } from './worker-protocol'

const enc = new TextEncoder()

function parseOrError(bytes: Uint8Array): VOTableDocument | VOTableError {
  try {
    return parseVOTable(bytes)
  } catch (e) {
    if (e instanceof VOTableError) return e
    throw e
  }
}

/** Stream `chunks` through a parser; also rebuild every table from its batches alone. */
function stream(chunks: (Uint8Array | string)[], batchRows?: number): { doc: VOTableDocument; rebuilt: VOTableTable[]; batches: RowBatch[] } {
  const rebuilt: VOTableTable[] = []
  const batches: RowBatch[] = []
  const p = new VOTableStreamParser({
    batchRows,
    onHeader: (t, i) => {
      rebuilt[i] = tableFromHeader(tableHeader(t as VOTableTable))
    },
    onBatch: (b, t) => {
      expect(t.rowCount).toBe(b.start + b.rowCount)
      batches.push(b)
      appendBatch(rebuilt[b.table], b)
    },
  })
  for (const c of chunks) p.push(c)
  return { doc: p.end(), rebuilt, batches }
}

function streamOrError(chunks: Uint8Array[]): ReturnType<typeof stream> | VOTableError {
  try {
    return stream(chunks)
  } catch (e) {
    if (e instanceof VOTableError) return e
    throw e
  }
}

describe('streaming equals parseVOTable on every conformance file', () => {
  for (const name of conformanceFiles) {
    it(name, () => {
      const bytes = loadConformance(name)
      const expected = parseOrError(bytes)
      for (const seed of [1, 2, 3]) {
        const got = streamOrError(randomChunks(bytes, seeded(seed)))
        if (expected instanceof VOTableError) {
          expect(got).toBeInstanceOf(VOTableError)
          const e = got as VOTableError
          expect([e.message, e.line, e.column, e.position]).toEqual([expected.message, expected.line, expected.column, expected.position])
          continue
        }
        if (got instanceof VOTableError) throw got
        expect(snapshot(got.doc)).toEqual(snapshot(expected))
        expect(queryStatus(got.doc)).toEqual(queryStatus(expected))
        // the batches alone rebuild every table's rows
        expect(got.rebuilt.length).toBe(expected.tables.length)
        got.rebuilt.forEach((t, i) => {
          expect(t.rowCount).toBe(expected.tables[i].rowCount)
          for (const c of t.columns) c.finish(t.rowCount)
          const rows = (x: unknown) => (snapshot({ ...expected, tables: [x as VOTableTable] }) as { tables: { rows: unknown }[] }).tables[0].rows
          expect(rows(t)).toEqual(rows(expected.tables[i]))
        })
      }
      // a correctness check, not a timing: the large files take seconds on a loaded machine
    }, 120_000)
  }
})

describe('truncated input', () => {
  const fields = [{ name: 'a', datatype: 'int' }, { name: 's', datatype: 'char', arraysize: '*' }, { name: 'd', datatype: 'double' }]
  const rows = Array.from({ length: 40 }, (_, i) => [String(i), `row ${i}`, String(i / 4)])
  const td = tabledata(fields, rows)
  const w = new W()
  for (let i = 0; i < 40; i++) w.u8(0).i32(i).i32(5).ascii(`r${String(i).padStart(3, '0')}`).f64(i / 4)

  it('TABLEDATA cut inside a row keeps the complete rows and says so', () => {
    const cut = td.slice(0, td.indexOf('<TD>row 17</TD>') + 6)
    const { doc } = stream(randomChunks(enc.encode(cut), seeded(7)))
    const t = doc.tables[0]
    expect(t.rowCount).toBe(17)
    expect(t.truncated).toBe(true)
    expect(t.value(16, 1)).toBe('row 16')
    expect(doc.warnings.join()).toMatch(/input ends inside TABLEDATA; 17 complete rows kept/)
    expect(snapshot(doc)).toEqual(snapshot(parseVOTable(cut)))
  })

  it('BINARY2 cut at every position of the stream gives what parseVOTable gives', () => {
    const full = binary(fields, w.data)
    const start = full.indexOf('<STREAM')
    for (let cut = start + 30; cut < full.length; cut += 7) {
      const text = full.slice(0, cut)
      const { doc } = stream(randomChunks(enc.encode(text), seeded(cut)))
      expect(snapshot(doc)).toEqual(snapshot(parseVOTable(text)))
    }
  })

  it('a stream that fails after the header keeps the rows that arrived', async () => {
    const bytes = enc.encode(td)
    const half = td.indexOf('<TD>20</TD>')
    let pulls = 0
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulls++ === 0) c.enqueue(bytes.slice(0, half))
        else c.error(new TypeError('network connection lost'))
      },
    })
    const doc = await parseVOTableStream(body)
    expect(doc.tables[0].rowCount).toBe(20)
    expect(doc.tables[0].truncated).toBe(true)
    expect(doc.warnings.join('\n')).toMatch(/network connection lost.*incomplete/)
  })

  it('a stream that fails before any table rethrows its error', async () => {
    let pulls = 0
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulls++ === 0) c.enqueue(enc.encode('<?xml version="1.0"?><VOTABLE><RESOURCE>'))
        else c.error(new TypeError('reset'))
      },
    })
    await expect(parseVOTableStream(body)).rejects.toThrow('reset')
  })

  it('aborting rejects with the one abort shape (kind aborted), the signal reason as its cause', async () => {
    const ac = new AbortController()
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(enc.encode(td.slice(0, 300)))
        ac.abort(new Error('user cancelled'))
      },
    })
    await expect(parseVOTableStream(body, { signal: ac.signal })).rejects.toMatchObject({ kind: 'aborted', cause: new Error('user cancelled') })
  })
})

describe('batches while the body arrives', () => {
  const fields = [{ name: 'id', datatype: 'long' }, { name: 'name', datatype: 'char', arraysize: '*' }, { name: 'x', datatype: 'float' }]
  const rows = Array.from({ length: 20000 }, (_, i) => [String(i), `obj ${i}`, String(i / 8)])
  const doc = enc.encode(tabledata(fields, rows))

  it('hands on the first rows long before the end', () => {
    const chunks: Uint8Array[] = []
    for (let i = 0; i < doc.length; i += 16384) chunks.push(doc.subarray(i, i + 16384))
    let firstAt = -1
    let pushed = 0
    let total = 0
    const p = new VOTableStreamParser({
      batchRows: 1000,
      onBatch: (b) => {
        if (firstAt < 0) firstAt = pushed
        expect(b.start).toBe(total)
        total += b.rowCount
        expect(b.rowCount).toBeLessThanOrEqual(1000)
      },
    })
    for (const c of chunks) {
      pushed++
      p.push(c)
    }
    expect(firstAt).toBeGreaterThan(0)
    expect(firstAt).toBeLessThan(chunks.length / 10)
    const out = p.end()
    expect(total).toBe(20000)
    expect(out.tables[0].rowCount).toBe(20000)
    expect(out.tables[0].value(19999, 1)).toBe('obj 19999')
  })

  it('batches carry typed arrays, column by column', () => {
    const { batches } = stream([doc], 5000)
    expect(batches.map((b) => b.rowCount)).toEqual([5000, 5000, 5000, 5000])
    const [id, name, x] = batches[1].columns
    expect(id.kind === 'number' && id.data).toBeInstanceOf(Float64Array)
    expect(x.kind === 'number' && x.data).toBeInstanceOf(Float32Array)
    expect(name.kind === 'string' && name.chars).toBeInstanceOf(Uint8Array) // all ASCII
    const u = stream([enc.encode(tabledata([{ name: 'u', datatype: 'unicodeChar', arraysize: '*' }], [['Γ'], ['a']]))]).batches[0].columns[0]
    expect(u.kind === 'string' && Array.from(u.chars)).toEqual([0x393, 0x61])
    expect(u.kind === 'string' && u.chars).toBeInstanceOf(Uint16Array)
    expect(id.kind === 'number' && id.data[0]).toBe(5000)
  })

  it('parseVOTableStream reads a ReadableStream and a CRLF split across chunks', async () => {
    const text = tabledata([{ name: 's', datatype: 'char', arraysize: '*' }], [['a'], ['b']]).replace(/\n/g, '\r\n')
    const at = text.indexOf('\r\n', text.indexOf('<TR>')) + 1
    const parts = [text.slice(0, at), text.slice(at)]
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(enc.encode(p))
        c.close()
      },
    })
    const out = await parseVOTableStream(body)
    expect(snapshot(out)).toEqual(snapshot(parseVOTable(text)))
  })

  it('UTF-16 input and multi-byte characters split between chunks', () => {
    const text = tabledata([{ name: 's', datatype: 'unicodeChar', arraysize: '*' }], [['Γꙮ€'], ['😀x']])
    const utf8 = enc.encode(text)
    const one = Array.from(utf8, (b) => Uint8Array.of(b))
    expect(snapshot(stream(one).doc)).toEqual(snapshot(parseVOTable(utf8)))
    const u16 = new Uint8Array(2 + text.length * 2)
    u16[0] = 0xff
    u16[1] = 0xfe
    for (let i = 0; i < text.length; i++) {
      u16[2 + 2 * i] = text.charCodeAt(i) & 255
      u16[3 + 2 * i] = text.charCodeAt(i) >> 8
    }
    expect(snapshot(stream(randomChunks(u16, seeded(3))).doc)).toEqual(snapshot(parseVOTable(u16)))
  })
})

describe('flush', () => {
  it('hands on the rows that wait for a full batch when the input pauses, and the rest follow on', () => {
    const batches: number[][] = []
    const p = new VOTableStreamParser({ batchMs: 60_000, batchRows: 1000, onBatch: (b) => batches.push([b.start, b.rowCount]) })
    const head = `<VOTABLE version="1.4"><RESOURCE><TABLE><FIELD name="x" datatype="int"/><DATA><TABLEDATA>`
    const tr = (i: number) => `<TR><TD>${i}</TD></TR>`
    p.push(head + tr(0))
    p.push(tr(1) + tr(2) + '<TR><TD>3')
    expect(batches).toEqual([[0, 1]])
    p.flush()
    // the complete rows only: row 3 is not over yet
    expect(batches).toEqual([[0, 1], [1, 2]])
    p.flush()
    expect(batches).toHaveLength(2)
    p.push('</TD></TR>' + tr(4) + '</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>')
    const doc = p.end()
    expect(batches).toEqual([[0, 1], [1, 2], [3, 2]])
    expect(doc.tables[0]!.rowCount).toBe(5)
  })
})

describe('keepRows: false (the worker: batches are the result)', () => {
  const fields = [{ name: 'a', datatype: 'int' }, { name: 's', datatype: 'char', arraysize: '*' }, { name: 'd', datatype: 'double' }]
  const rows = Array.from({ length: 1000 }, (_, i) => [String(i), i % 9 ? `row ${i}` : '', String(i / 4)])
  const w = new W()
  for (let i = 0; i < 1000; i++) w.u8(i % 9 ? 0 : 0x40).i32(i).i32(i % 9 ? String(`row ${i}`).length : 0).ascii(i % 9 ? `row ${i}` : '').f64(i / 4)
  const inputs = { TABLEDATA: tabledata(fields, rows), BINARY2: binary(fields, w.data) }

  for (const [kind, text] of Object.entries(inputs)) {
    it(`${kind}: the batches rebuild every row while the parser holds only the rows not handed on`, () => {
      const expected = parseVOTable(text)
      const rebuilt: VOTableTable[] = []
      let most = 0
      const p = new VOTableStreamParser({
        batchRows: 50,
        keepRows: false,
        onHeader: (t, i) => (rebuilt[i] = tableFromHeader(tableHeader(t as VOTableTable))),
        onBatch: (b, t) => {
          most = Math.max(most, ...(t as VOTableTable).columns.map((c) => c.n))
          appendBatch(rebuilt[b.table], b)
        },
      })
      for (const c of randomChunks(enc.encode(text), seeded(5))) p.push(c)
      const doc = p.end()
      expect(doc.tables[0].rowCount).toBe(1000)
      expect(doc.warnings).toEqual(expected.warnings)
      const t = rebuilt[0]
      expect(t.rowCount).toBe(1000)
      for (let r = 0; r < 1000; r++) for (let c = 0; c < 3; c++) expect(t.value(r, c)).toEqual(expected.tables[0].value(r, c))
      // never the whole table: a batch and what one chunk adds to it
      expect(most).toBeLessThan(200)
    })
  }

  it('errors after rows were released name the same row as parseVOTable', () => {
    const bad = inputs.TABLEDATA.replace('<TR><TD>700</TD>', '<TR><TD>700</TD><TD>x</TD><TD>1</TD>')
    let expected = ''
    try {
      parseVOTable(bad)
    } catch (e) {
      expected = (e as Error).message
    }
    expect(expected).toMatch(/row 701/)
    const p = new VOTableStreamParser({ batchRows: 50, keepRows: false, onBatch: () => {} })
    expect(() => {
      for (const c of randomChunks(enc.encode(bad), seeded(9))) p.push(c)
      p.end()
    }).toThrow(expected)
  })
})
