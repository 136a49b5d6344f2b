import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseVOTable, type Field } from '../votable'
import { defaultColumnOrder, identifierColumns, knownTable, middleEllipsis, tableIdentity, timeKind } from './index'

/** The FIELDs of the local archive's answers (DaCHS, `SELECT TOP 1 *`), in the service's alphabetical order. */
const f = (name: string, datatype = 'char', ucd?: string, unit?: string, xtype?: string): Field => ({ name, datatype, ucd, unit, xtype, arraysize: datatype === 'char' ? '*' : undefined })
const OBSCORE: Field[] = [
  f('abmaglim', 'double', 'phot.mag;stat.max', 'mag'), f('access_estsize', 'long'), f('access_format'), f('access_url', 'char', 'meta.ref.url'),
  f('bib_reference'), f('calib_level', 'int'), f('dataproduct_subtype'), f('dataproduct_type'), f('dp_id', 'char', 'meta.id'),
  f('em_max', 'double'), f('em_min', 'double'), f('filter'), f('instrument_name', 'char', 'meta.id;instr'), f('obs_collection', 'char', 'meta.id'),
  f('obs_id', 'char', 'meta.id'), f('obs_publisher_did', 'char', 'meta.ref.ivoid'), f('obs_release_date', 'char', 'time.release', undefined, 'timestamp'),
  f('s_dec', 'double', 'pos.eq.dec', 'deg'), f('s_ra', 'double', 'pos.eq.ra', 'deg'), f('s_region'), f('snr', 'double'),
  f('t_exptime', 'double', 'time.duration;obs.exposure', 's'), f('t_max', 'double', 'time.end;obs.exposure', 'd'),
  f('t_min', 'double', 'time.start;obs.exposure', 'd'), f('target_name', 'char', 'meta.id;src'),
]
const RAW: Field[] = [
  f('access_url'), f('datalink_url'), f('date_obs', 'char', 'time.start'), f('dec', 'double', 'pos.eq.dec;meta.main', 'deg'), f('dp_cat'),
  f('dp_id', 'char', 'meta.id;meta.main'), f('dp_tech'), f('dp_type'), f('exposure', 'float'), f('instrument', 'char', 'meta.id;instr'),
  f('mjd_obs', 'double', 'time.start;obs.exposure', 'd'), f('ob_id', 'int'), f('ob_name'), f('object', 'char', 'meta.id;src'), f('pi_coi'),
  f('prog_id'), f('ra', 'double', 'pos.eq.ra;meta.main', 'deg'), f('release_date', 'char', 'time.release', undefined, 'timestamp'), f('target'), f('telescope'),
]
const names = (fields: Field[], order: number[]) => order.map((i) => fields[i]!.name)

describe('defaultColumnOrder', () => {
  it('shows ObsCore in the Science Portal order: identifier, target, position, instrument, collection, type, date, exposure, band, level, release', () => {
    const order = defaultColumnOrder(OBSCORE)
    expect(knownTable(OBSCORE)).toBe('obscore')
    expect(names(OBSCORE, order).slice(0, 14)).toEqual([
      'dp_id', 'target_name', 's_ra', 's_dec', 'instrument_name', 'obs_collection', 'dataproduct_type', 't_min', 't_exptime',
      'filter', 'em_min', 'em_max', 'calib_level', 'obs_release_date',
    ])
    // the rest in the service's order, each column once
    expect(names(OBSCORE, order).slice(14, 17)).toEqual(['abmaglim', 'access_estsize', 'access_format'])
    expect([...order].sort((a, b) => a - b)).toEqual(OBSCORE.map((_, i) => i))
  })
  it('puts the input target of a target-list result first, before the curated order', () => {
    const withTarget = [...OBSCORE, f('target_index', 'int'), f('target_name_in')]
    expect(names(withTarget, defaultColumnOrder(withTarget)).slice(0, 3)).toEqual(['target_name_in', 'target_index', 'dp_id'])
  })
  it('takes obs_publisher_did, then obs_id, as the identifier of an ObsCore table without dp_id', () => {
    const noDpId = OBSCORE.filter((c) => c.name !== 'dp_id')
    expect(names(noDpId, defaultColumnOrder(noDpId))[0]).toBe('obs_publisher_did')
  })
  it('shows dbo.raw as the raw-frame portal does', () => {
    expect(knownTable(RAW)).toBe('raw')
    expect(names(RAW, defaultColumnOrder(RAW)).slice(0, 16)).toEqual([
      'dp_id', 'object', 'ra', 'dec', 'instrument', 'dp_cat', 'dp_type', 'dp_tech', 'date_obs', 'mjd_obs', 'exposure', 'prog_id', 'pi_coi',
      'ob_name', 'ob_id', 'release_date',
    ])
  })
  it('shows a DaCHS SSAP result (ssa_* columns) by identifier, target, position, instrument, dates and wavelengths', () => {
    const t = parseVOTable(readFileSync(new URL('../ssap/__fixtures__/dachs-ssap-xshooter.xml', import.meta.url), 'utf8')).tables[0]!
    expect(knownTable(t.fields)).toBe('ssap')
    expect(names(t.fields, defaultColumnOrder(t)).slice(0, 10)).toEqual([
      'dp_id', 'ssa_targname', 'location_ra', 'location_dec', 'ssa_location', 'ssa_instrument', 'ssa_collection', 'ssa_dateObs', 'ssa_timeExt', 'ssa_specstart',
    ])
  })
  it("shows ESO's SSAP names (TARGETNAME, PUBDID, positionJ2000…) in the same order", () => {
    const eso = ['access_url', 'COLLECTION', 'dp_id', 'em_max', 'em_min', 'instrument_name', 'positionJ2000', 'PUBDID', 's_dec', 's_ra', 's_region', 'SNR', 'SPECRP', 't_exptime', 't_max', 't_mid', 't_min', 'TARGETNAME']
    const fields = eso.map((name) => f(name))
    expect(knownTable(fields)).toBe('ssap')
    expect(names(fields, defaultColumnOrder(fields))).toEqual([
      'dp_id', 'TARGETNAME', 's_ra', 's_dec', 'positionJ2000', 'instrument_name', 'COLLECTION', 't_min', 't_mid', 't_max', 't_exptime', 'em_min', 'em_max',
      'SNR', 'SPECRP', 'access_url', 'PUBDID', 's_region',
    ])
  })
  it('orders an unknown table by UCD: main identifier, main RA and Dec, times, then the rest as the service sent them', () => {
    const cat = [
      f('mag', 'double', 'phot.mag'), f('obs_time', 'double', 'time.epoch', 'd'), f('DEJ2000', 'double', 'pos.eq.dec;meta.main'), f('note'),
      f('RAJ2000', 'double', 'pos.eq.ra;meta.main'), f('Name', 'char', 'meta.id;meta.main'), f('other_ra', 'double', 'pos.eq.ra'),
    ]
    expect(knownTable(cat)).toBeUndefined()
    expect(names(cat, defaultColumnOrder(cat))).toEqual(['Name', 'RAJ2000', 'DEJ2000', 'obs_time', 'mag', 'note', 'other_ra'])
    expect(defaultColumnOrder([f('a'), f('b')])).toEqual([0, 1])
    expect(defaultColumnOrder([])).toEqual([])
  })
})

