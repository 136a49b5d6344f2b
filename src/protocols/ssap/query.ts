/** SSAP 1.04 queryData (the ESO SSAP service and DaCHS's). */
import type { HttpClient } from '../http'
import { QueryError } from '../errors'
import { readDalResponse, toDalError, withParams, type DalResult, type VOTableReader } from '../dal'
import { parseServiceDescriptors, type ServiceDescriptor } from '../datalink'
import { spectrumColumns, spectrumRecord, type SpectrumColumns, type SpectrumRecord } from './columns'

export interface SsapQuery {
  /** ICRS degrees */
  pos: { ra: number; dec: number }
  /** search cone diameter in degrees (SSAP 1.04, ESO); note DaCHS 2.7 takes it as the radius */
  size: number
  /** [lo, hi] wavelength in metres */
  band?: readonly [number, number]
  /** [start, end] as MJD numbers or ISO-8601 strings */
  time?: readonly [number | string, number | string]
  maxrec?: number
  /** SSAP FORMAT (dataset format wanted, e.g. `fits`, `votable`, `all`) */
  format?: string
}

/** The result table (with OVERFLOW and `partial` as for TAP), typed access to its key columns, and its descriptors. */
export interface SsapResult extends DalResult {
  columns: SpectrumColumns
  spectra: SpectrumRecord[]
  /** DataLink/SODA descriptors that come with the result (DaCHS: row-bound on ssa_pubDID) */
  descriptors: ServiceDescriptor[]
}

/** ISO-8601 UTC (no zone letter, seconds precision) of an MJD; SSAP TIME wants ISO, not MJD. */
export function mjdToIso(mjd: number): string {
  return new Date(Math.round((mjd - 40587) * 86_400_000)).toISOString().replace(/\.\d+Z$/, '').replace(/Z$/, '')
}

const n = (x: number) => (Number.isFinite(x) ? String(x) : '')

/** The queryData parameters (names and value syntax of SSAP 1.04: POS=ra,dec, BAND=lo/hi, TIME=start/end). */
export function ssapParams(q: SsapQuery): [string, string][] {
  if (!Number.isFinite(q.pos.ra) || !Number.isFinite(q.pos.dec)) throw new QueryError('SSAP needs a position (ra, dec in degrees)')
  if (!(q.size > 0)) throw new QueryError(`SSAP search diameter must be above 0°, got ${q.size}`)
  const out: [string, string][] = [['REQUEST', 'queryData'], ['POS', `${q.pos.ra},${q.pos.dec}`], ['SIZE', String(q.size)]]
  if (q.band) {
    if (q.band[0] > q.band[1]) throw new QueryError(`SSAP BAND lower limit ${q.band[0]} m is above the upper limit ${q.band[1]} m`)
    out.push(['BAND', `${n(q.band[0])}/${n(q.band[1])}`])
  }
  if (q.time) {
    const t = q.time.map((x) => (typeof x === 'number' ? mjdToIso(x) : x.trim())) as [string, string]
    out.push(['TIME', `${t[0]}/${t[1]}`])
  }
  if (q.maxrec !== undefined) out.push(['MAXREC', String(q.maxrec)])
  if (q.format) out.push(['FORMAT', q.format])
  return out
}

/** Runs an SSAP queryData request and reads the result with typed access to its key columns. */
export async function ssapQuery(
  http: HttpClient, baseUrl: string, q: SsapQuery, opts: { signal?: AbortSignal; timeoutMs?: number; read?: VOTableReader } = {},
): Promise<SsapResult> {
  const url = withParams(baseUrl, ssapParams(q))
  let res: Response
  try {
    res = await http.request(url, { signal: opts.signal, timeoutMs: opts.timeoutMs })
  } catch (e) {
    throw toDalError(e, url, 'The SSAP query')
  }
  const result = await readDalResponse(res, { what: 'The SSAP query', url, read: opts.read, signal: opts.signal })
  const { table, document } = result
  const columns = spectrumColumns(table)
  const spectra = Array.from({ length: table.rowCount }, (_, r) => spectrumRecord(table, r, columns))
  return { ...result, columns, spectra, descriptors: parseServiceDescriptors(document) }
}
