/** The HDUs of a FITS file: each header with the byte range of its data (FITS 4.0 §4.4.1.1 data size). */
import { FormatError } from '../errors'
import { BLOCK, readHeader, type FitsHeader } from './header'

export interface Hdu {
  index: number
  header: FitsHeader
  /** 'PRIMARY' or the XTENSION value (IMAGE, BINTABLE, TABLE, …) */
  type: string
  /** EXTNAME when given */
  name?: string
  /** Bytes of the whole file; the data is bytes[dataStart, dataStart + dataLength). */
  bytes: Uint8Array
  dataStart: number
  dataLength: number
}

/** Size in bytes of an HDU's data (without padding): |BITPIX|/8 · GCOUNT · (PCOUNT + NAXIS1·…·NAXISn). */
export function dataSize(header: FitsHeader): number {
  const naxis = header.number('NAXIS') ?? 0
  if (naxis === 0) return 0
  let n = 1
  // random groups (NAXIS1 = 0) count from NAXIS2
  for (let i = header.number('NAXIS1') === 0 ? 2 : 1; i <= naxis; i++) n *= header.number(`NAXIS${i}`) ?? 0
  const bitpix = Math.abs(header.number('BITPIX') ?? 8)
  return (bitpix / 8) * (header.number('GCOUNT') ?? 1) * ((header.number('PCOUNT') ?? 0) + n)
}

/** Reads every HDU header of a FITS file (the data stays in place). @throws FormatError for a file that is not FITS. */
export function readHdus(buffer: ArrayBuffer | Uint8Array): Hdu[] {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer)
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 30))
  if (!start.startsWith('SIMPLE  =')) throw new FormatError(`Not a FITS file: it starts with "${start.replace(/[^\x20-\x7e]/g, '?').trim()}", not SIMPLE =`)
  if (bytes.length < BLOCK) throw new FormatError(`Not a FITS file: ${bytes.length} bytes, less than one 2880-byte block (truncated?)`)
  const hdus: Hdu[] = []
  let offset = 0
  while (offset + BLOCK <= bytes.length) {
    // trailing zero blocks after the last HDU are tolerated
    if (hdus.length > 0 && bytes[offset] === 0) break
    const { header, end } = readHeader(bytes, offset)
    const dataLength = dataSize(header)
    if (end + dataLength > bytes.length) throw new FormatError(`FITS HDU ${hdus.length} needs ${dataLength} data bytes but the file ends ${bytes.length - end} bytes after its header (truncated?)`)
    const xt = header.string('XTENSION')
    hdus.push({ index: hdus.length, header, type: hdus.length === 0 ? 'PRIMARY' : (xt ?? 'UNKNOWN').trim().toUpperCase(), name: header.string('EXTNAME'), bytes, dataStart: end, dataLength })
    offset = end + Math.ceil(dataLength / BLOCK) * BLOCK
  }
  return hdus
}
