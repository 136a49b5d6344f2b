import { describe, expect, it } from 'vitest'
import { parseVOTable } from './index'
import type { Value } from './types'
import { W, binary, tabledata } from '../../test-support/votable/build'

const arr = (v: Value): unknown[] => Array.from(v as ArrayLike<unknown>)

describe('TABLEDATA scalars', () => {
  const fields = [
    { datatype: 'boolean' }, { datatype: 'bit' }, { datatype: 'unsignedByte' }, { datatype: 'short' },
    { datatype: 'int' }, { datatype: 'long' }, { datatype: 'char', arraysize: '*' }, { datatype: 'unicodeChar', arraysize: '*' },
    { datatype: 'float' }, { datatype: 'double' }, { datatype: 'floatComplex' }, { datatype: 'doubleComplex' },
  ]
  const doc = parseVOTable(tabledata(fields, [
    ['T', '1', '255', '-32768', '2147483647', '9007199254740993', ' abc ', 'Βητα', '0.1', '1e-300', '1.5 -2', '3 4'],
    ['false', '0', '0x10', '+7', '-0x10', '-42', 'x&amp;y&lt;', '&#x393;', 'NaN', '-Infinity', 'NaN NaN', '0 0'],
    ['?', '', '', '', '', '', '', '', '', '', '', ''],
    ['f', '1', '1', '1', '1', '9007199254740991', '"q"', 'z', 'inf', '+Inf', '1 1', '-1 1'],
  ]))
  const t = doc.tables[0]

  it('reads one number per cell with the declared precision', () => {
    expect(t.rowCount).toBe(4)
    expect(t.value(0, 0)).toBe(true)
    expect(t.value(1, 0)).toBe(false)
    expect(t.value(3, 0)).toBe(false)
    expect(t.value(0, 1)).toBe(true)
    expect(t.value(1, 1)).toBe(false)
    expect(t.value(0, 2)).toBe(255)
    expect(t.value(1, 2)).toBe(16)
    expect(t.value(0, 3)).toBe(-32768)
    expect(t.value(1, 3)).toBe(7)
    expect(t.value(0, 4)).toBe(2147483647)
    expect(t.value(1, 4)).toBe(-16)
    expect(t.value(0, 8)).toBe(Math.fround(0.1))
    expect(t.value(0, 9)).toBe(1e-300)
  })

  it('keeps long beyond 2^53 exact as bigint, numbers otherwise', () => {
    expect(t.value(0, 5)).toBe(9007199254740993n)
    expect(t.value(1, 5)).toBe(-42)
    expect(t.value(3, 5)).toBe(9007199254740991)
  })

  it('decodes entities and trims char cells', () => {
    expect(t.value(0, 6)).toBe('abc')
    expect(t.value(1, 6)).toBe('x&y<')
    expect(t.value(3, 6)).toBe('"q"')
    expect(t.value(0, 7)).toBe('Βητα')
    expect(t.value(1, 7)).toBe('Γ')
  })

  it('keeps NaN and infinities, reads complex as [re, im]', () => {
    expect(t.value(1, 8)).toBeNaN()
    expect(t.value(3, 8)).toBe(Infinity)
    expect(t.value(1, 9)).toBe(-Infinity)
    expect(t.value(3, 9)).toBe(Infinity)
    expect(t.value(0, 10)).toEqual([1.5, -2])
    expect(t.value(0, 11)).toEqual([3, 4])
    expect(t.value(3, 11)).toEqual([-1, 1])
  })

  it('reads empty cells and "?" booleans as null in every column', () => {
    for (let c = 0; c < fields.length; c++) expect(t.value(2, c)).toBe(null)
  })

  it('applies VALUES null to integers and floats', () => {
    const d = parseVOTable(tabledata([{ datatype: 'int', nullValue: '-999' }, { datatype: 'double', nullValue: '-99.5' }, { datatype: 'char', arraysize: '*', nullValue: 'N/A' }],
      [['-999', '-99.5', 'N/A'], ['5', '1.5', 'ok']]))
    const u = d.tables[0]
    expect([u.value(0, 0), u.value(0, 1), u.value(0, 2)]).toEqual([null, null, null])
    expect([u.value(1, 0), u.value(1, 1), u.value(1, 2)]).toEqual([5, 1.5, 'ok'])
    expect(u.fields[0].nullValue).toBe('-999')
  })

  it('warns and reads null for an unreadable number', () => {
    const d = parseVOTable(tabledata([{ datatype: 'double' }, { datatype: 'int' }], [['abc', '1.5']]))
    expect(d.tables[0].value(0, 0)).toBe(null)
    expect(d.tables[0].value(0, 1)).toBe(null)
    expect(d.warnings.join('\n')).toMatch(/column "c0": invalid double value "abc"/)
  })
})

