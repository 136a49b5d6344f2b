import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { QueryError, ServiceError } from '../errors'
import { parseVOTable } from '../votable'
import { parseServiceDescriptors, type ServiceDescriptor } from '../datalink'
import {
  angstromToMetres, bandInMetres, buildSodaRequest, checkSodaCutout, fetchCutout, filenameFromContentDisposition, fromMetres,
  micronsToMetres, nmToMetres, posValue,
} from './index'

const descriptor = (path: string, i = 0): ServiceDescriptor => parseServiceDescriptors(parseVOTable(readFileSync(new URL(path, import.meta.url))))[i]!
const eso = () => descriptor('../datalink/__fixtures__/eso-links.xml')
const cube = () => descriptor('../datalink/__fixtures__/dachs-dlmeta-muse-cube.xml')

function fakeHttp(res: () => Response): HttpClient {
  return new HttpClient({ proxy: new ProxyMap([], 'http://app.test'), fetchImpl: (async () => res()) as typeof fetch, defaultRetries: 0 })
}

describe('SODA requests from ESO descriptor', () => {
  it('sends the fixed ivo:// ID and a CIRCLE inside the footprint', () => {
    const r = buildSodaRequest(eso(), { circle: { ra: 88.7929, dec: 7.407, radius: 0.001 } })
    expect(r.params).toEqual([['ID', 'ivo://eso.org/ID?ADP.2026-08-19T13:19:07.647'], ['CIRCLE', '88.7929 7.407 0.001']])
    expect(r.url).toBe('https://dataportal.eso.org/dataPortal/soda/sync?ID=ivo://eso.org/ID?ADP.2026-08-19T13:19:07.647&CIRCLE=88.7929%207.407%200.001')
    expect(new URL(r.url).searchParams.get('CIRCLE')).toBe('88.7929 7.407 0.001')
    expect(r.warnings).toEqual([])
  })
  it('refuses what ESO does not offer and circles away from the footprint', () => {
    expect(() => buildSodaRequest(eso(), { band: [5e-7, 6e-7] })).toThrow(/does not offer BAND \(it takes CIRCLE\)/)
    expect(() => buildSodaRequest(eso(), { pos: { shape: 'circle', ra: 88.79, dec: 7.4, radius: 0.001 } })).toThrow(QueryError)
    expect(() => buildSodaRequest(eso(), { circle: { ra: 10, dec: 7.4, radius: 0.01 } })).toThrow(/does not overlap the dataset/)
  })
  it('checks coordinates and radius', () => {
    const msgs = checkSodaCutout(eso(), { circle: { ra: 400, dec: -95, radius: 0 } }).map((p) => p.message)
    expect(msgs).toEqual([
      'CIRCLE right ascension 400° is outside 0…360°',
      'CIRCLE declination -95° is outside −90…+90°',
      'CIRCLE radius 0° must be above 0 and at most 180°',
    ])
  })
})

