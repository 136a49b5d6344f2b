import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseVOTable, type Field } from '../votable'
import { notebookVOTable } from '../datalink/__fixtures__/notebook-votable'
import {
  cellText, columnLabels, columnValues, dataLinkAccessUrl, dataLinkTarget, findColumn, formatBytes, idColumn, isNumericDatatype,
  isNumericField, isNumericScalar, isoToUnixSeconds, isTimeField, plotColumns, productColumns, skyColumns, ucdMatches, utypeMatches,
} from './index'

type Col = { name: string; datatype?: string; arraysize?: string; ucd?: string; utype?: string; unit?: string; xtype?: string }

/** A one-table VOTable: FIELDs from `cols` (char * unless told), rows of TD texts. */
function table(cols: (string | Col)[], rows: string[][] = []) {
  const fields = cols.map((c) => {
    const f: Col = typeof c === 'string' ? { name: c } : c
    const datatype = f.datatype ?? 'char'
    const arraysize = f.arraysize ?? (datatype === 'char' ? '*' : undefined)
    const attrs = { name: f.name, datatype, arraysize, ucd: f.ucd, utype: f.utype, unit: f.unit, xtype: f.xtype }
    return `<FIELD ${Object.entries(attrs).flatMap(([k, v]) => (v === undefined ? [] : [`${k}="${v}"`])).join(' ')}/>`
  })
  const data = rows.map((r) => `<TR>${r.map((v) => `<TD>${v}</TD>`).join('')}</TR>`).join('')
  return parseVOTable(`<VOTABLE><RESOURCE><TABLE>${fields.join('')}<DATA><TABLEDATA>${data}</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`).tables[0]!
}

const field = (name: string, more: Partial<Field> = {}): Field => ({ name, datatype: 'char', ...more })

describe('findColumn', () => {
  it('finds names without regard to case, the first listed name that the table has winning', () => {
    const t = table(['DP_ID', 'Access_URL', 'obs_id'])
    expect(findColumn(t, { name: 'dp_id' })).toBe(0)
    expect(findColumn(t, { names: ['access_url', 'obs_id'] })).toBe(1)
    expect(findColumn(t, { names: ['obs_id', 'access_url'] })).toBe(2)
    expect(findColumn(t, { name: 'target_name' })).toBe(-1)
    expect(findColumn(t, {})).toBe(-1)
  })
  it('prefers the exact spelling when two columns differ only in case', () => {
    expect(findColumn([field('format'), field('FORMAT')], { name: 'FORMAT' })).toBe(1)
    expect(findColumn([field('format'), field('FORMAT')], { name: 'Format' })).toBe(0)
  })
  it('tries the UCD before the name, and the queries of a list in their order', () => {
    const fields = [field('ra'), field('RAJ2000', { ucd: 'pos.eq.ra;meta.main' })]
    expect(findColumn(fields, { names: ['ra'], ucd: 'pos.eq.ra;meta.main' })).toBe(1)
    expect(findColumn(fields, [{ names: ['ra'] }, { ucd: 'pos.eq.ra;meta.main' }])).toBe(0)
    // a table as well as a list of fields
    expect(findColumn(table([{ name: 'x', ucd: 'pos.eq.ra;meta.main' }]), { ucd: 'pos.eq.ra' })).toBe(0)
  })
  it('matches UCDs word by word from the start', () => {
    const fields = [field('a', { ucd: 'pos.eq.ra' }), field('b', { ucd: 'POS.EQ.RA;META.MAIN' }), field('c', { ucd: 'meta.id.part;meta.main' })]
    expect(findColumn(fields, { ucd: 'pos.eq.ra;meta.main' })).toBe(1)
    expect(findColumn(fields, { ucd: 'pos.eq.ra' })).toBe(0)
    expect(findColumn(fields, { ucd: 'pos.eq' })).toBe(-1)
    expect(findColumn(fields, { ucd: 'meta.id;meta.main' })).toBe(-1)
    expect(findColumn(fields, { ucd: ['meta.id', 'pos.eq.ra;meta.main'] })).toBe(1)
  })
  it('matches the end of a utype, namespaces and case ignored', () => {
    const fields = [field('s_region', { utype: 'obscore:Char.SpatialAxis.Coverage.Support.Area' }), field('ssa_pubDID', { utype: 'ssa:Curation.PublisherDID' })]
    expect(findColumn(fields, { utype: 'Char.SpatialAxis.Coverage.Support.Area' })).toBe(0)
    expect(findColumn(fields, { utype: 'obscore:char.spatialaxis.coverage.support.area' })).toBe(0)
    expect(findColumn(fields, { utype: 'Coverage.Support.Area' })).toBe(0)
    expect(findColumn(fields, { utype: 'PublisherDID' })).toBe(1)
    // a suffix ends at a word boundary
    expect(findColumn(fields, { utype: 'Area' })).toBe(0)
    expect(findColumn(fields, { utype: 'rea' })).toBe(-1)
  })
})

