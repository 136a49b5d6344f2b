// Runs against the real local archive (DaCHS on loopback), which `npm test` starts first.
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { QueryError } from '../errors'
import { deleteJob, getJob, listJobs } from '../uws'
import { awaitAsyncResult, runSync, submitAsync } from './index'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const TAP = `${ARCHIVE}/tap`
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })

function columnIndex(fields: { name: string }[], name: string): number {
  return fields.findIndex((f) => f.name.toLowerCase() === name)
}

describe('TAP against the local archive', () => {
  it('runs a sync query and reads the VOTable by column', async () => {
    const r = await runSync(http, TAP, { query: 'SELECT TOP 5 obs_publisher_did, s_ra, s_dec FROM ivoa.ObsCore ORDER BY obs_publisher_did' })
    expect(r.table.rowCount).toBe(5)
    expect(r.overflow).toBe(false)
    const ra = columnIndex(r.table.fields, 's_ra')
    expect(r.table.fields[ra]!.unit).toBe('deg')
    for (let i = 0; i < 5; i++) {
      const v = r.table.value(i, ra)
      expect(typeof v).toBe('number')
      expect(v as number).toBeGreaterThanOrEqual(0)
      expect(v as number).toBeLessThan(360)
    }
  })

  it('reports overflow at MAXREC as a status, not an error', async () => {
    const r = await runSync(http, TAP, { query: 'SELECT obs_id FROM ivoa.ObsCore', maxrec: 3 })
    expect(r.table.rowCount).toBe(3)
    expect(r.overflow).toBe(true)
  })

  it("turns a rejected query into a QueryError with the server's message", async () => {
    const err = await runSync(http, TAP, { query: 'SELECT no_such_column FROM ivoa.ObsCore' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(QueryError)
    expect((err as Error).message).toMatch(/no_such_column/i)
  })

  it('runs an async job to completion, lists it, and deletes it', async () => {
    const phases: string[] = []
    const { url } = await submitAsync(http, TAP, { query: 'SELECT TOP 7 obs_id FROM ivoa.ObsCore' }, { runId: 'vitest' })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:18080\/.+\/async\/[^/]+$/)
    const r = await awaitAsyncResult(http, url, { onUpdate: (j) => phases.push(j.phase) })
    expect(r.table.rowCount).toBe(7)
    expect(phases.at(-1)).toBe('COMPLETED')
    const jobId = url.split('/').pop()!
    expect((await listJobs(http, `${TAP}/async`)).some((j) => j.jobId === jobId)).toBe(true)
    await deleteJob(http, url)
    await expect(getJob(http, url)).rejects.toMatchObject({ kind: 'http', status: 404 })
  })

  it("reports an async job that fails with the server's message", async () => {
    const { url } = await submitAsync(http, TAP, { query: 'SELECT no_such_column FROM ivoa.ObsCore' })
    const err = await awaitAsyncResult(http, url).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(QueryError)
    expect((err as Error).message).toMatch(/no_such_column/i)
    await deleteJob(http, url)
  })
})
