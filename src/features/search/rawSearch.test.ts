import { describe, expect, it } from 'vitest'
import { buildAdql, EMPTY_FORM, formFromParams, formToParams, type SearchForm } from './searchQuery'
import { summariseCalibrations } from './rawCalibrations'
import { previewDecision } from './previews'
import { isReleaseDate, releaseText } from '../../components/gridColumns'
import type { CalSelectorResult } from '../../protocols/calselector'

const raw = (f: Partial<SearchForm>): SearchForm => ({ ...EMPTY_FORM, kind: 'raw', ...f })
const where = (f: Partial<SearchForm>) => buildAdql(raw(f)).adql.split('\nWHERE ')[1]

describe('raw-frame fields → ADQL (dbo.raw)', () => {
  it('programme IDs match any run unless one is named; PI/CoI is part of a name in any case', () => {
    expect(where({ progid: '105.20AB.001' })).toBe("prog_id LIKE '105.20AB.001%'")
    expect(where({ progid: '60.A-9001(A), 105.20AB.001' })).toBe("(prog_id = '60.A-9001(A)' OR prog_id LIKE '105.20AB.001%')")
    expect(where({ pi: "Jansen, O'Neil" })).toBe("(LOWER(pi_coi) LIKE '%jansen%' OR LOWER(pi_coi) LIKE '%o''neil%')")
  })
  it('OB name, object, type and technique: exact, or LIKE with * and ? as wildcards', () => {
    expect(where({ obname: 'OB_NGC*', object: 'NGC 6397', rawtype: 'FLAT?SKY', tech: 'IMAGE' })).toBe(
      "ob_name LIKE 'OB_NGC%'\n  AND object = 'NGC 6397'\n  AND dp_type LIKE 'FLAT_SKY'\n  AND dp_tech = 'IMAGE'",
    )
  })
  it('OB IDs and periods are numbers: lists and ranges, errors otherwise', () => {
    expect(where({ obid: '2000000, 2000001' })).toBe('ob_id IN (2000000, 2000001)')
    expect(where({ period: '105' })).toBe('period = 105')
    expect(where({ period: '107-104' })).toBe('period BETWEEN 104 AND 107')
    expect(where({ period: '104, 106' })).toBe('period IN (104, 106)')
    expect(buildAdql(raw({ obid: 'abc' })).errors.obid).toMatch(/Whole numbers/)
    expect(buildAdql(raw({ period: 'P105' })).errors.period).toMatch(/period/)
  })
  it('a night runs from noon to noon (UTC), named by the day it starts, across month ends', () => {
    expect(where({ night: '2021-05-31' })).toBe("date_obs >= '2021-05-31T12:00:00'\n  AND date_obs < '2021-06-01T12:00:00'")
    expect(buildAdql(raw({ night: '31/05/2021' })).errors.night).toMatch(/date/)
  })
  it('the fields are kept in the URL and only apply to raw frames', () => {
    const f = raw({ progid: '105.20AB.001', night: '2021-05-03' })
    const p = Object.entries(formToParams(f)).filter((e): e is [string, string] => e[1] !== undefined)
    expect(p).toEqual([['kind', 'raw'], ['progid', '105.20AB.001'], ['night', '2021-05-03']])
    expect(formFromParams(new URLSearchParams(p))).toEqual(f)
    expect(buildAdql({ ...f, kind: 'obscore' }).adql).toBe('SELECT *\nFROM ivoa.ObsCore')
  })
})

describe('release dates', () => {
  it('reads "proprietary until" only in the future', () => {
    const now = Date.parse('2026-12-07T00:00:00Z')
    expect(releaseText('2031-01-01T00:00:00Z', now)).toBe('proprietary until 2031-01-01T00:00:00Z')
    expect(releaseText('2031-01-01T00:00:00', now)).toBe('proprietary until 2031-01-01T00:00:00')
    expect(releaseText('2022-05-04T11:10:01Z', now)).toBe('2022-05-04T11:10:01Z')
    expect(releaseText('', now)).toBe('')
    expect(isReleaseDate({ name: 'release_date' }) && isReleaseDate({ name: 'obs_release_date' }) && isReleaseDate({ name: 'x', ucd: 'time.release' })).toBe(true)
    expect(isReleaseDate({ name: 'date_obs' })).toBe(false)
  })
})

describe('calibrations for several frames', () => {
  const res = (rows: CalSelectorResult['rows'], complete = true): CalSelectorResult =>
    ({ rows, calibrations: [], fellBack: false, cascade: { complete, certified: true } } as unknown as CalSelectorResult)
  const file = (id: string, semantics: string) => ({ id, semantics, accessUrl: `http://a/raw/${id}.fits`, contentType: 'application/fits', contentLength: 12 })
  it('lists each file once (frames first), names calibrations without a file, incomplete sets and failures', () => {
    const s = summariseCalibrations([
      { dpId: 'A', result: res([file('A', '#this'), file('B1', '#calibration'), file('B2', '#calibration')]) },
      { dpId: 'C', result: res([file('C', '#this'), file('B1', '#calibration'), { id: 'C', semantics: '#calibration', accessUrl: 'http://a/dl?ID=X', contentType: 'application/x-votable+xml;content=datalink', description: 'Calibration file associated to the input raw observation(s) (X)' }], false) },
      { dpId: 'D', error: 'HTTP 500' },
    ])
    expect(s.files.map((f) => f.url)).toEqual(['http://a/raw/A.fits', 'http://a/raw/C.fits', 'http://a/raw/B1.fits', 'http://a/raw/B2.fits'])
    expect(s.withoutFile).toEqual(['X'])
    expect(s.incomplete).toEqual(['C'])
    expect(s.failed).toEqual([{ dpId: 'D', error: 'HTTP 500' }])
  })
})

describe('previews', () => {
  it('shows raster images only; SVG and other types are named, not shown', () => {
    expect(previewDecision('image/png')).toEqual({ show: true, type: 'image/png' })
    expect(previewDecision('image/jpeg; charset=binary')).toEqual({ show: true, type: 'image/jpeg' })
    expect(previewDecision('image/svg+xml')).toEqual({ show: false, note: 'preview not shown: SVG' })
    expect(previewDecision('text/html')).toEqual({ show: false, note: 'preview not shown: text/html' })
    expect(previewDecision(undefined)).toEqual({ show: false, note: 'preview not shown: unknown type' })
  })
})
