/**
 * A 1-D spectrum from a FITS file: an ESO SDP / IVOA Spectrum binary table (WAVE, FLUX, ERR as one row
 * of arrays, or one row per sample), or a 1-D image with a linear (or log-linear) CRVAL1/CDELT1/CRPIX1 axis.
 */
import { FormatError } from '../errors'
import { findColumn, readBinTable, readColumn, readNumbers, type BinTable, type BinTableColumn } from './bintable'
import { readHdus, type Hdu } from './hdu'
import { imageShape, readImage } from './image'

export interface Spectrum {
  wavelength: Float64Array
  flux: Float64Array
  /** 1-sigma flux error, when the file has one */
  error?: Float64Array
  /** TUNITn / CUNIT1 as written, e.g. `angstrom`, `nm` */
  wavelengthUnit?: string
  /** TUNITn / BUNIT as written */
  fluxUnit?: string
  layout: 'table-arrays' | 'table-rows' | 'image'
  /** which HDU held it */
  hdu: number
  /** OBJECT of the primary header */
  object?: string
}

type Role = 'wave' | 'flux' | 'error'

const NAMES: Record<Role, string[]> = {
  wave: ['WAVE', 'WAVELENGTH', 'LAMBDA', 'WAVE_AIR', 'WAVE_VAC'],
  flux: ['FLUX', 'FLUX_REDUCED', 'FLUX_CAL'],
  error: ['ERR', 'ERROR', 'FLUX_ERR', 'ERR_FLUX', 'SIGMA', 'ERR_REDUCED'],
}
const UTYPES: Record<Role, string> = {
  wave: 'data.spectralaxis.value',
  flux: 'data.fluxaxis.value',
  error: 'data.fluxaxis.accuracy.staterror',
}

function columnFor(table: BinTable, role: Role): BinTableColumn | undefined {
  const numeric = table.columns.filter((c) => !['A', 'X', 'C', 'M'].includes(c.form.code) && !['C', 'M'].includes(c.form.heapCode ?? ''))
  const byUtype = numeric.find((c) => c.utype?.toLowerCase().replace(/^[a-z]+:/, '') === UTYPES[role])
  if (byUtype) return byUtype
  for (const n of NAMES[role]) {
    const c = findColumn(table, n)
    if (c && numeric.includes(c)) return c
  }
  const ucd = (c: BinTableColumn) => (c.ucd ?? '').toLowerCase()
  if (role === 'wave') return numeric.find((c) => ucd(c).startsWith('em.wl'))
  if (role === 'error') return numeric.find((c) => ucd(c).startsWith('stat.error'))
  return numeric.find((c) => ucd(c).startsWith('phot.flux') || ucd(c).startsWith('phot.count'))
}

function fromTable(table: BinTable, object: string | undefined): Spectrum | undefined {
  const wave = columnFor(table, 'wave')
  const flux = columnFor(table, 'flux')
  if (!wave || !flux || table.rows === 0) return undefined
  const error = columnFor(table, 'error')
  const arrays = table.rows === 1 || wave.form.repeat > 1 || wave.form.code === 'P' || wave.form.code === 'Q'
  // several rows of arrays would be several spectra: the first is shown
  const read = (c: BinTableColumn) => (table.rows === 1 || !arrays ? readColumn(table, c) : readNumbers(table, c, 0))
  const s: Spectrum = {
    wavelength: read(wave),
    flux: read(flux),
    layout: arrays ? 'table-arrays' : 'table-rows',
    hdu: table.hdu.index,
  }
  if (s.wavelength.length !== s.flux.length) throw new FormatError(`Spectrum columns ${wave.name} (${s.wavelength.length}) and ${flux.name} (${s.flux.length}) differ in length`)
  if (error) {
    const e = read(error)
    if (e.length === s.flux.length) s.error = e
  }
  if (wave.unit) s.wavelengthUnit = wave.unit
  if (flux.unit) s.fluxUnit = flux.unit
  if (object) s.object = object
  return s
}

function fromImage(hdu: Hdu, object: string | undefined): Spectrum | undefined {
  const shape = imageShape(hdu)
  if (shape.length === 0 || shape[0]! < 2 || shape.slice(1).some((n) => n !== 1)) return undefined
  const h = hdu.header
  const crval = h.number('CRVAL1')
  const cdelt = h.number('CDELT1') ?? h.number('CD1_1')
  if (crval === undefined || cdelt === undefined) return undefined
  const crpix = h.number('CRPIX1') ?? 1
  const log = /-LOG$/i.test(h.string('CTYPE1') ?? '') || h.number('DC-FLAG') === 1
  const flux = readImage(hdu)
  // FITS pixel numbers start at 1
  const wavelength = Float64Array.from(flux, (_, i) => {
    const w = crval + (i + 1 - crpix) * cdelt
    return log ? 10 ** w : w
  })
  const s: Spectrum = { wavelength, flux, layout: 'image', hdu: hdu.index }
  const wu = h.string('CUNIT1')?.trim()
  if (wu) s.wavelengthUnit = wu
  const fu = h.string('BUNIT')?.trim()
  if (fu) s.fluxUnit = fu
  if (object) s.object = object
  return s
}

/** Reads the first 1-D spectrum in a FITS file. @throws FormatError when the file is not FITS or holds no spectrum. */
export function readSpectrum(buffer: ArrayBuffer | Uint8Array): Spectrum {
  const hdus = readHdus(buffer)
  const object = hdus[0]?.header.string('OBJECT')?.trim() || undefined
  for (const hdu of hdus) {
    if (hdu.type === 'BINTABLE') {
      const s = fromTable(readBinTable(hdu), object)
      if (s) return s
    }
  }
  for (const hdu of hdus) {
    if ((hdu.type === 'PRIMARY' || hdu.type === 'IMAGE') && hdu.dataLength > 0) {
      const s = fromImage(hdu, object)
      if (s) return s
    }
  }
  throw new FormatError(`No 1-D spectrum in this FITS file: no binary table with wavelength and flux columns, and no 1-D image with CRVAL1/CDELT1 (HDUs: ${hdus.map((h) => h.name ?? h.type).join(', ')})`)
}
