// Runs against the real local archive (DaCHS on loopback), which `npm test` starts first.
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { classifySemantics, fetchLinks, linkErrors } from './index'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const DL = `${ARCHIVE}/eso/q/dl/dlmeta`
const TEMPLATE = 'ivo://eso.localtest/ID?{dp_id}'
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })

describe('DataLink against the local archive', () => {
  it('lists the FORS2 image links from a dp_id, with the SODA descriptor behind #proc', async () => {
    const r = await fetchLinks(http, { dpId: 'ADP.2021-05-10T12:00:01.001' }, { baseUrl: DL, idTemplate: TEMPLATE })
    const groups = r.rows.map((x) => classifySemantics(x, r.descriptors))
    expect(groups.filter((g) => g === 'this')).toHaveLength(1)
    expect(groups).toEqual(expect.arrayContaining(['progenitor', 'auxiliary', 'preview', 'cutout']))
    const self = r.rows.find((x) => x.semantics === '#this')!
    expect(self.accessUrl).toMatch(/\/getproduct\/eso\/data\/img\/ADP\.2021-05-10T12_00_01\.001\.fits$/)
    expect(self.contentLength).toBeGreaterThan(0)
    const cutout = r.rows.find((x) => x.serviceDef)!
    const d = r.descriptors.find((x) => x.id === cutout.serviceDef)!
    expect(d.kind).toBe('soda-sync')
    expect(d.accessUrl).toBe(`${ARCHIVE}/eso/q/dl/dlget`)
  })

  it('follows the redirect of a spectrum to the spectra DataLink service', async () => {
    const r = await fetchLinks(http, { id: 'ivo://eso.localtest/ID?ADP.2021-05-20T14:40:06.006' }, { baseUrl: DL })
    expect(r.url).toContain('/eso/q/sdl/dlmeta')
    expect(r.descriptors[0]!.inputParams.map((p) => p.name)).toEqual(expect.arrayContaining(['BAND', 'FORMAT']))
  })

  it('returns the NotFoundFault of an unknown product as an error row', async () => {
    const r = await fetchLinks(http, { dpId: 'ADP.1999-01-01T00:00:00.000' }, { baseUrl: DL, idTemplate: TEMPLATE })
    expect(r.rows).toHaveLength(1)
    expect(classifySemantics(r.rows[0]!)).toBe('error')
    expect(linkErrors(r)[0]).toMatch(/NotFoundFault/)
  })

  it('lists a raw frame: #this, #calibration and the calSelector link', async () => {
    const r = await fetchLinks(http, { dpId: 'FORS2.2021-05-04T05:10:01.000' }, { baseUrl: `${ARCHIVE}/eso/q/rawdl/dlmeta`, idTemplate: TEMPLATE })
    const groups = new Set(r.rows.map((x) => classifySemantics(x)))
    expect([...groups].sort()).toEqual(['calibration', 'calselector', 'this'])
  })
})
