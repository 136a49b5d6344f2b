import { describe, expect, it } from 'vitest'
import { parseVOTable } from '../../protocols/votable'
import { asmQuery, exposuresOf, siteOf, groupByNights, mergeSamples, medianIn, nightOf, samplesOf, summarise, windowsOf, type Exposure } from './conditions'

function table(cols: [string, string][], rows: string[][]) {
  const fields = cols.map(([n, t]) => `<FIELD name="${n}" datatype="${t}"${t === 'char' ? ' arraysize="*"' : ''}/>`).join('')
  const data = rows.map((r) => `<TR>${r.map((v) => `<TD>${v}</TD>`).join('')}</TR>`).join('')
  return parseVOTable(`<VOTABLE><RESOURCE><TABLE>${fields}<DATA><TABLEDATA>${data}</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`).tables[0]!
}
const t = (iso: string) => Date.parse(`${iso}Z`)

describe('exposures', () => {
  it('reads dbo.raw rows (date_obs + exposure) with their site, pointing and header airmass', () => {
    const raw = table([['dp_id', 'char'], ['telescope', 'char'], ['instrument', 'char'], ['date_obs', 'char'], ['exposure', 'float'], ['ra', 'double'], ['dec', 'double'], ['tel_airm_start', 'double'], ['tel_airm_end', 'double']], [
      ['A', 'ESO-VLT-U1', 'FORS2', '2021-05-04T05:10:01.000', '120', '265.17539', '-53.67433', '1.212', ''],
      ['B', 'ESO-3.6', 'HARPS', '2021-05-04T05:10:01.000', '120', '', '', '', ''],
      ['C', 'ESO-VLT-U4', 'MUSE', '2021-05-04T06:00:00.000', '0', '10', '-30', '1.5', '1.6'],
      ['D', 'UNKNOWN', 'ALFOSC', '2021-05-04T06:00:00.000', '0', '10', '-30', '', ''],
    ])
    expect(exposuresOf(raw)).toEqual([
      { row: 0, start: t('2021-05-04T05:10:01'), end: t('2021-05-04T05:12:01'), site: 'paranal', ra: 265.17539, dec: -53.67433, airmassStart: 1.212 },
      { row: 1, start: t('2021-05-04T05:10:01'), end: t('2021-05-04T05:12:01'), site: 'lasilla' },
      { row: 2, start: t('2021-05-04T06:00:00'), end: t('2021-05-04T06:00:00'), site: 'paranal', ra: 10, dec: -30, airmassStart: 1.5, airmassEnd: 1.6 },
    ])
  })
  it('reads ObsCore rows (t_min..t_max MJD) and leaves out stacks longer than half a day', () => {
    const oc = table([['facility_name', 'char'], ['t_min', 'double'], ['t_max', 'double']], [['ESO-VLT-U2', '59338.5', '59338.75'], ['ESO-VISTA', '56000', '56300']])
    expect(exposuresOf(oc)).toEqual([{ row: 0, start: t('2021-05-04T12:00:00'), end: t('2021-05-04T18:00:00'), site: 'paranal' }])
  })
  it('places rows by telescope, else instrument', () => {
    expect([siteOf('ESO-VLT-U4', 'MUSE'), siteOf('ESO-VISTA', undefined), siteOf('ESO-VST', undefined)]).toEqual(['paranal', 'paranal', 'paranal'])
    expect([siteOf('ESO-3.6', 'HARPS'), siteOf('ESO-NTT', 'SOFI'), siteOf('MPG/ESO-2.2', 'FEROS'), siteOf(undefined, 'HARPS'), siteOf('', 'EFOSC')]).toEqual(['lasilla', 'lasilla', 'lasilla', 'lasilla', 'lasilla'])
    expect([siteOf('APEX-12m', 'SEPIA'), siteOf('ALMA', 'ALMA'), siteOf(undefined, 'LABOCA')]).toEqual(['chajnantor', 'chajnantor', 'chajnantor'])
    expect([siteOf('Keck', 'HIRES'), siteOf(undefined, undefined)]).toEqual([undefined, undefined])
  })
})

