import { describe, expect, it } from 'vitest'
import { parseTargetList, MAX_TARGETS } from './list'
import { OBSCORE_SOURCE, batchAdql, catalogueSource, chunkTargets, matchRows, separation, uploadAdql, type PlacedTarget } from './adql'
import { runChunks } from './run'
import { coverageMatrix } from './matrix'
import { targetsVOTable, uploadForm, offersInlineUpload } from './upload'
import { parseVOTable } from '../votable'
import { rowsTable, toCell } from './rows'

describe('target lists', () => {
  it('reads CSV with a header: names and coordinates, sexagesimal too', () => {
    const r = parseTargetList('name,ra,dec\nNGC 6397,,\nstar A,265.1,-53.6\nB,"17:40:41.3","-53:40:25"\n')
    expect(r.format).toBe('CSV with a header: name, ra, dec')
    expect(r.targets).toHaveLength(3)
    expect(r.targets[0]).toEqual({ index: 0, name: 'NGC 6397' })
    expect(r.targets[1]).toMatchObject({ name: 'star A', ra: 265.1, dec: -53.6 })
    expect(r.targets[2]!.ra).toBeCloseTo(265.172, 3)
    expect(r.targets[2]!.dec).toBeCloseTo(-53.674, 3)
  })

  it('reads TSV without a header, names alone and positions alone', () => {
    const r = parseTargetList('eta Car\n30 Dor\n201.69\t-47.48\nX\t10\t20')
    expect(r.format).toBe('one target per line')
    const t = parseTargetList('a\t1\t2\n3\t4\nb\t5\t6')
    expect(t.format).toBe('TSV, no header')
    expect(t.targets.map((x) => [x.name, x.ra, x.dec])).toEqual([['a', 1, 2], ['3 4', 3, 4], ['b', 5, 6]])
    expect(r.targets.map((x) => [x.name, x.ra, x.dec])).toEqual([['eta Car', undefined, undefined], ['30 Dor', undefined, undefined], ['201.69 -47.48', 201.69, -47.48], ['X', 10, 20]])
    expect(parseTargetList('NGC 6397 265.17 -53.67\n10 20').targets.map((x) => [x.name, x.ra, x.dec])).toEqual([['NGC 6397', 265.17, -53.67], ['10 20', 10, 20]])
  })

  it('reads RA/Dec header names in other spellings and keeps a name column', () => {
    const r = parseTargetList('# RAJ2000;DEJ2000;Object\n10;20;foo')
    expect(r.targets[0]).toMatchObject({ name: 'foo', ra: 10, dec: 20 })
  })

  it('reads a VOTable by UCD', () => {
    const xml = targetsVOTable([{ index: 1, name: 'p', ra: 1.5, dec: -2 }, { index: 2, name: 'q', ra: 3, dec: 4 }])
    const r = parseTargetList(xml)
    expect(r.targets.map((t) => [t.name, t.ra, t.dec])).toEqual([['p', 1.5, -2], ['q', 3, 4]])
  })

  it(`keeps at most ${MAX_TARGETS} targets and says how many were left out`, () => {
    const r = parseTargetList(Array.from({ length: MAX_TARGETS + 7 }, (_, i) => `${i % 360} 0`).join('\n'))
    expect(r.targets).toHaveLength(MAX_TARGETS)
    expect(r.dropped).toBe(7)
  })
})

const targets: PlacedTarget[] = Array.from({ length: 1000 }, (_, i) => ({ index: i, name: `t${i}`, ra: (i * 0.37) % 360, dec: -60 + (i % 120) }))