describe('TABLEDATA arrays', () => {
  const fields = [
    { datatype: 'int', arraysize: '3' }, { datatype: 'double', arraysize: '*' }, { datatype: 'float', arraysize: '2x3' },
    { datatype: 'char', arraysize: '10' }, { datatype: 'char', arraysize: '4x*' }, { datatype: 'bit', arraysize: '*' },
    { datatype: 'boolean', arraysize: '3' }, { datatype: 'short', arraysize: '2x*' }, { datatype: 'doubleComplex', arraysize: '2' },
    { datatype: 'long', arraysize: '*' },
  ]
  const t = parseVOTable(tabledata(fields, [
    ['1 2 3', '0.5 NaN 2', '1 2 3 4 5 6', 'fixed', 'abcdefgh', '1 0 1', 'T F ?', '1 2 3 4', '1 2 3 4', '9007199254740993 1'],
    ['', '', '', '', '', '', '', '', '', ''],
    ['4,5,6', '7', '0 0 0 0 0 0', 'x', 'ab', '0110', 'TFT', '5 6', '0 0 0 0', ''],
  ])).tables[0]

  it('returns typed arrays for numeric arrays (fixed, variable, multi-dimensional flattened)', () => {
    expect(t.value(0, 0)).toBeInstanceOf(Int32Array)
    expect(arr(t.value(0, 0))).toEqual([1, 2, 3])
    expect(arr(t.value(2, 0))).toEqual([4, 5, 6])
    const d = arr(t.value(0, 1)) as number[]
    expect(d[0]).toBe(0.5)
    expect(d[1]).toBeNaN()
    expect(arr(t.value(2, 1))).toEqual([7])
    expect(t.value(0, 2)).toBeInstanceOf(Float32Array)
    expect(arr(t.value(0, 2))).toEqual([1, 2, 3, 4, 5, 6])
    expect(arr(t.value(0, 7))).toEqual([1, 2, 3, 4])
    expect(t.column(2).shape).toEqual([2, 3])
  })

  it('reads char arrays as strings and 2-D char as lists of strings', () => {
    expect(t.value(0, 3)).toBe('fixed')
    expect(t.value(0, 4)).toEqual(['abcd', 'efgh'])
    expect(t.value(2, 4)).toEqual(['ab'])
  })

  it('reads bit arrays as 0/1 and boolean arrays as true/false/null', () => {
    expect(arr(t.value(0, 5))).toEqual([1, 0, 1])
    expect(arr(t.value(2, 5))).toEqual([0, 1, 1, 0])
    expect(t.value(0, 6)).toEqual([true, false, null])
    expect(t.value(2, 6)).toEqual([true, false, true])
  })

  it('reads complex arrays as [re, im] pairs and big long elements as bigint', () => {
    expect(t.value(0, 8)).toEqual([[1, 2], [3, 4]])
    expect(t.value(0, 9)).toEqual([9007199254740993n, 1])
  })

  it('reads empty array cells as null', () => {
    for (let c = 0; c < fields.length; c++) expect(t.value(1, c)).toBe(null)
  })
})

