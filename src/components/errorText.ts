/** What a failure means for the user, in words, from the kind of the protocol layer's error. */
import { DalError } from '../protocols/dal'

export interface ErrorText {
  /** one line: what happened */
  title: string
  /** what to do next, when there is something to do */
  hint?: string
  /** where in the query the service found the problem */
  where?: string
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : 'the service'
  } catch {
    return 'the service'
  }
}

/** A TAP or SSAP URL takes a query; DataLink, SODA and the rest take a request (no URL: a query, the usual case). */
function asksAQuery(url: string | undefined): boolean {
  if (!url) return true
  try {
    // a path segment tap…/ssa… (/tap_obs/sync, /tap/sync, /ssap): not a word that merely holds the letters (dataPortal)
    return /(^|\/)(tap|ssa)[^/]*(\/|$)/i.test(new URL(url).pathname)
  } catch {
    return true
  }
}

/** The title (and hint) for an error; errors that are not DalErrors get a general title. */
export function errorText(error: Error): ErrorText {
  if (!(error instanceof DalError)) return { title: 'The request failed' }
  switch (error.kind) {
    case 'needs-login':
      return { title: 'You need to log in for this', hint: 'Log in (top right) and try again.' }
    case 'forbidden':
      return { title: 'Your login does not give access to this' }
    case 'busy':
      return {
        title: error.retryAfterMs !== undefined ? `The service is busy — try again in ${Math.max(1, Math.ceil(error.retryAfterMs / 1000))} s` : 'The service is busy — try again later',
      }
    case 'query-rejected':
      return {
        title: `The service rejected the ${asksAQuery(error.url) ? 'query' : 'request'}`,
        where: error.position ? `at line ${error.position.line}, column ${error.position.column}` : undefined,
      }
    case 'proxy-unreachable':
      return { title: `Cannot reach ${hostOf(error.url)}`, hint: 'Check the network, or switch to the Local archive profile.' }
    case 'network':
      return { title: 'The service could not be reached', hint: 'Check the network connection, then try again.' }
    case 'timeout':
      return { title: 'The service took too long' }
    case 'aborted':
      return { title: 'Cancelled' }
    case 'http':
      return { title: error.status !== undefined ? `The service answered with an error (HTTP ${error.status})` : 'The service answered with an error' }
    case 'bad-response':
      return { title: "The service's answer could not be read" }
    case 'partial':
      return { title: 'The result is incomplete' }
  }
}
