/** FITS image arrays (FITS 4.0 §5): BITPIX, BSCALE/BZERO, BLANK; read big-endian into a Float64Array. */
import { FormatError } from '../errors'
import type { Hdu } from './hdu'

/** The shape of an image HDU, NAXIS1 first (the fastest-varying axis). */
export function imageShape(hdu: Hdu): number[] {
  const naxis = hdu.header.number('NAXIS') ?? 0
  return Array.from({ length: naxis }, (_, i) => hdu.header.number(`NAXIS${i + 1}`) ?? 0)
}

/** All pixel values of an image HDU, scaled by BSCALE/BZERO, with BLANK (integer images) as NaN. */
export function readImage(hdu: Hdu): Float64Array {
  const h = hdu.header
  const bitpix = h.number('BITPIX')
  const size = bitpix === undefined ? 0 : Math.abs(bitpix) / 8
  if (![8, 16, 32, 64, -32, -64].includes(bitpix ?? 0)) throw new FormatError(`HDU ${hdu.index} has an invalid BITPIX = ${String(bitpix)}`)
  const n = imageShape(hdu).reduce((a, b) => a * b, imageShape(hdu).length ? 1 : 0)
  const scale = h.number('BSCALE') ?? 1
  const zero = h.number('BZERO') ?? 0
  const blank = bitpix! > 0 ? h.number('BLANK') : undefined
  const view = new DataView(hdu.bytes.buffer, hdu.bytes.byteOffset + hdu.dataStart, n * size)
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const at = i * size
    const raw =
      bitpix === 8 ? view.getUint8(at)
      : bitpix === 16 ? view.getInt16(at)
      : bitpix === 32 ? view.getInt32(at)
      : bitpix === 64 ? Number(view.getBigInt64(at))
      : bitpix === -32 ? view.getFloat32(at)
      : view.getFloat64(at)
    out[i] = blank !== undefined && raw === blank ? NaN : raw * scale + zero
  }
  return out
}
