import { describe, expect, it } from 'vitest'
import { catalogueList, catalogueTablesQuery, filterCatalogues, positionColumns, titleOfDescription, type TableRow } from './catalogueList'

// ESO's tap_cat: SELECT collection, title, version, table_name, rel_descr_url FROM TAP_SCHEMA.tables WHERE collection IN
// ('AMBRE', 'GAIAESO'), as printed in eso/astroquery_examples examples/advanced/09_compare_catalogs.ipynb (MIT; ESO archive metadata)
const esoRows: TableRow[] = [
  { collection: "AMBRE", title: "Atmospheric Parameters and Chemical Abundances from Stellar Spectra - HARPS", version: 1, table_name: "AMBRE_HARPS_V1", rel_descr_url: "http://www.eso.org/rm/api/v1/public/releaseDescriptions/180" },
  { collection: "AMBRE", title: "Atmospheric Parameters and Chemical Abundances from Stellar Spectra - UVES", version: 1, table_name: "AMBRE_UVES_V1", rel_descr_url: "http://www.eso.org/rm/api/v1/public/releaseDescriptions/178" },
  { collection: "AMBRE", title: "Atmospheric Parameters and Chemical Abundances from Stellar Spectra", version: 1, table_name: "AMBRE_V1", rel_descr_url: "http://www.eso.org/rm/api/v1/public/releaseDescriptions/7" },
  { collection: "GAIAESO", title: "GAIAESO catalogue of radial velocities", version: 1, table_name: "GES_2021_VRAD", rel_descr_url: "http://www.eso.org/rm/api/v1/public/releaseDescriptions/186" },
  { collection: "GAIAESO", title: "Gaia-ESO spectroscopic survey", version: 3, table_name: "GES_DR5", rel_descr_url: "http://www.eso.org/rm/api/v1/public/releaseDescriptions/191" },
  { collection: "GAIAESO", title: "Gaia-ESO spectroscopic survey", version: 4, table_name: "GES_DR5_1_V1", rel_descr_url: "http://www.eso.org/rm/api/v1/public/releaseDescriptions/210" },
  { collection: "GAIAESO", title: "Gaia-ESO spectroscopic survey", version: 2, table_name: "GES_iDR4_PIII2016_Catalogue_v3_fits_V2", rel_descr_url: "http://www.eso.org/rm/api/v1/public/releaseDescriptions/91" },
]
const esoPositions = esoRows.map((r) => ({ table: String(r.table_name), ra: 'RA', dec: 'DEC' }))

describe('catalogueTablesQuery', () => {
  it('asks ESO’s tap_cat for its title, collection, version and release description', () => {
    const cols = ['schema_name', 'table_name', 'table_type', 'description', 'utype', 'collection', 'title', 'version', 'cat_id', 'rel_descr_url', 'instrument', 'telescope', 'publication_date']
    expect(catalogueTablesQuery(cols).query).toBe('SELECT table_name, schema_name, description, collection, title, version, rel_descr_url FROM TAP_SCHEMA.tables')
  })
  it('never asks a plain TAP_SCHEMA (DaCHS) for columns it lacks', () => {
    const q = catalogueTablesQuery(['schema_name', 'table_name', 'table_type', 'description', 'utype', 'table_index', 'sourcerd', 'nrows'])
    expect(q.query).toBe('SELECT table_name, schema_name, description FROM TAP_SCHEMA.tables')
    expect(q.columns).toEqual(['table_name', 'schema_name', 'description'])
    expect(catalogueTablesQuery(['TABLE_NAME', 'DESCRIPTION']).query).toBe('SELECT table_name, description FROM TAP_SCHEMA.tables')
  })
})