describe('SODA requests from the DaCHS cube descriptor', () => {
  it('warns when BAND reaches past the cube, with the numbers in metres', () => {
    const r = buildSodaRequest(cube(), { band: [4.2e-7, 6e-7] })
    expect(r.warnings.map((w) => w.message)).toEqual(['BAND lower limit 4.2e-7 m is below the dataset\'s minimum 4.75e-7 m'])
    expect(r.params.at(-1)).toEqual(['BAND', '4.2e-7 6e-7'])
  })
  it('rejects a BAND wholly outside or backwards', () => {
    expect(() => buildSodaRequest(cube(), { band: [1e-7, 2e-7] })).toThrow("BAND 1e-7…2e-7 m lies outside the dataset's range 4.75e-7…9.304e-7 m")
    expect(() => buildSodaRequest(cube(), { band: [7e-7, 6e-7] })).toThrow('BAND lower limit 7e-7 m is above the upper limit 6e-7 m')
  })
  it('writes POS in its three forms and POLYGON, checked against the footprint', () => {
    const pos = { shape: 'range', ra: [154.402, 154.404], dec: [-46.413, -46.412] } as const
    expect(posValue(pos)).toBe('RANGE 154.402 154.404 -46.413 -46.412')
    expect(posValue({ shape: 'polygon', vertices: [[1, 2], [3, 4], [5, 6]] })).toBe('POLYGON 1 2 3 4 5 6')
    expect(posValue({ shape: 'circle', ra: 1, dec: 2, radius: 0.5 })).toBe('CIRCLE 1 2 0.5')
    expect(posValue({ shape: 'range', ra: [-Infinity, Infinity], dec: [0, 1] })).toBe('RANGE -Inf +Inf 0 1')
    const r = buildSodaRequest(cube(), { pos, polygon: [[154.402, -46.413], [154.404, -46.413], [154.403, -46.412]] })
    expect(r.params.map(([k]) => k)).toEqual(['ID', 'POLYGON', 'POS'])
    expect(() => buildSodaRequest(cube(), { polygon: [[1, 2], [3, 4]] })).toThrow('POLYGON needs at least 3 vertices, got 2')
    expect(() => buildSodaRequest(cube(), { pos: { shape: 'range', ra: [10, 11], dec: [0, 1] } })).toThrow(/POS does not overlap/)
  })
  it('checks other parameters against OPTIONs and MIN/MAX, and TIME/POL only when offered', () => {
    expect(() => buildSodaRequest(cube(), { other: { KIND: 'PIXELS' } })).toThrow('KIND "PIXELS" is not one of HEADER, DATA')
    expect(() => buildSodaRequest(cube(), { other: { SCALE: '64' } })).toThrow('SCALE 64 is above the maximum 32')
    expect(buildSodaRequest(cube(), { other: { KIND: 'HEADER' } }).params.at(-1)).toEqual(['KIND', 'HEADER'])
    expect(() => buildSodaRequest(cube(), { time: [59000, 59001] })).toThrow(/does not offer TIME/)
    expect(() => buildSodaRequest(cube(), { pol: ['I'] })).toThrow(/does not offer POL/)
  })
  it('takes the ID from a row-bound descriptor, or fails without one', () => {
    const doc = parseVOTable(readFileSync(new URL('../ssap/__fixtures__/dachs-ssap-xshooter.xml', import.meta.url)))
    const d = parseServiceDescriptors(doc)[1]!
    const r = buildSodaRequest(d, { band: [6e-7, 6.5e-7], other: { FORMAT: 'text/csv' } }, { row: { table: doc.tables[0]!, index: 0 } })
    expect(r.params).toEqual([['ID', 'ivo://eso.localtest/ID?ADP.2021-05-20T14:40:06.006'], ['BAND', '6e-7 6.5e-7'], ['FORMAT', 'text/csv']])
    expect(() => buildSodaRequest(d, { band: [6e-7, 6.5e-7] })).toThrow(/needs a dataset ID/)
  })
  it('TIME and POL against a hand-made descriptor', () => {
    const d: ServiceDescriptor = {
      accessUrl: 'http://s/sync', kind: 'soda-sync',
      inputParams: [
        { name: 'ID', datatype: 'char', fixedValue: 'x', source: undefined as never },
        { name: 'TIME', datatype: 'double', arraysize: '2', xtype: 'interval', unit: 'd', min: [59000], max: [59010], source: undefined as never },
        { name: 'POL', datatype: 'char', arraysize: '*', source: undefined as never },
      ],
    }
    expect(buildSodaRequest(d, { time: [59001, 59002], pol: ['I', 'V'] }).params).toEqual([['ID', 'x'], ['TIME', '59001 59002'], ['POL', 'I'], ['POL', 'V']])
    expect(() => buildSodaRequest(d, { pol: ['Z'] })).toThrow(/POL "Z" is not one of I, Q/)
    expect(checkSodaCutout(d, { time: [58990, 59005] })[0]!.message).toBe("TIME lower limit 58990 d is below the dataset's minimum 59000 d")
  })
})

