/** Builds a SODA sync GET request from a service descriptor and the user's cutout. */
import { QueryError } from '../errors'
import { bindInputParams, withParams, type ServiceDescriptor } from '../datalink'
import type { Table } from '../votable'
import type { SodaCutout, SodaPos, SodaRequest } from './types'
import { checkSodaCutout } from './validate'

const num = (n: number): string => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : '-Inf')
const list = (ns: readonly number[]): string => ns.map(num).join(' ')

/** The POS value: `CIRCLE ra dec r`, `RANGE ra1 ra2 dec1 dec2` or `POLYGON ra1 dec1 …`. */
export function posValue(pos: SodaPos): string {
  if (pos.shape === 'circle') return `CIRCLE ${list([pos.ra, pos.dec, pos.radius])}`
  if (pos.shape === 'range') return `RANGE ${list([...pos.ra, ...pos.dec])}`
  return `POLYGON ${list(pos.vertices.flat())}`
}

/** The parameters of a cutout in SODA syntax (without ID). */
export function cutoutParams(c: SodaCutout): [string, string][] {
  const out: [string, string][] = []
  if (c.circle) out.push(['CIRCLE', list([c.circle.ra, c.circle.dec, c.circle.radius])])
  if (c.polygon) out.push(['POLYGON', list(c.polygon.flat())])
  if (c.pos) out.push(['POS', posValue(c.pos)])
  if (c.band) out.push(['BAND', list(c.band)])
  if (c.time) out.push(['TIME', list(c.time)])
  for (const s of c.pol ?? []) out.push(['POL', s])
  for (const [k, v] of Object.entries(c.other ?? {})) out.push([k, v])
  return out
}

export interface SodaRequestOptions {
  /** dataset ID when the descriptor neither fixes it nor binds it to a row */
  id?: string
  /** the result row that row-bound (`ref`) parameters take their values from */
  row?: { table: Table; index: number }
}

/**
 * Builds the GET request. Fixed parameters (ESO's ID) and row-bound ones come from the descriptor.
 * @throws QueryError with every error found (warnings go to `request.warnings`).
 */
export function buildSodaRequest(d: ServiceDescriptor, c: SodaCutout, opts: SodaRequestOptions = {}): SodaRequest {
  if (d.kind !== 'soda-sync' && d.kind !== 'other') throw new QueryError(`The service ${d.standardId ?? d.accessUrl} is not a synchronous SODA service`, d.accessUrl)
  const problems = checkSodaCutout(d, c)
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length) throw new QueryError(errors.map((e) => e.message).join('; '), d.accessUrl)
  const bound = bindInputParams(d, opts.row)
  if (opts.id !== undefined) bound.ID = opts.id
  if (!bound.ID) throw new QueryError('The cutout needs a dataset ID: the descriptor gives none and no row or id was passed', d.accessUrl)
  const params: [string, string][] = [...Object.entries(bound), ...cutoutParams(c)]
  return { url: withParams(d.accessUrl, params), accessUrl: d.accessUrl, params, warnings: problems }
}
