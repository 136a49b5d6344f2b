import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { gridDecimal, gridSexagesimal, patchAladin } from './aladinLabels'

const original = (v: number, prec: number) => `aladin(${v},${prec})`
const sexa = gridSexagesimal(original)

describe("the sky grid's labels", () => {
  it('carry rounded seconds into the minutes', () => {
    expect(sexa(-(53 + 38 / 60 + 59.9996 / 3600), 8, true)).toBe('−53°39′')
    expect(sexa(13 + 59 / 60 + 59.99996 / 3600, 8, false)).toBe('14h')
    expect(sexa(23 + 59 / 60 + 59.9999 / 3600, 6, false)).toBe('24h')
  })
  it('write only what says something', () => {
    expect(sexa(30, 8, true)).toBe('+30°')
    expect(sexa(4, 8, false)).toBe('04h')
    expect(sexa(-(43 + 1 / 60), 8, true)).toBe('−43°01′')
    expect(sexa(13 + 25 / 60 + 27.5 / 3600, 8, false)).toBe('13h25m27.5s')
    expect(sexa(13 + 25 / 60 + 5.25 / 3600, 8, false)).toBe('13h25m05.25s')
    expect(sexa(-(0.5 / 3600), 8, true)).toBe('−00°00′00.5″')
    expect(sexa(0, 8, true)).toBe('+00°')
    expect(sexa(-0.0000000001, 8, true)).toBe('+00°')
  })
  it("leave Aladin's other precisions to Aladin", () => {
    expect(sexa(12.5, 4, true)).toBe('aladin(12.5,4)')
  })
  it('write decimals without trailing zeros', () => {
    const dec = gridDecimal((v) => v.toFixed(4))
    expect(dec(201.365, 4)).toBe('201.365')
    expect(dec(30, 4)).toBe('30')
    expect(gridDecimal(() => '120')(120, 1)).toBe('120')
  })
  it('find their place in the aladin-lite installed', () => {
    const code = readFileSync(new URL('../node_modules/aladin-lite/dist/aladin.js', import.meta.url), 'utf8')
    const patched = patchAladin(code)
    expect(patched).toBeDefined()
    expect(patched).toContain('toSexagesimal=__eaeGridSexagesimal(')
    expect(patchAladin('something else')).toBeUndefined()
  })
})
