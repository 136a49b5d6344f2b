/** Table object: metadata plus column storage with O(1) cell access. */
import type { Column, Field, Group, Info, Link, Param, Resource, Serialization, Table, Value } from './types'
import type { ColumnBuilder } from './spec'

export class VOTableTable implements Table {
  name?: string
  id?: string
  ref?: string
  ucd?: string
  utype?: string
  description?: string
  nrows?: number
  fields: Field[] = []
  params: Param[] = []
  groups: Group[] = []
  links: Link[] = []
  infos: Info[] = []
  serialization?: Serialization
  rowCount = 0
  truncated = false
  /**
   * @internal rows handed on (streaming with `keepRows: false`) and dropped from the columns: they hold rows
   * [released, rowCount), at their indexes minus `released`
   */
  released = 0
  /** @internal INFOs written inside the TABLE element */
  ownInfos: Info[] = []
  /** @internal enclosing RESOURCE */
  resource?: Resource
  /** @internal */
  columns: ColumnBuilder[] = []

  value(row: number, column: number): Value {
    const c = this.columns[column]
    if (c === undefined) throw new RangeError(`column ${column} out of range (0..${this.columns.length - 1})`)
    return c.get(row)
  }

  column(column: number): Column {
    const c = this.columns[column]
    if (c === undefined) throw new RangeError(`column ${column} out of range (0..${this.columns.length - 1})`)
    return c
  }
}
