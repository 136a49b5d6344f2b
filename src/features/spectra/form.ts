/** The spectral search form: as typed, in the URL, and as an SSAP queryData request (BAND in metres). */
import { parseRadius } from '../../protocols/coords'
import type { SsapQuery } from '../../protocols/ssap'
import { readUrlForm, writeUrlForm, type UrlFormSpec } from '../../state/urlForm'

export type BandUnit = 'nm' | 'angstrom' | 'um' | 'm'
export const BAND_UNITS: readonly BandUnit[] = ['nm', 'angstrom', 'um', 'm']
export const BAND_UNIT_LABEL: Record<BandUnit, string> = { nm: 'nm', angstrom: 'Å', um: 'µm', m: 'm' }
const TO_METRES: Record<BandUnit, number> = { nm: 1e-9, angstrom: 1e-10, um: 1e-6, m: 1 }

export interface SpectraForm {
  /** object name or coordinates */
  target: string
  /** search diameter as typed; bare numbers are arcmin */
  size: string
  bandMin: string
  bandMax: string
  bandUnit: BandUnit
  /** ISO-8601 date/time (UTC) or MJD */
  timeStart: string
  timeEnd: string
  maxrec: string
}

export const DEFAULT_FORM: SpectraForm = { target: '', size: '2', bandMin: '', bandMax: '', bandUnit: 'nm', timeStart: '', timeEnd: '', maxrec: '200' }

/** The form in the URL; the size is kept even at its default, so that a shared link does not change when the default does. */
export const SPECTRA_URL_FORM: UrlFormSpec<SpectraForm> = {
  defaults: DEFAULT_FORM,
  param: { bandMin: 'wmin', bandMax: 'wmax', bandUnit: 'wunit', timeStart: 'tmin', timeEnd: 'tmax' },
  choices: { bandUnit: BAND_UNITS },
  keep: ['size'],
  trim: true,
}

export const formFromParams = (p: URLSearchParams): SpectraForm => readUrlForm(SPECTRA_URL_FORM, p)

/** URL parameters of a form; defaults are left out so that links stay short. */
export const formToParams = (f: SpectraForm): Record<string, string | undefined> => writeUrlForm(SPECTRA_URL_FORM, f)

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?Z?$/
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

function readTime(text: string): number | string | undefined | Error {
  const t = text.trim()
  if (t === '') return undefined
  if (NUMBER.test(t)) return Number(t)
  if (ISO.test(t) && !Number.isNaN(Date.parse(t.replace(' ', 'T').replace(/Z?$/, 'Z')))) return t.replace(' ', 'T').replace(/Z$/, '')
  return new Error(`"${t}" is neither a date (2021-05-20 or 2021-05-20T14:40) nor an MJD (59354.6)`)
}

export interface BuiltSsap {
  query?: SsapQuery
  errors: Partial<Record<keyof SpectraForm, string>>
}

/** The SSAP request for a form and the target's resolved position; every unreadable field gets its own message. */
export function buildSsapQuery(form: SpectraForm, position: { ra: number; dec: number } | undefined): BuiltSsap {
  const errors: BuiltSsap['errors'] = {}
  let size: number | undefined
  try {
    size = parseRadius(form.size.trim() || DEFAULT_FORM.size, { defaultUnit: 'arcmin' })
  } catch (e) {
    errors.size = (e as Error).message.replace(/^Radius/, 'The search diameter')
  }
  const band: [number, number] = [-Infinity, Infinity]
  for (const [key, i] of [['bandMin', 0], ['bandMax', 1]] as const) {
    const t = form[key].trim()
    if (t === '') continue
    const v = Number(t)
    if (!NUMBER.test(t) || !(v > 0)) errors[key] = `Wavelength "${t}" must be a number above 0 (in ${BAND_UNIT_LABEL[form.bandUnit]})`
    else band[i] = Number((v * TO_METRES[form.bandUnit]).toPrecision(12))
  }
  if (!errors.bandMin && !errors.bandMax && band[0] > band[1]) errors.bandMax = 'The longest wavelength is below the shortest'
  const start = readTime(form.timeStart)
  const end = readTime(form.timeEnd)
  if (start instanceof Error) errors.timeStart = start.message
  if (end instanceof Error) errors.timeEnd = end.message
  const maxrec = Number(form.maxrec.trim() || DEFAULT_FORM.maxrec)
  if (!Number.isInteger(maxrec) || maxrec < 1) errors.maxrec = `MAXREC must be a whole number of at least 1, got "${form.maxrec}"`
  if (!position || Object.keys(errors).length) return { errors }
  const query: SsapQuery = { pos: { ra: position.ra, dec: position.dec }, size: size!, maxrec }
  if (Number.isFinite(band[0]) || Number.isFinite(band[1])) query.band = band
  if ((start !== undefined || end !== undefined) && !(start instanceof Error) && !(end instanceof Error)) query.time = [start ?? '', end ?? '']
  return { query, errors }
}
