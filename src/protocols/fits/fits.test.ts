// FITS files written by astropy (__fixtures__/make_fixtures.py) and what astropy reads back from them (expected.json)
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FormatError } from '../errors'
import { BLOCK, dataSize, findColumn, parseCardValue, parseTform, readBinTable, readColumn, readHdus, readHeader, readNumbers, readSpectrum, readString } from './index'

const dir = new URL('./__fixtures__/', import.meta.url)
const file = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)))
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'))
const nums = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? null : x))

/** A header block from cards (each padded to 80 characters), for hand-made edge cases. */
function headerBlock(cards: string[]): Uint8Array {
  const text = [...cards, 'END'].map((c) => c.padEnd(80)).join('')
  const out = new Uint8Array(Math.ceil(text.length / BLOCK) * BLOCK).fill(0x20)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i)
  return out
}

describe('FITS header cards', () => {
  it('reads strings (with doubled quotes), logicals, integers, floats with D exponents, and comments', () => {
    expect(parseCardValue("'O''Brien '           / observer")).toEqual({ value: "O'Brien", comment: 'observer' })
    expect(parseCardValue('                   T / simple')).toEqual({ value: true, comment: 'simple' })
    expect(parseCardValue('                 -42')).toEqual({ value: -42, comment: undefined })
    expect(parseCardValue('             1.5D-03 / Fortran')).toEqual({ value: 0.0015, comment: 'Fortran' })
    expect(parseCardValue('')).toEqual({ value: null, comment: undefined })
  })

  it('joins a long string written with CONTINUE (astropy)', () => {
    const [primary] = readHdus(file('sdp-arrays.fits'))
    expect(primary!.header.string('ORIGFILE')).toBe(expected['sdp-arrays'].origfile)
    expect(primary!.header.string('ORIGFILE')!.length).toBeGreaterThan(68)
    expect(primary!.header.string('OBJECT')).toBe('HD 10700')
  })

  it("reads ESO's HIERARCH keywords (with or without the prefix)", () => {
    const h = readHdus(file('sdp-arrays.fits'))[0]!.header
    expect(h.string('ESO OBS TARG NAME')).toBe(expected['sdp-arrays'].targ)
    expect(h.string('HIERARCH ESO OBS TARG NAME')).toBe('HD10700')
    expect(h.number('ESO TEL AIRM START')).toBe(expected['sdp-arrays'].airm)
    expect(h.cards.find((c) => c.keyword === 'ESO OBS TARG NAME')!.comment).toBe('OB target name')
  })

  it('refuses bytes that are not FITS, and a header without END, with a clear message', () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html>'.padEnd(BLOCK))
    expect(() => readHdus(html)).toThrow('Not a FITS file: it starts with "<!DOCTYPE html><html>", not SIMPLE =')
    expect(() => readHdus(new TextEncoder().encode('<html>Maintenance</html>'))).toThrow('it starts with "<html>Maintenance</html>"')
    expect(() => readHdus(new TextEncoder().encode('SIMPLE  =                    T'))).toThrow(/less than one 2880-byte block/)
    // an extension header that is not one
    const second = new Uint8Array(2 * BLOCK).fill(0x20)
    second.set(headerBlock(['SIMPLE  =                    T', 'BITPIX  =                    8', 'NAXIS   =                    0']))
    second.set(new TextEncoder().encode('JUNK'), BLOCK)
    expect(() => readHdus(second)).toThrow(/Not a FITS header at byte 2880: it starts with "JUNK"/)
    const noEnd = headerBlock(['SIMPLE  =                    T']).map((b, i) => (i >= 80 && b !== 0x20 ? 0x20 : b))
    expect(() => readHeader(noEnd, 0)).toThrow(FormatError)
    expect(() => readHeader(noEnd, 0)).toThrow(/no END card/)
  })

  it('finds a truncated file by its data size', () => {
    const bytes = file('image1d.fits')
    expect(dataSize(readHdus(bytes)[0]!.header)).toBe(30 * 4)
    expect(() => readHdus(bytes.subarray(0, BLOCK))).toThrow(/truncated/)
  })
})

describe('TFORM', () => {
  it('reads repeat counts, types and variable-length descriptors', () => {
    expect(parseTform('2000E')).toEqual({ repeat: 2000, code: 'E', width: 8000 })
    expect(parseTform('D')).toEqual({ repeat: 1, code: 'D', width: 8 })
    expect(parseTform('8A   ')).toEqual({ repeat: 8, code: 'A', width: 8 })
    expect(parseTform('12X')).toEqual({ repeat: 12, code: 'X', width: 2 })
    expect(parseTform('1PD(1500)')).toEqual({ repeat: 1, code: 'P', heapCode: 'D', width: 8 })
    expect(parseTform('1QE(3)')).toMatchObject({ code: 'Q', heapCode: 'E', width: 16 })
    expect(() => parseTform('3Z')).toThrow(/Unknown binary table column format TFORM = '3Z'/)
  })
})

