import { describe, expect, it } from 'vitest'
import { OBSCORE_SOURCE, type PlacedTarget } from '../../protocols/targets'
import { chunksOf, planSettings, planTargets, runRows, type CoveragePlan, type CoverageRun } from './coverage'

const t = (index: number): PlacedTarget => ({ index, name: `t${index}`, ra: index, dec: 0 })
const plan: CoveragePlan = { serviceUrl: 'http://x/tap', source: OBSCORE_SOURCE, radius: 0.1, mode: 'batched', targets: [t(0), t(1), t(3), t(4), t(5)], limits: { maxQueryLength: 10_000, maxTargets: 2 } }

describe('a run gains corrected targets', () => {
  it('keeps the chunks it has and puts the added targets in chunks of their own, after them', () => {
    const before = chunksOf(plan)
    expect(before.map((c) => c.map((x) => x.index))).toEqual([[0, 1], [3, 4], [5]])
    const more = { ...plan, added: [[t(2)]] }
    expect(chunksOf(more).map((c) => c.map((x) => x.index))).toEqual([[0, 1], [3, 4], [5], [2]])
    expect(planTargets(more).map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5])
    expect(planSettings(more)).toBe(planSettings(plan))
    expect(planSettings({ ...plan, radius: 0.2 })).not.toBe(planSettings(plan))
  })
  it('gives the rows in list order, the added target\'s among the others', () => {
    const run: CoverageRun = {
      plan: { ...plan, added: [[t(2)]] }, chunkCount: 4, status: 'done', queries: 4, rows: 4, overflow: false, elapsedMs: 0,
      done: { 0: { fields: [], rows: [['t0', 1, 'a'], ['t1', 2, 'b']] }, 1: { fields: [], rows: [['t4', 5, 'c']] }, 3: { fields: [], rows: [['t2', 3, 'd']] } },
    }
    expect(runRows(run).rows.map((r) => r[2])).toEqual(['a', 'b', 'd', 'c'])
  })
})
