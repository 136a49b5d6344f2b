/** A FITS header as SODA KIND=HEADER returns it: read with the FITS reader, and its cards as lines for display. */
import { BLOCK, dataSize, readHeader, type FitsHeader } from '../../protocols/fits'

export interface HeaderText {
  header: FitsHeader
  /** the cards as written (80 characters, trailing blanks removed), up to END */
  lines: string[]
}

/** Reads a header block. @throws FormatError when it is not a FITS header. */
export function readHeaderText(bytes: Uint8Array): HeaderText {
  const { header, end } = readHeader(bytes, 0)
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, end))
  const lines: string[] = []
  for (let i = 0; i + 80 <= text.length; i += 80) {
    const line = text.slice(i, i + 80).replace(/\s+$/, '')
    lines.push(line)
    if (line === 'END') break
  }
  return { header, lines }
}

/** Bytes of the primary HDU this header describes: header blocks plus padded data blocks. */
export function primaryHduBytes(h: HeaderText): number {
  const block = (n: number) => Math.ceil(n / BLOCK) * BLOCK
  return block(h.lines.length * 80) + block(dataSize(h.header))
}

/** NAXIS1…NAXISn. */
export function axes(header: FitsHeader): number[] {
  const n = header.number('NAXIS') ?? 0
  return Array.from({ length: n }, (_, i) => header.number(`NAXIS${i + 1}`) ?? 0)
}
