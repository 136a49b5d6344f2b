import { describe, expect, it } from 'vitest'
import { validateAdql } from './index'

const ok = (q: string, opts?: Parameters<typeof validateAdql>[1]) => validateAdql(q, opts).errors
const first = (q: string, opts?: Parameters<typeof validateAdql>[1]) => validateAdql(q, opts).errors[0]

// ADQL 2.1 constructs (core, optional features, lexical rules) that must be accepted.
const VALID_21: string[] = [
  // lexical
  'SELECT "select", "a ""quoted"" name", "Mixed Case" FROM "my table"',
  "SELECT 'Earth''s moon', '' FROM t",
  'SELECT a -- trailing comment without newline\nFROM t --- three minus signs',
  '-- leading comment\nSELECT a FROM t',
  'SELECT 1e-3, 10E3, 1.5E+3, .5, 3., 0.25, 42 FROM t',
  "SELECT a FROM t WHERE s = 'first part'\n  'second part'",
  'SeLeCt DiStInCt a FrOm t',
  // select list, TOP, DISTINCT, aliases
  'SELECT DISTINCT TOP 10 a FROM t',
  'SELECT ALL a AS x, b y, t.*, s.t.* FROM s.t, t',
  'SELECT cat.sch.tab.col FROM cat.sch.tab',
  'SELECT a, * FROM t',
  // expressions and predicates
  "SELECT a || 'x' || b, -a, +a, (a + b) * c / d - e FROM t",
  'SELECT a FROM t WHERE a = 1 AND b != 2 AND c <> 3 AND d < 4 AND e > 5 AND f <= 6 AND g >= 7',
  'SELECT a FROM t WHERE a BETWEEN 1 AND 2 AND b NOT BETWEEN -1 AND 1 OR NOT (c = 1)',
  "SELECT a FROM t WHERE a IS NULL OR b IS NOT NULL OR c LIKE 'x%' OR d NOT LIKE '_y'",
  "SELECT a FROM t WHERE a IN (1, 2, 3) AND b NOT IN ('x', 'y')",
  'SELECT a FROM t WHERE a IN (SELECT b FROM u) AND EXISTS (SELECT 1 FROM v WHERE v.x = t.x) AND NOT EXISTS (SELECT 1 FROM w)',
  // FROM: joins and subqueries
  'SELECT * FROM a NATURAL JOIN b',
  'SELECT * FROM a NATURAL LEFT OUTER JOIN b',
  'SELECT * FROM a JOIN b USING (x, y)',
  'SELECT * FROM a INNER JOIN b ON a.x = b.x',
  'SELECT * FROM a LEFT JOIN b ON a.x = b.x RIGHT OUTER JOIN c USING (y) FULL JOIN d ON (d.z = c.z)',
  'SELECT * FROM (a JOIN b USING (x)), c',
  'SELECT * FROM (SELECT * FROM t) AS q, (SELECT * FROM u) r',
  // GROUP BY / HAVING / ORDER BY
  'SELECT a, COUNT(*), COUNT(DISTINCT b), AVG(c), MIN(c), MAX(c), SUM(ALL c) FROM t GROUP BY a HAVING COUNT(*) > 1',
  'SELECT a FROM t GROUP BY a, ROUND(b, 1)',
  'SELECT a, b FROM t ORDER BY 1 DESC, b ASC, ABS(a - b), a + 1 DESC',
  // math and trigonometry
  'SELECT ABS(a), CEILING(a), DEGREES(a), EXP(a), FLOOR(a), LOG(a), LOG10(a), MOD(a, 2), PI(), POWER(a, 2), RADIANS(a), RAND(), RAND(7), ROUND(a), ROUND(a, -2), SQRT(a), TRUNCATE(a), TRUNCATE(a, 3) FROM t',
  'SELECT ACOS(a), ASIN(a), ATAN(a), ATAN2(a, b), COS(a), COT(a), SIN(a), TAN(a) FROM t',
  // geometry (any coordinate-system string)
  "SELECT POINT('ICRS', ra, dec), POINT(ra, dec), POINT('no such frame', 1, 2), POINT(NULL, 1, 2) FROM t",
  "SELECT CIRCLE('GALACTIC', 1, 2, 3), CIRCLE(1, 2, 3), CIRCLE(POINT(1, 2), 3), CIRCLE('', p, 0.1) FROM t",
  "SELECT BOX('ICRS', 1, 2, 3, 4), BOX(p, 3, 4) FROM t",
  "SELECT POLYGON('ICRS', 1, 2, 3, 4, 5, 6), POLYGON(1, 2, 3, 4, 5, 6, 7, 8), POLYGON(p1, p2, p3), POLYGON(POINT(1, 2), CENTROID(c), p) FROM t",
  "SELECT REGION('Circle ICRS 1 2 3'), AREA(s_region), CENTROID(s_region), COORDSYS(p), COORD1(p), COORD2(POINT(1, 2)) FROM t",
  "SELECT DISTANCE(POINT('ICRS', 1, 2), p), DISTANCE(1, 2, 3, 4) FROM t WHERE CONTAINS(p, CIRCLE(1, 2, 3)) = 1 AND 0 = INTERSECTS(s_region, BOX(1, 2, 3, 4))",
  // strings, conditional, units, types
  "SELECT LOWER(a), UPPER(a || 'x') FROM t WHERE a ILIKE 'ngc%' AND b NOT ILIKE 'm%'",
  "SELECT COALESCE(a), COALESCE(a, b, 'none') FROM t",
  "SELECT IN_UNIT(ra, 'rad'), IN_UNIT(SQRT(POWER(a, 2)), 'mas/yr') FROM t",
  "SELECT CAST(a AS SMALLINT), CAST(a AS INTEGER), CAST(a AS BIGINT), CAST(a AS REAL), CAST(a AS DOUBLE PRECISION), CAST(a AS CHAR), CAST(a AS CHAR(3)), CAST(a AS VARCHAR(10)), CAST('2020-01-01' AS TIMESTAMP), CAST(s AS POINT), CAST(s AS CIRCLE), CAST(s AS POLYGON) FROM t",
  // set operations, CTEs, OFFSET
  'SELECT a FROM t UNION SELECT a FROM u UNION ALL SELECT a FROM v EXCEPT ALL SELECT a FROM w INTERSECT ALL SELECT a FROM x',
  '(SELECT TOP 1 a FROM t ORDER BY a) UNION (SELECT TOP 1 a FROM t ORDER BY a DESC) ORDER BY 1 OFFSET 1',
  'WITH a AS (SELECT * FROM t), b AS (SELECT * FROM a WHERE x > 1) SELECT * FROM b JOIN a USING (x)',
  'SELECT a FROM t ORDER BY a OFFSET 100',
  'SELECT a FROM t OFFSET 0;',
  // user-defined functions with a provider prefix (default policy)
  'SELECT ivo_healpix_index(10, ra, dec), gavo_specconv(a, b), eso_dateadd_sec(60, t) FROM t',
]

