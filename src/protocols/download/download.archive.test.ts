// Runs against the real local archive (DaCHS on loopback), which `npm test` starts first.
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { runSync } from '../tap'
import { downloadTargets, resolveFiles } from './index'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })
const IDS = ['ADP.2021-05-10T12:00:01.001', 'ADP.2018-11-02T11:30:05.005', 'ADP.2020-03-01T10:20:04.004']

describe('bulk download against the local archive', () => {
  it('resolves ObsCore rows through their DataLink to #this files with sizes, a few at a time', async () => {
    const { table } = await runSync(http, `${ARCHIVE}/tap`, {
      query: `SELECT dp_id, access_url, access_format, access_estsize FROM ivoa.ObsCore WHERE dp_id IN (${IDS.map((i) => `'${i}'`).join(', ')}) ORDER BY dp_id`,
    })
    const progress: number[] = []
    const r = await resolveFiles(http, downloadTargets(table, [0, 1, 2]), { concurrency: 2, onProgress: (done) => progress.push(done) })
    expect(progress).toEqual([1, 2, 3])
    expect(r.unresolved).toEqual([])
    expect(r.files.map((f) => f.label).sort()).toEqual([...IDS].sort())
    for (const f of r.files) {
      const res = await fetch(f.url)
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect(new TextDecoder().decode(bytes.subarray(0, 30))).toMatch(/^SIMPLE {2}=\s+T/)
      // DataLink's content_length is the file's size
      expect(bytes.length).toBe(f.size)
    }
  })

  it('reports a row whose DataLink has no file, with the service message', async () => {
    const { table } = await runSync(http, `${ARCHIVE}/tap`, {
      query: "SELECT TOP 1 dp_id, access_url, access_format FROM ivoa.ObsCore WHERE dataproduct_type = 'measurements'",
    })
    const r = await resolveFiles(http, downloadTargets(table, [0]))
    expect(r.files).toEqual([])
    expect(r.unresolved[0]!.reason).toMatch(/NotFoundFault/)
  })
})
