import { describe, expect, it } from 'vitest'
import { formatCell, rowsAsTsv, safeHref } from './cellFormat'
import { parseVOTable } from '../protocols/votable'

describe('formatCell', () => {
  it('shows nulls as empty and keeps precision readable', () => {
    expect(formatCell(null)).toBe('')
    expect(formatCell(265.17539123456)).toBe('265.1753912')
    expect(formatCell(6.5e-7)).toBe('6.500000e-7')
    expect(formatCell(42)).toBe('42')
    expect(formatCell(Number.NaN)).toBe('')
    expect(formatCell(-Infinity)).toBe('-Inf')
  })
  it('shows big integers exactly and shortens long arrays', () => {
    expect(formatCell(9007199254740993n)).toBe('9007199254740993')
    expect(formatCell(new Float64Array([1, 2, 3]))).toBe('[1, 2, 3]')
    expect(formatCell(Array.from({ length: 20 }, (_, i) => i))).toMatch(/… 20 values]$/)
  })
})

describe('rowsAsTsv', () => {
  it('writes a header and the chosen rows and columns, with tabs and newlines inside values flattened', () => {
    const doc = parseVOTable(`<VOTABLE version="1.4"><RESOURCE><TABLE>
      <FIELD name="id" datatype="char" arraysize="*"/><FIELD name="ra" datatype="double"/><FIELD name="note" datatype="char" arraysize="*"/>
      <DATA><TABLEDATA><TR><TD>a</TD><TD>1.5</TD><TD>x	y</TD></TR><TR><TD>b</TD><TD></TD><TD>z</TD></TR><TR><TD>c</TD><TD>3</TD><TD>w</TD></TR></TABLEDATA></DATA>
    </TABLE></RESOURCE></VOTABLE>`)
    expect(rowsAsTsv(doc.tables[0]!, [0, 1], [0, 2, 1])).toBe('id\tnote\tra\na\tx y\t1.5\nb\tz\t\n')
  })
})

describe('safeHref', () => {
  it('keeps http(s) URLs and nothing else', () => {
    expect(safeHref('https://archive.eso.org/datalink/links?ID=x')).toBe('https://archive.eso.org/datalink/links?ID=x')
    expect(safeHref('HTTP://example.org')).toBe('http://example.org/')
    expect(safeHref('javascript:alert(1)')).toBeUndefined()
    expect(safeHref('data:text/html,x')).toBeUndefined()
    expect(safeHref(42)).toBeUndefined()
    expect(safeHref('http://')).toBeUndefined()
  })
})