const INVALID_21: [string, RegExp][] = [
  ['SELECT CASE WHEN a > 1 THEN 1 ELSE 0 END FROM t', /CASE/i], // ADQL has no CASE
  ['SELECT * FROM a CROSS JOIN b', /CROSS/i],
  ['SELECT a FROM t LIMIT 10', /no LIMIT.*TOP/],
  ['SELECT TOP 10 DISTINCT a FROM t', /.+/], // the quantifier comes first
  ['SELECT (SELECT MAX(a) FROM u) FROM t', /.+/], // no scalar subqueries in ADQL
  ['SELECT 0x1F FROM t', /Hexadecimal/],
  ['SELECT a & 1, a | 2, a ^ 3, ~a FROM t', /bitwise/],
  ['SELECT size FROM t', /reserved word/],
  ['SELECT "" FROM t', /empty/],
  ["SELECT 'unclosed FROM t", /Unclosed string/],
  ['SELECT "unclosed FROM t', /Unclosed quoted name/],
  ['SELECT a FROM t WHERE ABS(a) IS NULL', /column reference/],
  ['SELECT * FROM a NATURAL JOIN b ON a.x = b.x', /NATURAL/],
  ['SELECT SUM(*) FROM t', /COUNT\(\*\)/],
  ["SELECT POINT('ICRS', 1) FROM t", /POINT/],
  ['SELECT DISTANCE(1, 2, 3) FROM t', /DISTANCE takes 2 or 4 arguments/],
  ['SELECT ROUND(a, 1.5) FROM t', /integer literal/],
  ["SELECT REGION(a) FROM t", /string literal/],
  ["SELECT a + 'x' || b FROM t", /\|\|/],
  ["SELECT ABS(POINT(1, 2)) FROM t", /expected a number, found a point/],
  ["SELECT LOWER(1 + 2) FROM t", /expected a string/],
  ["SELECT a FROM t WHERE CONTAINS(POINT(1, 2), 1 + 2) = 1", /expected a geometry/],
  ["SELECT COORD1(1) FROM t", /expected a point/],
  ['SELECT a FROM t WHERE a = 1 ORDER BY a UNION SELECT a FROM u', /.+/],
  ['WITH a AS (WITH b AS (SELECT 1 FROM t) SELECT * FROM b) SELECT * FROM a', /WITH is only allowed at the start/],
  ['SELECT a FROM t WHERE a', /.+/],
  ['SELECT a FROM t WHERE a > 1 AS x', /.+/],
  ['SELECT a FROM t GROUP a', /.+/],
  ['SELECT 1e FROM t', /.+/],
  ['SELECT a FROM t;;', /.+/],
]

