import { describe, expect, it } from 'vitest'
import { parsePosition } from '../../protocols/coords'
import { buildAdql, circleToForm, countAdql, polygonToForm, readPolygon, EMPTY_FORM, formFromParams, formToParams, mjdToIso, readRadius, toMjd, type SearchForm } from './searchQuery'

const form = (f: Partial<SearchForm>): SearchForm => ({ ...EMPTY_FORM, ...f })
const NGC6397 = { ra: 265.1754, dec: -53.6743 }

describe('form → ADQL', () => {
  it('searches ObsCore footprints meeting the cone by default', () => {
    const q = buildAdql(form({ target: 'NGC 6397', radius: '6 arcmin' }), NGC6397)
    expect(q.adql).toBe("SELECT *\nFROM ivoa.ObsCore\nWHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.1754, -53.6743, 0.1)) = 1")
    expect(q.errors).toEqual({})
    expect(q.cone).toEqual({ ...NGC6397, radius: 0.1 })
  })

  it('uses CONTAINS(POINT, s_region) for "target inside the footprint"', () => {
    const q = buildAdql(form({ spatial: 'contains' }), NGC6397)
    expect(q.adql).toContain("WHERE CONTAINS(POINT('ICRS', 265.1754, -53.6743), s_region) = 1")
  })

  it('turns every ObsCore field into a constraint, wavelengths in metres and times in MJD', () => {
    const q = buildAdql(
      form({
        collection: "FORS2, MUSE",
        instrument: 'FORS2',
        dptype: 'image',
        calib: '2,3',
        wlmin: '500',
        wlmax: '0.7',
        wlunit: 'um',
        tmin: '2021-05-03',
        tmax: '59400.5',
        expmin: '10',
        expmax: '3600',
        since: '2022-01-01',
      }),
    )
    expect(q.errors).toEqual({ wlmax: 'The upper wavelength is below the lower one' })
    const q2 = buildAdql(form({ collection: "FORS2, MUSE", instrument: 'FORS2', dptype: 'image', calib: '2,3', wlmin: '0.5', wlmax: '0.7', wlunit: 'um', tmin: '2021-05-03', tmax: '59400.5', expmin: '10', expmax: '3600', since: '2022-01-01' }))
    expect(q2.errors).toEqual({})
    expect(q2.adql).toBe(
      [
        'SELECT *',
        'FROM ivoa.ObsCore',
        "WHERE obs_collection IN ('FORS2', 'MUSE')",
        "  AND instrument_name = 'FORS2'",
        "  AND dataproduct_type = 'image'",
        '  AND calib_level IN (2, 3)',
        '  AND em_max >= 5e-7',
        '  AND em_min <= 7e-7',
        '  AND t_max >= 59337',
        '  AND t_min <= 59400.5',
        '  AND t_exptime >= 10',
        '  AND t_exptime <= 3600',
        "  AND last_mod_date >= '2022-01-01T00:00:00'",
      ].join('\n'),
    )
  })

  it('escapes quotes and reports bad fields', () => {
    const q = buildAdql(form({ instrument: "O'Brien", calib: 'two', tmin: 'yesterday', radius: 'far' }))
    expect(q.adql).toContain("instrument_name = 'O''Brien'")
    expect(Object.keys(q.errors).sort()).toEqual(['calib', 'radius', 'tmin'])
  })

  it('searches raw frames with wavelengths in nm and the frame MJD', () => {
    const q = buildAdql(form({ kind: 'raw', instrument: 'FORS2', dptype: 'SCIENCE', wlmin: '4000', wlmax: '5000', wlunit: 'angstrom', tmin: '59338', radius: '0.1 deg' }), NGC6397)
    expect(q.adql).toBe(
      [
        'SELECT *',
        'FROM dbo.raw',
        "WHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.1754, -53.6743, 0.1)) = 1",
        "  AND instrument = 'FORS2'",
        "  AND dp_cat = 'SCIENCE'",
        '  AND lambda_max >= 400',
        '  AND lambda_min <= 500',
        '  AND mjd_obs >= 59338',
      ].join('\n'),
    )
  })

  it('searches a catalogue with CONTAINS(POINT, CIRCLE) on its position columns', () => {
    const q = buildAdql(form({ kind: 'catalogue', radius: '30 arcsec' }), NGC6397, { table: 'safcat.kids_dr4_cat', ra: 'raj2000', dec: 'decj2000' })
    expect(q.adql).toBe("SELECT *\nFROM safcat.kids_dr4_cat\nWHERE CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', 265.1754, -53.6743, 0.00833333333333)) = 1")
    expect(buildAdql(form({ kind: 'catalogue' })).errors).toMatchObject({ position: expect.any(String), table: expect.any(String) })
  })
})

