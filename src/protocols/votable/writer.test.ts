import { describe, expect, it } from 'vitest'
import { conformanceFiles, loadConformance } from '../../test-support/votable/corpus'
import { parseVOTable, queryStatus, writeCSV, writeVOTable } from './index'
import type { Table, Value, VOTableDocument } from './index'
import { plain, tabledata } from '../../test-support/votable/build'
import { formatFloat } from './writer-cells'

function tryParse(bytes: Uint8Array): VOTableDocument | null {
  try {
    return parseVOTable(bytes)
  } catch {
    return null
  }
}

const rowsOf = (t: Table, norm: (v: Value, c: number) => unknown = (v) => plain(v)): unknown[][] =>
  Array.from({ length: t.rowCount }, (_, r) => t.fields.map((_f, c) => norm(t.value(r, c), c)))

/** What TABLEDATA cannot carry: "" vs null, empty array vs null, whitespace around strings. */
function tabledataForm(t: Table) {
  return (v: Value, c: number): unknown => {
    const dt = t.fields[c].datatype
    if (typeof v === 'string') return v.trim() === '' ? null : v.trim()
    if (Array.isArray(v) && (dt === 'char' || dt === 'unicodeChar' || dt === 'string' || dt === '')) {
      const s = (v as (string | null)[]).map((x) => (x ?? '').replace(/[ \0]+$/, ''))
      return s.length === 0 ? null : s
    }
    if (v !== null && typeof v === 'object' && v.length === 0) return null
    return plain(v)
  }
}

const cases: [string, Table][] = []
for (const name of conformanceFiles) {
  const doc = tryParse(loadConformance(name))
  doc?.tables.forEach((t, i) => {
    if (t.fields.length > 0) cases.push([`${name} #${i}`, t])
  })
}

describe('write → read gives the same table, for every conformance table', () => {
  it('has many tables to try', () => expect(cases.length).toBeGreaterThan(50))

  for (const [label, t] of cases) {
    it(label, () => {
      const b2 = parseVOTable(writeVOTable(t, { serialization: 'BINARY2' }))
      expect(b2.warnings).toEqual([])
      const back = b2.tables[0]
      expect(back.serialization).toBe('BINARY2')
      expect(back.fields.map((f) => [f.name, f.unit, f.ucd])).toEqual(t.fields.map((f) => [f.name, f.unit, f.ucd]))
      expect(back.rowCount).toBe(t.rowCount)
      // a long array element the reader could not read ("NaN", astropy's regression file) has no binary form: 0
      const longNaN = (v: Value, c: number): unknown =>
        t.fields[c].datatype === 'long' && v !== null && typeof v === 'object' ? plain(Array.from(v as ArrayLike<number>, (x) => (Number.isNaN(x) ? 0 : x))) : plain(v)
      expect(rowsOf(back, longNaN)).toEqual(rowsOf(t, longNaN))

      const td = parseVOTable(writeVOTable(t, { serialization: 'TABLEDATA' })).tables[0]
      expect(td.rowCount).toBe(t.rowCount)
      expect(rowsOf(td, tabledataForm(td))).toEqual(rowsOf(t, tabledataForm(t)))
    })
  }
})