describe('validateAdql: ADQL 2.1 acceptance', () => {
  it.each(VALID_21)('accepts %s', (q) => {
    expect(ok(q)).toEqual([])
  })

  it.each(INVALID_21)('rejects %s', (q, message) => {
    const { ok: valid, errors } = validateAdql(q)
    expect(valid).toBe(false)
    expect(errors.map((e) => e.message).join(' | ')).toMatch(message)
  })

  it('accepts the draft bitwise operators and hex literals only when asked', () => {
    expect(ok('SELECT a & 0x1F, a | 2, a ^ 3, ~a FROM t', { bitwise: true })).toEqual([])
  })

  it('defaults to ADQL 2.1', () => {
    expect(validateAdql('SELECT a FROM t OFFSET 1').ok).toBe(true)
    expect(validateAdql('SELECT a FROM t OFFSET 1', { version: '2.1' }).ok).toBe(true)
  })
})

describe('validateAdql: user-defined functions', () => {
  it('accepts prefixed names and rejects unprefixed unknown names by default', () => {
    expect(ok('SELECT ivo_foo(1) FROM t')).toEqual([])
    expect(first('SELECT tan2(a) FROM t')).toMatchObject({ from: 7, to: 11, message: expect.stringMatching(/prefix/) })
    expect(first('SELECT nullif(a, 1) FROM t')?.message).toMatch(/reserved word but not an ADQL function/)
  })

  it('knows only the declared functions when a list is given', () => {
    const udfs = ['match(pattern VARCHAR, string VARCHAR) -> INTEGER', { form: 'ivo_hasword(haystack TEXT, needle TEXT) -> INTEGER' }]
    expect(ok("SELECT match('a', b), IVO_HASWORD(c, 'x') FROM t", { udfs })).toEqual([])
    expect(first('SELECT ivo_other(1) FROM t', { udfs })?.message).toMatch(/Unknown function 'ivo_other'/)
    expect(first('SELECT match(1) FROM t', { udfs })?.message).toMatch(/takes 2 arguments, got 1/)
    expect(ok('SELECT anything(1, 2, 3) FROM t', { udfs: ['anything'] })).toEqual([])
    expect(validateAdql('SELECT ivo_foo(1) FROM t', { udfs: [] }).ok).toBe(false)
  })
})