describe('catalogueList', () => {
  it('gives ESO’s titles, collections and versions, the latest version of a catalogue first', () => {
    const list = catalogueList(esoPositions, esoRows)
    expect(list.map((c) => [c.collection, c.table, c.version, c.latest])).toEqual([
      ['AMBRE', 'AMBRE_V1', 1, true],
      ['AMBRE', 'AMBRE_HARPS_V1', 1, true],
      ['AMBRE', 'AMBRE_UVES_V1', 1, true],
      ['GAIAESO', 'GES_DR5_1_V1', 4, true],
      ['GAIAESO', 'GES_DR5', 3, false],
      ['GAIAESO', 'GES_iDR4_PIII2016_Catalogue_v3_fits_V2', 2, false],
      ['GAIAESO', 'GES_2021_VRAD', 1, true],
    ])
    expect(list[3]!.title).toBe('Gaia-ESO spectroscopic survey')
    expect(list[3]!.releaseUrl).toBe('http://www.eso.org/rm/api/v1/public/releaseDescriptions/210')
  })
  it('matches table names with or without their schema (tap_cat during its TAP 1.1 move)', () => {
    const [c] = catalogueList([{ table: 'safcat.AMBRE_V1', ra: 'RA', dec: 'DEC' }], esoRows)
    expect(c!.title).toBe('Atmospheric Parameters and Chemical Abundances from Stellar Spectra')
    expect(c!.collection).toBe('AMBRE')
  })
  it('falls back on a plain service: title from the description, version from a _V<n> suffix, collection from the schema', () => {
    const rows: TableRow[] = [
      { table_name: 'safcat.kids_dr4_cat', schema_name: 'safcat', description: 'KiDS-DR4-like multi-band source catalogue (synthetic, 4200 sources). Made for tests.' },
      { table_name: 'safcat.vvv_cat_V2', schema_name: 'safcat', description: null },
      { table_name: 'safcat.vvv_cat_V1', schema_name: 'safcat', description: null },
    ]
    const list = catalogueList([{ table: 'safcat.kids_dr4_cat', ra: 'raj2000', dec: 'decj2000' }, { table: 'safcat.vvv_cat_V1', ra: 'ra', dec: 'dec' }, { table: 'safcat.vvv_cat_V2', ra: 'ra', dec: 'dec' }], rows)
    expect(list.map((c) => [c.title, c.collection, c.version, c.latest])).toEqual([
      ['KiDS-DR4-like multi-band source catalogue (synthetic, 4200 sources)', 'safcat', undefined, true],
      ['safcat.vvv_cat_V2', 'safcat', 2, true],
      ['safcat.vvv_cat_V1', 'safcat', 1, false],
    ])
    // no TAP_SCHEMA.tables rows at all: the table names
    expect(catalogueList([{ table: 'cat_V3', ra: 'ra', dec: 'dec' }], [])[0]).toMatchObject({ title: 'cat_V3', version: 3, latest: true, collection: undefined })
  })
  it('cuts a long first sentence at a word', () => {
    const t = titleOfDescription(`${'word '.repeat(40)}end. Second sentence.`)
    expect(t.length).toBeLessThanOrEqual(91)
    expect(t).toMatch(/^word word .*word…$/)
  })
})

describe('filterCatalogues', () => {
  const list = catalogueList(esoPositions, esoRows)
  it('filters by title, collection, table name and description, every word typed', () => {
    expect(filterCatalogues(list, 'harps').map((c) => c.table)).toEqual(['AMBRE_HARPS_V1'])
    expect(filterCatalogues(list, 'gaiaeso').length).toBe(4)
    expect(filterCatalogues(list, 'Gaia spectroscopic').map((c) => c.table)).toEqual(['GES_DR5_1_V1', 'GES_DR5', 'GES_iDR4_PIII2016_Catalogue_v3_fits_V2'])
    expect(filterCatalogues(list, 'ges_dr5_1').map((c) => c.table)).toEqual(['GES_DR5_1_V1'])
    expect(filterCatalogues(list, '  ').length).toBe(7)
    expect(filterCatalogues(list, 'nothing like this')).toEqual([])
  })
})

describe('positionColumns', () => {
  it('pairs each table’s main RA and Dec, leaving ObsCore and dbo.raw to their own searches', () => {
    const rows = [
      { table: 'dbo.raw', column: 'ra', ucd: 'pos.eq.ra;meta.main' },
      { table: 'dbo.raw', column: 'dec', ucd: 'pos.eq.dec;meta.main' },
      { table: 'safcat.kids_dr4_cat', column: 'raj2000', ucd: 'pos.eq.ra;meta.main' },
      { table: 'safcat.kids_dr4_cat', column: 'decj2000', ucd: 'POS.EQ.DEC;META.MAIN' },
      { table: 'safcat.half', column: 'ra', ucd: 'pos.eq.ra;meta.main' },
    ]
    expect(positionColumns(rows)).toEqual([{ table: 'safcat.kids_dr4_cat', ra: 'raj2000', dec: 'decj2000' }])
  })
})
