import { describe, expect, it } from 'vitest'
import { parseVOTable } from '../protocols/votable'
import { dataLinkTargetOfRow, formatDataLinkRegion, opensDataLink, parseDataLinkRegion, parseDataLinkTarget } from './datalinkTarget'

const table = (fields: string[], row: string[]) =>
  parseVOTable(`<VOTABLE><RESOURCE><TABLE>${fields.map((f) => `<FIELD name="${f}" datatype="char" arraysize="*"/>`).join('')}<DATA><TABLEDATA><TR>${row.map((v) => `<TD>${v}</TD>`).join('')}</TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`).tables[0]!

describe('DataLink targets', () => {
  it('reads URLs, DIDs and dp_ids', () => {
    expect(parseDataLinkTarget('http://h/dlmeta?ID=x')).toEqual({ url: 'http://h/dlmeta?ID=x' })
    expect(parseDataLinkTarget('ivo://eso.org/ID?ADP.1')).toEqual({ id: 'ivo://eso.org/ID?ADP.1' })
    expect(parseDataLinkTarget(' ADP.1 ')).toEqual({ dpId: 'ADP.1' })
    expect(parseDataLinkTarget('')).toBeUndefined()
    // a javascript: or other scheme is not a URL to fetch; it is looked up as an id
    expect(parseDataLinkTarget('javascript:alert(1)')).toEqual({ dpId: 'javascript:alert(1)' })
  })
  it('takes a DataLink access_url, then datalink_url, then the DID, then the dp_id', () => {
    expect(dataLinkTargetOfRow(table(['access_url', 'access_format', 'dp_id'], ['http://h/dl?ID=a', 'application/x-votable+xml;content=datalink', 'ADP.1']), 0)).toBe('http://h/dl?ID=a')
    expect(dataLinkTargetOfRow(table(['access_url', 'access_format', 'dp_id'], ['http://h/file.fits', 'application/fits', 'ADP.1']), 0)).toBe('ADP.1')
    expect(dataLinkTargetOfRow(table(['dp_id', 'datalink_url'], ['FORS2.1', 'http://h/rawdl?ID=b']), 0)).toBe('http://h/rawdl?ID=b')
    expect(dataLinkTargetOfRow(table(['obs_publisher_did', 'dp_id'], ['ivo://x/ID?ADP.1', 'ADP.1']), 0)).toBe('ivo://x/ID?ADP.1')
    expect(dataLinkTargetOfRow(table(['target_name'], ['NGC 6397']), 0)).toBeUndefined()
  })
  it("knows a click on the row's DataLink URL from other links", () => {
    const t = table(['access_url', 'access_format', 'preview'], ['http://h/dl?ID=ivo://x/ID?a b', 'application/x-votable+xml;content=datalink', 'http://h/p.jpg'])
    expect(opensDataLink(t, 0, 'http://h/dl?ID=ivo://x/ID?a%20b')).toBe(true)
    expect(opensDataLink(t, 0, 'http://h/p.jpg')).toBe(false)
    expect(opensDataLink(table(['dp_id'], ['ADP.1']), 0, 'http://h/dl')).toBe(false)
  })
  it('writes and reads the search region', () => {
    const c = { shape: 'circle' as const, ra: 265.17, dec: -53.67, radius: 0.01 }
    expect(parseDataLinkRegion(formatDataLinkRegion(c))).toEqual(c)
    const p = { shape: 'polygon' as const, vertices: [[1, 2], [3, 4], [5, 6]] as [number, number][] }
    expect(parseDataLinkRegion(formatDataLinkRegion(p))).toEqual(p)
    expect(parseDataLinkRegion('circle:1,2')).toBeUndefined()
    expect(parseDataLinkRegion('box:1,2,3')).toBeUndefined()
  })
})