describe('ADQL batching', () => {
  it('writes one OR of CONTAINS(POINT, CIRCLE) = 1 per chunk', () => {
    const q = batchAdql(OBSCORE_SOURCE, targets.slice(0, 2), 0.01)
    expect(q).toContain("WHERE CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', 0, -60, 0.01)) = 1\n   OR CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', 0.37, -59, 0.01)) = 1")
    expect(batchAdql(catalogueSource('safcat.x', 'raj2000', 'decj2000'), targets.slice(0, 1), 0.5)).toBe(
      "SELECT *\nFROM safcat.x\nWHERE CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', 0, -60, 0.5)) = 1",
    )
  })

  it('sizes chunks to the query-length and target limits, keeping every target in order', () => {
    const chunks = chunkTargets(OBSCORE_SOURCE, targets, 0.01, { maxQueryLength: 8000, maxTargets: 150 })
    expect(chunks.flat().map((t) => t.index)).toEqual(targets.map((t) => t.index))
    for (const c of chunks) expect(batchAdql(OBSCORE_SOURCE, c, 0.01).length).toBeLessThanOrEqual(8000)
    expect(chunks.length).toBeGreaterThan(1000 / 150)
    expect(chunkTargets(OBSCORE_SOURCE, targets, 0.01, { maxQueryLength: 1e9, maxTargets: 150 })).toHaveLength(7)
  })

  it('joins an upload with the same CONTAINS', () => {
    expect(uploadAdql(OBSCORE_SOURCE, 0.02)).toContain("JOIN TAP_UPLOAD.targets AS u\n  ON CONTAINS(POINT('ICRS', t.s_ra, t.s_dec), CIRCLE('ICRS', u.ra, u.dec, 0.02)) = 1")
  })

  it('gives each row to every target it lies near, as a join would', () => {
    const ts: PlacedTarget[] = [{ index: 0, name: 'a', ra: 10, dec: 0 }, { index: 1, name: 'b', ra: 10.01, dec: 0 }]
    const pairs = matchRows(ts, [10.005, 10, 50], [0, 0, 0], 0.006)
    expect(pairs.map((p) => [p.row, p.target.name])).toEqual([[0, 'a'], [0, 'b'], [1, 'a']])
    expect(separation(0, 89.9, 180, 89.9)).toBeCloseTo(0.2, 9)
  })
})

describe('upload', () => {
  it('writes the targets as a VOTable a reader reads back', () => {
    const doc = parseVOTable(targetsVOTable([{ index: 3, name: 'a & <b>', ra: 1, dec: 2 }]))
    const t = doc.tables[0]!
    expect(t.fields.map((f) => f.name)).toEqual(['target_name_in', 'target_index', 'ra', 'dec'])
    expect([t.value(0, 0), t.value(0, 1), t.value(0, 2), t.value(0, 3)]).toEqual(['a & <b>', 3, 1, 2])
  })

  it('posts the query and the table as multipart parts', async () => {
    const f = uploadForm('SELECT 1', '<VOTABLE/>')
    expect(f.get('UPLOAD')).toBe('targets,param:targets')
    expect(await (f.get('targets') as Blob).text()).toBe('<VOTABLE/>')
    expect(offersInlineUpload(['ivo://ivoa.net/std/TAPRegExt#upload-inline'])).toBe(true)
    expect(offersInlineUpload([])).toBe(false)
  })
})

describe('running chunks', () => {
  it('runs two at a time, skips the done ones and stops on cancel', async () => {
    let inFlight = 0
    let most = 0
    const done: number[] = []
    await runChunks(6, async (i) => {
      most = Math.max(most, ++inFlight)
      await new Promise((r) => setTimeout(r, 5))
      inFlight--
      return i
    }, { skip: new Set([1]), onDone: (i) => done.push(i) })
    expect(most).toBe(2)
    expect(done.sort()).toEqual([0, 2, 3, 4, 5])
    const ac = new AbortController()
    const seen: number[] = []
    await expect(runChunks(10, async (i) => { if (i === 2) ac.abort(); return i }, { signal: ac.signal, onDone: (i) => seen.push(i) })).rejects.toThrow()
    expect(seen.length).toBeLessThan(10)
  })
})

describe('coverage matrix and rows', () => {
  it('counts rows per target and group', () => {
    const m = coverageMatrix([['a', 1, 'MUSE'], ['a', 1, 'MUSE'], ['a', 1, 'UVES'], ['b', 2, 'UVES'], ['b', 2, null]], 0)
    expect(m.groups).toEqual(['MUSE', 'UVES', '(none)'])
    expect(m.counts.get(0)!.get('MUSE')).toBe(2)
    expect(m.counts.get(1)!.get('UVES')).toBe(1)
    const t = rowsTable([{ name: 'x', datatype: 'int' }], [[1], [null]])
    expect([t.value(0, 0), t.value(1, 0), t.rowCount]).toEqual([1, null, 2])
    expect(toCell(5n)).toBe(5)
    expect(toCell(new Float64Array([1, 2]))).toBe('1 2')
  })
})
