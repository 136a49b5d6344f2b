import { describe, expect, it } from 'vitest'
import { formatUtc, formatUtcShort } from './index'

describe('UTC times', () => {
  it('writes ISO 8601 dates with a 24-hour UTC time and says UTC', () => {
    expect(formatUtc('2026-12-06T22:33:46.120Z')).toBe('2026-12-06 22:33:46 UTC')
    expect(formatUtc(Date.UTC(2021, 4, 4, 0, 5, 9))).toBe('2021-05-04 00:05:09 UTC')
    expect(formatUtc('2026-12-06T23:59:00+02:00', { seconds: false })).toBe('2026-12-06 21:59 UTC')
  })

  it('shows a dash for a missing or unreadable time', () => {
    expect(formatUtc(undefined)).toBe('—')
    expect(formatUtc('')).toBe('—')
    expect(formatUtc('not a date')).toBe('—')
  })

  it('drops the date of a time on the same UTC day', () => {
    const now = Date.UTC(2026, 11, 7, 1, 0)
    expect(formatUtcShort(Date.UTC(2026, 11, 7, 8, 32), now)).toBe('08:32 UTC')
    expect(formatUtcShort(Date.UTC(2026, 11, 8, 0, 2), now)).toBe('2026-12-08 00:02 UTC')
  })
})
