import { describe, expect, it } from 'vitest'
import { formatAdql, validateAdql } from './index'

describe('formatAdql', () => {
  it('upper-cases keywords, puts clauses on their own lines and indents subqueries', () => {
    const q =
      "with a as (select top 5 * from t where x=1) select a.*, count(*) n, cast(x as varchar(3)), ivo_f(y) from a " +
      'join (select * from b where c in (select d from e) union all select * from f) as q on a.x = q.x ' +
      "where x between 1 and 2 and (y=1 or z like 'a%') -- hi\n and exists (select 1 from g) " +
      'group by a.x having count(*) > 1 order by 1 desc offset 10'
    expect(formatAdql(q)).toBe(
      [
        'WITH a AS (',
        '    SELECT TOP 5 *',
        '    FROM t',
        '    WHERE x = 1',
        ')',
        'SELECT a.*, COUNT(*) n, CAST(x AS VARCHAR(3)), ivo_f(y)',
        'FROM a',
        '  JOIN (',
        '    SELECT *',
        '    FROM b',
        '    WHERE c IN (',
        '        SELECT d',
        '        FROM e',
        '    )',
        '    UNION ALL',
        '    SELECT *',
        '    FROM f',
        ') AS q ON a.x = q.x',
        'WHERE x BETWEEN 1 AND 2',
        "  AND (y = 1 OR z LIKE 'a%') -- hi",
        '  AND EXISTS (',
        '    SELECT 1',
        '    FROM g',
        ')',
        'GROUP BY a.x',
        'HAVING COUNT(*) > 1',
        'ORDER BY 1 DESC',
        'OFFSET 10',
      ].join('\n'),
    )
  })

  it('never glues tokens into something else (comments, operators, continued strings)', () => {
    const q = "select - -a, b - -1, 'x'\n'y', \"Col\" from t -- c1\nwhere a<>1"
    const f = formatAdql(q)
    expect(f).toBe("SELECT - -a, b - -1, 'x'\n  'y', \"Col\"\nFROM t -- c1\nWHERE a <> 1")
    expect(validateAdql(f).ok).toBe(true)
    expect(formatAdql(f)).toBe(f)
  })

  it('keeps the case of names, strings and user-defined functions', () => {
    expect(formatAdql("select MyCol, 'MiXed' from Sch.Tab where gavo_Fn(x) = 1")).toBe(
      "SELECT MyCol, 'MiXed'\nFROM Sch.Tab\nWHERE gavo_Fn(x) = 1",
    )
  })

  it('returns a query with a syntax error unchanged', () => {
    const q = 'select a from where'
    expect(formatAdql(q)).toBe(q)
  })
})
