import { describe, expect, it } from 'vitest'
import { formatTimeCell, formatUtc, formatUtcShort, mjdToUnixMs, utcTickLabels } from './index'

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

describe('table times', () => {
  it('writes an MJD or an ISO cell as UTC to the second, without a zone', () => {
    expect(formatTimeCell(59338.2153, 'mjd')).toBe('2021-05-04T05:10:02')
    expect(formatTimeCell(59338.21529, 'mjd')).toBe('2021-05-04T05:10:01')
    expect(formatTimeCell(40587, 'mjd')).toBe('1970-01-01T00:00:00')
    expect(formatTimeCell('2021-05-04T05:10:01.4', 'iso')).toBe('2021-05-04T05:10:01')
    expect(formatTimeCell('2021-05-04', 'iso')).toBe('2021-05-04T00:00:00')
    expect(formatTimeCell('soon', 'iso')).toBeUndefined()
    expect(formatTimeCell(null, 'mjd')).toBeUndefined()
    expect(mjdToUnixMs(59338)).toBe(Date.UTC(2021, 4, 4))
  })
  it('labels time-axis ticks in 24-hour UTC, with the date where it changes', () => {
    const t0 = Date.UTC(2021, 4, 4, 22) / 1000
    expect(utcTickLabels([t0, t0 + 3600, t0 + 7200], 3600)).toEqual(['22:00\n2021-05-04', '23:00', '00:00\n2021-05-05'])
    expect(utcTickLabels([t0, t0 + 30], 30)).toEqual(['22:00:00\n2021-05-04', '22:00:30'])
    expect(utcTickLabels([t0, t0 + 86400], 86400)).toEqual(['2021-05-04', '2021-05-05'])
  })
})
