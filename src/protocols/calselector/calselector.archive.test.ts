// Runs against the real local archive (DaCHS on loopback), which `npm test` starts first.
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { classifySemantics, fetchLinks } from '../datalink'
import { fetchCalibrations, fetchCalibrationsFromLink } from './index'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })
const opts = { baseUrl: `${ARCHIVE}/eso/q/calselector/dlmeta`, style: 'datalink' as const, idTemplate: 'ivo://eso.localtest/ID?{dp_id}' }

describe('calSelector against the local archive (DataLink style)', () => {
  it('lists the raw calibrations of a FORS2 science frame', async () => {
    const r = await fetchCalibrations(http, { dpId: 'FORS2.2021-05-04T05:10:01.000', mode: 'Raw2Raw' }, opts)
    expect(r.modeRun).toBe('Raw2Raw')
    expect(r.fellBack).toBe(false)
    expect(r.cascade).toMatchObject({ category: 'SCI', certified: true, complete: true })
    expect(r.calibrations.length).toBeGreaterThan(0)
    for (const c of r.calibrations) expect(c.accessUrl).toMatch(/\/eso\/q\/files\/static\/raw\/FORS2\..+\.fits$/)
  })

  it('flags the fallback when Raw2Master is asked of a service that only runs Raw2Raw', async () => {
    const r = await fetchCalibrations(http, { dpId: 'FORS2.2021-05-04T05:10:01.000', mode: 'Raw2Master' }, opts)
    expect(r.requestedMode).toBe('Raw2Master')
    expect(r.fellBack).toBe(true)
  })

  it('follows the calSelector link of the raw-frame DataLink', async () => {
    const raw = await fetchLinks(http, { dpId: 'FORS2.2021-05-04T05:10:01.000' }, { baseUrl: `${ARCHIVE}/eso/q/rawdl/dlmeta`, idTemplate: opts.idTemplate })
    const link = raw.rows.find((x) => classifySemantics(x) === 'calselector')!
    const r = await fetchCalibrationsFromLink(http, link)
    expect(r.requestedMode).toBe('Raw2Raw')
    expect(r.calibrations.map((c) => c.accessUrl)).toEqual(raw.rows.filter((x) => x.semantics === '#calibration').map((x) => x.accessUrl))
  })

  it('gives a NotFoundFault row and no cascade for an unknown frame', async () => {
    const r = await fetchCalibrations(http, { dpId: 'FORS2.1999-01-01T00:00:00.000', mode: 'Raw2Raw' }, opts)
    expect(r.cascade).toBeUndefined()
    expect(r.calibrations).toEqual([])
    expect(r.rows[0]!.errorMessage).toMatch(/NotFoundFault/)
  })
})
