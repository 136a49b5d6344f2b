/** BINARY / BINARY2 row decoding from a byte buffer (stream-capable: stops at incomplete rows). */
import type { ColumnBuilder } from './spec'

export interface BinaryProgress {
  /** rows completely decoded so far */
  rows: number
  /** byte offset after the last complete row */
  offset: number
}

/**
 * Decode as many complete rows as `u8[offset..]` holds, appending to `cols`.
 * A row cut short is rolled back; the caller keeps `u8.subarray(offset)` for later
 * (streaming) or reports truncation (final).
 */
export function decodeBinaryRows(u8: Uint8Array, cols: ColumnBuilder[], binary2: boolean, progress: BinaryProgress): void {
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength)
  const ncols = cols.length
  const maskBytes = binary2 ? (ncols + 7) >> 3 : 0
  const len = u8.length
  let off = progress.offset
  let rows = progress.rows
  if (ncols === 0) return
  rowLoop: while (off < len) {
    const rowStart = off
    if (off + maskBytes > len) break
    off += maskBytes
    for (let c = 0; c < ncols; c++) {
      const isNull = binary2 && (u8[rowStart + (c >> 3)] & (0x80 >> (c & 7))) !== 0
      const next = cols[c].binary(view, u8, off, isNull)
      if (next < 0) {
        for (let k = 0; k < c; k++) cols[k].rollback(rows)
        off = rowStart
        break rowLoop
      }
      off = next
    }
    rows++
  }
  progress.rows = rows
  progress.offset = off
}
