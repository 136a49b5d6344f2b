import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { QueryError } from '../errors'
import { parseVOTable } from '../votable'
import { notebookVOTable } from '../datalink/__fixtures__/notebook-votable'
import { mjdToIso, spectrumColumns, spectrumRecord, ssapParams, ssapQuery } from './index'

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url)

describe('SSAP key columns', () => {
  it("reads ESO's 44-column SSAP rows by ESO's names (notebook reconstruction, NGC 4993)", () => {
    const doc = parseVOTable(notebookVOTable(fixture('ssap_queryData_NGC4993_SIZE0.5_first5rows.json')))
    const t = doc.tables[0]!
    expect(t.rowCount).toBe(5)
    const rec = spectrumRecord(t, 0)
    expect(rec).toMatchObject({
      dpId: 'ADP.2017-08-11T02:12:48.569',
      publisherDid: 'ivo://eso.org/ID?ADP.2017-08-11T02:12:48.569',
      accessUrl: 'https://dataportal.eso.org/dataPortal/file/ADP.2017-08-11T02:12:48.569',
      datalinkUrl: 'http://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.2017-08-11T02:12:48.569',
      targetName: 'Q1311-tellur HIP64271 A0V',
      instrument: 'XSHOOTER',
      collection: 'XSHOOTER',
      format: 'application/x-fits-bintable',
      ra: 197.587964,
      dec: -23.62509,
      emMin: 5.336599999999999e-7,
      emMax: 1.02e-6,
      snr: 303,
      resolvingPower: 8935,
      tMin: 56446.98552956,
      tMid: 56446.986189795,
      exposureTime: 16,
      size: 1330000,
    })
  })

  it("reads DaCHS's ssa_* columns through utypes/UCDs and converts units", () => {
    const doc = parseVOTable(readFileSync(fixture('dachs-ssap-xshooter.xml')))
    const t = doc.tables[0]!
    const cols = spectrumColumns(t)
    expect(t.fields[cols.accessUrl!]!.name).toBe('accref')
    expect(t.fields[cols.publisherDid!]!.name).toBe('ssa_pubDID')
    const rec = spectrumRecord(t, 0, cols)
    expect(rec).toMatchObject({
      dpId: 'ADP.2021-05-20T14:40:06.006',
      publisherDid: 'ivo://eso.localtest/ID?ADP.2021-05-20T14:40:06.006',
      targetName: 'NGC 6397 star 1',
      emMin: 5.5e-7,
      emMax: 1.02e-6,
      snr: 40,
      size: 31680,
      format: 'application/fits',
      instrument: 'XSHOOTER',
    })
    expect(rec.ra).toBeCloseTo(265.176, 4)
    expect(rec.dec).toBeCloseTo(-53.674, 4)
    expect(rec.resolvingPower).toBeUndefined()
  })

  it('falls back to the position array, converts nm and kbyte, skips NaN', () => {
    const doc = parseVOTable(`<VOTABLE><RESOURCE type="results"><TABLE>
      <FIELD name="pos" datatype="double" arraysize="2" utype="ssa:Char.SpatialAxis.Coverage.Location.Value"/>
      <FIELD name="lo" datatype="double" unit="nm" ucd="em.wl;stat.min"/>
      <FIELD name="snr" datatype="double" utype="ssa:Derived.SNR"/>
      <FIELD name="bytes" datatype="long" unit="kbyte" utype="ssa:Access.Size"/>
      <DATA><TABLEDATA><TR><TD>10.5 -20.25</TD><TD>475</TD><TD>NaN</TD><TD>2</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`)
    expect(spectrumRecord(doc.tables[0]!, 0)).toEqual({ ra: 10.5, dec: -20.25, emMin: 4.75e-7, size: 2000 })
  })
})

describe('SSAP parameters', () => {
  it('writes POS, SIZE, BAND lo/hi, TIME as ISO (from MJD), MAXREC and FORMAT', () => {
    expect(ssapParams({ pos: { ra: 265.176, dec: -53.674 }, size: 0.01, band: [5e-7, 6e-7], time: [59339, '2021-05-06T00:00:00'], maxrec: 10, format: 'fits' })).toEqual([
      ['REQUEST', 'queryData'], ['POS', '265.176,-53.674'], ['SIZE', '0.01'], ['BAND', '5e-7/6e-7'],
      ['TIME', '2021-05-05T00:00:00/2021-05-06T00:00:00'], ['MAXREC', '10'], ['FORMAT', 'fits'],
    ])
    expect(mjdToIso(59339.255208333336)).toBe('2021-05-05T06:07:30')
    expect(ssapParams({ pos: { ra: 1, dec: 2 }, size: 1, band: [-Infinity, 6e-7] })[3]).toEqual(['BAND', '/6e-7'])
  })
  it('refuses a missing position, a non-positive size or a backwards band', () => {
    expect(() => ssapParams({ pos: { ra: NaN, dec: 0 }, size: 1 })).toThrow(QueryError)
    expect(() => ssapParams({ pos: { ra: 0, dec: 0 }, size: 0 })).toThrow(/diameter/)
    expect(() => ssapParams({ pos: { ra: 0, dec: 0 }, size: 1, band: [2, 1] })).toThrow(/BAND lower limit/)
  })
  it('turns QUERY_STATUS=ERROR into a QueryError with the service text', async () => {
    const body = '<VOTABLE><RESOURCE type="results"><INFO name="QUERY_STATUS" value="ERROR">Field range within POS: bad</INFO></RESOURCE></VOTABLE>'
    const http = new HttpClient({ proxy: new ProxyMap([], 'http://app.test'), fetchImpl: (async () => new Response(body)) as typeof fetch })
    await expect(ssapQuery(http, 'http://archive.eso.org/ssap', { pos: { ra: 1, dec: 1 }, size: 1 })).rejects.toThrow('Field range within POS: bad')
  })
})
