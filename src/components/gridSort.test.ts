import { describe, expect, it } from 'vitest'
import type { Column, Table } from '../protocols/votable'
import { GridSorter } from './gridSort'

/** A two-column table (a number, a string) whose rows can grow, as a result arriving. */
function table(ra: (number | null)[], name: (string | null)[]): Table {
  const col = (kind: Column['kind'], v: unknown[]) => ({ kind, get: (r: number) => v[r] }) as unknown as Column
  return { fields: [{ name: 'ra', datatype: 'double' }, { name: 'name', datatype: 'char' }], column: (c: number) => (c === 0 ? col('number', ra) : col('string', name)) } as unknown as Table
}

describe('grid sorter', () => {
  it('sorts by a table column either way, and by several', () => {
    const s = new GridSorter(table([3, 1, null, 2], ['b', 'a', 'b', 'a']))
    expect(Array.from(s.permutation([{ colId: 'c0', desc: false }], 4)!)).toEqual([1, 3, 0, 2])
    expect(Array.from(s.permutation([{ colId: 'c0', desc: true }], 4)!)).toEqual([0, 3, 1, 2])
    expect(Array.from(s.permutation([{ colId: 'c1', desc: true }, { colId: 'c0', desc: false }], 4)!)).toEqual([0, 2, 1, 3])
    expect(s.permutation([{ colId: 'x-none', desc: false }], 4)).toBeUndefined()
  })

  it('rows arriving under a sort are merged into it; extra columns are read again when they change', () => {
    const ra: (number | null)[] = [5, 1, 3]
    const s = new GridSorter(table(ra, []))
    expect(Array.from(s.permutation([{ colId: 'c0', desc: false }], 3)!)).toEqual([1, 2, 0])
    ra.push(2, null, 4)
    expect(Array.from(s.permutation([{ colId: 'c0', desc: false }], 6)!)).toEqual([1, 3, 2, 5, 0, 4])
    let seeing = [1, 0, 2]
    s.setExtras([{ id: 'seeing', header: 'seeing', value: (r) => seeing[r] }])
    expect(Array.from(s.permutation([{ colId: 'x-seeing', desc: false }], 3)!)).toEqual([1, 0, 2])
    seeing = [0, 2, 1]
    s.setExtras([{ id: 'seeing', header: 'seeing', value: (r) => seeing[r] }])
    expect(Array.from(s.permutation([{ colId: 'x-seeing', desc: false }], 3)!)).toEqual([0, 2, 1])
  })
})
