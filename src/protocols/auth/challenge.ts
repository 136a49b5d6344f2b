/** 401/403 answers in the user's words, from the status and the WWW-Authenticate challenge. */

/** Parses a WWW-Authenticate header into scheme and parameters (enough for Bearer error/description). */
export function parseChallenge(header: string | null | undefined): { scheme: string; params: Record<string, string> } | undefined {
  if (!header) return undefined
  const m = /^\s*([A-Za-z][\w-]*)\s*(.*)$/.exec(header)
  if (!m) return undefined
  const params: Record<string, string> = {}
  for (const p of m[2]!.matchAll(/([\w-]+)="([^"]*)"|([\w-]+)=([^\s,]+)/g)) params[(p[1] ?? p[3])!] = (p[2] ?? p[4])!
  return { scheme: m[1]!, params }
}

/** What a 401/403 means for the user, in words: log in, log in again, or no permission. */
export function authFailureMessage(status: number, challenge: string | null | undefined, host: string): string | undefined {
  if (status === 403) return `You lack permission for this on ${host}: your account is not authorised for it.`
  if (status !== 401) return undefined
  const c = parseChallenge(challenge)
  if (c?.params.error === 'invalid_token') {
    return `${host} did not accept your login (${c.params.error_description ?? 'invalid token'}): log in again.`
  }
  return `${host} needs a login for this (it may be a private or embargoed product): log in and try again.`
}
