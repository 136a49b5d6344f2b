// Runs against the real local archive (DaCHS on loopback), which `npm test` starts first.
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { QueryError } from '../errors'
import { fetchLinks, type ServiceDescriptor } from '../datalink'
import { buildSodaRequest, fetchCutout, nmToMetres } from './index'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })

async function sodaDescriptor(dpId: string): Promise<ServiceDescriptor> {
  const r = await fetchLinks(http, { dpId }, { baseUrl: `${ARCHIVE}/eso/q/dl/dlmeta`, idTemplate: 'ivo://eso.localtest/ID?{dp_id}' })
  const d = r.descriptors.find((x) => x.kind === 'soda-sync')
  if (!d) throw new Error(`no SODA descriptor for ${dpId}`)
  return d
}

const magic = (b: ArrayBuffer) => new TextDecoder().decode(b.slice(0, 9))

describe('SODA against the local archive', () => {
  it('cuts a circle out of the FORS2 image: a FITS file smaller than the original', async () => {
    const d = await sodaDescriptor('ADP.2021-05-10T12:00:01.001')
    const req = buildSodaRequest(d, { circle: { ra: 265.1755, dec: -53.6744, radius: 0.005 } })
    const r = await fetchCutout(http, req)
    const bytes = await r.response.arrayBuffer()
    expect(magic(bytes)).toBe('SIMPLE  =')
    expect(bytes.byteLength).toBeLessThan(167040)
    expect(r.filename).toMatch(/\.fits$/)
  })

  it('cuts a POS RANGE and a POLYGON', async () => {
    const d = await sodaDescriptor('ADP.2021-05-10T12:00:01.001')
    for (const c of [
      { pos: { shape: 'range', ra: [265.17, 265.18], dec: [-53.68, -53.67] } as const },
      { polygon: [[265.17, -53.68], [265.18, -53.68], [265.18, -53.67]] as [number, number][] },
    ]) {
      const bytes = await (await fetchCutout(http, buildSodaRequest(d, c))).response.arrayBuffer()
      expect(magic(bytes)).toBe('SIMPLE  =')
      expect(bytes.byteLength).toBeLessThan(167040)
    }
  })

  it('cuts a BAND (given in nm) out of the MUSE cube', async () => {
    const d = await sodaDescriptor('ADP.2020-03-01T10:20:04.004')
    const req = buildSodaRequest(d, { band: [nmToMetres(640), nmToMetres(670)] })
    expect(req.params.at(-1)).toEqual(['BAND', '6.4e-7 6.7e-7'])
    const bytes = await (await fetchCutout(http, req)).response.arrayBuffer()
    expect(magic(bytes)).toBe('SIMPLE  =')
    expect(bytes.byteLength).toBeLessThan(1008000)
  })

  it('cuts a spectrum by BAND into CSV through the spectra SODA service', async () => {
    const links = await fetchLinks(http, { id: 'ivo://eso.localtest/ID?ADP.2021-05-20T14:40:06.006' }, { baseUrl: `${ARCHIVE}/eso/q/dl/dlmeta` })
    const d = links.descriptors.find((x) => x.kind === 'soda-sync')!
    expect(d.accessUrl).toContain('/eso/q/sdl/dlget')
    const r = await fetchCutout(http, buildSodaRequest(d, { band: [6e-7, 6.5e-7], other: { FORMAT: 'text/csv' } }))
    expect(r.contentType).toMatch(/text\/csv/)
    expect(r.filename).toMatch(/\.csv$/)
    expect(await r.response.text()).toMatch(/^# accref = /)
  })

  it("passes the server's refusal on as a QueryError", async () => {
    const d = await sodaDescriptor('ADP.2021-05-10T12:00:01.001')
    // a hand-written request the client would not build: the server's own words must come through
    const req = { ...buildSodaRequest(d, {}), url: `${d.accessUrl}?ID=${encodeURIComponent(d.inputParams[0]!.fixedValue!)}&CIRCLE=abc` }
    const e = await fetchCutout(http, req).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(QueryError)
    expect((e as Error).message).toContain("'abc' is not a valid literal for CIRCLE")
    const miss = { ...req, url: `${d.accessUrl}?ID=${encodeURIComponent(d.inputParams[0]!.fixedValue!)}&CIRCLE=10%2010%200.005` }
    await expect(fetchCutout(http, miss)).rejects.toThrow(/empty/)
  })
})
