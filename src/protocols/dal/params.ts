/** Query strings written the way the DAL services (and ESO) write them: readable IDs, still valid URLs. */

/**
 * Encodes a query value leaving `: / ? @` readable. RFC 3986 allows them in a query, and ESO writes
 * `ID=ivo://eso.org/ID?ADP…` that way; `& = + # %` and spaces are still escaped, so the URL stays valid.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%3F/gi, '?').replace(/%40/gi, '@')
}

/** `base` with the parameters appended (after any query it already has); undefined values are left out. */
export function withParams(base: string, params: ReadonlyArray<readonly [string, string | undefined]>): string {
  const parts = params.filter((p): p is readonly [string, string] => p[1] !== undefined).map(([k, v]) => `${encodeQueryValue(k)}=${encodeQueryValue(v)}`)
  if (parts.length === 0) return base
  const hash = base.indexOf('#')
  const head = hash >= 0 ? base.slice(0, hash) : base
  const sep = head.includes('?') ? (head.endsWith('?') || head.endsWith('&') ? '' : '&') : '?'
  return head + sep + parts.join('&')
}
