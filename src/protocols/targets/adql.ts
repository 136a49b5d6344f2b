/**
 * Coverage of a target list by one table, in ADQL: ESO's services take no table upload, so targets go into the
 * query itself, one query per chunk, as an OR of `CONTAINS(POINT, CIRCLE) = 1` (the only form ESO's catalogue
 * service accepts), chunks sized to a limit on the query's length. Where a service takes TAP UPLOAD the targets
 * go up as a VOTable joined with the same CONTAINS. Either way a row of the result carries the target it lies
 * near (name and index), once per target within the radius.
 */

/** A table searched for what lies near each target. */
export interface CoverageSource {
  id: 'obscore' | 'raw' | 'catalogue'
  /** e.g. "ivoa.ObsCore". */
  table: string
  ra: string
  dec: string
  /** Columns fetched, after the target's name and index. */
  columns: readonly string[]
  /** The coordinate system word in POINT/CIRCLE ('ICRS'; '' for ESO's catalogue service). */
  system: string
  /** Columns the coverage matrix may count by (e.g. instrument_name, obs_collection); none: one count per target. */
  groupBy: readonly string[]
}

export const OBSCORE_SOURCE: CoverageSource = {
  id: 'obscore', table: 'ivoa.ObsCore', ra: 's_ra', dec: 's_dec', system: 'ICRS',
  columns: ['obs_publisher_did', 'obs_collection', 'instrument_name', 'dataproduct_type', 'target_name', 's_ra', 's_dec', 't_min', 's_region', 'access_url'],
  groupBy: ['instrument_name', 'obs_collection'],
}

export const RAW_SOURCE: CoverageSource = {
  id: 'raw', table: 'dbo.raw', ra: 'ra', dec: 'dec', system: 'ICRS',
  columns: ['dp_id', 'instrument', 'object', 'ra', 'dec', 'date_obs', 'exposure', 'dp_cat', 'dp_type'],
  groupBy: ['instrument'],
}

/** A catalogue table of tap_cat with its main position columns; every column is fetched. */
export function catalogueSource(table: string, ra: string, dec: string): CoverageSource {
  return { id: 'catalogue', table, ra, dec, system: '', columns: ['*'], groupBy: [] }
}

/** A target with a position, as sent. */
export interface PlacedTarget {
  index: number
  name: string
  ra: number
  dec: number
}

/** The names of the two columns every result row starts with. */
export const TARGET_NAME_COLUMN = 'target_name_in'
export const TARGET_INDEX_COLUMN = 'target_index'

/** Numbers in ADQL: enough digits for a milli-arcsecond, no exponent. */
export function adqlDeg(x: number): string {
  const s = x.toFixed(7).replace(/0+$/, '').replace(/\.$/, '')
  return s === '-0' ? '0' : s
}

function selectList(source: CoverageSource, prefix = ''): string {
  return source.columns.map((c) => (c === '*' ? `${prefix}*` : `${prefix}${c}`)).join(', ')
}

function clause(source: CoverageSource, t: Pick<PlacedTarget, 'ra' | 'dec'>, radius: number): string {
  const s = `'${source.system}'`
  return `CONTAINS(POINT(${s}, ${source.ra}, ${source.dec}), CIRCLE(${s}, ${adqlDeg(t.ra)}, ${adqlDeg(t.dec)}, ${adqlDeg(radius)})) = 1`
}

/** The query of one chunk: the rows near any of its targets (each once; which targets they belong to is worked out on arrival). */
export function batchAdql(source: CoverageSource, targets: readonly PlacedTarget[], radius: number): string {
  if (targets.length === 0) throw new RangeError('A chunk needs at least one target')
  return `SELECT ${selectList(source)}\nFROM ${source.table}\nWHERE ${targets.map((t) => clause(source, t, radius)).join('\n   OR ')}`
}

/** The query of an upload: the uploaded table `TAP_UPLOAD.<name>` (target_name_in, target_index, ra, dec) joined by position. */
export function uploadAdql(source: CoverageSource, radius: number, name = 'targets'): string {
  const s = `'${source.system}'`
  return (
    `SELECT u.${TARGET_NAME_COLUMN}, u.${TARGET_INDEX_COLUMN}, ${selectList(source, 't.')}\n` +
    `FROM ${source.table} AS t\nJOIN TAP_UPLOAD.${name} AS u\n` +
    `  ON CONTAINS(POINT(${s}, t.${source.ra}, t.${source.dec}), CIRCLE(${s}, u.ra, u.dec, ${adqlDeg(radius)})) = 1`
  )
}

/** The fixed part of a chunk's query and the length each target adds, to size chunks. */
function lengths(source: CoverageSource, radius: number): { base: number; per: (t: PlacedTarget) => number } {
  const one = batchAdql(source, [{ index: 0, name: '', ra: 0, dec: 0 }], radius)
  const c0 = clause(source, { ra: 0, dec: 0 }, radius)
  return { base: one.length - c0.length, per: (t) => clause(source, t, radius).length + '\n   OR '.length }
}

export interface ChunkLimits {
  /** Longest query text sent (characters). */
  maxQueryLength: number
  /** Most targets in one query. */
  maxTargets: number
}

/** ESO's TAP services take long POSTed queries; these keep each one modest and quick to plan. */
export const DEFAULT_LIMITS: ChunkLimits = { maxQueryLength: 16_000, maxTargets: 150 }

/** Splits the targets into chunks whose query stays within the limits (in list order). */
export function chunkTargets(source: CoverageSource, targets: readonly PlacedTarget[], radius: number, limits: ChunkLimits = DEFAULT_LIMITS): PlacedTarget[][] {
  const { base, per } = lengths(source, radius)
  const chunks: PlacedTarget[][] = []
  let current: PlacedTarget[] = []
  let length = base
  for (const t of targets) {
    const add = per(t)
    if (current.length > 0 && (length + add > limits.maxQueryLength || current.length >= limits.maxTargets)) {
      chunks.push(current)
      current = []
      length = base
    }
    current.push(t)
    length += add
  }
  if (current.length) chunks.push(current)
  return chunks
}

const RAD = Math.PI / 180

/** Angular distance in degrees (haversine: exact at small separations). */
export function separation(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const s = Math.sin(((dec2 - dec1) * RAD) / 2) ** 2 + Math.cos(dec1 * RAD) * Math.cos(dec2 * RAD) * Math.sin(((ra2 - ra1) * RAD) / 2) ** 2
  return (2 * Math.asin(Math.min(1, Math.sqrt(s)))) / RAD
}

/**
 * Which of a chunk's targets each returned row lies near: pairs (row, target) in row order, targets in list
 * order — the rows an upload join gives. A hair of tolerance so that a row the service counted as inside the
 * circle is not lost to rounding.
 */
export function matchRows(targets: readonly PlacedTarget[], ra: ArrayLike<number>, dec: ArrayLike<number>, radius: number): { row: number; target: PlacedTarget }[] {
  const out: { row: number; target: PlacedTarget }[] = []
  const r = radius * (1 + 1e-9) + 1e-10
  for (let i = 0; i < ra.length; i++) {
    const a = ra[i]!
    const d = dec[i]!
    if (!Number.isFinite(a) || !Number.isFinite(d)) continue
    for (const t of targets) {
      if (Math.abs(t.dec - d) > r) continue
      if (separation(t.ra, t.dec, a, d) <= r) out.push({ row: i, target: t })
    }
  }
  return out
}
