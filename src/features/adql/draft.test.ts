import { describe, expect, it } from 'vitest'
import { openingQuery, readDraft } from './draft'

const DEFAULT = 'SELECT TOP 10 * FROM ivoa.ObsCore'

describe('the query the ADQL view opens with', () => {
  it('a reload keeps what was typed after the last run, although the URL still carries the run query', () => {
    const draft = { text: 'SELECT obs_id FROM ivoa.ObsCore WHERE', fromQ: 'SELECT TOP 5 * FROM ivoa.ObsCore' }
    expect(openingQuery('SELECT TOP 5 * FROM ivoa.ObsCore', draft, DEFAULT)).toEqual({ query: draft.text })
  })

  it('a link with another query opens it and sets the draft aside to restore', () => {
    const draft = { text: 'SELECT my, work FROM dbo.raw', fromQ: null }
    expect(openingQuery('SELECT * FROM asm.dimm_paranal', draft, DEFAULT)).toEqual({ query: 'SELECT * FROM asm.dimm_paranal', setAside: draft.text })
  })

  it('a draft set aside survives a reload until restored or dropped', () => {
    const draft = { text: 'SELECT * FROM asm.dimm_paranal', fromQ: 'SELECT * FROM asm.dimm_paranal', aside: 'SELECT my, work FROM dbo.raw' }
    expect(openingQuery('SELECT * FROM asm.dimm_paranal', draft, DEFAULT)).toEqual({ query: draft.text, setAside: draft.aside })
  })

  it('without a query in the URL: the draft, else the default', () => {
    expect(openingQuery(null, { text: 'SELECT 1', fromQ: 'x' }, DEFAULT)).toEqual({ query: 'SELECT 1' })
    expect(openingQuery(null, undefined, DEFAULT)).toEqual({ query: DEFAULT })
  })

  it('sets nothing aside when the draft is the default, empty, or the same query', () => {
    expect(openingQuery('SELECT 2', { text: DEFAULT, fromQ: null }, DEFAULT)).toEqual({ query: 'SELECT 2' })
    expect(openingQuery('SELECT 2', { text: '  ', fromQ: null }, DEFAULT)).toEqual({ query: 'SELECT 2' })
    expect(openingQuery('SELECT 2', { text: 'SELECT 2', fromQ: null }, DEFAULT)).toEqual({ query: 'SELECT 2' })
  })

  it('reads drafts stored by earlier versions as bare text', () => {
    expect(readDraft('SELECT 3')).toEqual({ text: 'SELECT 3', fromQ: null })
    expect(readDraft({ text: 'SELECT 4', fromQ: 'q' })).toEqual({ text: 'SELECT 4', fromQ: 'q' })
    expect(readDraft(42)).toBeUndefined()
  })
})
