import { describe, expect, it } from 'vitest'
import { parseVOTable } from '../votable'
import { notebookVOTable } from '../datalink/__fixtures__/notebook-votable'
import { downloadTargets } from './index'

const votable = (fields: string, rows: string[][]) =>
  parseVOTable(`<?xml version="1.0"?><VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><TABLE>${fields}<DATA><TABLEDATA>${rows
    .map((r) => `<TR>${r.map((c) => `<TD>${c}</TD>`).join('')}</TR>`)
    .join('')}</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`).tables[0]!

describe('downloadTargets', () => {
  it('takes the DataLink access_url of ObsCore rows, and the dp_id as label', () => {
    const t = votable(
      '<FIELD name="dp_id" datatype="char" arraysize="*"/><FIELD name="access_url" datatype="char" arraysize="*"/><FIELD name="access_format" datatype="char" arraysize="*"/><FIELD name="access_estsize" datatype="long" unit="kbyte"/>',
      [
        ['ADP.1', 'https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.1', 'application/x-votable+xml;content=datalink', '120'],
        ['ADP.2', 'https://dataportal.eso.org/dataPortal/file/ADP.2', 'application/fits', '2'],
        ['ADP.3', '', '', ''],
      ],
    )
    expect(downloadTargets(t, [0, 1, 2])).toEqual([
      { row: 0, label: 'ADP.1', datalink: { url: 'https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.1' }, estimatedSize: 120000 },
      // ESO's access_estsize is in kbyte
      { row: 1, label: 'ADP.2', file: { url: 'https://dataportal.eso.org/dataPortal/file/ADP.2', size: 2000, contentType: 'application/fits' }, estimatedSize: 2000 },
      { row: 2, label: 'ADP.3', datalink: { dpId: 'ADP.3' } },
    ])
  })

  it('prefers datalink_url (dbo.raw, ESO SSAP) over a direct file, and reads DaCHS SSAP accref/accsize in bytes', () => {
    const raw = votable('<FIELD name="dp_id" datatype="char" arraysize="*"/><FIELD name="datalink_url" datatype="char" arraysize="*"/><FIELD name="access_url" datatype="char" arraysize="*"/>', [
      ['FORS2.1', 'http://h/rawdl/dlmeta?ID=x', 'http://h/file/FORS2.1'],
    ])
    expect(downloadTargets(raw, [0])[0]).toEqual({ row: 0, label: 'FORS2.1', datalink: { url: 'http://h/rawdl/dlmeta?ID=x' } })
    const ssa = votable('<FIELD name="ssa_pubDID" datatype="char" arraysize="*"/><FIELD name="accref" datatype="char" arraysize="*"/><FIELD name="mime" datatype="char" arraysize="*"/><FIELD name="accsize" datatype="long" unit="byte"/>', [
      ['ivo://x/ID?ADP.5', 'http://h/getproduct/spec/ADP.5.fits', 'application/fits', '40320'],
    ])
    expect(downloadTargets(ssa, [0])[0]).toEqual({ row: 0, label: 'ivo://x/ID?ADP.5', file: { url: 'http://h/getproduct/spec/ADP.5.fits', size: 40320, contentType: 'application/fits' }, estimatedSize: 40320 })
  })

  it('never takes a non-http link, and falls back to the publisher DID', () => {
    const t = votable('<FIELD name="obs_publisher_did" datatype="char" arraysize="*"/><FIELD name="access_url" datatype="char" arraysize="*"/>', [
      ['ivo://eso.org/ID?ADP.9', 'javascript:alert(1)'],
      ['', ''],
    ])
    expect(downloadTargets(t, [0, 1])).toEqual([
      { row: 0, label: 'ivo://eso.org/ID?ADP.9', datalink: { id: 'ivo://eso.org/ID?ADP.9' } },
      { row: 1, label: 'row 2' },
    ])
  })

  it("takes ESO's SSAP rows (notebook reconstruction, NGC 4993) to their DataLink, with access_estsize in kbyte as the estimate", () => {
    const t = parseVOTable(notebookVOTable(new URL('../ssap/__fixtures__/ssap_queryData_NGC4993_SIZE0.5_first5rows.json', import.meta.url))).tables[0]!
    expect(downloadTargets(t, [0])).toEqual([
      {
        row: 0,
        label: 'ADP.2017-08-11T02:12:48.569',
        datalink: { url: 'http://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.2017-08-11T02:12:48.569' },
        estimatedSize: 1_330_000,
      },
    ])
  })
})
