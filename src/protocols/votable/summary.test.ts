import { describe, expect, it } from 'vitest'
import { loadConformance } from '../../test-support/votable/corpus'
import { describeVOTable, parseVOTable } from './index'
import { formatCell } from './summary'
import { binary, tabledata, W } from '../../test-support/votable/build'

describe('describeVOTable', () => {
  it('lists tables, fields, INFOs, status, warnings and the first rows aligned', () => {
    const doc = parseVOTable(tabledata(
      [{ name: 'obs_id', datatype: 'char', arraysize: '*' }, { name: 's_ra', datatype: 'double' }, { name: 'mag', datatype: 'float' }, { name: 'n', datatype: 'long', arraysize: '*' }],
      [['a', '10.5', '0.1', '1 2'], ['bb', '', 'NaN', '9007199254740993'], ['c', '1', '2', ''], ['d', '1', '2', ''], ['e', '1', '2', ''], ['f', '1', '2', '']],
      '<INFO name="QUERY_STATUS" value="OK"/>',
    ))
    doc.tables[0].fields[1].unit = 'deg'
    doc.tables[0].fields[1].ucd = 'pos.eq.ra;meta.main'
    const text = describeVOTable(doc)
    expect(text).toContain('VOTable 1.4: 1 table, 6 rows in all')
    expect(text).toContain('QUERY_STATUS: OK')
    expect(text).toContain('Table 1 "t": 6 rows × 4 fields, TABLEDATA')
    expect(text).toContain('    QUERY_STATUS="OK"')
    expect(text).toMatch(/#\s+name\s+datatype\s+arraysize\s+unit\s+ucd\n/)
    expect(text).toMatch(/2\s+s_ra\s+double\s+deg\s+pos\.eq\.ra;meta\.main/)
    expect(text).toContain('First 5 rows of 6:')
    const rows = text.split('\n').filter((l) => /^ {4}(obs_id|a |bb )/.test(l))
    expect(rows).toHaveLength(3)
    // aligned: every column starts at the same offset
    const at = (l: string, w: string) => l.indexOf(w)
    expect(at(rows[0], 's_ra')).toBe(at(rows[1], '10.5'))
    expect(at(rows[1], '10.5')).toBe(at(rows[2], 'null'))
    expect(rows[1]).toContain('0.1  ')
    expect(rows[1]).toContain('[1, 2]')
    expect(rows[2]).toContain('NaN')
    expect(rows[2]).toContain('[9007199254740993]')
  })

  it('says when the result is incomplete', () => {
    const w = new W()
    for (let i = 0; i < 5; i++) w.u8(0).i32(i)
    const doc = parseVOTable(binary([{ name: 'i', datatype: 'int' }], w.data, 'BINARY2', 20))
    const text = describeVOTable(doc)
    expect(text).toMatch(/INCOMPLETE/)
    expect(text).toMatch(/TRUNCATED: incomplete/)
    expect(text).toMatch(/Warnings \(\d\):\n {2}- table .*input ends inside the BINARY2 stream/)
  })

  it('a real TAP result with OVERFLOW, and cell formatting', () => {
    const text = describeVOTable(parseVOTable(loadConformance('pyvo__dal_query__overflowstatus.xml')), { rows: 1 })
    expect(text).toContain('QUERY_STATUS: OVERFLOW')
    expect(formatCell(null)).toBe('null')
    expect(formatCell('a\nb')).toBe('a\\nb')
    expect(formatCell(Math.fround(0.3), 'float')).toBe('0.3')
    expect(formatCell([true, null])).toBe('[true, null]')
  })
})
