/** What the generated code reproduces: a TAP query, a DataLink document, a SODA cutout. */

export type TapFlavour = 'pyvo' | 'astroquery' | 'curl'
/** DataLink and SODA: Python (pyvo.dal.adhoc / requests) or curl. */
export type LinkFlavour = 'python' | 'curl'

export interface TapCodeRequest {
  /** The TAP base URL as the service knows it (not the app's proxy prefix). */
  serviceUrl: string
  query: string
  maxrec?: number
  mode: 'sync' | 'async'
  /** RESPONSEFORMAT (curl only: pyvo and astroquery read VOTable). */
  format?: string
  /** The app would send the login token with this query: the code reads it from ESO_TOKEN. */
  authorised: boolean
}

export interface DataLinkCodeRequest {
  /** The {links} URL with its ID, as the app asks it. */
  url: string
  authorised: boolean
}

export interface SodaCodeRequest {
  /** The SODA service URL (the descriptor's accessURL). */
  accessUrl: string
  /** The parameters in the order the form builds them (ID first). */
  params: ReadonlyArray<readonly [string, string]>
  authorised: boolean
}

/** The environment variable the generated code reads the token from: never the token itself. */
export const TOKEN_VARIABLE = 'ESO_TOKEN'
