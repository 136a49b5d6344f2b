/** Rows of a coverage run: plain values (JSON-safe, so that a run survives a reload) and a Table over them for the grid. */
import type { Column, Field, Table, Value } from '../votable'

export type Cell = string | number | boolean | null

export interface ChunkRows {
  /** The fields after target_name_in and target_index. */
  fields: Field[]
  /** Each row: target name, target index, then the fields' values. */
  rows: Cell[][]
}

/** A value as a JSON-safe cell (big integers as numbers when exact, else text; arrays as text). */
export function toCell(v: Value): Cell {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return typeof v === 'number' && !Number.isFinite(v) ? null : v
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()
  return Array.from(v as ArrayLike<Value>, (x) => String(x)).join(' ')
}

/** Fields as the rows hold them: arrays become text, long integers stay numbers. */
export function cellField(f: Field): Field {
  const copy: Field = { ...f }
  delete copy.values
  delete copy.links
  delete copy.nullValue
  if (f.arraysize !== undefined && !/^(char|unicodeChar)$/.test(f.datatype)) return { ...copy, datatype: 'char', arraysize: '*' }
  if (f.datatype === 'long') return { ...copy, datatype: 'double' }
  return copy
}

export const TARGET_FIELDS: Field[] = [
  { name: 'target_name_in', datatype: 'char', arraysize: '*', ucd: 'meta.id;src', description: 'The target of the input list this row lies near' },
  { name: 'target_index', datatype: 'int', ucd: 'meta.record', description: 'Position of the target in the input list (from 1)' },
]

/** A read-only Table over rows of cells. */
export function rowsTable(fields: Field[], rows: readonly Cell[][], name?: string): Table {
  const columns: Column[] = fields.map((f, c) => {
    const numeric = /^(short|int|long|float|double|unsignedByte)$/.test(f.datatype) && f.arraysize === undefined
    return {
      kind: numeric ? 'number' : f.datatype === 'boolean' ? 'object' : 'string',
      datatype: f.datatype,
      data: rows.map((row) => row[c] ?? null),
      nulls: null,
      shape: f.arraysize === undefined ? [] : [-1],
      get: (r: number) => rows[r]![c] ?? null,
    }
  })
  return {
    name,
    fields,
    params: [],
    groups: [],
    links: [],
    infos: [],
    rowCount: rows.length,
    truncated: false,
    value: (r, c) => rows[r]![c] ?? null,
    column: (c) => columns[c]!,
  }
}
