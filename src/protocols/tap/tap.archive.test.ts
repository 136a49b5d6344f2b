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

  it('reads the same rows with GET and in every VOTable serialisation', async () => {
    const query = 'SELECT TOP 4 obs_id, s_dec, calib_level FROM ivoa.ObsCore ORDER BY obs_id'
    const base = await runSync(http, TAP, { query })
    for (const variant of [{ method: 'GET' as const }, { format: 'votable/td' }, { format: 'votable/b2' }]) {
      const r = await runSync(http, TAP, { query, ...variant })
      expect(r.table.rowCount).toBe(4)
      for (let i = 0; i < 4; i++) for (let c = 0; c < 3; c++) expect(r.table.value(i, c)).toEqual(base.table.value(i, c))
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
    // DaCHS runs each async job in a process of its own: seconds on a 2-core machine busy with the other test files
  }, 30_000)

  it("reports an async job that fails with the server's message", async () => {
    const { url } = await submitAsync(http, TAP, { query: 'SELECT no_such_column FROM ivoa.ObsCore' })
    const err = await awaitAsyncResult(http, url).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(QueryError)
    expect((err as Error).message).toMatch(/no_such_column/i)
    await deleteJob(http, url)
  }, 30_000)
})

describe('TAP metadata of the local archive', () => {
  it('reads the capabilities: ADQL 2.1, MAXREC default and hard limit', async () => {
    const { fetchCapabilities } = await import('./index')
    const caps = await fetchCapabilities(http, TAP)
    expect(caps.adqlVersions).toContain('2.1')
    expect(caps.outputLimit.default).toBeGreaterThan(0)
    expect(caps.outputLimit.hard).toBeGreaterThanOrEqual(caps.outputLimit.default!)
  })

  it('reads TAP_SCHEMA: ObsCore with units, UCDs and descriptions, and the ESO tables', async () => {
    const { fetchTapSchema } = await import('./index')
    const schema = await fetchTapSchema(http, TAP)
    const names = schema.tables.map((t) => t.name.toLowerCase())
    for (const t of ['ivoa.obscore', 'dbo.raw', 'asm.meteo_paranal', 'safcat.kids_dr4_cat']) expect(names).toContain(t)
    const obscore = schema.tables.find((t) => t.name.toLowerCase() === 'ivoa.obscore')!
    const sra = obscore.columns.find((c) => c.name === 's_ra')!
    expect(sra.unit).toBe('deg')
    expect(sra.ucd).toMatch(/^pos\.eq\.ra/)
    expect(obscore.columns.find((c) => c.name === 'dp_id')?.description).toBeTruthy()
    expect(obscore.columns.length).toBeGreaterThanOrEqual(55)
  })
})

describe('UWS job management on the local archive', () => {
  it('changes destruction time and execution duration, filters the job list by phase, aborts a pending job', async () => {
    const { createJob, setDestruction, setExecutionDuration, listJobs: list, abortJob, getJob: get, deleteJob: del } = await import('../uws')
    const { url, job } = await createJob(http, `${TAP}/async`, { REQUEST: 'doQuery', LANG: 'ADQL', QUERY: 'SELECT TOP 1 obs_id FROM ivoa.ObsCore' })
    expect(job.phase).toBe('PENDING')
    const when = new Date(Date.now() + 3 * 86400_000)
    const d = await setDestruction(http, url, when)
    expect(Math.abs(Date.parse(d.destruction! + (d.destruction!.endsWith('Z') ? '' : 'Z')) - when.getTime())).toBeLessThan(2000)
    const e = await setExecutionDuration(http, url, 120)
    expect(e.executionDuration).toBe(120)
    const pending = await list(http, `${TAP}/async`, { phase: ['PENDING'] })
    const jobId = url.split('/').pop()!
    expect(pending.some((j) => j.jobId === jobId)).toBe(true)
    expect(pending.every((j) => j.phase === 'PENDING')).toBe(true)
    await abortJob(http, url)
    expect((await get(http, url)).phase).toBe('ABORTED')
    await del(http, url)
  })
})