describe('batching by night', () => {
  const e = (row: number, a: string, b = a): Exposure => ({ row, start: t(a), end: t(b) })
  it('names a night by the date of its noon', () => {
    expect(nightOf(t('2021-05-04T05:00:00'))).toBe('2021-05-03')
    expect(nightOf(t('2021-05-04T13:00:00'))).toBe('2021-05-04')
  })
  it('merges close exposures of a night into one window, never across nights', () => {
    const w = windowsOf([e(0, '2021-05-04T05:10:00', '2021-05-04T05:12:00'), e(1, '2021-05-04T05:30:00'), e(2, '2021-05-04T11:59:00'), e(3, '2021-05-04T12:01:00')])
    expect(w.map((x) => [x.night, new Date(x.start).toISOString(), new Date(x.end).toISOString()])).toEqual([
      ['2021-05-03', '2021-05-04T05:05:00.000Z', '2021-05-04T05:35:00.000Z'],
      ['2021-05-03', '2021-05-04T11:54:00.000Z', '2021-05-04T12:04:00.000Z'],
      ['2021-05-04', '2021-05-04T11:56:00.000Z', '2021-05-04T12:06:00.000Z'],
    ])
  })
  it('sends one query per group of whole nights, not one per row', () => {
    const rows = Array.from({ length: 600 }, (_, i) => e(i, `2021-0${1 + Math.floor(i / 100)}-10T05:0${i % 5}:00`))
    const windows = windowsOf(rows)
    expect(windows.length).toBe(6)
    const groups = groupByNights(windows, 4)
    expect(groups.map((g) => g.length)).toEqual([4, 2])
  })
  it('writes the asm ADQL with ESO column names, valid samples, one BETWEEN per window', () => {
    const q = asmQuery('dimm', [{ start: t('2021-05-04T05:05:00'), end: t('2021-05-04T05:35:00') }, { start: t('2021-05-05T01:00:00'), end: t('2021-05-05T02:00:00') }])
    expect(q).toBe(
      "SELECT midpoint_date, fwhm, tau0\nFROM asm.dimm_paranal\nWHERE valid = 1\n  AND (start_date BETWEEN '2021-05-04T05:05:00' AND '2021-05-04T05:35:00'\n    OR start_date BETWEEN '2021-05-05T01:00:00' AND '2021-05-05T02:00:00')\nORDER BY midpoint_date",
    )
    expect(asmQuery('lhatpro', [{ start: 0, end: 60000 }])).toContain('FROM asm.lhatpros_paranal')
  })
})

describe('summaries', () => {
  const dimm = table([['midpoint_date', 'char'], ['fwhm', 'float'], ['tau0', 'float']], [
    ['2021-05-04T05:09:30', '0.6', '0.004'],
    ['2021-05-04T05:10:30', '0.8', '0.005'],
    ['2021-05-04T05:11:30', '1.0', '0.006'],
    ['2021-05-04T07:00:30', '2.0', '0.001'],
  ])
  it('reads samples and takes the median during each exposure', () => {
    const s = samplesOf(dimm, ['fwhm', 'tau0'])
    expect(s.t.length).toBe(4)
    expect(medianIn(s, 'fwhm', t('2021-05-04T05:10:00'), t('2021-05-04T05:11:00'), 60_000)).toBeCloseTo(0.8)
    const sum = summarise([{ row: 3, start: t('2021-05-04T05:10:00'), end: t('2021-05-04T05:11:00') }, { row: 5, start: t('2021-05-05T00:00:00'), end: t('2021-05-05T00:01:00') }], { dimm: s })
    expect(sum.get(3)!.seeing).toBeCloseTo(0.8)
    expect(sum.get(3)!.tau0).toBeCloseTo(5)
    expect(sum.get(3)!.pwv).toBeUndefined()
    expect(sum.get(5)!.seeing).toBeUndefined()
  })
  it('merges the answers of several queries in time order', () => {
    const a = { t: [3, 5], values: { x: [30, 50] } }
    const b = { t: [1, 4], values: { x: [10, 40] } }
    expect(mergeSamples([a, b], ['x'])).toEqual({ t: [1, 3, 4, 5], values: { x: [10, 30, 40, 50] } })
  })
})
