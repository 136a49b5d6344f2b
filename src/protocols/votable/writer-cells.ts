/** Cells of a table being written: the column specs it is written with and the text of a cell's value. */
import {
  DATATYPE_ALIASES, DT_BIT, DT_BOOLEAN, DT_CHAR, DT_DCOMPLEX, DT_DOUBLE, DT_FCOMPLEX, DT_FLOAT, DT_LONG, DT_UNICHAR, makeSpec,
} from './spec'
import type { ColumnSpec } from './spec'
import type { Field, Param, Value } from './types'

/** What the writers need of a table (a parsed `Table` is one). */
export interface TableLike {
  name?: string
  description?: string
  fields: Field[]
  params?: Param[]
  rowCount: number
  value(row: number, column: number): Value
}

export interface Col {
  field: Field
  spec: ColumnSpec
  /** datatype and arraysize as written */
  datatype: string
  arraysize?: string
  scalar: boolean
  complex: boolean
}

export function columnsOf(t: TableLike): Col[] {
  return t.fields.map((f, i) => {
    let datatype = DATATYPE_ALIASES[f.datatype] ?? f.datatype
    let arraysize = f.arraysize
    if (datatype === '') {
      datatype = 'char'
      arraysize ??= '*'
    }
    let spec = makeSpec(f.name, datatype, arraysize, f.nullValue)
    // a fixed-width string column holding longer strings is written with a variable width
    if ((spec.dt === DT_CHAR || spec.dt === DT_UNICHAR) && spec.shape.length <= 1 && !spec.variable) {
      const width = spec.shape.length === 0 ? 1 : spec.shape[0]
      for (let r = 0; r < t.rowCount; r++) {
        const v = t.value(r, i)
        if (typeof v === 'string' && (spec.dt === DT_CHAR ? utf8Length(v) : v.length) > width) {
          arraysize = '*'
          spec = makeSpec(f.name, datatype, arraysize, f.nullValue)
          break
        }
      }
    }
    const complex = spec.dt === DT_FCOMPLEX || spec.dt === DT_DCOMPLEX
    const dims = spec.shape.length
    const scalar = !complex && (dims === 0 || (dims === 1 && spec.shape[0] === 1))
    const col: Col = { field: f, spec, datatype, scalar, complex }
    if (arraysize !== undefined) col.arraysize = arraysize
    return col
  })
}

export function utf8Length(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    // 2 bytes below U+0800, 4 per surrogate pair, else 3
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1
  }
  return n
}

/** Shortest decimal text that reads back to the same float32 / float64. */
export function formatFloat(v: number, float32: boolean): string {
  if (v !== v) return 'NaN'
  if (v === Infinity) return '+Inf'
  if (v === -Infinity) return '-Inf'
  if (!float32) return String(v)
  for (let p = 1; p < 10; p++) {
    const x = Number(v.toPrecision(p))
    if (Math.fround(x) === v) return String(x)
  }
  return String(v)
}

export function isList(v: Value): v is Value[] | ArrayLike<number> {
  return v !== null && typeof v === 'object'
}

/** Elements of an array cell as numbers / bigints / booleans / nulls, complex pairs flattened. */
export function elements(v: Value): (number | bigint | boolean | null)[] {
  const out: (number | bigint | boolean | null)[] = []
  const walk = (x: Value): void => {
    if (isList(x)) for (let i = 0; i < x.length; i++) walk((x as ArrayLike<Value>)[i])
    else if (typeof x === 'string') out.push(Number(x))
    else out.push(x)
  }
  walk(v)
  return out
}

function elementText(x: number | bigint | boolean | null, dt: number): string {
  if (dt === DT_BOOLEAN) return x === null ? '?' : x === true || x === 1 ? 'T' : 'F'
  if (dt === DT_BIT) return x === true || x === 1 ? '1' : '0'
  if (typeof x === 'bigint') return String(x)
  if (x === null || typeof x === 'boolean') return x === true ? '1' : x === false ? '0' : 'NaN'
  if (dt === DT_FLOAT || dt === DT_FCOMPLEX) return formatFloat(x, true)
  if (dt === DT_DOUBLE || dt === DT_DCOMPLEX) return formatFloat(x, false)
  // a long array element the reader could not read is NaN; TABLEDATA can say so, BINARY cannot
  return Number.isFinite(x) ? String(x) : dt === DT_LONG ? 'NaN' : '0'
}

/** 2-D char cell: each string padded to the first dimension and concatenated. */
export function joinStrings(list: Value, c: Col): string {
  const width = c.spec.shape[0] > 0 ? c.spec.shape[0] : 1
  let out = ''
  for (const s of list as (string | null)[]) {
    const t = s ?? ''
    const len = c.spec.dt === DT_CHAR ? utf8Length(t) : t.length
    out += len >= width ? t : t + ' '.repeat(width - len)
  }
  return out
}

export function cellText(v: Value, c: Col): string | null {
  if (v === null) return null
  const dt = c.spec.dt
  if (dt === DT_CHAR || dt === DT_UNICHAR) return Array.isArray(v) ? joinStrings(v, c) : String(v)
  if (c.scalar && !isList(v)) return elementText(typeof v === 'string' ? Number(v) : v, dt)
  return elements(v).map((x) => elementText(x, dt)).join(' ')
}
