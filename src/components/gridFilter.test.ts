import { describe, expect, it } from 'vitest'
import type { Column, Table } from '../protocols/votable'
import { filterRows, filterTest } from './gridFilter'
import { RowSource } from './gridInfinite'
import { GridSorter } from './gridSort'

describe('grid filter models', () => {
  it('text conditions compare without case; "not" conditions keep empty cells', () => {
    expect(filterTest({ filterType: 'text', type: 'contains', filter: 'UV' })('muse-uves')).toBe(true)
    expect(filterTest({ filterType: 'text', type: 'startsWith', filter: 'mu' })('UVES')).toBe(false)
    expect(filterTest({ filterType: 'text', type: 'notEqual', filter: 'a' })(null)).toBe(true)
    expect(filterTest({ filterType: 'text', type: 'equals', filter: 'a' })(null)).toBe(false)
    expect(filterTest({ filterType: 'text', type: 'blank' })('')).toBe(true)
  })

  it('number conditions, ranges exclusive, and two joined by AND or OR', () => {
    expect(filterTest({ filterType: 'number', type: 'greaterThan', filter: 2 })(3)).toBe(true)
    expect(filterTest({ filterType: 'number', type: 'lessThanOrEqual', filter: 2 })(null)).toBe(false)
    expect(filterTest({ filterType: 'number', type: 'inRange', filter: 1, filterTo: 3 })(3)).toBe(false)
    expect(filterTest({ filterType: 'number', type: 'inRange', filter: 1, filterTo: 3 })(2)).toBe(true)
    const either = { filterType: 'number', operator: 'OR' as const, conditions: [{ type: 'lessThan', filter: 1 }, { type: 'greaterThan', filter: 5 }] }
    expect([0, 3, 6].map(filterTest(either))).toEqual([true, false, true])
    expect([0, 3, 6].map(filterTest({ ...either, operator: 'AND' }))).toEqual([false, false, false])
  })

  it('keeps the passing rows of an order (rows beyond n skipped), or of rows as they came', () => {
    const v = [5, 1, 7, 3]
    const models = { c0: { filterType: 'number', type: 'greaterThan', filter: 2 } }
    expect(Array.from(filterRows(undefined, 4, models, () => (r) => v[r]))).toEqual([0, 2, 3])
    expect(Array.from(filterRows(Uint32Array.of(1, 3, 0, 4, 2), 4, models, () => (r) => v[r]))).toEqual([3, 0, 2])
  })
})

describe('rows page by page', () => {
  const ra: number[] = [3, 1, 2, 5]
  const num = { kind: 'number', get: (r: number) => ra[r] } as unknown as Column
  const table = { fields: [{ name: 'ra', datatype: 'double' }], column: () => num, value: (r: number) => ra[r] } as unknown as Table

  it('gives the rows asked for in the sort and filters, with the count of rows shown', () => {
    const source = new RowSource(table, new GridSorter(table), 4)
    let got: { rows: { i: number }[]; count?: number } = { rows: [] }
    const ask = (sortModel: { colId: string; sort: string }[], filterModel: object, startRow = 0, endRow = 2) =>
      source.getRows({ startRow, endRow, sortModel, filterModel, successCallback: (rows: { i: number }[], count?: number) => (got = { rows, count }) } as never)
    ask([], {})
    expect(got).toEqual({ rows: [{ i: 0 }, { i: 1 }], count: 4 })
    ask([{ colId: 'c0', sort: 'desc' }], {}, 1, 10)
    expect(got).toEqual({ rows: [{ i: 0 }, { i: 2 }, { i: 1 }], count: 4 })
    ask([{ colId: 'c0', sort: 'asc' }], { c0: { filterType: 'number', type: 'greaterThan', filter: 1 } })
    expect(got).toEqual({ rows: [{ i: 2 }, { i: 0 }], count: 3 })
    // the order shown, for the selection: place → row and back (row 1 is filtered out)
    expect([source.count(), source.rowAt(0), source.rowAt(2), source.rowAt(3)]).toEqual([3, 2, 3, undefined])
    expect([source.positionOf(0), source.positionOf(1)]).toEqual([1, -1])
    // the table grew: the new rows are in the next pages asked for
    ra.push(0)
    source.n = 5
    ask([{ colId: 'c0', sort: 'asc' }], {}, 0, 1)
    expect(got).toEqual({ rows: [{ i: 4 }], count: 5 })
  })
})
