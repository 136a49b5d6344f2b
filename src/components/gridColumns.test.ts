import { describe, expect, it } from 'vitest'
import { parseVOTable } from '../protocols/votable'
import { columnDisplays, ID_WIDTH_CAP } from './gridColumns'

const table = (ids: string[]) =>
  parseVOTable(
    `<VOTABLE><RESOURCE><TABLE><FIELD name="dp_id" datatype="char" arraysize="*" ucd="meta.id;meta.main"/><FIELD name="t_min" datatype="double" ucd="time.start" unit="d"/><DATA><TABLEDATA>${ids
      .map((id) => `<TR><TD>${id}</TD><TD>59338.5</TD></TR>`)
      .join('')}</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`,
  ).tables[0]!

describe('columnDisplays', () => {
  it('gives an identifier column the width of its longest value, whole', () => {
    const t = table(['ADP.2021-05-04T12:00:01.001', 'ADP.1'])
    const [id] = columnDisplays(t, t.rowCount, 'iso')
    expect(id!.identifier).toBe(true)
    expect(id!.width).toBeLessThan(ID_WIDTH_CAP)
    expect(id!.shown('ADP.2021-05-04T12:00:01.001')).toBe('ADP.2021-05-04T12:00:01.001')
  })
  it('cuts a capped identifier in the middle and keeps the whole text to copy', () => {
    const long = `ivo://eso.org/ID?ADP.2021-05-04T12:00:01.001/${'x'.repeat(60)}/end`
    const t = table([long])
    const [id] = columnDisplays(t, t.rowCount, 'iso')
    expect(id!.width).toBe(ID_WIDTH_CAP)
    expect(id!.shown(long)).toMatch(/^ivo:\/\/eso\.org.*….*x\/end$/)
    expect(id!.full(long)).toBe(long)
  })
  it('shows an MJD column as ISO UTC (the MJD as its title), or as sent', () => {
    const t = table(['a'])
    const [, iso] = columnDisplays(t, t.rowCount, 'iso')
    expect(iso!.shown(59338.5)).toBe('2021-05-04 12:00:00')
    expect(iso!.title?.(59338.5)).toBe('MJD 59338.5')
    expect(iso!.unit).toBe('UTC')
    const [, mjd] = columnDisplays(t, t.rowCount, 'mjd')
    expect(mjd!.shown(59338.5)).toBe('59338.5')
  })
})