describe('every datatype, nulls, NaN, bigints, arrays', () => {
  const fields = [
    { name: 'bool', datatype: 'boolean' }, { name: 'bit', datatype: 'bit' }, { name: 'ub', datatype: 'unsignedByte' },
    { name: 'sh', datatype: 'short' }, { name: 'i', datatype: 'int' }, { name: 'l', datatype: 'long' },
    { name: 'f', datatype: 'float' }, { name: 'd', datatype: 'double' }, { name: 'fc', datatype: 'floatComplex' },
    { name: 'dc', datatype: 'doubleComplex', arraysize: '2' }, { name: 's', datatype: 'char', arraysize: '*' },
    { name: 's8', datatype: 'char', arraysize: '8' }, { name: 'u', datatype: 'unicodeChar', arraysize: '*' },
    { name: 'ia', datatype: 'int', arraysize: '*' }, { name: 'la', datatype: 'long', arraysize: '2' },
    { name: 'fa', datatype: 'float', arraysize: '2x2' }, { name: 'ba', datatype: 'boolean', arraysize: '*' },
    { name: 'bits', datatype: 'bit', arraysize: '10' }, { name: 'c2', datatype: 'char', arraysize: '4x*' },
  ]
  const rows = [
    ['T', '1', '255', '-32768', '2147483647', '9223372036854775807', '1.5', '0.1', '1 -2', '1 2 3 4', 'a &amp; b', 'fixed', 'Γꙮ😀', '1 2 3', '-9007199254740993 7', '1 2 3 4', 'T F ?', '1010101011', 'abcdefgh'],
    ['F', '0', '0', '0', '0', '0', 'NaN', '-Inf', 'NaN NaN', '0 0 0 0', '"quoted", comma', 'x', 'ü', '', '0 0', 'NaN 1 2 3', 'F', '0000000000', 'ab'],
    ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['?', '1', '7', '-1', '-2', '-9223372036854775808', '3.4028235e38', '5e-324', '1.5 2.5', '1 2 3 4', 'tab\tin', 'é', ' ', '-1', '1 2', '1e-3 2 3 4', '? ? T', '1111111111', ''],
  ]
  const src = parseVOTable(tabledata(fields, rows)).tables[0]

  it('BINARY2 keeps every value exactly', () => {
    const back = parseVOTable(writeVOTable(src)).tables[0]
    expect(rowsOf(back)).toEqual(rowsOf(src))
    expect(back.value(0, 5)).toBe(9223372036854775807n)
    expect(back.value(3, 5)).toBe(-9223372036854775808n)
    expect(back.value(0, 14)).toEqual([-9007199254740993n, 7])
    expect(back.value(1, 6)).toBeNaN()
    expect(back.value(2, 6)).toBe(null)
    expect(back.value(0, 12)).toBe('Γꙮ😀')
    expect(back.value(0, 16)).toEqual([true, false, null])
    expect(back.value(2, 0)).toBe(null)
    expect(back.value(3, 0)).toBe(null)
    expect(back.value(1, 10)).toBe('"quoted", comma')
  })

  it('TABLEDATA keeps every value TABLEDATA can carry', () => {
    const xml = writeVOTable(src, { serialization: 'TABLEDATA' })
    expect(xml).toContain('<TD>a &amp; b</TD>')
    const back = parseVOTable(xml).tables[0]
    expect(rowsOf(back, tabledataForm(back))).toEqual(rowsOf(src, tabledataForm(src)))
    expect(back.value(1, 7)).toBe(-Infinity)
    expect(back.value(0, 5)).toBe(9223372036854775807n)
  })

  it('a fixed-width char column holding longer strings is widened', () => {
    const t = { fields: [{ name: 'c', datatype: 'char', arraysize: '2' }], rowCount: 1, value: () => 'longer' }
    const back = parseVOTable(writeVOTable(t)).tables[0]
    expect(back.fields[0].arraysize).toBe('*')
    expect(back.value(0, 0)).toBe('longer')
  })

  it('writes INFOs (QUERY_STATUS) and PARAMs', () => {
    const doc = parseVOTable(loadConformance('pyvo__dal_query__overflowstatus.xml'))
    const t = doc.tables[0]
    const xml = writeVOTable(t, { infos: [{ name: 'QUERY_STATUS', value: 'OVERFLOW' }] })
    expect(queryStatus(parseVOTable(xml)).status).toBe('OVERFLOW')
  })

  it('float32 values are written with the fewest digits that read back the same', () => {
    expect(formatFloat(Math.fround(0.1), true)).toBe('0.1')
    expect(formatFloat(Math.fround(3.4028235e38), true)).toBe('3.4028235e+38')
    expect(formatFloat(0.1, false)).toBe('0.1')
    expect(formatFloat(NaN, false)).toBe('NaN')
  })
})

describe('CSV', () => {
  it('quotes what needs quoting, nulls are empty, arrays space-separated', () => {
    const src = parseVOTable(tabledata(
      [{ name: 'a,b', datatype: 'int' }, { name: 's', datatype: 'char', arraysize: '*' }, { name: 'x', datatype: 'float', arraysize: '*' }, { name: 'ok', datatype: 'boolean' }],
      [['1', 'say "hi"', '0.1 2', 'T'], ['', 'line', '', 'F'], ['3', 'a,b', 'NaN', '']],
    )).tables[0]
    expect(writeCSV(src)).toBe('"a,b",s,x,ok\n1,"say ""hi""",0.1 2,true\n,line,,false\n3,"a,b",NaN,\n')
    expect(writeCSV(src, { separator: ';', lineEnd: '\r\n' }).split('\r\n')[0]).toBe('a,b;s;x;ok')
  })

  it('writes every conformance table with one line per row', () => {
    for (const [, t] of cases.slice(0, 30)) {
      const csv = writeCSV(t)
      const records = csv.match(/(?:"(?:[^"]|"")*"|[^"\n])*\n/g) ?? []
      expect(records.length).toBe(t.rowCount + 1)
    }
  })
})