describe('ucdMatches and utypeMatches', () => {
  it('say no to a column without one', () => {
    expect(ucdMatches(undefined, 'pos.eq.ra')).toBe(false)
    expect(ucdMatches('pos.eq.ra', 'pos.eq.ra;meta.main')).toBe(false)
    expect(ucdMatches(' pos.eq.ra ; meta.main', 'pos.eq.ra;meta.main')).toBe(true)
    expect(utypeMatches(undefined, 'Access.Size')).toBe(false)
    expect(utypeMatches('ssa:Access.Size', 'Access.Size')).toBe(true)
    expect(utypeMatches('ssa:Access.Size', 'ssa:Access.Reference')).toBe(false)
  })
})

describe('numeric columns', () => {
  it('knows one set of numeric datatypes', () => {
    for (const d of ['unsignedByte', 'short', 'int', 'long', 'float', 'double']) expect(isNumericDatatype(d)).toBe(true)
    for (const d of ['char', 'unicodeChar', 'boolean', 'bit', 'floatComplex', 'doubleComplex', undefined]) expect(isNumericDatatype(d)).toBe(false)
  })
  it('counts arrays of numbers as numeric but not as scalars', () => {
    expect(isNumericField({ datatype: 'double' })).toBe(true)
    expect(isNumericField({ datatype: 'char' })).toBe(false)
    expect(isNumericScalar({ datatype: 'short' })).toBe(true)
    expect(isNumericScalar({ datatype: 'unsignedByte', arraysize: '1' })).toBe(true)
    expect(isNumericField({ datatype: 'double', arraysize: '2' } as Field)).toBe(true)
    expect(isNumericScalar({ datatype: 'double', arraysize: '2' })).toBe(false)
    expect(isNumericScalar({ datatype: 'float', arraysize: '*' })).toBe(false)
    expect(isNumericScalar({ datatype: 'char', arraysize: '1' })).toBe(false)
  })
})

describe('isTimeField', () => {
  it('takes text columns with a timestamp xtype, a time UCD or "date" in the name', () => {
    expect(isTimeField(field('t', { xtype: 'timestamp' }))).toBe(true)
    expect(isTimeField(field('obs_start', { ucd: 'time.start;obs.exposure' }))).toBe(true)
    expect(isTimeField(field('when', { ucd: 'time.epoch' }))).toBe(true)
    expect(isTimeField(field('release_date'))).toBe(true)
    expect(isTimeField(field('count', { datatype: 'int' }))).toBe(false)
    expect(isTimeField(field('exptime', { ucd: 'time.duration' }))).toBe(false)
  })
})

