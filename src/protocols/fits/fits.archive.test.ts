// Runs against the real local archive (DaCHS on loopback), which `npm test` starts first.
import { describe, expect, it } from 'vitest'
import { HttpClient, HttpError } from '../http'
import { ProxyMap } from '../proxy'
import { ssapQuery } from '../ssap'
import { readHdus, readSpectrum } from './index'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })
const spec = (dpId: string) => `${ARCHIVE}/getproduct/eso/data/spec/${dpId.replace(/:/g, '_')}.fits`

describe('spectra of the local archive', () => {
  it.each([
    ['ADP.2018-11-02T11:30:05.005', 2000, 4800, 6800],
    ['ADP.2021-05-20T14:40:06.006', 1500, 5500, 10200],
  ])('reads the ESO SDP spectrum %s (WAVE, FLUX, ERR in one row)', async (dpId, n, lo, hi) => {
    const bytes = await (await http.request(spec(dpId))).arrayBuffer()
    const s = readSpectrum(bytes)
    expect(s).toMatchObject({ layout: 'table-arrays', hdu: 1, wavelengthUnit: 'angstrom', fluxUnit: 'erg.cm**(-2).s**(-1).angstrom**(-1)' })
    expect(readHdus(bytes)[1]!.header.number('NELEM')).toBe(n)
    expect([s.wavelength.length, s.flux.length, s.error!.length]).toEqual([n, n, n])
    expect(s.wavelength[0]).toBeCloseTo(lo, 6)
    expect(s.wavelength[n - 1]).toBeCloseTo(hi, 6)
    expect(s.wavelength.every((w, i) => i === 0 || w > s.wavelength[i - 1]!)).toBe(true)
    expect(s.error!.every((e) => e > 0)).toBe(true)
    // the synthetic continuum is about 1e-13 erg/s/cm2/Å
    const median = Float64Array.from(s.flux).sort()[n >> 1]!
    expect(median).toBeGreaterThan(1e-14)
    expect(median).toBeLessThan(1e-12)
  })

  it('reads the file an SSAP result row points to', async () => {
    const r = await ssapQuery(http, `${ARCHIVE}/eso/q/ssap/ssap.xml`, { pos: { ra: 26.017, dec: -15.9375 }, size: 0.01 })
    const s = readSpectrum(await (await http.request(r.spectra[0]!.accessUrl!)).arrayBuffer())
    expect(s.wavelength.length).toBe(2000)
  })

  it('is refused the embargoed spectrum without credentials', async () => {
    const e = await http.request(spec('ADP.2019-01-15T15:50:07.007'), { retries: 0 }).catch((x) => x)
    expect(e).toBeInstanceOf(HttpError)
    expect((e as HttpError).status).toBe(401)
  })
})
