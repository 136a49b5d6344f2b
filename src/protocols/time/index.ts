/** Times as astronomers read them: ISO 8601, UTC, 24-hour, and said to be UTC. */

const pad = (n: number) => String(n).padStart(2, '0')

function toDate(t: Date | number | string): Date | undefined {
  const d = t instanceof Date ? t : new Date(t)
  return Number.isNaN(d.getTime()) ? undefined : d
}

/** `2026-12-06 22:33:46 UTC` (or without seconds); '—' for a missing or unreadable time. */
export function formatUtc(t: Date | number | string | undefined | null, opts: { seconds?: boolean; zone?: boolean } = {}): string {
  if (t === undefined || t === null || t === '') return '—'
  const d = toDate(t)
  if (!d) return '—'
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${opts.seconds === false ? '' : `:${pad(d.getUTCSeconds())}`}`
  return opts.zone === false ? `${date} ${time}` : `${date} ${time} UTC`
}

/** MJD 0 is 1858-11-17T00:00Z: Unix milliseconds of a Modified Julian Date. */
export function mjdToUnixMs(mjd: number): number {
  return (mjd - 40587) * 86_400_000
}

/** A service's ISO 8601 time (UTC when it names no zone, as VO services mean it) as Unix milliseconds; NaN when unreadable. */
export function isoToUnixMs(s: string): number {
  const t = s.trim()
  if (!t) return NaN
  const withZone = /^\d{4}-\d\d-\d\d$/.test(t) || /[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`
  return Date.parse(withZone)
}

/**
 * A table cell's time as `2021-05-04T05:10:01` (ISO 8601, UTC, no zone: the column header says so), to the nearest
 * second, as FITS headers and ADQL literals write it (a copied cell goes into a query as it is); an MJD number or an
 * ISO string. undefined when it is not a time.
 */
export function formatTimeCell(v: unknown, kind: 'iso' | 'mjd'): string | undefined {
  const ms = kind === 'mjd' ? (typeof v === 'number' && Number.isFinite(v) ? mjdToUnixMs(v) : NaN) : typeof v === 'string' ? isoToUnixMs(v) : NaN
  if (!Number.isFinite(ms)) return undefined
  return formatUtc(Math.round(ms / 1000) * 1000, { zone: false }).replace(' ', 'T')
}

/**
 * Labels for time-axis ticks at Unix seconds `splits`, `incr` seconds apart: 24-hour UTC, the date written where it
 * changes (on a second line) and alone for steps of a day or more.
 */
export function utcTickLabels(splits: readonly number[], incr: number): string[] {
  let lastDay = ''
  return splits.map((s, i) => {
    const text = formatUtc(s * 1000, { zone: false })
    if (text === '—') return ''
    const [day, time] = text.split(' ') as [string, string]
    if (incr >= 86_400) return incr >= 28 * 86_400 ? day.slice(0, 7) : day
    const clock = incr >= 60 ? time.slice(0, 5) : time
    const label = i === 0 || day !== lastDay ? `${clock}\n${day}` : clock
    lastDay = day
    return label
  })
}

/** `22:33 UTC` alone when the time is today (UTC) in `now`'s terms, else the whole date and time. */
export function formatUtcShort(t: Date | number, now: Date | number = Date.now()): string {
  const d = toDate(t)
  const n = toDate(now)
  if (!d || !n) return '—'
  const sameDay = d.getUTCFullYear() === n.getUTCFullYear() && d.getUTCMonth() === n.getUTCMonth() && d.getUTCDate() === n.getUTCDate()
  return sameDay ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC` : formatUtc(d, { seconds: false })
}
