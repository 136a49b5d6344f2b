import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { FormatError, QueryError, ServiceError } from '../errors'
import { parseVOTable } from '../votable'
import { notebookVOTable } from './__fixtures__/notebook-votable'
import { classifySemantics, fetchLinks, linkErrors, linksUrl, parseLinks, parseLinksBody, publisherDid, dpIdOf, withParams } from './index'

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url)
const esoLinks = () => parseLinks(parseVOTable(readFileSync(fixture('eso-links.xml'))))

function fakeHttp(respond: (url: string) => Response): { http: HttpClient; urls: string[] } {
  const urls: string[] = []
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input)
    urls.push(url)
    return respond(url)
  }) as typeof fetch
  return { http: new HttpClient({ proxy: new ProxyMap([], 'http://app.test'), fetchImpl, defaultRetries: 0 }), urls }
}

describe('DataLink rows (ESO captured response, eso-links.xml)', () => {
  it('reads all 7 rows with ESO columns and typed content_length', () => {
    const { rows } = esoLinks()
    expect(rows).toHaveLength(7)
    const self = rows[0]!
    expect(self).toMatchObject({
      id: 'ivo://eso.org/ID?ADP.2026-08-19T13:19:07.647',
      accessUrl: 'https://dataportal.eso.org/dataPortal/file/ADP.2026-08-19T13:19:07.647',
      semantics: '#this',
      contentType: 'image/fits',
      contentLength: 8458560,
      esoOrigfile: 'SPHERE_ZIMPOL_Betelgeuse_P1_N_I_phase3.fits',
      esoCategory: 'SCIENCE.IMAGE',
      esoDatalink: 'https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.2026-08-19T13:19:07.647',
    })
    expect(self.serviceDef).toBeUndefined()
    const cutout = rows[1]!
    expect(cutout.accessUrl).toBeUndefined()
    expect(cutout.serviceDef).toBe('ADP.2026-08-19T13:19:07.647_soda')
    expect(cutout.contentLength).toBeUndefined()
  })

  it("takes ESO's placeholder content_length of previews (exactly 1000000) as unknown", () => {
    const previews = esoLinks().rows.filter((r) => r.semantics === '#preview')
    expect(previews.length).toBeGreaterThanOrEqual(2)
    for (const p of previews) expect(p.contentLength).toBeUndefined()
  })

  it('also takes the placeholder of ESO’s data documentation as unknown, and keeps real sizes of other links', () => {
    const r = parseLinks(parseVOTable(notebookVOTable(fixture('datalink_links_ADP.2018-06-21T20_32_57.736.json'))))
    const doc = r.rows.find((x) => x.semantics.endsWith('#data_documentation'))!
    expect(doc.contentLength).toBeUndefined()
    expect(r.rows.find((x) => x.semantics === '#this')!.contentLength).toBeGreaterThan(0)
  })

  it('classifies every row, the progenitor link to a sub-DataLink as progenitor-list', () => {
    const { rows, descriptors } = esoLinks()
    expect(rows.map((r) => classifySemantics(r, descriptors))).toEqual([
      'this', 'cutout', 'preview', 'preview', 'auxiliary', 'progenitor-list', 'documentation',
    ])
    expect(rows[5]!.accessUrl).toContain('&EXCLUDE=ALL&INCLUDE=progenitor')
  })

  it('reads the MUSE cube links with inline progenitors (notebook reconstruction)', () => {
    const r = parseLinks(parseVOTable(notebookVOTable(fixture('datalink_links_ADP.2018-06-21T20_32_57.736.json'))))
    const groups = r.rows.map((x) => classifySemantics(x))
    expect(groups.filter((g) => g === 'progenitor')).toHaveLength(3)
    expect(groups.filter((g) => g === 'auxiliary')).toHaveLength(6)
    expect(groups).not.toContain('progenitor-list')
    expect(r.rows.find((x) => x.esoCategory === 'ANCILLARY.IMAGE.WHITELIGHT')?.esoOrigfile).toBe('MU_SIMC_1989464_2018-06-05T01:06:59.418_WFM-AO-N_OBJ.fits')
  })

  it('classifies a raw frame: derivation, both calSelector links and the night log', () => {
    const r = parseLinks(parseVOTable(notebookVOTable(fixture('datalink_links_MUSE.2018-06-05T01_06_59.418.json'))))
    expect(r.rows.map((x) => classifySemantics(x))).toEqual(['this', 'derivation', 'derivation', 'derivation', 'calselector', 'calselector', 'night-log'])
  })

  it('reads the DaCHS variant: #proc with a SODA descriptor is a cutout, null content_length is left out', () => {
    const r = parseLinks(parseVOTable(readFileSync(fixture('dachs-dlmeta-muse-cube.xml'))))
    const proc = r.rows.find((x) => x.semantics === '#proc')!
    expect(proc.serviceDef).toBe('procsvc')
    expect(proc.contentLength).toBeUndefined()
    expect(classifySemantics(proc, r.descriptors)).toBe('cutout')
    expect(classifySemantics(proc)).toBe('processing')
    expect(r.rows.find((x) => x.semantics === '#this')?.contentLength).toBe(1008000)
  })
})

