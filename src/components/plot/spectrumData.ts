/** Spectra made ready for one uPlot chart: common wavelength unit, one sorted x axis, flux ± error per spectrum. */

export interface PlotSpectrum {
  id: string
  label: string
  wavelength: Float64Array
  flux: Float64Array
  error?: Float64Array
  wavelengthUnit?: string
  fluxUnit?: string
}

// metres per unit, for the spellings found in TUNITn / CUNIT1 (FITS, VOUnits, IRAF)
const LENGTH: Record<string, number> = { m: 1, cm: 1e-2, mm: 1e-3, um: 1e-6, micron: 1e-6, µm: 1e-6, nm: 1e-9, angstrom: 1e-10, a: 1e-10, aa: 1e-10, å: 1e-10, '0.1nm': 1e-10, pm: 1e-12 }

/** Metres per unit of a wavelength unit, or undefined when it is not a length. */
export function metresPer(unit: string | undefined): number | undefined {
  return unit === undefined ? undefined : LENGTH[unit.trim().toLowerCase()]
}

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' }

/** A unit written for reading: `erg.cm**(-2).s**(-1).angstrom**(-1)` → `erg·cm⁻²·s⁻¹·Å⁻¹`. */
export function prettyUnit(unit: string | undefined): string {
  if (!unit) return ''
  return unit
    .replace(/\*\*\(?(-?\d+)\)?|\^\(?(-?\d+)\)?/g, (_, a: string | undefined, b: string | undefined) => [...(a ?? b ?? '')].map((c) => SUP[c] ?? c).join(''))
    .replace(/\bangstrom\b/gi, 'Å')
    .replace(/(\w|[⁰¹²³⁴⁵⁶⁷⁸⁹])\.(?=[A-Za-zÅ])/g, '$1·')
}

export interface AlignedSpectra {
  /** x, then per spectrum: flux, flux + error, flux − error (null where that spectrum has no sample) */
  data: (Float64Array | (number | null)[])[]
  /** the unit of x (the first spectrum's, when the others convert to it) */
  wavelengthUnit?: string
  /** labels of spectra whose wavelength unit could not be converted (plotted as they are) */
  unconverted: string[]
  /** true when the spectra's flux units differ */
  mixedFluxUnits: boolean
}

/** Puts spectra on one x axis (the sorted union of their wavelengths); non-finite samples are dropped. */
export function alignSpectra(spectra: readonly PlotSpectrum[]): AlignedSpectra {
  const unit = spectra[0]?.wavelengthUnit
  const target = metresPer(unit)
  const unconverted: string[] = []
  const series = spectra.map((s, k) => {
    let f = 1
    if (k > 0 && s.wavelengthUnit !== unit) {
      const from = metresPer(s.wavelengthUnit)
      if (from !== undefined && target !== undefined) f = from / target
      else unconverted.push(s.label)
    }
    const idx: number[] = []
    for (let i = 0; i < s.flux.length; i++) if (Number.isFinite(s.wavelength[i]!) && Number.isFinite(s.flux[i]!)) idx.push(i)
    idx.sort((a, b) => s.wavelength[a]! - s.wavelength[b]!)
    return { x: idx.map((i) => s.wavelength[i]! * f), idx, s }
  })
  const xs = [...new Set(series.flatMap((p) => p.x))].sort((a, b) => a - b)
  const at = new Map(xs.map((x, i) => [x, i]))
  const data: AlignedSpectra['data'] = [Float64Array.from(xs)]
  for (const { x, idx, s } of series) {
    const flux: (number | null)[] = new Array(xs.length).fill(null)
    const hi: (number | null)[] = new Array(xs.length).fill(null)
    const lo: (number | null)[] = new Array(xs.length).fill(null)
    for (let j = 0; j < idx.length; j++) {
      const i = at.get(x[j]!)!
      const v = s.flux[idx[j]!]!
      const e = s.error?.[idx[j]!]
      flux[i] = v
      if (e !== undefined && Number.isFinite(e)) (hi[i] = v + Math.abs(e)), (lo[i] = v - Math.abs(e))
    }
    data.push(flux, hi, lo)
  }
  const fluxUnits = new Set(spectra.map((s) => s.fluxUnit ?? ''))
  return { data, wavelengthUnit: unit, unconverted, mixedFluxUnits: fluxUnits.size > 1 }
}
