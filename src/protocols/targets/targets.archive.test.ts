// Runs against the real local archive (DaCHS on loopback, which takes TAP UPLOAD): the batched ADQL and the
// uploaded join give the same rows.
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { fetchCapabilities, runSync } from '../tap'
import { OBSCORE_SOURCE, RAW_SOURCE, catalogueSource, chunkTargets, type CoverageSource, type PlacedTarget } from './adql'
import { fetchChunk, type CoverageMode } from './fetch'
import { offersInlineUpload } from './upload'
import type { Cell } from './rows'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const TAP = `${ARCHIVE}/tap`
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })

/** Targets on rows of a table (hits) and between them (misses). */
async function targetsNear(table: string, ra: string, dec: string, n: number): Promise<PlacedTarget[]> {
  const { table: t } = await runSync(http, TAP, { query: `SELECT TOP ${n} ${ra}, ${dec} FROM ${table} ORDER BY ${ra}` })
  const out: PlacedTarget[] = []
  for (let i = 0; i < t.rowCount; i++) {
    const a = t.value(i, 0) as number
    const d = t.value(i, 1) as number
    out.push({ index: out.length, name: `hit ${i}`, ra: a + 0.001, dec: d })
    out.push({ index: out.length, name: `miss ${i}`, ra: (a + 7.3) % 360, dec: Math.max(-89, d - 11.1) })
  }
  return out
}

async function allRows(source: CoverageSource, targets: PlacedTarget[], radius: number, mode: CoverageMode): Promise<{ rows: Cell[][]; queries: number }> {
  const rows: Cell[][] = []
  let queries = 0
  for (const chunk of chunkTargets(source, targets, radius, { maxQueryLength: 6000, maxTargets: 40 })) {
    const r = await fetchChunk(http, TAP, source, chunk, radius, { mode, maxrec: 100_000 })
    rows.push(...r.rows)
    queries += r.queries
  }
  return { rows, queries }
}

const key = (r: Cell[]) => JSON.stringify(r)

describe('target coverage against the local archive', () => {
  it('the local archive takes inline uploads', async () => {
    expect(offersInlineUpload((await fetchCapabilities(http, TAP)).uploadMethods)).toBe(true)
  })

  for (const [label, source, radius] of [
    ['ObsCore', OBSCORE_SOURCE, 0.05],
    ['raw frames', RAW_SOURCE, 0.1],
    ['a catalogue', catalogueSource('safcat.kids_dr4_cat', 'raj2000', 'decj2000'), 0.02],
  ] as const) {
    it(`batched ADQL and upload give the same rows: ${label}`, async () => {
      const targets = await targetsNear(source.table, source.ra, source.dec, 40)
      const batched = await allRows(source, targets, radius, 'batched')
      const uploaded = await allRows(source, targets, radius, 'upload')
      expect(batched.rows.length).toBeGreaterThan(0)
      expect(batched.queries).toBeGreaterThan(1)
      expect(batched.rows.map(key).sort()).toEqual(uploaded.rows.map(key).sort())
      // every row carries its target first
      for (const r of batched.rows) expect(targets[(r[1] as number) - 1]!.name).toBe(r[0])
    })
  }

  it('splits a chunk that reaches the row limit and still gets every row', async () => {
    const targets = await targetsNear('ivoa.ObsCore', 's_ra', 's_dec', 10)
    const whole = await fetchChunk(http, TAP, OBSCORE_SOURCE, targets, 0.5, { mode: 'batched', maxrec: 100_000 })
    const limited = await fetchChunk(http, TAP, OBSCORE_SOURCE, targets, 0.5, { mode: 'batched', maxrec: Math.max(2, Math.floor(whole.rows.length / 3)) })
    expect(limited.queries).toBeGreaterThan(1)
    expect(limited.rows.map(key).sort()).toEqual(whole.rows.map(key).sort())
  })
})
