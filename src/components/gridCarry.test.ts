import { describe, expect, it } from 'vitest'
import { carriedTo, columnsSignature, settingsOf } from './gridCarry'

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
