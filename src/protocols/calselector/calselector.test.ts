import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { parseLinks } from '../datalink'
import { parseVOTable } from '../votable'
import { notebookVOTable } from '../datalink/__fixtures__/notebook-votable'
import { calSelectorUrl, fetchCalibrations, fetchCalibrationsFromLink, normaliseMode, parseCascadeDescription, readCalSelector } from './index'

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url)
const esoBody = () => notebookVOTable(fixture('calselector_MUSE.2018-06-05T01_06_59.418_Raw2Master_votable.json'))

function fakeHttp(body: string): { http: HttpClient; urls: string[] } {
  const urls: string[] = []
  const fetchImpl = (async (input: RequestInfo | URL) => {
    urls.push(String(input))
    return new Response(body)
  }) as typeof fetch
  return { http: new HttpClient({ proxy: new ProxyMap([], 'http://app.test'), fetchImpl }), urls }
}

describe('cascade summary in the #this description', () => {
  it("reads ESO's attributes", () => {
    expect(parseCascadeDescription('category="SCI" certified="true" complete="true" mode="Raw2Master" type="main" messages=""')).toEqual({
      category: 'SCI', certified: true, complete: true, mode: 'Raw2Master', type: 'main', messages: '',
      attributes: { category: 'SCI', certified: 'true', complete: 'true', mode: 'Raw2Master', type: 'main', messages: '' },
    })
  })
  it('keeps messages with escaped quotes and ignores plain descriptions', () => {
    expect(parseCascadeDescription('complete="false" messages="no \\"FLAT\\" found" mode=\'Raw2Raw\'')).toMatchObject({
      complete: false, messages: 'no "FLAT" found', mode: 'Raw2Raw',
    })
    expect(parseCascadeDescription('Requested file')).toBeUndefined()
    expect(parseCascadeDescription(undefined)).toBeUndefined()
    expect(normaliseMode('RAW2MASTER')).toBe('Raw2Master')
    expect(normaliseMode('other')).toBeUndefined()
  })
})

describe('calSelector responses', () => {
  it('reads the ESO Raw2Master response (notebook reconstruction): 17 master calibrations and the association tree link', () => {
    const r = readCalSelector(parseLinks(parseVOTable(esoBody())), 'Raw2Master')
    expect(r.rows).toHaveLength(19)
    expect(r.calibrations).toHaveLength(17)
    expect(r.cascade).toMatchObject({ category: 'SCI', certified: true, complete: true, mode: 'Raw2Master' })
    expect(r.modeRun).toBe('Raw2Master')
    expect(r.fellBack).toBe(false)
    expect(r.associationTree?.accessUrl).toBe('https://archive.eso.org/calselector/v1/associations?dp_id=MUSE.2018-06-05T01:06:59.418&mode=Raw2Master')
    expect(r.calibrations.map((c) => c.esoCategory)).toContain('WAVECAL_TABLE')
    expect(r.rows[0]!.esoOrigfile).toBeUndefined() // ESO's calSelector table has no eso_origfile column
  })
  it('flags the fallback when Raw2Master was asked for and Raw2Raw ran', () => {
    const body = esoBody().replace('mode=&quot;Raw2Master&quot;', 'mode=&quot;Raw2Raw&quot;')
    const r = readCalSelector(parseLinks(parseVOTable(body)), 'Raw2Master')
    expect(r.modeRun).toBe('Raw2Raw')
    expect(r.fellBack).toBe(true)
    expect(readCalSelector(parseLinks(parseVOTable(body)), 'Raw2Raw').fellBack).toBe(false)
  })
  it('reads the local archive calSelector-like response (DaCHS columns)', () => {
    const r = readCalSelector(parseLinks(parseVOTable(readFileSync(fixture('dachs-calselector-fors2.xml')))), 'Raw2Raw')
    expect(r.calibrations).toHaveLength(7)
    expect(r.cascade).toMatchObject({ category: 'SCI', mode: 'Raw2Raw', complete: true })
    expect(r.associationTree).toBeUndefined()
  })
})

describe('calSelector requests', () => {
  it('writes the ESO style and the DataLink style', () => {
    expect(calSelectorUrl({ dpId: 'MUSE.2018-06-05T01:06:59.418', mode: 'Raw2Master' }, { baseUrl: 'https://archive.eso.org/calselector/v1/associations' }))
      .toBe('https://archive.eso.org/calselector/v1/associations?dp_id=MUSE.2018-06-05T01:06:59.418&mode=Raw2Master&responseformat=votable')
    expect(calSelectorUrl({ dpId: 'FORS2.1', mode: 'Raw2Raw' }, { baseUrl: 'http://h/calselector/dlmeta', style: 'datalink', idTemplate: 'ivo://eso.localtest/ID?{dp_id}' }))
      .toBe('http://h/calselector/dlmeta?ID=ivo://eso.localtest/ID?FORS2.1')
  })
  it('fetches with the ESO style and reads the result', async () => {
    const { http, urls } = fakeHttp(esoBody())
    const r = await fetchCalibrations(http, { dpId: 'MUSE.2018-06-05T01:06:59.418', mode: 'Raw2Master' }, { baseUrl: 'https://archive.eso.org/calselector/v1/associations' })
    expect(urls[0]).toContain('responseformat=votable')
    expect(r.requestedMode).toBe('Raw2Master')
    expect(r.calibrations).toHaveLength(17)
  })
  it('follows a calSelector link of a raw-frame DataLink, taking the mode from it', async () => {
    const { http, urls } = fakeHttp(esoBody())
    const r = await fetchCalibrationsFromLink(http, {
      semantics: 'http://archive.eso.org/rdf/datalink/eso#calSelector_raw2master',
      accessUrl: 'https://archive.eso.org/calselector/v1/associations?dp_id=MUSE.2018-06-05T01:06:59.418&mode=Raw2Master&responseformat=votable',
    })
    expect(urls).toEqual(['https://archive.eso.org/calselector/v1/associations?dp_id=MUSE.2018-06-05T01:06:59.418&mode=Raw2Master&responseformat=votable'])
    expect(r.requestedMode).toBe('Raw2Master')
  })
})
