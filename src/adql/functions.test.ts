import { describe, expect, it } from 'vitest'
import { ADQL_FUNCTIONS, ADQL_RESERVED_WORDS, adqlFunctions, adqlKeywords, builtinFunction, hasFunctionPrefix, isReservedWord, parseUdf } from './index'
import { FUNCTION_KEYWORDS } from './keywords'

describe('ADQL function and keyword catalogues', () => {
  it('describes every reserved function name, and only those', () => {
    expect(ADQL_FUNCTIONS.map((f) => f.name).sort()).toEqual([...FUNCTION_KEYWORDS].sort())
    for (const f of adqlFunctions) {
      expect(f.signature.startsWith(f.name), f.name).toBe(true)
      expect(f.description.length, f.name).toBeGreaterThan(5)
    }
  })

  it('finds built-ins case-insensitively', () => {
    expect(builtinFunction('point')?.category).toBe('geometry')
    expect(builtinFunction('Coalesce')?.since).toBe('2.1')
    expect(builtinFunction('ivo_healpix_index')).toBeUndefined()
  })

  it('knows the reserved words', () => {
    expect(isReservedWord('distance')).toBe(true)
    expect(isReservedWord('Size')).toBe(true)
    expect(isReservedWord('ra')).toBe(false)
    expect(ADQL_RESERVED_WORDS).toContain('IN_UNIT')
    expect(adqlKeywords).toContain('SELECT')
    expect(adqlKeywords).toContain('DOUBLE')
  })

  it('parses UDF declarations (TAPRegExt form)', () => {
    expect(parseUdf({ form: 'ivo_healpix_index(hpxOrder INTEGER, long REAL, lat REAL) -> BIGINT' })).toEqual({
      name: 'ivo_healpix_index',
      arity: 3,
      returns: 'BIGINT',
      signature: 'ivo_healpix_index(hpxOrder INTEGER, long REAL, lat REAL) -> BIGINT',
    })
    expect(parseUdf('f() -> DOUBLE')?.arity).toBe(0)
    expect(parseUdf('bare_name')?.arity).toBeUndefined()
    expect(parseUdf('not a signature')).toBeUndefined()
  })

  it('recognises provider prefixes', () => {
    expect(hasFunctionPrefix('ivo_hasword')).toBe(true)
    expect(hasFunctionPrefix('gavo_x')).toBe(true)
    expect(hasFunctionPrefix('tan2')).toBe(false)
    expect(hasFunctionPrefix('_x')).toBe(false)
    expect(hasFunctionPrefix('x_')).toBe(false)
  })
})
