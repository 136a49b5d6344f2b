/** Choose the builder for a column spec. */
import { ArrayColumn, CharArrayColumn } from './arrays'
import { NumberColumn, StringColumn } from './scalar'
import { DT_CHAR, DT_DCOMPLEX, DT_FCOMPLEX, DT_UNICHAR } from './spec'
import type { ColumnBuilder, ColumnSpec, Warn } from './spec'

export function createColumn(spec: ColumnSpec, warn: Warn): ColumnBuilder {
  const dims = spec.shape.length
  if (spec.dt === DT_CHAR || spec.dt === DT_UNICHAR) {
    return dims <= 1 ? new StringColumn(spec) : new CharArrayColumn(spec)
  }
  const complex = spec.dt === DT_FCOMPLEX || spec.dt === DT_DCOMPLEX
  // arraysize="1" on a numeric column is read as a scalar
  if (!complex && (dims === 0 || (dims === 1 && spec.shape[0] === 1))) return new NumberColumn(spec, warn)
  return new ArrayColumn(spec, warn)
}
