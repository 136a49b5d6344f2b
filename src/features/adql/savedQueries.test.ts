import { beforeEach, describe, expect, it } from 'vitest'
import { exportSaved, importSaved, loadSaved, mergeSaved, parseSavedFile, removeSaved, saveQuery } from './savedQueries'
import { EXAMPLE_LIBRARY, searchExamples } from './exampleLibrary'

class MemoryStorage {
  private m = new Map<string, string>()
  getItem(k: string) {
    return this.m.has(k) ? this.m.get(k)! : null
  }
  setItem(k: string, v: string) {
    this.m.set(k, v)
  }
  removeItem(k: string) {
    this.m.delete(k)
  }
}

beforeEach(() => {
  ;(globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage()
})

describe('saved queries', () => {
  it('saves under a name, replaces the same name, removes', () => {
    saveQuery('b seeing', 'SELECT 1', 'tap_obs', new Date('2026-01-01T00:00:00Z'))
    saveQuery('a cone', 'SELECT 2', 'tap_cat')
    saveQuery('b seeing', 'SELECT 3', 'tap_obs')
    expect(loadSaved().map((q) => [q.name, q.query])).toEqual([
      ['a cone', 'SELECT 2'],
      ['b seeing', 'SELECT 3'],
    ])
    expect(removeSaved('a cone').map((q) => q.name)).toEqual(['b seeing'])
  })

  it('exports and imports the same queries', () => {
    saveQuery('x', 'SELECT TOP 1 * FROM ivoa.ObsCore', 'tap_obs')
    const file = exportSaved(loadSaved())
    ;(globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage()
    const r = importSaved(file)
    expect('error' in r ? r.error : r.added).toBe(1)
    expect(loadSaved().map((q) => q.query)).toEqual(['SELECT TOP 1 * FROM ivoa.ObsCore'])
  })

  it('says what is wrong with a file it cannot import', () => {
    expect(parseSavedFile('nope')).toEqual({ error: 'The file is not JSON' })
    expect(parseSavedFile('{"queries": []}')).toEqual({ error: 'The file is not an export of saved queries' })
    expect(parseSavedFile('{"format": "eso-archive-explorer/saved-queries", "queries": [{"name": ""}]}')).toEqual({ error: "1 of the file's queries lack a name, text, service or date" })
  })

  it('merges by name, the incoming one winning', () => {
    const q = (name: string, query: string) => ({ name, query, service: 'tap_obs', savedAt: '2026-01-01T00:00:00Z' })
    expect(mergeSaved([q('a', '1'), q('b', '2')], [q('b', '3')]).map((x) => x.query)).toEqual(['1', '3'])
  })
})

describe('the example library', () => {
  it('has at least 12 examples with distinct ids', () => {
    expect(EXAMPLE_LIBRARY.length).toBeGreaterThanOrEqual(12)
    expect(new Set(EXAMPLE_LIBRARY.map((x) => x.id)).size).toBe(EXAMPLE_LIBRARY.length)
  })

  it('finds examples by every word, in title, description, service or query', () => {
    expect(searchExamples(EXAMPLE_LIBRARY, 'seeing night').map((x) => x.id)).toEqual(['asm-seeing-night'])
    expect(searchExamples(EXAMPLE_LIBRARY, 'TAP_CAT cone').map((x) => x.id)).toEqual(['tap-cat-cone'])
    expect(searchExamples(EXAMPLE_LIBRARY, 'last_mod_date').map((x) => x.id)).toEqual(['harvest-last-mod'])
    expect(searchExamples(EXAMPLE_LIBRARY, '').length).toBe(EXAMPLE_LIBRARY.length)
    expect(searchExamples(EXAMPLE_LIBRARY, 'zzz')).toEqual([])
  })
})
