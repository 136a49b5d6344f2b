/** Times as astronomers read them: ISO 8601, UTC, 24-hour, and said to be UTC. */

const pad = (n: number) => String(n).padStart(2, '0')

function toDate(t: Date | number | string): Date | undefined {
  const d = t instanceof Date ? t : new Date(t)
  return Number.isNaN(d.getTime()) ? undefined : d
}

/** `2026-12-06 22:33:46 UTC` (or without seconds); '—' for a missing or unreadable time. */
export function formatUtc(t: Date | number | string | undefined | null, opts: { seconds?: boolean } = {}): string {
  if (t === undefined || t === null || t === '') return '—'
  const d = toDate(t)
  if (!d) return '—'
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${opts.seconds === false ? '' : `:${pad(d.getUTCSeconds())}`}`
  return `${date} ${time} UTC`
}

/** `22:33 UTC` alone when the time is today (UTC) in `now`'s terms, else the whole date and time. */
export function formatUtcShort(t: Date | number, now: Date | number = Date.now()): string {
  const d = toDate(t)
  const n = toDate(now)
  if (!d || !n) return '—'
  const sameDay = d.getUTCFullYear() === n.getUTCFullYear() && d.getUTCMonth() === n.getUTCMonth() && d.getUTCDate() === n.getUTCDate()
  return sameDay ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC` : formatUtc(d, { seconds: false })
}
