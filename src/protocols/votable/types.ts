/** Public data model of the VOTable reader. */

export type Value = null | boolean | number | bigint | string | Value[] | ArrayLike<number>

export interface Info {
  name: string
  value: string
  id?: string
  /** element text (e.g. the QUERY_STATUS=ERROR message), trimmed; absent when empty */
  content?: string
}

export interface ValuesOption {
  name?: string
  value: string
  options?: ValuesOption[]
}

/** VALUES element of a FIELD or PARAM (raw attribute strings). */
export interface Values {
  null?: string
  min?: string
  max?: string
  minInclusive?: boolean
  maxInclusive?: boolean
  options?: ValuesOption[]
  ref?: string
}

export interface Link {
  href?: string
  contentRole?: string
  contentType?: string
  title?: string
  value?: string
  action?: string
  id?: string
}

export interface Field {
  name: string
  datatype: string
  arraysize?: string
  unit?: string
  ucd?: string
  utype?: string
  xtype?: string
  id?: string
  ref?: string
  width?: string
  precision?: string
  description?: string
  /** VALUES/@null */
  nullValue?: string
  values?: Values
  links?: Link[]
}

export interface Param extends Field {
  /** the value attribute decoded by datatype/arraysize (null when empty or equal to nullValue) */
  value: Value
  /** the value attribute as written */
  rawValue: string
}

export interface Group {
  name?: string
  id?: string
  ref?: string
  ucd?: string
  utype?: string
  description?: string
  params: Param[]
  fieldRefs: string[]
  paramRefs: string[]
  groups: Group[]
}

/** COOSYS or TIMESYS element (attributes as written). */
export interface CoordinateSystem {
  kind: 'COOSYS' | 'TIMESYS'
  id?: string
  attributes: Record<string, string>
}

export interface Resource {
  type?: string
  utype?: string
  id?: string
  name?: string
  description?: string
  infos: Info[]
  params: Param[]
  groups: Group[]
  links: Link[]
  coordinateSystems: CoordinateSystem[]
  tables: Table[]
  resources: Resource[]
}

/**
 * Column storage.  `kind` says how to read it:
 * - 'number'  : `data` is a typed array with one number per row (boolean and bit scalars: 0/1);
 *               `bigints` holds the rows of a `long` column that are not safe integers.
 * - 'string'  : `data` is an array of strings (null = null cell).
 * - 'array'   : numeric arrays stored flat in the typed array `data`; row r spans
 *               [offsets[r], offsets[r+1]) (complex scalars: 2 numbers per row).
 * - 'object'  : `data` is an array of per-row values (boolean/complex arrays, 2-D char, long arrays).
 * `nulls[r] === 1` marks a null cell (null when the column has no null cells).
 */
export interface Column {
  kind: 'number' | 'string' | 'array' | 'object'
  datatype: string
  data: ArrayLike<number> | ArrayLike<string | null> | ArrayLike<Value>
  nulls: Uint8Array | null
  offsets?: Uint32Array
  bigints?: ReadonlyMap<number, bigint>
  /** parsed arraysize: dimensions, -1 for a variable last dimension; [] for scalars */
  shape: number[]
  /** the cell value, same as Table.value(row, thisColumn) */
  get(row: number): Value
}

export type Serialization = 'TABLEDATA' | 'BINARY' | 'BINARY2' | 'FITS' | 'PARQUET'

export interface Table {
  name?: string
  id?: string
  ref?: string
  ucd?: string
  utype?: string
  description?: string
  /** nrows attribute, if given */
  nrows?: number
  fields: Field[]
  params: Param[]
  groups: Group[]
  links: Link[]
  /** INFOs inside the TABLE, then those of its RESOURCE (before or after it), then INFOs right after that RESOURCE */
  infos: Info[]
  serialization?: Serialization
  rowCount: number
  /** true when the data ended early (truncated input); the complete rows are kept */
  truncated: boolean
  value(row: number, column: number): Value
  column(column: number): Column
}

export interface VOTableDocument {
  version?: string
  description?: string
  /** INFO elements directly under VOTABLE */
  infos: Info[]
  /** PARAMs directly under VOTABLE (or its DEFINITIONS) */
  params: Param[]
  groups: Group[]
  coordinateSystems: CoordinateSystem[]
  /** every TABLE, in document order */
  tables: Table[]
  resources: Resource[]
  /** non-fatal problems met while reading (truncation, lenient repairs, unsupported features) */
  warnings: string[]
}

export type QueryStatusValue = 'OK' | 'OVERFLOW' | 'ERROR'

export interface QueryStatus {
  status: QueryStatusValue | undefined
  message?: string
}