describe('skyColumns', () => {
  it('finds the ObsCore region and position', () => {
    const t = table(['obs_id', 's_ra', 's_dec', 's_region'])
    expect(skyColumns(t)).toEqual({ region: 3, ra: 1, dec: 2 })
  })
  it('takes the declared main position before the usual names, and those before any other position', () => {
    const t = table([
      { name: 'ra', ucd: 'pos.eq.ra' }, { name: 'dec', ucd: 'pos.eq.dec' },
      { name: 'RAJ2000', ucd: 'pos.eq.ra;meta.main' }, { name: 'DEJ2000', ucd: 'pos.eq.dec;meta.main' },
      { name: 'outline', ucd: 'pos.outline;obs.field' },
    ])
    expect(skyColumns(t)).toEqual({ region: 4, ra: 2, dec: 3 })
    const other = table([{ name: 'alpha', ucd: 'pos.eq.ra' }, { name: 'RA' }, { name: 'delta', ucd: 'pos.eq.dec' }])
    expect(skyColumns(other)).toEqual({ region: -1, ra: 1, dec: 2 })
  })
  it('says -1 for what a table lacks', () => {
    expect(skyColumns(table(['dp_id']))).toEqual({ region: -1, ra: -1, dec: -1 })
  })
})

describe('plotColumns and columnValues', () => {
  const t = table(
    [{ name: 'mag', datatype: 'float', unit: 'mag' }, 'date_obs', { name: 'spec', datatype: 'double', arraysize: '3' }, 'name', { name: 'n', datatype: 'long' }],
    [['1.5', '2021-05-04T21:00:00', '1 2 3', 'a', '7'], ['', '', '1 2 3', 'b', '']],
  )
  it('lists numeric scalars and timestamps in table order', () => {
    expect(plotColumns(t)).toEqual([
      { index: 0, name: 'mag', unit: 'mag', time: false },
      { index: 1, name: 'date_obs', unit: undefined, time: true },
      { index: 4, name: 'n', unit: undefined, time: false },
    ])
  })
  it('reads values as numbers, times as Unix seconds, empty cells as NaN', () => {
    const [mag, date, n] = plotColumns(t)
    expect(Array.from(columnValues(t, mag!))).toEqual([1.5, NaN])
    expect(Array.from(columnValues(t, date!))).toEqual([Date.UTC(2021, 4, 4, 21) / 1000, NaN])
    expect(Array.from(columnValues(t, n!))).toEqual([7, NaN])
  })
  it('reads ISO times without a zone as UTC', () => {
    expect(isoToUnixSeconds('2021-05-04T21:00:00')).toBe(Date.UTC(2021, 4, 4, 21) / 1000)
    expect(isoToUnixSeconds('2021-05-04T23:00:00+02:00')).toBe(Date.UTC(2021, 4, 4, 21) / 1000)
    expect(isoToUnixSeconds(' ')).toBeNaN()
  })
})

describe('columnLabels and cellText', () => {
  it('gives one column as text, null where empty', () => {
    const t = table(['obs_collection', { name: 'n', datatype: 'int' }], [['MUSE', '3'], ['', '']])
    expect(columnLabels(t, { names: ['obs_collection'] })).toEqual(['MUSE', null])
    expect(columnLabels(t, { name: 'instrument' })).toBeUndefined()
    expect([cellText(t, 0, 0), cellText(t, 1, 0), cellText(t, 0, 1), cellText(t, 0, -1)]).toEqual(['MUSE', undefined, '3', undefined])
  })
})

