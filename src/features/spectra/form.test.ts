import { describe, expect, it } from 'vitest'
import { ssapParams } from '../../protocols/ssap'
import { buildSsapQuery, DEFAULT_FORM, formFromParams, formToParams, type SpectraForm } from './form'

const pos = { ra: 265.176, dec: -53.674 }
const form = (f: Partial<SpectraForm>): SpectraForm => ({ ...DEFAULT_FORM, ...f })

describe('spectral search form → SSAP parameters', () => {
  it('sends POS, SIZE in degrees, BAND in metres from nm, TIME as ISO, MAXREC', () => {
    const { query, errors } = buildSsapQuery(form({ size: '3', bandMin: '550', bandMax: '650', timeStart: '59339', timeEnd: '2021-05-21T00:00', maxrec: '10' }), pos)
    expect(errors).toEqual({})
    expect(ssapParams(query!)).toEqual([
      ['REQUEST', 'queryData'],
      ['POS', '265.176,-53.674'],
      ['SIZE', '0.05'],
      ['BAND', '5.5e-7/6.5e-7'],
      ['TIME', '2021-05-05T00:00:00/2021-05-21T00:00'],
      ['MAXREC', '10'],
    ])
  })

  it('converts Å and µm, and leaves a band open on one side', () => {
    expect(buildSsapQuery(form({ bandMin: '4800', bandUnit: 'angstrom' }), pos).query!.band).toEqual([4.8e-7, Infinity])
    const q = buildSsapQuery(form({ bandMax: '1.02', bandUnit: 'um', size: '30"' }), pos).query!
    expect(ssapParams(q).filter(([k]) => k === 'BAND' || k === 'SIZE')).toEqual([['SIZE', String(30 / 3600)], ['BAND', '/0.00000102']])
  })

  it('gives each bad field its own message and no query', () => {
    const { query, errors } = buildSsapQuery(form({ size: '-1', bandMin: 'blue', bandMax: '0', timeStart: 'yesterday', maxrec: '2.5' }), pos)
    expect(query).toBeUndefined()
    expect(errors.size).toMatch(/search diameter|angle/)
    expect(errors.bandMin).toBe('Wavelength "blue" must be a number above 0 (in nm)')
    expect(errors.bandMax).toMatch(/above 0/)
    expect(errors.timeStart).toMatch(/neither a date .* nor an MJD/)
    expect(errors.maxrec).toMatch(/whole number/)
    expect(buildSsapQuery(form({ bandMin: '700', bandMax: '600' }), pos).errors.bandMax).toBe('The longest wavelength is below the shortest')
  })

  it('waits for a position before building a query', () => {
    expect(buildSsapQuery(form({}), undefined)).toEqual({ errors: {} })
  })
})

describe('spectral search form ⇄ URL', () => {
  it('round-trips every field and drops defaults', () => {
    const f = form({ target: 'NGC 6397', size: '5', bandMin: '500', bandMax: '600', bandUnit: 'angstrom', timeStart: '2021-05-01', timeEnd: '59400', maxrec: '20' })
    const p = formToParams(f)
    expect(p).toEqual({ target: 'NGC 6397', size: '5', wmin: '500', wmax: '600', wunit: 'angstrom', tmin: '2021-05-01', tmax: '59400', maxrec: '20' })
    const qs = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined))
    expect(formFromParams(qs)).toEqual(f)
    expect(formToParams(DEFAULT_FORM)).toEqual({ target: undefined, size: '2', wmin: undefined, wmax: undefined, wunit: undefined, tmin: undefined, tmax: undefined, maxrec: undefined })
    expect(formFromParams(new URLSearchParams('wunit=parsec')).bandUnit).toBe('nm')
  })
})
