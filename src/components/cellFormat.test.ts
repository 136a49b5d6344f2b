import { describe, expect, it } from 'vitest'
import { formatCell } from './cellFormat'

describe('formatCell', () => {
  it('shows nulls as empty and keeps precision readable', () => {
    expect(formatCell(null)).toBe('')
    expect(formatCell(265.17539123456)).toBe('265.1753912')
    expect(formatCell(6.5e-7)).toBe('6.500000e-7')
    expect(formatCell(42)).toBe('42')
    expect(formatCell(Number.NaN)).toBe('')
    expect(formatCell(-Infinity)).toBe('-Inf')
  })
  it('shows big integers exactly and shortens long arrays', () => {
    expect(formatCell(9007199254740993n)).toBe('9007199254740993')
    expect(formatCell(new Float64Array([1, 2, 3]))).toBe('[1, 2, 3]')
    expect(formatCell(Array.from({ length: 20 }, (_, i) => i))).toMatch(/… 20 values]$/)
  })
})
