import { describe, expect, it } from 'vitest'
import { carriedRows, carriedTo, columnsSignature, settingsOf } from './gridCarry'

const f = (name: string, datatype = 'double') => ({ name, datatype }) as never
const table = (...names: string[]) => ({ fields: names.map((n) => f(n)) })

describe('sort and filters carried to a table that replaces the one shown', () => {
  const api = {
    getColumnState: () => [{ colId: 'c0' }, { colId: 'c2', sort: 'desc' as const, sortIndex: 0 }],
    getFilterModel: () => ({ c1: { filterType: 'text', type: 'contains', filter: 'NGC 1' } }),
  }
  it('goes to a table of the same columns in the same order', () => {
    const s = settingsOf(api as never, table('obs_id', 'target_name', 's_ra'))
    expect(s.sort).toEqual([{ colId: 'c2', sort: 'desc', sortIndex: 0 }])
    expect(carriedTo(s, table('obs_id', 'target_name', 's_ra'))).toBe(s)
  })
  it('not to other columns, nor the same ones in another order (column ids are positions)', () => {
    const s = settingsOf(api as never, table('obs_id', 'target_name', 's_ra'))
    expect(carriedTo(s, table('obs_id', 's_ra', 'target_name'))).toBeUndefined()
    expect(carriedTo(s, table('dp_id', 'target_name', 's_ra'))).toBeUndefined()
    expect(carriedTo(undefined, table('obs_id'))).toBeUndefined()
  })
  it('nothing set: nothing to carry', () => {
    const s = { columns: columnsSignature(table('a')), sort: [], filter: {} }
    expect(carriedTo(s, table('a'))).toBeUndefined()
  })
  it('a column of another type is another column', () => {
    expect(columnsSignature({ fields: [f('a', 'char')] })).not.toBe(columnsSignature({ fields: [f('a', 'double')] }))
  })
})

describe('rows selected on a preview, carried to the whole result', () => {
  const rowsTable = (names: string[], rows: unknown[][]) => ({ fields: names.map((n) => f(n)), rowCount: rows.length, value: (r: number, c: number) => rows[r]![c] as never })
  const cols = ['obs_id', 'target_name', 's_ra']
  const preview = rowsTable(cols, [['A', 'NGC 1', 1], ['B', 'NGC 2', 2], ['C', null, 3]])
  it('the same rows where they were', () => {
    const whole = rowsTable(cols, [['A', 'NGC 1', 1], ['B', 'NGC 2', 2], ['C', null, 3], ['D', 'x', 4]])
    expect(carriedRows(preview, [0, 2], whole)).toEqual([0, 2])
  })
  it('found elsewhere when the whole result has them in another order; rows not there are dropped', () => {
    const whole = rowsTable(cols, [['D', 'x', 4], ['C', null, 3], ['A', 'NGC 1', 1]])
    expect(carriedRows(preview, [0, 1, 2], whole)).toEqual([1, 2])
  })
  it('a value that differs (null vs text, number vs string) is another row', () => {
    const whole = rowsTable(cols, [['A', 'NGC 1', '1'], ['B', 'NGC 2', 2], ['C', '', 3]])
    expect(carriedRows(preview, [0, 1, 2], whole)).toEqual([1])
  })
  it('duplicate rows pair up one for one', () => {
    const dup = rowsTable(cols, [['A', 'x', 1], ['A', 'x', 1]])
    expect(carriedRows(dup, [0, 1], rowsTable(cols, [['B', 'y', 2], ['A', 'x', 1], ['A', 'x', 1]]))).toEqual([1, 2])
    expect(carriedRows(dup, [1], rowsTable(cols, [['B', 'y', 2], ['A', 'x', 1]]))).toEqual([1])
  })
  it('nothing to other columns', () => {
    expect(carriedRows(preview, [0], rowsTable(['obs_id', 's_ra', 'target_name'], [['A', 1, 'NGC 1']]))).toEqual([])
  })
  it('array cells compare by their elements', () => {
    const a = rowsTable(['v'], [[new Float64Array([1, 2])]])
    expect(carriedRows(a, [0], rowsTable(['v'], [[new Float64Array([1, 3])], [new Float64Array([1, 2])]]))).toEqual([1])
  })
})
