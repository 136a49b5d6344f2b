import { describe, expect, it } from 'vitest'
import { VOTableError, parseVOTable } from './index'
import { W, binary, tabledata } from '../../test-support/votable/build'

function fail(input: string | Uint8Array): VOTableError {
  try {
    parseVOTable(input)
  } catch (e) {
    expect(e).toBeInstanceOf(VOTableError)
    expect(e).toBeInstanceOf(Error)
    return e as VOTableError
  }
  throw new Error('no error thrown')
}

const good = tabledata([{ name: 'a', datatype: 'int' }, { name: 'b', datatype: 'double' }], [['1', '1.5'], ['2', '2.5'], ['3', '3.5']])

describe('input that is not a VOTable', () => {
  it('plain text, JSON and empty input', () => {
    expect(fail('Internal Server Error').message).toMatch(/^not XML: the input starts with "Internal Server Error" \(line 1, column 1\)/)
    expect(fail('\n\n{"error": 1}').line).toBe(3)
    expect(fail('').message).toMatch(/empty/)
    expect(fail('   ').message).toMatch(/empty/)
  })

  it('XML whose root is not VOTABLE', () => {
    const e = fail('<?xml version="1.0"?>\n<html><body>502</body></html>')
    expect(e.message).toMatch(/root element is <html>, expected <VOTABLE>/)
    expect(e.line).toBe(2)
    expect(fail('<uws:job xmlns:uws="x"/>').message).toContain('<uws:job>')
  })

  it('gzip-compressed bytes', () => {
    expect(fail(Uint8Array.from([0x1f, 0x8b, 8, 0, 0])).message).toMatch(/gzip-compressed/)
  })

  it('mismatched end tag, with both lines', () => {
    const e = fail('<VOTABLE>\n<RESOURCE>\n<TABLE>\n</RESOURCE>\n</VOTABLE>')
    expect(e.message).toMatch(/mismatched end tag <\/RESOURCE>: expected <\/TABLE> \(opened at line 3\)/)
    expect(e.line).toBe(4)
  })

  it('unquoted attribute', () => {
    const e = fail('<VOTABLE>\n<INFO name=x value="1"/></VOTABLE>')
    expect(e.message).toMatch(/value of attribute "name" of <INFO> is not quoted/)
    expect(e.line).toBe(2)
  })

  it('unknown datatype names the FIELD', () => {
    const e = fail(tabledata([{ name: 'mag', datatype: 'real' }], [['1']]))
    expect(e.message).toMatch(/FIELD "mag": unknown datatype "real"/)
    expect(e.line).toBeGreaterThan(1)
  })

  it('a header cut short is an error, not an empty table', () => {
    const cut = good.slice(0, good.indexOf('<FIELD name="b"') + 8)
    const e = fail(cut)
    expect(e.message).toMatch(/unexpected end of input/)
    expect(e.position).toBe(cut.length)
  })
})

describe('malformed data', () => {
  it('a row with too few cells: row number and line', () => {
    const bad = good.replace('<TR><TD>2</TD><TD>2.5</TD></TR>', '<TR><TD>2</TD></TR>')
    const e = fail(bad)
    expect(e.message).toMatch(/row 2 has 1 cells, but the table has 2 FIELDs/)
    expect(e.line).toBe(bad.slice(0, bad.indexOf('<TR><TD>2</TD></TR>')).split('\n').length)
  })

  it('a row with too many cells', () => {
    const e = fail(good.replace('<TD>3.5</TD>', '<TD>3.5</TD><TD>9</TD>'))
    expect(e.message).toMatch(/row 3 has more cells than the 2 FIELDs/)
    expect(e.column).toBeGreaterThan(1)
  })

  it('foreign elements and text inside TABLEDATA', () => {
    expect(fail(good.replace('<TD>1.5</TD>', '<TD>1.5</TD><X/>')).message).toMatch(/expected <TD> in row 1, found <X\/>/)
    expect(fail(good.replace('<TR><TD>2</TD>', 'junk<TR><TD>2</TD>')).message).toMatch(/unexpected text "junk/)
  })

  it('bad base64 in a STREAM: character and position', () => {
    const w = new W().u8(0).i32(1).f64(1.5)
    const xml = binary([{ datatype: 'int' }, { datatype: 'double' }], w.data).replace('<STREAM encoding="base64">\n', '<STREAM encoding="base64">\nAA$A')
    const e = fail(xml)
    expect(e.message).toMatch(/invalid base64 character "\$" in the BINARY2 STREAM/)
    expect(e.position).toBe(xml.indexOf('$'))
    expect(e.line).toBe(xml.slice(0, xml.indexOf('$')).split('\n').length)
    expect(e.column).toBe(3)
  })
})

describe('truncated bodies keep the rows that arrived', () => {
  it('TABLEDATA cut in the middle of a row', () => {
    const cut = good.slice(0, good.indexOf('<TD>3.5</TD>') + 6)
    const doc = parseVOTable(cut)
    const t = doc.tables[0]
    expect(t.rowCount).toBe(2)
    expect(t.truncated).toBe(true)
    expect(t.value(1, 1)).toBe(2.5)
    expect(doc.warnings.join('\n')).toMatch(/input ends inside TABLEDATA; 2 complete rows kept/)
  })

  it('TABLEDATA cut inside a tag', () => {
    const t = parseVOTable(good.slice(0, good.indexOf('<TD>2.5') + 2)).tables[0]
    expect([t.rowCount, t.truncated]).toEqual([1, true])
  })

  it('BINARY2 stream cut mid-row', () => {
    const w = new W()
    for (let i = 0; i < 10; i++) w.u8(0).i32(i).f64(i / 2)
    const full = binary([{ datatype: 'int' }, { datatype: 'double' }], w.data, 'BINARY2')
    const ok = parseVOTable(full).tables[0]
    expect([ok.rowCount, ok.truncated]).toEqual([10, false])
    // 13 bytes per row; 60 base64 characters (45 bytes) + newline hold 3 complete rows
    const doc = parseVOTable(binary([{ datatype: 'int' }, { datatype: 'double' }], w.data, 'BINARY2', 61))
    const t = doc.tables[0]
    expect(t.truncated).toBe(true)
    expect(t.rowCount).toBe(3)
    expect(t.value(2, 1)).toBe(1)
    expect(doc.warnings[0]).toMatch(/input ends inside the BINARY2 stream; 3 complete rows kept/)
  })

  it('document cut after the data: complete table, warning', () => {
    const doc = parseVOTable(good.slice(0, good.indexOf('</TABLE>')))
    expect(doc.tables[0].rowCount).toBe(3)
    expect(doc.tables[0].truncated).toBe(false)
    expect(doc.warnings.join()).toMatch(/input ends before <\/VOTABLE>/)
  })

  it('a complete stream with trailing bytes that do not form a row is flagged', () => {
    const w = new W().u8(0).i32(1).f64(2).u8(0, 0, 0)
    const doc = parseVOTable(binary([{ datatype: 'int' }, { datatype: 'double' }], w.data))
    expect(doc.tables[0].rowCount).toBe(1)
    expect(doc.tables[0].truncated).toBe(true)
    expect(doc.warnings[0]).toMatch(/3 bytes after row 1/)
  })
})
