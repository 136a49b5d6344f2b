/** SODA BAND is a vacuum wavelength in metres; these convert from the units people type. */

export type WavelengthUnit = 'm' | 'nm' | 'um' | 'µm' | 'Angstrom' | 'Å'

const FACTORS: Record<WavelengthUnit, number> = { m: 1, nm: 1e-9, um: 1e-6, 'µm': 1e-6, Angstrom: 1e-10, 'Å': 1e-10 }

/** A wavelength in `unit` as metres, rounded to 12 significant digits so 475 nm gives 4.75e-7 (not 4.7499999999999995e-7). */
export function toMetres(value: number, unit: WavelengthUnit): number {
  const f = FACTORS[unit]
  if (f === undefined) throw new Error(`Unknown wavelength unit "${unit}"`)
  return Number((value * f).toPrecision(12))
}

/** A wavelength in metres expressed in `unit`. */
export function fromMetres(metres: number, unit: WavelengthUnit): number {
  const f = FACTORS[unit]
  if (f === undefined) throw new Error(`Unknown wavelength unit "${unit}"`)
  return Number((metres / f).toPrecision(12))
}

export const nmToMetres = (nm: number): number => toMetres(nm, 'nm')
export const micronsToMetres = (um: number): number => toMetres(um, 'um')
export const angstromToMetres = (a: number): number => toMetres(a, 'Angstrom')

/** A [lo, hi] band in `unit` as metres, ready for `SodaCutout.band`. */
export function bandInMetres(lo: number, hi: number, unit: WavelengthUnit): [number, number] {
  return [toMetres(lo, unit), toMetres(hi, unit)]
}
