import { describe, expect, it } from 'vitest'
import { alignSpectra, metresPer, prettyUnit } from './spectrumData'

const f = (a: number[]) => Float64Array.from(a)

describe('alignSpectra', () => {
  it('puts two spectra on one sorted x axis with flux ± error, converting nm to the first spectrum’s Å', () => {
    const a = alignSpectra([
      { id: 'a', label: 'A', wavelength: f([5002, 5000, 5001]), flux: f([3, 1, 2]), error: f([0.3, 0.1, -0.2]), wavelengthUnit: 'angstrom', fluxUnit: 'adu' },
      { id: 'b', label: 'B', wavelength: f([500.05, NaN]), flux: f([7, 8]), wavelengthUnit: 'nm', fluxUnit: 'adu' },
    ])
    expect(Array.from(a.data[0]!)).toEqual([5000, 5000.5, 5001, 5002])
    expect(a.data.slice(1, 4)).toEqual([
      [1, null, 2, 3],
      [1.1, null, 2.2, 3.3],
      [0.9, null, 1.8, 2.7],
    ])
    expect(a.data[4]).toEqual([null, 7, null, null])
    // without errors the band collapses onto the line
    expect(a.data[5]).toEqual([null, 7, null, null])
    expect(a).toMatchObject({ wavelengthUnit: 'angstrom', unconverted: [], mixedFluxUnits: false })
  })

  it('keeps a spectrum without gaps in typed arrays, sorting it once and dropping non-finite samples', () => {
    const a = alignSpectra([{ id: 'a', label: 'A', wavelength: f([3, 1, 2, NaN]), flux: f([30, 10, 20, 5]), error: f([1, NaN, -2, 1]) }])
    expect(a.data.map((d) => d instanceof Float64Array)).toEqual([true, true, true, true])
    expect(a.data.map((d) => Array.from(d))).toEqual([[1, 2, 3], [10, 20, 30], [10, 22, 31], [10, 18, 29]])
  })

  it('says which spectra could not be converted and when flux units differ', () => {
    const a = alignSpectra([
      { id: 'a', label: 'A', wavelength: f([1]), flux: f([1]), wavelengthUnit: 'angstrom', fluxUnit: 'Jy' },
      { id: 'b', label: 'B', wavelength: f([2]), flux: f([1]), wavelengthUnit: 'pixel', fluxUnit: 'adu' },
    ])
    expect(a.unconverted).toEqual(['B'])
    expect(a.mixedFluxUnits).toBe(true)
  })
})

describe('units', () => {
  it('knows wavelength units and writes units for reading', () => {
    expect([metresPer('Angstrom'), metresPer('nm'), metresPer('um'), metresPer('pixel')]).toEqual([1e-10, 1e-9, 1e-6, undefined])
    expect(prettyUnit('erg.cm**(-2).s**(-1).angstrom**(-1)')).toBe('erg·cm⁻²·s⁻¹·Å⁻¹')
    expect(prettyUnit('10**(-16)erg/s/cm^2/Angstrom')).toBe('10⁻¹⁶erg/s/cm²/Å')
    expect(prettyUnit(undefined)).toBe('')
  })
})