describe('BINARY and BINARY2', () => {
  const fields = [
    { datatype: 'boolean' }, { datatype: 'bit' }, { datatype: 'unsignedByte' }, { datatype: 'short', nullValue: '-1' },
    { datatype: 'int', nullValue: '-2147483648' }, { datatype: 'long' }, { datatype: 'char', arraysize: '6' },
    { datatype: 'unicodeChar', arraysize: '*' }, { datatype: 'float' }, { datatype: 'double' },
    { datatype: 'floatComplex' }, { datatype: 'double', arraysize: '*' }, { datatype: 'bit', arraysize: '10' },
    { datatype: 'int', arraysize: '2x2' },
  ]
  const row = (w: W, i: number, big: bigint) =>
    w.u8(i === 0 ? 84 : 63).u8(i === 0 ? 0x80 : 0).u8(200 + i).i16(i === 0 ? 7 : -1).i32(i === 0 ? -5 : -2147483648).i64(big)
      .ascii(i === 0 ? 'ab' : 'abcdef', 6).i32(2).ucs2(i === 0 ? 'Γa' : 'zz').f32(i === 0 ? 0.1 : NaN).f64(i === 0 ? -1.5 : Infinity)
      .f32(1).f32(-1).i32(i === 0 ? 2 : 0).f64(1.25).f64(2.5).u8(0b10100000, 0b01000000).i32(1).i32(2).i32(3).i32(4)

  it('decodes every datatype from BINARY (nulls from VALUES, NaN kept)', () => {
    const w = new W()
    row(w, 0, 9223372036854775807n)
    row(w, 1, -3n)
    const t = parseVOTable(binary(fields, w.data, 'BINARY')).tables[0]
    expect(t.serialization).toBe('BINARY')
    expect(t.rowCount).toBe(2)
    const r0 = fields.map((_, c) => t.value(0, c))
    expect(r0.slice(0, 11)).toEqual([true, true, 200, 7, -5, 9223372036854775807n, 'ab', 'Γa', Math.fround(0.1), -1.5, [1, -1]])
    expect(arr(r0[11])).toEqual([1.25, 2.5])
    expect(arr(r0[12])).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 1])
    expect(arr(r0[13])).toEqual([1, 2, 3, 4])
    expect(t.value(1, 0)).toBe(null) // boolean '?'
    expect(t.value(1, 1)).toBe(false)
    expect(t.value(1, 3)).toBe(null) // short == VALUES null
    expect(t.value(1, 4)).toBe(null)
    expect(t.value(1, 5)).toBe(-3)
    expect(t.value(1, 6)).toBe('abcdef')
    expect(t.value(1, 8)).toBeNaN()
    expect(t.value(1, 9)).toBe(Infinity)
    expect(arr(t.value(1, 11))).toEqual([])
  })

  it('honours the BINARY2 null bitmap for every column kind', () => {
    const w = new W()
    w.u8(0, 0) // no nulls
    row(w, 0, 1n)
    w.u8(0b11111111, 0b11111100) // all 14 columns null
    row(w, 0, 1n)
    const t = parseVOTable(binary(fields, w.data, 'BINARY2')).tables[0]
    expect(t.serialization).toBe('BINARY2')
    expect(t.value(0, 6)).toBe('ab')
    expect(t.value(0, 5)).toBe(1)
    for (let c = 0; c < fields.length; c++) expect(t.value(1, c)).toBe(null)
    const col = t.column(9)
    expect(col.kind).toBe('number')
    expect(col.data).toBeInstanceOf(Float64Array)
    expect(Array.from(col.nulls!)).toEqual([0, 1])
  })

  it('reads variable char and 2-D char in binary', () => {
    const f = [{ datatype: 'char', arraysize: '*' }, { datatype: 'char', arraysize: '3x*' }, { datatype: 'unicodeChar', arraysize: '2' }]
    const w = new W().u8(0).i32(5).ascii('hello').i32(6).ascii('abcde').u8(0).ucs2('ñ').u8(0, 0)
    const t = parseVOTable(binary(f, w.data)).tables[0]
    expect([t.value(0, 0), t.value(0, 1), t.value(0, 2)]).toEqual(['hello', ['abc', 'de'], 'ñ'])
  })
})

describe('column accessor', () => {
  it('exposes typed storage and a null mask without per-row objects', () => {
    const t = parseVOTable(tabledata([{ datatype: 'int' }, { datatype: 'char', arraysize: '*' }, { datatype: 'float', arraysize: '*' }],
      [['1', 'a', '1 2'], ['', '', '3'], ['3', 'c', '']])).tables[0]
    const ints = t.column(0)
    expect(ints.kind).toBe('number')
    expect(ints.data).toBeInstanceOf(Int32Array)
    expect(Array.from(ints.data as Int32Array)).toEqual([1, 0, 3])
    expect(Array.from(ints.nulls!)).toEqual([0, 1, 0])
    const strs = t.column(1)
    expect(strs.kind).toBe('string')
    expect(Array.from(strs.data as ArrayLike<string | null>)).toEqual(['a', null, 'c'])
    const a = t.column(2)
    expect(a.kind).toBe('array')
    expect(Array.from(a.offsets!)).toEqual([0, 2, 3, 3])
    expect(Array.from(a.data as Float32Array)).toEqual([1, 2, 3])
    expect(a.get(0)).toEqual(t.value(0, 2))
    expect(() => t.value(3, 0)).toThrow(RangeError)
    expect(() => t.value(0, 3)).toThrow(RangeError)
  })
})