describe('wavelength units', () => {
  it('converts nm, µm and Å to metres without float noise', () => {
    expect(nmToMetres(475)).toBe(4.75e-7)
    expect(micronsToMetres(2.2)).toBe(2.2e-6)
    expect(angstromToMetres(6563)).toBe(6.563e-7)
    expect(bandInMetres(640, 670, 'nm')).toEqual([6.4e-7, 6.7e-7])
    expect(fromMetres(4.75e-7, 'Å')).toBe(4750)
  })
})

describe('fetchCutout', () => {
  const req = buildSodaRequest(eso(), { circle: { ra: 88.7929, dec: 7.407, radius: 0.001 } })
  it('returns the response and the filename of Content-Disposition', async () => {
    const http = fakeHttp(() => new Response('SIMPLE  =', { headers: { 'Content-Type': 'image/fits', 'Content-Disposition': 'attachment; filename="ADP.x_cut.fits"' } }))
    const r = await fetchCutout(http, req)
    expect(r.filename).toBe('ADP.x_cut.fits')
    expect(await r.response.text()).toBe('SIMPLE  =')
  })
  it('makes a filename from the ID when the service gives none', async () => {
    const r = await fetchCutout(fakeHttp(() => new Response('x', { headers: { 'Content-Type': 'image/fits' } })), req)
    expect(r.filename).toBe('ADP.2026-08-19T13_19_07.647_cutout.fits')
  })
  it("turns a 422 text body into a QueryError with the server's words, a 204 into 'empty'", async () => {
    const e = await fetchCutout(fakeHttp(() => new Response("UsageError: Field CIRCLE: 'abc' is not a valid literal for CIRCLE", { status: 422, headers: { 'Content-Type': 'text/plain' } })), req).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(QueryError)
    expect((e as Error).message).toContain("Field CIRCLE: 'abc' is not a valid literal")
    const empty = await fetchCutout(fakeHttp(() => new Response(null, { status: 204 })), req).catch((x: unknown) => x)
    expect((empty as Error).message).toMatch(/empty/)
  })
  it('reads VOTable errors, even with status 200, and HTML error pages', async () => {
    const vot = '<VOTABLE><RESOURCE type="results"><INFO name="QUERY_STATUS" value="ERROR">ID not found</INFO></RESOURCE></VOTABLE>'
    const e1 = await fetchCutout(fakeHttp(() => new Response(vot, { headers: { 'Content-Type': 'application/x-votable+xml', 'Content-Length': String(vot.length) } })), req).catch((x: unknown) => x)
    expect(e1).toBeInstanceOf(ServiceError)
    expect((e1 as Error).message).toBe('The cutout failed: ID not found')
    const html = '<html><head><title>Not Found</title></head><body><h1>x</h1><div class="errmsg">No product with this ID (pubDID: ivo://x)</div></body></html>'
    const e2 = await fetchCutout(fakeHttp(() => new Response(html, { status: 404, headers: { 'Content-Type': 'text/html' } })), req).catch((x: unknown) => x)
    expect((e2 as Error).message).toBe('The cutout failed (HTTP 404): No product with this ID (pubDID: ivo://x)')
    const e3 = await fetchCutout(fakeHttp(() => new Response(vot, { status: 400, headers: { 'Content-Type': 'application/x-votable+xml' } })), req).catch((x: unknown) => x)
    expect(e3).toBeInstanceOf(QueryError)
    expect((e3 as Error).message).toBe('ID not found')
  })
  it('parses Content-Disposition forms', () => {
    expect(filenameFromContentDisposition('attachment; filename=ADP.2021-05-10T12:00:01_proc.fits')).toBe('ADP.2021-05-10T12:00:01_proc.fits')
    expect(filenameFromContentDisposition("attachment; filename*=UTF-8''cut%20out.fits; filename=\"x.fits\"")).toBe('cut out.fits')
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd')
    expect(filenameFromContentDisposition('inline')).toBeUndefined()
  })
})
