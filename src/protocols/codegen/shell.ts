/** Pieces shared by the generated shell (curl) code. */
import { TOKEN_VARIABLE } from './types'

/** The curl option that sends the token from the environment, when the request runs authorised. */
export const curlAuth = (authorised: boolean): string => (authorised ? ` -H "Authorization: Bearer $${TOKEN_VARIABLE}"` : '')

/** A first line that stops the script, before any request, when the token is not in the environment. */
export const tokenGuard = (authorised: boolean): string[] => (authorised ? [`: "\${${TOKEN_VARIABLE}:?set ${TOKEN_VARIABLE} to your ESO token}"`] : [])
