/** File sizes: reading a size column's unit, and writing bytes for people. */

/** Bytes per unit of a size column (ESO's access_estsize is in kbyte = 1000 bytes; a column without a unit is in bytes). */
export const BYTES_PER_UNIT: Readonly<Record<string, number>> = {
  byte: 1, b: 1, kbyte: 1000, kb: 1000, kib: 1024, mbyte: 1e6, mb: 1e6, mib: 1024 ** 2,
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB']

/**
 * Bytes in binary units, which the name says (`5.6 KiB`, `163 KiB`, `1.5 MiB`), the same everywhere a size is
 * shown or written into a script; `unknown` for an undefined, negative or non-finite size.
 */
export function formatBytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n) || n < 0) return 'unknown'
  if (n < 1023.5) return `${Math.round(n)} B`
  let v = n / 1024
  let i = 0
  // 1023.6 KiB would round to "1024 KiB": say 1.0 MiB instead
  while (v >= 1023.5 && i < UNITS.length - 1) {
    v /= 1024
    i++
  }
  return `${v < 9.95 ? v.toFixed(1) : Math.round(v)} ${UNITS[i]}`
}
