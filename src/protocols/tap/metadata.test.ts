import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCapabilities, parseExamples } from './index'

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')

describe('VOSI capabilities', () => {
  const caps = parseCapabilities(fixture('dachs-2.7-capabilities.xml'))

  it('reads ADQL versions, the row limits and the upload methods', () => {
    expect(caps.adqlVersions).toEqual(['2.0', '2.1'])
    expect(caps.outputLimit).toEqual({ default: 20000, hard: 20000000, unit: 'row' })
    expect(caps.executionDuration.default).toBe(3600)
    expect(caps.uploadMethods).toContain('ivo://ivoa.net/std/TAPRegExt#upload-inline')
    expect(caps.uploadLimit).toEqual({ default: undefined, hard: 20000000, unit: 'byte' })
  })

  it('lists user-defined functions by name with their signature, and geometry functions', () => {
    const match = caps.udfs.find((u) => u.name === 'gavo_match')
    expect(match?.form).toBe('gavo_match(pattern TEXT, string TEXT) -> INTEGER')
    expect(match?.description).toMatch(/POSIX regular expression/)
    expect(caps.geometryFunctions).toEqual(expect.arrayContaining(['CONTAINS', 'INTERSECTS', 'CIRCLE', 'POLYGON']))
  })

  it('lists output formats with their aliases and the other VOSI endpoints', () => {
    const b2 = caps.outputFormats.find((f) => f.aliases.includes('votable/b2'))
    expect(b2?.mime).toBe('application/x-votable+xml;serialization=BINARY2')
    expect(caps.endpoints.find((e) => e.standardId === 'ivo://ivoa.net/std/VOSI#tables')?.url).toBe('http://127.0.0.1:18080/__system__/tap/run/tableMetadata')
  })

  it('refuses a document that is not a capabilities document', () => {
    expect(() => parseCapabilities('<VOTABLE/>')).toThrow(/not a VOSI capabilities document/)
  })
})

describe('DALI examples', () => {
  const { examples, continuations } = parseExamples(fixture('dali-examples.xhtml'), 'http://h/tap/examples')

  it('reads each named example with its query, skipping ones without a query', () => {
    expect(examples.map((e) => e.id)).toEqual(['cone', 'raw-night'])
    expect(examples[0]!.name).toBe('Cone search on ObsCore')
    expect(examples[0]!.query).toBe("SELECT * FROM ivoa.ObsCore\nWHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.17, -53.67, 0.1)) = 1")
    expect(examples[0]!.tables).toEqual(['ivoa.ObsCore'])
    expect(examples[1]!.query).toContain("instrument = 'FORS2'")
  })

  it('resolves continuation links against the page URL', () => {
    expect(continuations).toEqual(['http://h/tap/examples2'])
  })
})
