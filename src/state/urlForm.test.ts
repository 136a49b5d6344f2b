import { describe, expect, it } from 'vitest'
import { draftOf, readUrlForm, writeUrlForm, type UrlFormSpec } from './urlForm'

interface Form {
  target: string
  size: string
  unit: 'nm' | 'm'
  note: string
}
const DEFAULTS: Form = { target: '', size: '2', unit: 'nm', note: '' }
const spec: UrlFormSpec<Form> = { defaults: DEFAULTS, param: { unit: 'wunit' }, choices: { unit: ['nm', 'm'] } }
const query = (p: Record<string, string | undefined>) => new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined))

describe('a form in the URL', () => {
  it('reads each field from its parameter, defaults for the missing ones', () => {
    expect(readUrlForm(spec, new URLSearchParams('target=M+31&wunit=m'))).toEqual({ ...DEFAULTS, target: 'M 31', unit: 'm' })
    expect(readUrlForm(spec, new URLSearchParams(''))).toEqual(DEFAULTS)
    // the field's own name is not read when it has another parameter
    expect(readUrlForm(spec, new URLSearchParams('unit=m')).unit).toBe('nm')
  })
  it('reads a choice outside its list as the default', () => {
    expect(readUrlForm(spec, new URLSearchParams('wunit=parsec')).unit).toBe('nm')
  })
  it('writes only what differs from the defaults and is not blank, under each parameter name', () => {
    expect(writeUrlForm(spec, { ...DEFAULTS, target: 'M 31', unit: 'm', note: '  ' })).toEqual({ target: 'M 31', size: undefined, wunit: 'm', note: undefined })
    expect(writeUrlForm(spec, DEFAULTS)).toEqual({ target: undefined, size: undefined, wunit: undefined, note: undefined })
  })
  it('keeps fields asked for even at their default, and trims when asked', () => {
    const kept: UrlFormSpec<Form> = { ...spec, keep: ['size'], trim: true }
    expect(writeUrlForm(kept, { ...DEFAULTS, target: ' M 31 ' })).toEqual({ target: 'M 31', size: '2', wunit: undefined, note: undefined })
    expect(writeUrlForm(spec, { ...DEFAULTS, target: ' M 31 ' }).target).toBe(' M 31 ')
    expect(writeUrlForm(kept, { ...DEFAULTS, size: ' ' }).size).toBeUndefined()
  })
  it('round-trips', () => {
    const f: Form = { target: 'NGC 6397', size: '5', unit: 'm', note: 'x' }
    expect(readUrlForm(spec, query(writeUrlForm(spec, f)))).toEqual(f)
  })
})

describe('the draft of a URL form', () => {
  const committed = { ...DEFAULTS, target: 'M 31' }
  const key = JSON.stringify(writeUrlForm(spec, committed))
  it('is the URL form until something is typed', () => {
    expect(draftOf({ over: key }, key, committed)).toBe(committed)
  })
  it('is what was typed while the URL form stays the one it was typed over', () => {
    const typed = { ...committed, target: 'M 3' }
    expect(draftOf({ over: key, form: typed }, key, committed)).toBe(typed)
  })
  it('gives way when the URL moves on (a link, back/forward, a submit)', () => {
    const next = { ...DEFAULTS, target: 'M 33' }
    expect(draftOf({ over: key, form: { ...committed, target: 'M 3' } }, JSON.stringify(writeUrlForm(spec, next)), next)).toBe(next)
  })
})
