import { beforeEach, describe, expect, it } from 'vitest'
import type { Table } from '../../protocols/votable'
import { decodeSelection, encodeSelection, fingerprint, MAX_ID_SELECTION, MAX_URL_SELECTION_CHARS, packRows, unpackRows } from './selection'

/** A table of `n` rows whose ids are "ADP.<row>" (or shifted by `offset`, as if the results had changed). */
function fakeTable(n: number, offset = 0, idName = 'obs_publisher_did'): Table {
  return {
    fields: [{ name: idName, datatype: 'char', arraysize: '*' }, { name: 's_ra', datatype: 'double' }],
    rowCount: n,
    value: (r: number, c: number) => (c === 0 ? `ADP.2021-05-04T10:22:33.${String(r + offset).padStart(3, '0')}` : r / 10),
  } as unknown as Table
}

/** A small sessionStorage for Node. */
class MemoryStorage {
  private m = new Map<string, string>()
  getItem = (k: string) => this.m.get(k) ?? null
  setItem = (k: string, v: string) => void this.m.set(k, v)
  removeItem = (k: string) => void this.m.delete(k)
  clear = () => this.m.clear()
  get size() {
    return this.m.size
  }
}
const storage = new MemoryStorage()
Object.defineProperty(globalThis, 'sessionStorage', { value: storage, configurable: true })

/** A reproducible scatter of rows. */
function scatter(count: number, of: number, seed = 7): number[] {
  const rows = new Set<number>()
  let x = seed
  while (rows.size < count) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    rows.add((x >>> 8) % of)
  }
  return [...rows]
}

describe('packed rows', () => {
  it('round-trip, sorted and without repeats', () => {
    for (const rows of [[], [0], [5], [3, 1, 2, 2, 9], [0, 1, 2, 3, 100, 101, 4999], scatter(300, 5000), scatter(3000, 100_000)]) {
      expect(unpackRows(packRows(rows), 100_000)).toEqual([...new Set(rows)].sort((a, b) => a - b))
    }
  })
  it('write a long run in a few characters', () => {
    const rows = Array.from({ length: 4000 }, (_, k) => 500 + k)
    expect(packRows(rows).length).toBeLessThan(8)
    expect(unpackRows(packRows(rows), 5000)).toEqual(rows)
  })
  it('use a bitmap when rows are many and scattered: 3,000 of 5,000 rows in under 1 KB', () => {
    const rows = scatter(3000, 5000)
    expect(packRows(rows).length).toBeLessThan(900)
    expect(unpackRows(packRows(rows), 5000)).toEqual([...rows].sort((a, b) => a - b))
  })
  it('are URL-safe', () => {
    expect(packRows(scatter(2000, 60_000))).toMatch(/^[A-Za-z0-9_-]+$/)
  })
  it('refuse rows beyond the table and text that is not packed rows', () => {
    expect(() => unpackRows(packRows([10, 20]), 20)).toThrow()
    expect(() => unpackRows(packRows(scatter(50, 1000)), 100)).toThrow()
    expect(() => unpackRows('not base64!', 100)).toThrow()
    expect(() => unpackRows('Ag', 100)).toThrow() // an unknown kind
    expect(() => unpackRows('AP8', 100)).toThrow() // a number cut short
    const huge = Buffer.from([0, 1, 0xff, 0xff, 0xff, 0x0f]).toString('base64url')
    expect(() => unpackRows(huge, 1000)).toThrow() // a run longer than the table
  })
})

describe('the selection in the URL', () => {
  beforeEach(() => storage.clear())
  const table = fakeTable(5000)

  it('is nothing for no rows, and ids for a few', () => {
    expect(encodeSelection(table, [])).toBeUndefined()
    const sel = encodeSelection(table, [4, 2])!
    expect(sel).toBe('ADP.2021-05-04T10:22:33.004|ADP.2021-05-04T10:22:33.002')
    expect(decodeSelection(table, sel)).toEqual({ rows: [2, 4] })
  })
  it('packs more than a few, with a fingerprint of their ids', () => {
    const rows = scatter(3000, 5000)
    const sel = encodeSelection(table, rows)!
    expect(sel).toMatch(/^~r\.[0-9a-z]+\.[A-Za-z0-9_-]+$/)
    expect(sel.length).toBeLessThan(1000)
    expect(decodeSelection(table, sel)).toEqual({ rows: [...rows].sort((a, b) => a - b) })
    expect(encodeSelection(table, Array.from({ length: MAX_ID_SELECTION + 1 }, (_, k) => k))).toMatch(/^~r\./)
  })
  it('selects nothing when the results changed since the link was made', () => {
    const sel = encodeSelection(table, scatter(100, 5000))!
    expect(decodeSelection(fakeTable(5000, 1), sel)).toEqual({ rows: [], lost: 'changed' })
    expect(decodeSelection(fakeTable(50), sel)).toEqual({ rows: [], lost: 'changed' })
    expect(decodeSelection(table, '~r.abc.%%%')).toEqual({ rows: [] })
  })
  it('keeps what does not fit a link in the tab, and says so', () => {
    const big = fakeTable(100_000)
    const rows = scatter(20_000, 100_000)
    const sel = encodeSelection(big, rows)!
    expect(sel).toMatch(/^~t\.[A-Za-z0-9_-]+$/)
    expect(decodeSelection(big, sel)).toEqual({ rows: [...rows].sort((a, b) => a - b), tabOnly: true })
    // another tab (or browser) has not got it
    storage.clear()
    expect(decodeSelection(big, sel)).toEqual({ rows: [], lost: 'other-tab' })
  })
  it('fits a few thousand scattered rows of 100,000 in the link', () => {
    const sel = encodeSelection(fakeTable(100_000), scatter(3000, 100_000))!
    expect(sel.startsWith('~r.')).toBe(true)
    expect(sel.length).toBeLessThanOrEqual(MAX_URL_SELECTION_CHARS + 20)
  })
  it('keeps at most 20 selections in the tab', () => {
    for (let k = 0; k < 30; k++) encodeSelection(table, scatter(200, 5000, k + 1), 10)
    expect(storage.size).toBe(21) // 20 selections and their list
  })
  it('packs the rows of a table without ids, fingerprinted by their values', () => {
    const noIds = fakeTable(300, 0, 'name')
    const sel = encodeSelection(noIds, [1, 2, 3])!
    expect(sel).toMatch(/^~r\./)
    expect(decodeSelection(noIds, sel)).toEqual({ rows: [1, 2, 3] })
  })
  it('fingerprints differ for different ids', () => {
    expect(fingerprint(['a', 'b'])).not.toBe(fingerprint(['ab']))
    expect(fingerprint(['a'])).toBe(fingerprint(['a']))
  })
})