describe('binary tables', () => {
  it('reads the one-row-of-arrays layout (ESO SDP) with units, UCDs and utypes', () => {
    const t = readBinTable(readHdus(file('sdp-arrays.fits'))[1]!)
    expect(t.rows).toBe(1)
    const wave = findColumn(t, 'wave')!
    expect(wave).toMatchObject({ name: 'WAVE', unit: 'angstrom', ucd: 'em.wl', utype: 'spec:Data.SpectralAxis.Value' })
    expect(nums(readNumbers(t, wave, 0))).toEqual(expected['sdp-arrays'].wave)
    expect(nums(readNumbers(t, findColumn(t, 'FLUX')!, 0))).toEqual(expected['sdp-arrays'].flux)
  })

  it('reads one row per sample: TSCAL/TZERO applied, TNULL as NaN, strings, logicals, bytes', () => {
    const t = readBinTable(readHdus(file('rows.fits'))[1]!)
    const e = expected.rows
    expect(t.rows).toBe(12)
    expect(nums(readColumn(t, findColumn(t, 'LAMBDA')!))).toEqual(e.wave)
    const flux = readColumn(t, findColumn(t, 'FLUX')!)
    expect(nums(flux)).toEqual(e.flux)
    expect(Number.isNaN(flux[5]!)).toBe(true)
    expect(nums(readColumn(t, findColumn(t, 'ERROR')!))).toEqual(e.err)
    expect(Array.from({ length: 12 }, (_, r) => readString(t, findColumn(t, 'NAME')!, r))).toEqual(e.name)
    expect(Array.from(readColumn(t, findColumn(t, 'GOOD')!), Boolean)).toEqual(e.good)
    expect(nums(readColumn(t, findColumn(t, 'Q')!))).toEqual(e.q)
    expect(() => readString(t, findColumn(t, 'FLUX')!, 0)).toThrow(/not a character column/)
  })

  it('reads variable-length arrays from the heap', () => {
    const t = readBinTable(readHdus(file('heap.fits'))[1]!)
    const v = findColumn(t, 'V')!
    expect(v.form).toMatchObject({ code: 'P', heapCode: 'D' })
    expect([0, 1].map((r) => nums(readNumbers(t, v, r)))).toEqual(expected.heap.rows)
  })
})

describe('readSpectrum', () => {
  it('reads an ESO SDP spectrum: WAVE, FLUX, ERR arrays with their units', () => {
    const s = readSpectrum(file('sdp-arrays.fits'))
    const e = expected['sdp-arrays']
    expect(s).toMatchObject({ layout: 'table-arrays', hdu: 1, wavelengthUnit: 'angstrom', fluxUnit: e.units[1], object: 'HD 10700' })
    expect(nums(s.wavelength)).toEqual(e.wave)
    expect(nums(s.flux)).toEqual(e.flux)
    expect(nums(s.error!)).toEqual(e.err)
  })

  it('reads a row-per-sample table, finding LAMBDA and ERROR by name', () => {
    const s = readSpectrum(file('rows.fits'))
    expect(s).toMatchObject({ layout: 'table-rows', wavelengthUnit: 'nm', fluxUnit: 'adu' })
    expect(nums(s.wavelength)).toEqual(expected.rows.wave)
    expect(nums(s.error!)).toEqual(expected.rows.err)
  })

  it('reads a 1-D image spectrum from CRVAL1/CDELT1/CRPIX1 with CUNIT1 and BUNIT', () => {
    const s = readSpectrum(file('image1d.fits'))
    expect(s).toMatchObject({ layout: 'image', hdu: 0, wavelengthUnit: 'Angstrom', fluxUnit: 'erg/s/cm2/Angstrom', object: 'eta Car' })
    expect(s.error).toBeUndefined()
    expect(nums(s.flux)).toEqual(expected.image1d.flux)
    expect(nums(s.wavelength)).toEqual(expected.image1d.wave)
  })

  it('reads an int16 image extension with BSCALE/BZERO, BLANK as NaN and CD1_1 as the step', () => {
    const s = readSpectrum(file('image-int16.fits'))
    expect(s).toMatchObject({ layout: 'image', hdu: 1 })
    expect(nums(s.flux)).toEqual(expected['image-int16'].flux)
    expect(nums(s.wavelength)).toEqual(expected['image-int16'].wave)
  })

  it('says what it found when a FITS file holds no spectrum', () => {
    expect(() => readSpectrum(file('heap.fits'))).toThrow(/No 1-D spectrum in this FITS file.*PRIMARY, BINTABLE/)
  })
})