describe('dataLinkTarget', () => {
  const DL = 'application/x-votable+xml;content=datalink'
  it('takes an ObsCore access_url whose access_format is DataLink', () => {
    const t = table(['obs_publisher_did', 'access_url', 'access_format'], [['ivo://eso.org/ID?ADP.1', 'https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.1', DL]])
    expect(dataLinkTarget(t, 0)).toEqual({ url: 'https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.1' })
    expect(dataLinkAccessUrl(t, 0)).toBe('https://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.1')
  })
  it('falls back to the publisher DID, then the dp_id, when the access_url is the file itself or the format is missing', () => {
    const file = table(['obs_publisher_did', 'dp_id', 'access_url', 'access_format'], [['ivo://eso.org/ID?ADP.2', 'ADP.2', 'https://dataportal.eso.org/dataPortal/file/ADP.2', 'application/fits']])
    expect(dataLinkTarget(file, 0)).toEqual({ id: 'ivo://eso.org/ID?ADP.2' })
    expect(dataLinkAccessUrl(file, 0)).toBeUndefined()
    const noFormat = table(['dp_id', 'access_url'], [['ADP.3', 'https://archive.eso.org/datalink/links?ID=x']])
    expect(dataLinkTarget(noFormat, 0)).toEqual({ dpId: 'ADP.3' })
    // a DID that is not an ivo:// identifier cannot be looked up
    expect(dataLinkTarget(table(['obs_publisher_did', 'dp_id'], [['ADP.4', 'ADP.4']]), 0)).toEqual({ dpId: 'ADP.4' })
  })
  it("reads a raw frame (dbo.raw) by its datalink_url or its dp_id", () => {
    const raw = table(['dp_id', 'datalink_url'], [['FORS2.2021-05-04T05:10:01.000', 'http://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?FORS2.2021-05-04T05:10:01.000'], ['FORS2.2021-05-04T05:11:00.000', '']])
    expect(dataLinkTarget(raw, 0)).toEqual({ url: 'http://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?FORS2.2021-05-04T05:10:01.000' })
    expect(dataLinkTarget(raw, 1)).toEqual({ dpId: 'FORS2.2021-05-04T05:11:00.000' })
  })
  it("reads ESO's SSAP rows by datalink_url and DaCHS's by ssa_pubDID, never taking a non-http URL", () => {
    const eso = parseVOTable(notebookVOTable(new URL('../ssap/__fixtures__/ssap_queryData_NGC4993_SIZE0.5_first5rows.json', import.meta.url))).tables[0]!
    expect(dataLinkTarget(eso, 0)).toEqual({ url: 'http://archive.eso.org/datalink/links?ID=ivo://eso.org/ID?ADP.2017-08-11T02:12:48.569' })
    const dachs = parseVOTable(readFileSync(new URL('../ssap/__fixtures__/dachs-ssap-xshooter.xml', import.meta.url))).tables[0]!
    const did = cellText(dachs, 0, productColumns(dachs).publisherDid)
    expect(did).toMatch(/^ivo:\/\//)
    expect(dataLinkTarget(dachs, 0)).toEqual({ id: did })
    expect(dataLinkTarget(table(['datalink_url', 'dp_id'], [['javascript:alert(1)', 'ADP.5']]), 0)).toEqual({ dpId: 'ADP.5' })
  })
  it('says undefined for a row with nothing to look up', () => {
    expect(dataLinkTarget(table(['target_name'], [['NGC 6397']]), 0)).toBeUndefined()
  })
})

describe('productColumns and idColumn', () => {
  it('finds the columns once for many rows', () => {
    expect(productColumns(table(['accref', 'mime', 'ssa_pubDID', 'dp_id']))).toEqual({ accessUrl: 0, format: 1, datalinkUrl: -1, dpId: 3, publisherDid: 2 })
  })
  it('takes the id by name, then by the meta.id;meta.main UCD', () => {
    expect(idColumn(table(['obs_id', 'dp_id']))).toBe(1)
    expect(idColumn(table([{ name: 'source', ucd: 'meta.id;meta.main' }, 'ID']))).toBe(1)
    expect(idColumn(table(['x', { name: 'source', ucd: 'meta.id;meta.main' }]))).toBe(1)
    expect(idColumn(table(['x']))).toBe(-1)
  })
})

describe('formatBytes', () => {
  it('writes binary units and says so', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1024)).toBe('1.0 KiB')
    expect(formatBytes(5760)).toBe('5.6 KiB')
    expect(formatBytes(167040)).toBe('163 KiB')
    expect(formatBytes(1.5 * 1024 ** 2)).toBe('1.5 MiB')
    expect(formatBytes(8458560)).toBe('8.1 MiB')
    expect(formatBytes(1.5e9)).toBe('1.4 GiB')
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.0 TiB')
  })
  it('never shows 1024 of a unit', () => {
    expect(formatBytes(1024 * 1024 - 100)).toBe('1.0 MiB')
    expect(formatBytes(1023.6)).toBe('1.0 KiB')
  })
  it('says unknown for an undefined, negative or non-finite size', () => {
    expect([formatBytes(undefined), formatBytes(-1), formatBytes(NaN), formatBytes(Infinity)]).toEqual(['unknown', 'unknown', 'unknown', 'unknown'])
  })
})
