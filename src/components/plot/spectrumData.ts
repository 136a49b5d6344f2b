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
  /** x, then per spectrum: flux, flux + error, flux − error (null where that spectrum has no sample; the flux itself when it has no error) */
  data: (Float64Array | (number | null)[])[]
  /** the unit of x (the first spectrum's, when the others convert to it) */
  wavelengthUnit?: string
  /** labels of spectra whose wavelength unit could not be converted (plotted as they are) */
  unconverted: string[]
  /** true when the spectra's flux units differ */
  mixedFluxUnits: boolean
}

/** One spectrum's finite samples in wavelength order (already-sorted input, the usual case, is not re-sorted). */
function ordered(s: PlotSpectrum, factor: number): { x: Float64Array; idx: Int32Array } {
  const n = s.flux.length
  let idx = new Int32Array(n)
  let m = 0
  let sorted = true
  let last = -Infinity
  for (let i = 0; i < n; i++) {
    const w = s.wavelength[i]!
    if (!Number.isFinite(w) || !Number.isFinite(s.flux[i]!)) continue
    if (w < last) sorted = false
    last = w
    idx[m++] = i
  }
  idx = idx.slice(0, m)
  if (!sorted) idx = Int32Array.from(Array.from(idx).sort((a, b) => s.wavelength[a]! - s.wavelength[b]!))
  const x = new Float64Array(m)
  for (let j = 0; j < m; j++) x[j] = s.wavelength[idx[j]!]! * factor
  return { x, idx }
}

/** Puts spectra on one x axis (the sorted union of their wavelengths, by merging); non-finite samples are dropped. */
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
    return { ...ordered(s, f), s }
  })
  // k-way merge of the sorted x arrays; at[k][j] is where sample j of spectrum k lands
  const union = new Float64Array(series.reduce((n, p) => n + p.x.length, 0))
  const at = series.map((p) => new Int32Array(p.x.length))
  const next = new Array<number>(series.length).fill(0)
  let len = 0
  for (; series.length > 1; ) {
    let min = Infinity
    for (let k = 0; k < series.length; k++) if (next[k]! < series[k]!.x.length && series[k]!.x[next[k]!]! < min) min = series[k]!.x[next[k]!]!
    if (min === Infinity) break
    for (let k = 0; k < series.length; k++) {
      const p = series[k]!
      while (next[k]! < p.x.length && p.x[next[k]!] === min) at[k]![next[k]!++] = len
    }
    union[len++] = min
  }
  if (series.length === 1) len = series[0]!.x.length
  const data: AlignedSpectra['data'] = [series.length === 1 ? series[0]!.x : union.slice(0, len)]
  series.forEach(({ idx, s }, k) => {
    const pos = at[k]!
    const hasError = !!s.error
    if (idx.length === len) {
      // no gaps (a single spectrum, or spectra on one grid): typed arrays, far cheaper for a million samples
      const flux = new Float64Array(len)
      for (let j = 0; j < len; j++) flux[j] = s.flux[idx[j]!]!
      if (!hasError) return data.push(flux, flux, flux)
      const hi = new Float64Array(len)
      const lo = new Float64Array(len)
      for (let j = 0; j < len; j++) {
        const e = Math.abs(s.error![idx[j]!]!)
        // a non-finite error becomes a zero-width band there
        const d = Number.isFinite(e) ? e : 0
        hi[j] = flux[j]! + d
        lo[j] = flux[j]! - d
      }
      return data.push(flux, hi, lo)
    }
    const flux: (number | null)[] = new Array(len).fill(null)
    const hi: (number | null)[] = hasError ? new Array(len).fill(null) : flux
    const lo: (number | null)[] = hasError ? new Array(len).fill(null) : flux
    for (let j = 0; j < idx.length; j++) {
      const i = pos[j]!
      const v = s.flux[idx[j]!]!
      flux[i] = v
      const e = s.error?.[idx[j]!]
      if (e !== undefined && Number.isFinite(e)) {
        hi[i] = v + Math.abs(e)
        lo[i] = v - Math.abs(e)
      }
    }
    data.push(flux, hi, lo)
  })
  const fluxUnits = new Set(spectra.map((s) => s.fluxUnit ?? ''))
  return { data, wavelengthUnit: unit, unconverted, mixedFluxUnits: fluxUnits.size > 1 }
}

export const SPECTRUM_COLOURS = ['#0b5cad', '#d1495b', '#2a9d8f', '#e9a03b', '#6a4c93', '#5c946e']
export const SPECTRUM_COLOURS_DARK = ['#7fb8ff', '#ff8a9a', '#5fd3c3', '#ffc46b', '#b79cf0', '#9fd8a8']

/** Colour of the k-th spectrum of a plot. */
export function spectrumColour(k: number, dark = false): string {
  const list = dark ? SPECTRUM_COLOURS_DARK : SPECTRUM_COLOURS
  return list[k % list.length]!
}