describe('identifierColumns', () => {
  it('takes the meta.id;meta.main columns and the identifier of a known table', () => {
    expect(identifierColumns(OBSCORE).map((i) => OBSCORE[i]!.name)).toEqual(['dp_id'])
    expect(identifierColumns(RAW).map((i) => RAW[i]!.name)).toEqual(['dp_id'])
    expect(identifierColumns([f('x'), f('Name', 'char', 'meta.id;meta.main')])).toEqual([1])
    // nothing declared main: the usual identifier names
    expect(identifierColumns([f('target_name'), f('obs_publisher_did', 'char', 'meta.ref.ivoid'), f('s_ra', 'double')])).toEqual([1])
    expect(identifierColumns([f('x'), f('y')])).toEqual([])
  })
})

describe('tableIdentity', () => {
  it('is the same for the same set of columns in any order, and differs for another set', () => {
    expect(tableIdentity([f('a'), f('B')])).toBe(tableIdentity([f('b'), f('a')]))
    expect(tableIdentity([f('a'), f('b')])).not.toBe(tableIdentity([f('a'), f('c')]))
    expect(tableIdentity(OBSCORE)).toMatch(/^25-[0-9a-f]{8}$/)
  })
})

describe('timeKind', () => {
  it('tells MJD numbers from ISO text and from durations', () => {
    expect(timeKind(f('t_min', 'double', 'time.start;obs.exposure', 'd'))).toBe('mjd')
    expect(timeKind(f('mjd_obs', 'double'))).toBe('mjd')
    expect(timeKind(f('ssa_dateObs', 'double', 'time.epoch', 'd', 'mjd'))).toBe('mjd')
    expect(timeKind(f('t_exptime', 'double', 'time.duration;obs.exposure', 's'))).toBeUndefined()
    expect(timeKind(f('t_start', 'double', 'time.start', 's'))).toBeUndefined()
    expect(timeKind(f('date_obs', 'char', 'time.start'))).toBe('iso')
    expect(timeKind(f('release_date', 'char', 'time.release', undefined, 'timestamp'))).toBe('iso')
  })
})

describe('middleEllipsis', () => {
  it('keeps both ends of a long identifier and the whole of a short one', () => {
    expect(middleEllipsis('ADP.2021-05-04T12:00:01.001', 27)).toBe('ADP.2021-05-04T12:00:01.001')
    const cut = middleEllipsis('ivo://eso.org/ID?ADP.2021-05-04T12:00:01.001', 20)
    expect(cut).toBe('ivo://eso.…00:01.001')
    expect(cut).toHaveLength(20)
    expect(middleEllipsis('abcdef', 1)).toBe('…')
    expect(middleEllipsis('abcdef', 4)).toBe('ab…f')
  })
})
