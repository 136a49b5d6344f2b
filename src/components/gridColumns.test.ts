import { describe, expect, it } from 'vitest'
import { parseVOTable } from '../protocols/votable'
import { columnDisplays, ID_WIDTH_CAP, initialLayout } from './gridColumns'

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
    expect(iso!.shown(59338.5)).toBe('2021-05-04T12:00:00')
    expect(iso!.title?.(59338.5)).toBe('MJD 59338.5')
    expect(iso!.unit).toBe('UTC')
    const [, mjd] = columnDisplays(t, t.rowCount, 'mjd')
    expect(mjd!.shown(59338.5)).toBe('59338.5')
  })
})

describe('initialLayout', () => {
  const f = (name: string) => ({ name, datatype: 'char' as const })
  // an explicit SELECT obs_id, target_name, t_min, s_ra FROM ivoa.ObsCore (ObsCore's marks: obs_collection, calib_level)
  const listed = { fields: ['obs_id', 'target_name', 't_min', 's_ra', 'obs_collection', 'calib_level'].map(f) }
  const names = (order: readonly number[]) => order.map((i) => listed.fields[i]!.name)
  it('curated: the portal order of a known table', () => {
    expect(names(initialLayout(listed, 'curated', null).order)).toEqual(['obs_id', 'target_name', 's_ra', 'obs_collection', 't_min', 'calib_level'])
  })
  it('curated: the user’s saved order and hidden columns for this table on top', () => {
    const l = initialLayout(listed, 'curated', { order: ['calib_level', 'obs_id'], hidden: ['s_ra'] })
    expect(names(l.order).slice(0, 2)).toEqual(['calib_level', 'obs_id'])
    expect([...l.hidden].map((i) => listed.fields[i]!.name)).toEqual(['s_ra'])
    expect(l.custom).toBe(true)
  })
  it('query: the order the user wrote, every column shown, nothing saved applied', () => {
    const l = initialLayout(listed, 'query', null)
    expect(names(l.order)).toEqual(['obs_id', 'target_name', 't_min', 's_ra', 'obs_collection', 'calib_level'])
    expect(l.hidden.size).toBe(0)
    expect(l.custom).toBe(false)
  })
})
