// Runs against the real local archive (DaCHS on loopback), which `npm test` starts first.
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { bindInputParams, fetchLinks } from '../datalink'
import { ssapQuery } from './index'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const SSAP = `${ARCHIVE}/eso/q/ssap/ssap.xml`
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })
const pos = { ra: 265.176, dec: -53.674 }

describe('SSAP against the local archive', () => {
  it('finds the XSHOOTER spectrum by POS/SIZE, with typed key columns', async () => {
    const r = await ssapQuery(http, SSAP, { pos, size: 0.01 })
    expect(r.overflow).toBe(false)
    expect(r.spectra).toHaveLength(1)
    expect(r.spectra[0]).toMatchObject({ dpId: 'ADP.2021-05-20T14:40:06.006', instrument: 'XSHOOTER', emMin: 5.5e-7 })
    expect(r.spectra[0]!.accessUrl).toMatch(/\/getproduct\/eso\/data\/spec\/ADP\.2021-05-20T14_40_06\.006\.fits$/)
  })

  // DaCHS reads SIZE as a radius (it refuses more than 90°); SSAP 1.04 and ESO call it the diameter
  it('reports overflow at MAXREC=1', async () => {
    const r = await ssapQuery(http, SSAP, { pos, size: 90, maxrec: 1 })
    expect(r.table.rowCount).toBe(1)
    expect(r.overflow).toBe(true)
  })

  it('filters by BAND and by TIME given as MJD', async () => {
    expect((await ssapQuery(http, SSAP, { pos, size: 0.5, band: [5e-7, 6e-7] })).spectra).toHaveLength(1)
    expect((await ssapQuery(http, SSAP, { pos, size: 0.5, band: [1e-5, 2e-5] })).spectra).toHaveLength(0)
    expect((await ssapQuery(http, SSAP, { pos, size: 0.5, time: [59339, 59340] })).spectra).toHaveLength(1)
    expect((await ssapQuery(http, SSAP, { pos, size: 0.5, time: [58849, 58880] })).spectra).toHaveLength(0)
  })

  it('binds the row-bound DataLink descriptor of a result row and follows it', async () => {
    const r = await ssapQuery(http, SSAP, { pos, size: 0.01 })
    const dl = r.descriptors.find((d) => d.kind === 'datalink')!
    const { ID } = bindInputParams(dl, { table: r.table, index: 0 })
    const links = await fetchLinks(http, { id: ID! }, { baseUrl: dl.accessUrl })
    expect(links.rows.some((x) => x.semantics === '#this')).toBe(true)
  })
})