describe('validateAdql: ADQL 2.0', () => {
  const v20 = { version: '2.0' as const }
  it.each([
    'SELECT a FROM t OFFSET 10',
    'WITH a AS (SELECT * FROM t) SELECT * FROM a',
    "SELECT a FROM t WHERE a ILIKE 'x'",
    'SELECT a FROM t UNION SELECT a FROM u',
    '(SELECT a FROM t)',
    'SELECT CAST(a AS INTEGER) FROM t',
    'SELECT COALESCE(a, 0) FROM t',
    'SELECT LOWER(a) FROM t',
    "SELECT IN_UNIT(a, 'deg') FROM t",
    'SELECT POINT(1, 2) FROM t',
    "SELECT CIRCLE('ICRS', POINT('ICRS', 1, 2), 3) FROM t",
    'SELECT DISTANCE(1, 2, 3, 4) FROM t',
    'SELECT a FROM t ORDER BY a + 1',
    'SELECT a FROM t GROUP BY ROUND(a)',
  ])('rejects 2.1-only syntax: %s', (q) => {
    expect(validateAdql(q).ok).toBe(true)
    const errors = ok(q, v20)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]!.message).toMatch(/needs ADQL 2\.1/)
  })

  it('accepts ADQL 2.0 queries', () => {
    const q =
      "SELECT TOP 5 a, COUNT(*) FROM t JOIN u USING (x) WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 1, 2, 3)) GROUP BY a ORDER BY 2 DESC, a"
    expect(ok(q, v20)).toEqual([])
  })
})

describe('validateAdql: error positions and messages', () => {
  it('points at the offending token and says what was expected', () => {
    const q = 'SELECT a, b WHERE b = 1'
    expect(first(q)).toEqual({ from: 12, to: 17, message: "Expected FROM or ',' after the select list, found 'WHERE'" })
  })

  it('says what was expected at the end of a query that stops early', () => {
    const q = 'SELECT a FROM t WHERE'
    expect(first(q)).toEqual({ from: q.length, to: q.length, message: 'Expected a condition in the WHERE clause, found the end of the query' })
    expect(first('SELECT a FROM t WHERE x BETWEEN 1')?.message).toBe('Expected AND in the WHERE clause, found the end of the query')
  })

  it('explains reserved words used as names', () => {
    expect(first('SELECT distance FROM t')).toEqual({
      from: 7,
      to: 15,
      message: `'distance' is a reserved word (the function DISTANCE); write "distance" to use it as a name`,
    })
    expect(first('SELECT a FROM t AS order')?.message).toMatch(/found 'order'/)
  })

  it('points at the argument that does not fit', () => {
    const q = "SELECT CIRCLE('ICRS', 2, 3) FROM t"
    expect(first(q)).toMatchObject({ from: 22, to: 23, message: expect.stringMatching(/^Argument 2 of CIRCLE: expected a point/) })
  })

  it('flags missing JOIN conditions, unnamed subqueries and run-together tokens', () => {
    expect(first('SELECT * FROM a JOIN b')).toMatchObject({ from: 16, to: 22, message: expect.stringMatching(/ON <condition> or USING/) })
    expect(first('SELECT * FROM (SELECT * FROM b)')).toMatchObject({ from: 30, to: 31, message: expect.stringMatching(/AS name/) })
    expect(first('SELECT 2desc FROM t')).toMatchObject({ from: 7, to: 12, message: expect.stringMatching(/Missing space/) })
  })

  it('reports one syntax error, not the recovery noise after it', () => {
    expect(validateAdql('SELECT a FROM t WHERE ( AND b = c )) AND ABS() = 1').errors).toHaveLength(1)
  })
})

describe('validateAdql: long queries', () => {
  function longQuery(): string {
    let q = "SELECT TOP 100 o.target_name, DISTANCE(POINT('ICRS', o.s_ra, o.s_dec), POINT('ICRS', 266.4, -29.0)) AS d\n" +
      "FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON r.dp_id = o.obs_id\nWHERE INTERSECTS(CIRCLE('ICRS', 266.4, -29.0, 5), o.s_region) = 1\n"
    while (q.length < 2000) q += `  AND (o.snr > ${q.length} OR LOWER(o.obs_collection) LIKE 'x${q.length}%') -- note\n`
    return q + 'ORDER BY d'
  }

  // (its speed is no test's business: speed is measured by benchmarks)
  it('a 2 KB query with a join, comments on every line and ORDER BY an alias is valid, every time', () => {
    const q = longQuery()
    expect(q.length).toBeGreaterThanOrEqual(2000)
    for (let i = 0; i < 3; i++) expect(validateAdql(q).ok).toBe(true)
    expect(validateAdql(q.replace('ORDER BY d', 'ORDER BY')).ok).toBe(false)
  })
})
