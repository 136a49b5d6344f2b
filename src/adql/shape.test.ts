import { describe, expect, it } from 'vitest'
import { cheapFirstRows, firstRowsAreCheap, queryShape } from './shape'

describe('firstRowsAreCheap', () => {
  it.each([
    'SELECT * FROM ivoa.ObsCore',
    "SELECT obs_id, s_ra FROM ivoa.ObsCore WHERE instrument_name = 'MUSE' AND 1 = CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', 10, -30, 1))",
    'SELECT TOP 100000 a.obs_id FROM ivoa.ObsCore AS a, ivoa.ObsCore AS b',
    'SELECT o.obs_id, r.dp_id FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON r.dp_id = o.dp_id',
    'select all * from "dbo"."raw" where mjd_obs > 60000',
  ])('the first rows of a plain select come early: %s', (q) => {
    expect(firstRowsAreCheap(q, 50)).toBe(true)
  })

  it.each([
    'SELECT * FROM ivoa.ObsCore ORDER BY t_min',
    'SELECT instrument_name, COUNT(*) FROM ivoa.ObsCore GROUP BY instrument_name',
    'SELECT MAX(t_max) FROM ivoa.ObsCore',
    'SELECT DISTINCT instrument_name FROM ivoa.ObsCore',
    'SELECT obs_id FROM ivoa.ObsCore UNION SELECT dp_id FROM dbo.raw',
    'SELECT * FROM ivoa.ObsCore WHERE obs_id IN (SELECT obs_id FROM ivoa.ObsCore WHERE calib_level = 3)',
    'SELECT * FROM (SELECT obs_id FROM ivoa.ObsCore) AS q',
    'WITH q AS (SELECT obs_id FROM ivoa.ObsCore) SELECT * FROM q',
    'SELECT * FROM TAP_UPLOAD.mine AS m JOIN ivoa.ObsCore AS o ON o.obs_id = m.obs_id',
    'SELECT TOP 20 * FROM ivoa.ObsCore',
    'SELECT * FROM ivoa.ObsCore OFFSET 100',
    'SELECT * FROM',
  ])('not when the database must read everything first, or for a small TOP or bad syntax: %s', (q) => {
    expect(firstRowsAreCheap(q, 50)).toBe(false)
  })
})

describe('queryShape', () => {
  it('says whether a query is plain and its TOP; nothing for a query that does not parse', () => {
    expect(queryShape('SELECT TOP 5 * FROM t')).toEqual({ plain: true, top: 5, listsColumns: false })
    expect(queryShape('SELECT * FROM t WHERE a = 1')).toEqual({ plain: true, listsColumns: false })
    expect(queryShape('SELECT TOP 5 * FROM t ORDER BY a')).toEqual({ plain: false, listsColumns: false })
    expect(queryShape('SELECT * FROM')).toBeUndefined()
  })

  it('cheapFirstRows: plain, and no TOP at or below the rows asked for', () => {
    expect(cheapFirstRows({ listsColumns: false, plain: true }, 50)).toBe(true)
    expect(cheapFirstRows({ listsColumns: false, plain: true, top: 51 }, 50)).toBe(true)
    expect(cheapFirstRows({ listsColumns: false, plain: true, top: 50 }, 50)).toBe(false)
    expect(cheapFirstRows({ listsColumns: false, plain: false }, 50)).toBe(false)
    expect(cheapFirstRows(undefined, 50)).toBe(false)
  })

  it('says whether the main SELECT lists its columns (their order is the user’s) or only stars', () => {
    const lists = (q: string) => queryShape(q)?.listsColumns
    expect(lists('SELECT obs_id, target_name, t_min, s_ra FROM ivoa.ObsCore')).toBe(true)
    expect(lists('SELECT TOP 10 o.obs_id, o.s_ra * 2 AS x FROM ivoa.ObsCore AS o ORDER BY x')).toBe(true)
    expect(lists('SELECT COUNT(*) FROM ivoa.ObsCore')).toBe(true)
    expect(lists('SELECT o.*, r.dp_id FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON r.dp_id = o.dp_id')).toBe(true)
    expect(lists('SELECT * FROM ivoa.ObsCore')).toBe(false)
    expect(lists('SELECT TOP 5 o.* FROM ivoa.ObsCore AS o')).toBe(false)
    expect(lists('SELECT ivoa.ObsCore.* FROM ivoa.ObsCore')).toBe(false)
    // the main query's list, not one in WITH or a subquery
    expect(lists('WITH q AS (SELECT obs_id FROM ivoa.ObsCore) SELECT * FROM q')).toBe(false)
    expect(lists('SELECT * FROM (SELECT obs_id, s_ra FROM ivoa.ObsCore) AS q')).toBe(false)
    expect(lists('SELECT * FROM ivoa.ObsCore WHERE obs_id IN (SELECT obs_id FROM ivoa.ObsCore)')).toBe(false)
    expect(lists('SELECT obs_id FROM ivoa.ObsCore UNION SELECT dp_id FROM dbo.raw')).toBe(true)
  })
})