describe('units and URL', () => {
  it('converts calendar dates and MJD both ways', () => {
    expect(toMjd('1858-11-17')).toBe(0)
    expect(toMjd('2021-05-03T12:00')).toBe(59337.5)
    expect(toMjd('59337.25')).toBe(59337.25)
    expect(toMjd('3 May')).toBeUndefined()
    expect(mjdToIso(59337.5)).toBe('2021-05-03T12:00:00Z')
  })

  it('reads radii with units; bare numbers are arcmin', () => {
    expect(readRadius('6')).toBe(0.1)
    expect(readRadius('36"')).toBe(0.01)
    expect(readRadius('0.5 deg')).toBe(0.5)
    expect(typeof readRadius('0')).toBe('string')
  })

  it('round-trips a form through URL parameters, keeping only what differs from the defaults', () => {
    const f = form({ target: 'NGC 6397', spatial: 'contains', calib: '3', wlunit: 'um' })
    const params = formToParams(f)
    expect(Object.entries(params).filter(([, v]) => v !== undefined)).toEqual([
      ['target', 'NGC 6397'],
      ['spatial', 'contains'],
      ['calib', '3'],
      ['wlunit', 'um'],
    ])
    const p = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined))
    expect(formFromParams(p)).toEqual(f)
    expect(formFromParams(new URLSearchParams('kind=evil&spatial=x'))).toEqual(EMPTY_FORM)
  })
})

describe('count and drawn circles', () => {
  it('counts with the same FROM and WHERE', () => {
    const q = buildAdql(form({ instrument: 'FORS2' }))
    expect(countAdql(q.adql)).toBe("SELECT COUNT(*) AS n\nFROM ivoa.ObsCore\nWHERE instrument_name = 'FORS2'")
  })
  it('turns a drawn circle into a decimal target and an arcmin radius that read back the same', () => {
    for (const c of [{ ra: 53.1, dec: -27.8, radius: 0.25 }, { ra: -0.5, dec: 12.345678, radius: 1 / 60 }]) {
      const f = circleToForm(form({ spatial: 'contains', target: 'NGC 6397' }), c)
      expect(f.spatial).toBe('intersects')
      const p = parsePosition(f.target)
      expect(p.ra).toBeCloseTo((c.ra + 360) % 360, 4)
      expect(p.dec).toBeCloseTo(c.dec, 4)
      expect(readRadius(f.radius)).toBeCloseTo(c.radius, 5)
      expect(buildAdql(f, p).cone?.radius).toBeCloseTo(c.radius, 5)
    }
  })
})

describe('drawn polygons', () => {
  const square = [[265.2, -53.65], [265.3, -53.65], [265.3, -53.55]] as const
  it('replace the target cone with INTERSECTS(s_region, POLYGON) and round-trip through the URL', () => {
    const f = polygonToForm(form({ target: 'NGC 6397' }), square)
    expect(f.polygon).toBe('265.2 -53.65 265.3 -53.65 265.3 -53.55')
    const q = buildAdql(f, NGC6397)
    expect(q.adql).toBe("SELECT *\nFROM ivoa.ObsCore\nWHERE INTERSECTS(s_region, POLYGON('ICRS', 265.2, -53.65, 265.3, -53.65, 265.3, -53.55)) = 1")
    expect(q.cone).toBeUndefined()
    expect(q.polygon).toEqual(square.map((v) => [...v]))
    const params = new URLSearchParams(Object.entries(formToParams(f)).filter((e): e is [string, string] => e[1] !== undefined))
    expect(formFromParams(params)).toEqual(f)
  })
  it('sends nothing for a catalogue whose position columns are not known yet: no placeholder POINT(\'\', ra, dec)', () => {
    const f = form({ kind: 'catalogue', table: 'safcat.kids_dr4_cat', radius: '30 arcsec' })
    const waiting = buildAdql(f, NGC6397, undefined)
    expect(waiting.pending).toEqual(expect.any(String))
    expect(waiting.errors).toEqual({})
    expect(waiting.adql).not.toMatch(/POINT\('', ra, dec\)/)
    expect(waiting.adql).toContain("POINT('', …, …)")
    const known = buildAdql(f, NGC6397, { table: 'safcat.kids_dr4_cat', ra: 'raj2000', dec: 'decj2000' })
    expect(known.pending).toBeUndefined()
    expect(known.adql).toContain("POINT('', raj2000, decj2000)")
    // the service's list has arrived without it: an error, still nothing sent
    expect(buildAdql(f, NGC6397, null).errors.table).toMatch(/no catalogue safcat\.kids_dr4_cat/)
    // no catalogue chosen: asked for, not waited for
    const none = buildAdql(form({ kind: 'catalogue' }), NGC6397, undefined)
    expect(none.pending).toBeUndefined()
    expect(none.errors).toEqual({ table: 'Choose a catalogue' })
  })

  it('search catalogues with CONTAINS(POINT, POLYGON), no target needed', () => {
    const q = buildAdql(polygonToForm(form({ kind: 'catalogue' }), square), undefined, { table: 't', ra: 'raj2000', dec: 'decj2000' })
    expect(q.errors).toEqual({})
    expect(q.adql).toBe("SELECT *\nFROM t\nWHERE CONTAINS(POINT('', raj2000, decj2000), POLYGON('', 265.2, -53.65, 265.3, -53.65, 265.3, -53.55)) = 1")
  })
  it('report unreadable polygons', () => {
    expect(readPolygon('1 2 3 4')).toEqual(expect.any(String))
    expect(readPolygon('1 2 3 4 5 95')).toEqual(expect.any(String))
    expect(buildAdql(form({ polygon: 'x' })).errors.polygon).toEqual(expect.any(String))
  })
})
