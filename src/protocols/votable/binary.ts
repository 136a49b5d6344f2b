/**
 * BINARY / BINARY2 row decoding from a byte buffer (stream-capable: stops at incomplete rows).
 *
 * The common columns (scalar numbers, char strings kept as bytes) are decoded by one loop that
 * switches on a per-column code computed once per call and writes each cell straight into the
 * column's typed storage, reserved a block of rows at a time; any other column appends through
 * its builder's `binary` method.
 */
import { CHARS, F32, F64, FastRows, GENERIC, I16, I32, I64, U8 } from './fastrows'
import type { BinaryProgress } from './fastrows'
import { NumberColumn, StringColumn } from './scalar'
import { DT_DOUBLE, DT_FLOAT, DT_INT, DT_LONG, DT_SHORT, DT_UBYTE } from './spec'
import type { ColumnBuilder } from './spec'

export type { BinaryProgress } from './fastrows'

const NUMBER_CODES: Readonly<Record<number, number>> = { [DT_DOUBLE]: F64, [DT_FLOAT]: F32, [DT_INT]: I32, [DT_SHORT]: I16, [DT_UBYTE]: U8, [DT_LONG]: I64 }

/** per-column decoding code, and whether any column has one other than GENERIC */
function planOf(cols: ColumnBuilder[], rows: number): Int32Array | null {
  const codes = new Int32Array(cols.length)
  let fast = false
  for (let c = 0; c < cols.length; c++) {
    const col = cols[c]
    let code = GENERIC
    if (col.n === rows) {
      if (col instanceof NumberColumn) code = NUMBER_CODES[col.dt] ?? GENERIC
      else if (col instanceof StringColumn && col.takesBytes()) code = CHARS
    }
    codes[c] = code
    if (code !== GENERIC) fast = true
  }
  return fast ? codes : null
}

/**
 * Decode as many complete rows as `u8[offset..]` holds, appending to `cols`.
 * A row cut short is rolled back; the caller keeps `u8.subarray(offset)` for later
 * (streaming) or reports truncation (final).
 */
export function decodeBinaryRows(u8: Uint8Array, cols: ColumnBuilder[], binary2: boolean, progress: BinaryProgress): void {
  if (cols.length === 0) return
  const codes = planOf(cols, progress.rows)
  if (codes === null) decodeGeneric(u8, cols, binary2, progress)
  else new FastRows(u8, cols, codes, binary2, progress).decode()
}

/** one builder call per cell */
function decodeGeneric(u8: Uint8Array, cols: ColumnBuilder[], binary2: boolean, progress: BinaryProgress): void {
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength)
  const ncols = cols.length
  const maskBytes = binary2 ? (ncols + 7) >> 3 : 0
  const len = u8.length
  let off = progress.offset
  let rows = progress.rows
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
  progress.seen += off - progress.offset
  progress.rows = rows
  progress.offset = off
}
