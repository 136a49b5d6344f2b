/** What a user asks a SODA service to cut out (SODA 1.0 §3.3). Angles in degrees (ICRS), BAND in metres, TIME in MJD. */

export interface SodaCircle {
  ra: number
  dec: number
  radius: number
}

/** POS in its three SODA forms. */
export type SodaPos =
  | ({ shape: 'circle' } & SodaCircle)
  /** RANGE ra1 ra2 dec1 dec2 (±Infinity allowed) */
  | { shape: 'range'; ra: readonly [number, number]; dec: readonly [number, number] }
  | { shape: 'polygon'; vertices: ReadonlyArray<readonly [number, number]> }

export interface SodaCutout {
  circle?: SodaCircle
  /** vertices as [ra, dec] pairs */
  polygon?: ReadonlyArray<readonly [number, number]>
  pos?: SodaPos
  /** [lo, hi] vacuum wavelength in metres (see units.ts for nm/µm/Å) */
  band?: readonly [number, number]
  /** [start, end] MJD */
  time?: readonly [number, number]
  /** polarization states, e.g. ['I', 'Q'] */
  pol?: readonly string[]
  /** other parameters the descriptor offers (FORMAT, KIND, …), as the service writes them */
  other?: Readonly<Record<string, string>>
}

export interface SodaProblem {
  param: string
  /** errors stop the request; warnings (e.g. a band reaching past the data) are passed on */
  severity: 'error' | 'warning'
  message: string
}

/** A SODA sync request ready to send with GET. */
export interface SodaRequest {
  /** service URL with the query (use `http.publicUrl(url)` for a link in the page) */
  url: string
  accessUrl: string
  params: [string, string][]
  warnings: SodaProblem[]
}