describe('classifySemantics vocabulary', () => {
  const c = (semantics: string, more: object = {}) => classifySemantics({ semantics, accessUrl: 'http://x/y', ...more })
  it('accepts the full IVOA URI and narrower terms', () => {
    expect(c('http://www.ivoa.net/rdf/datalink/core#progenitor')).toBe('progenitor')
    expect(c('http://www.ivoa.net/rdf/datalink/core#calibration')).toBe('calibration')
    expect(c('#preview-image')).toBe('preview')
    expect(c('#flat')).toBe('calibration')
    expect(c('#documentation')).toBe('documentation')
    expect(c('#cutout')).toBe('cutout')
  })
  it('knows ESO URIs and leaves unknown ones as other', () => {
    expect(c('http://archive.eso.org/rdf/datalink/eso#night_log')).toBe('night-log')
    expect(c('https://archive.eso.org/rdf/datalink/eso#calSelector_raw2master')).toBe('calselector')
    expect(c('http://archive.eso.org/rdf/datalink/eso#sibiling_raw')).toBe('other')
    expect(c('#no-such-term')).toBe('other')
  })
  it('an error_message row without link is an error, whatever its semantics', () => {
    expect(classifySemantics({ semantics: '#this', errorMessage: 'NotFoundFault: no' })).toBe('error')
    expect(c('#this', { errorMessage: 'partial' })).toBe('this')
  })
})

describe('identifiers and URLs', () => {
  it('builds the publisher DID from a dp_id and a template', () => {
    expect(publisherDid('ADP.2021-05-10T12:00:01.001')).toBe('ivo://eso.org/ID?ADP.2021-05-10T12:00:01.001')
    expect(publisherDid('X.1', 'ivo://eso.localtest/ID?{dp_id}')).toBe('ivo://eso.localtest/ID?X.1')
    expect(() => publisherDid('X', 'ivo://nothing')).toThrow(/placeholder/)
    expect(dpIdOf('ivo://eso.org/ID?ADP.1')).toBe('ADP.1')
  })
  it('writes the ID readable like ESO, but escapes what would break the URL', () => {
    const u = linksUrl({ dpId: 'ADP.2021-05-10T12:00:01.001' }, { baseUrl: 'https://archive.eso.org/datalink/links' })
    expect(u).toBe('https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.2021-05-10T12:00:01.001')
    expect(new URL(u).searchParams.get('ID')).toBe('ivo://eso.org/ID?ADP.2021-05-10T12:00:01.001')
    const odd = linksUrl({ id: 'ivo://x/ID?a&b=c #d+e' }, { baseUrl: 'http://h/links?X=1', responseFormat: 'votable' })
    expect(new URL(odd).searchParams.get('ID')).toBe('ivo://x/ID?a&b=c #d+e')
    expect(new URL(odd).searchParams.get('X')).toBe('1')
    expect(new URL(odd).searchParams.get('RESPONSEFORMAT')).toBe('votable')
    expect(withParams('http://h/p?', [['A', '1'], ['B', undefined]])).toBe('http://h/p?A=1')
    expect(() => linksUrl({ id: 'x' })).toThrow(/baseUrl/)
  })
})

describe('fetchLinks errors', () => {
  it('returns rows and the error rows of an unknown ID', async () => {
    const body = readFileSync(fixture('eso-links.xml'), 'utf8')
    const { http, urls } = fakeHttp(() => new Response(body, { status: 200 }))
    const r = await fetchLinks(http, { url: 'https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.1' })
    expect(urls[0]).toBe('https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.1')
    expect(r.rows).toHaveLength(7)
    expect(linkErrors(r)).toEqual([])
  })
  it('turns an HTML page into a FormatError that names the cause', () => {
    expect(() => parseLinksBody('<html><body>links</body></html>', 'u')).toThrow(FormatError)
    expect(() => parseLinksBody('<html><body>links</body></html>', 'u')).toThrow(/HTML page/)
  })
  it('turns QUERY_STATUS=ERROR into a QueryError with the message', () => {
    const err = '<VOTABLE><RESOURCE type="results"><INFO name="QUERY_STATUS" value="ERROR">Invalid ID: foo</INFO></RESOURCE></VOTABLE>'
    expect(() => parseLinksBody(err, 'u')).toThrow(QueryError)
    expect(() => parseLinksBody(err, 'u')).toThrow('Invalid ID: foo')
  })
  it('turns HTTP 500 with a text body into a ServiceError carrying the text', async () => {
    const { http } = fakeHttp(() => new Response('Internal trouble in DataLink', { status: 500, headers: { 'Content-Type': 'text/plain' } }))
    const e = await fetchLinks(http, { id: 'ivo://x' }, { baseUrl: 'http://h/links' }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ServiceError)
    expect(e).not.toBeInstanceOf(QueryError)
    expect((e as Error).message).toContain('Internal trouble in DataLink')
  })
  it('rejects a VOTable that is not a DataLink table', () => {
    expect(() => parseLinksBody('<VOTABLE><RESOURCE><TABLE><FIELD name="a" datatype="int"/></TABLE></RESOURCE></VOTABLE>', 'u')).toThrow(/no DataLink table/)
  })
})
