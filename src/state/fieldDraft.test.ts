import { describe, expect, it } from 'vitest'
import { openingField } from './fieldDraft'

describe('a form field typed and not submitted, over a reload', () => {
  it('comes back as typed while the URL is the one it was typed over', () => {
    expect(openingField({ text: '100000', over: null }, null, '')).toBe('100000')
    expect(openingField({ text: '500', over: '100' }, '100', '')).toBe('500')
  })
  it('gives way to another URL value (a link, back/forward) and to nothing saved', () => {
    expect(openingField({ text: '500', over: '100' }, '2000', '')).toBe('2000')
    expect(openingField({ text: '500', over: null }, '2000', '')).toBe('2000')
    expect(openingField(null, null, 'sync')).toBe('sync')
    expect(openingField({ text: 42 }, null, 'x')).toBe('x')
  })
})
