/**
 * The order a result's columns are first shown in: ESO's Science Portal order for the tables it knows (ObsCore,
 * dbo.raw, SSAP results), else by what the columns declare (the main identifier, the main position, times),
 * the rest in the service's order. Also which columns identify a row, and a table's identity to remember a
 * user's own column choices by.
 */
import type { Field, Table } from '../votable'
import { findColumn, timeKind, ucdMatches, type ColumnQuery } from './columns'

type Fields = readonly Pick<Field, 'name' | 'ucd' | 'utype' | 'datatype' | 'xtype' | 'unit' | 'arraysize'>[]

/** One place in a curated order: the first column the queries find (by name, or as told). */
type Slot = ColumnQuery | readonly ColumnQuery[]

interface Curated {
  kind: 'obscore' | 'raw' | 'ssap'
  /** the table is of this kind when it has at least two of these columns */
  marks: readonly string[]
  /** the first slot names the row (its identifier) */
  slots: readonly Slot[]
}

const n = (...names: string[]): ColumnQuery => ({ names })

const OBSCORE: Curated = {
  kind: 'obscore',
  marks: ['obs_publisher_did', 'dataproduct_type', 'obs_collection', 'calib_level', 'em_min', 's_region'],
  slots: [
    n('dp_id', 'obs_publisher_did', 'obs_id'),
    n('target_name'), n('s_ra'), n('s_dec'), n('instrument_name'), n('obs_collection'), n('dataproduct_type'),
    n('t_min'), n('t_exptime'), n('filter'), n('em_min'), n('em_max'), n('calib_level'), n('obs_release_date'),
  ],
}

const RAW: Curated = {
  kind: 'raw',
  marks: ['dp_cat', 'dp_tech', 'dp_type', 'mjd_obs', 'prog_id', 'ob_name', 'pi_coi'],
  slots: [
    n('dp_id'), n('object'), n('ra'), n('dec'), n('instrument'), n('dp_cat'), n('dp_type'), n('dp_tech'),
    n('date_obs'), n('mjd_obs'), n('exposure'), n('prog_id'), n('pi_coi'), n('ob_name'), n('ob_id'), n('release_date'),
  ],
}

// the names, utypes and UCDs of protocols/ssap/columns.ts: ESO's dbo.ssa names, then DaCHS's ssa_* columns
const ssa = (names: string[], utype?: string, ucd?: string): ColumnQuery[] => [{ names }, ...(utype ? [{ utype }] : []), ...(ucd ? [{ ucd }] : [])]
const SSAP: Curated = {
  kind: 'ssap',
  marks: ['TARGETNAME', 'PUBDID', 'positionJ2000', 'SPECRP', 'ssa_targname', 'ssa_pubDID', 'ssa_dateObs', 'ssa_specstart', 'ssa_location'],
  slots: [
    ssa(['dp_id', 'PUBDID', 'ssa_pubDID'], 'Curation.PublisherDID'),
    ssa(['TARGETNAME', 'ssa_targname'], 'Target.Name', 'meta.id;src'),
    ssa(['s_ra', 'location_ra'], undefined, 'pos.eq.ra;meta.main'),
    ssa(['s_dec', 'location_dec'], undefined, 'pos.eq.dec;meta.main'),
    ssa(['positionJ2000', 'ssa_location'], 'Char.SpatialAxis.Coverage.Location.Value'),
    ssa(['instrument_name', 'ssa_instrument'], 'DataID.Instrument', 'meta.id;instr'),
    ssa(['COLLECTION', 'ssa_collection'], 'DataID.Collection'),
    ssa(['t_min'], 'Char.TimeAxis.Coverage.Bounds.Start'),
    ssa(['t_mid', 'ssa_dateObs'], 'Char.TimeAxis.Coverage.Location.Value'),
    ssa(['t_max'], 'Char.TimeAxis.Coverage.Bounds.Stop'),
    ssa(['t_exptime', 'ssa_timeExt'], 'Char.TimeAxis.Coverage.Bounds.Extent'),
    ssa(['em_min', 'ssa_specstart'], 'Char.SpectralAxis.Coverage.Bounds.Start', 'em.wl;stat.min'),
    ssa(['em_max', 'ssa_specend'], 'Char.SpectralAxis.Coverage.Bounds.Stop', 'em.wl;stat.max'),
    ssa(['SNR', 'ssa_snr'], 'Derived.SNR', 'stat.snr'),
    ssa(['SPECRP'], 'Char.SpectralAxis.ResPower'),
    ssa(['dataset_title', 'ssa_dstitle'], 'DataID.Title', 'meta.title;meta.dataset'),
  ],
}

const CURATED: readonly Curated[] = [RAW, SSAP, OBSCORE]

const has = (fields: Fields, name: string) => fields.some((f) => f.name.toLowerCase() === name.toLowerCase())

/** Which of ESO's known tables this looks like (by its columns); undefined for any other. */
export function knownTable(fields: Fields): Curated['kind'] | undefined {
  return CURATED.find((c) => c.marks.filter((m) => has(fields, m)).length >= 2)?.kind
}

const isMainId = (f: Fields[number]) => ucdMatches(f.ucd, 'meta.id;meta.main')
const ORDER_TIME_UCDS = ['time.epoch', 'time.start', 'time.end']

/** By UCD: meta.id;meta.main, then the main RA and Dec, then observation times (time.epoch/start/end, mjd*). */
function byUcd(fields: Fields): number[] {
  const out: number[] = []
  const push = (i: number) => {
    if (i >= 0 && !out.includes(i)) out.push(i)
  }
  fields.forEach((f, i) => isMainId(f) && push(i))
  push(findColumn(fields, { ucd: 'pos.eq.ra;meta.main' }))
  push(findColumn(fields, { ucd: 'pos.eq.dec;meta.main' }))
  fields.forEach((f, i) => {
    if (timeKind(f) && (ORDER_TIME_UCDS.some((u) => ucdMatches(f.ucd, u)) || /^mjd/i.test(f.name))) push(i)
  })
  return out
}

const LEAD_COLUMNS = ['target_name_in', 'target_index']

/**
 * Column indexes in the order to show them first: the input target's name and index (target-list results), then the curated order of ObsCore, dbo.raw and SSAP results (the columns
 * a table lacks are skipped), else by UCD; then every other column in the service's order. A permutation of 0..n-1.
 */
export function defaultColumnOrder(table: Pick<Table, 'fields'> | Fields): number[] {
  const fields: Fields = 'fields' in table ? table.fields : table
  const kind = knownTable(fields)
  const curated = CURATED.find((c) => c.kind === kind)
  const first = curated ? curated.slots.map((s) => findColumn(fields, s)).filter((i) => i >= 0) : byUcd(fields)
  // the input target a row was found near (a target-list result) leads
  const lead = LEAD_COLUMNS.map((n) => fields.findIndex((f) => f.name.toLowerCase() === n)).filter((i) => i >= 0)
  const seen = new Set<number>()
  const out: number[] = []
  for (const i of [...lead, ...first, ...fields.map((_, i) => i)]) {
    if (seen.has(i)) continue
    seen.add(i)
    out.push(i)
  }
  return out
}

const ID_NAMES = ['dp_id', 'obs_publisher_did', 'obs_id', 'ssa_pubDID', 'PUBDID']

/** The columns that name a row, never to be cut: meta.id;meta.main ones, and the curated identifier of a known table. */
export function identifierColumns(table: Pick<Table, 'fields'> | Fields): number[] {
  const fields: Fields = 'fields' in table ? table.fields : table
  const out = fields.flatMap((f, i) => (isMainId(f) ? [i] : []))
  const curated = CURATED.find((c) => c.kind === knownTable(fields))
  // a known table's identifier; else, when nothing is declared main, the usual identifier names
  const id = curated ? findColumn(fields, curated.slots[0]!) : out.length ? -1 : findColumn(fields, { names: ID_NAMES })
  if (id >= 0 && !out.includes(id)) out.push(id)
  return out.sort((a, b) => a - b)
}

/** A short stable key for a table's identity: its set of column names (case and order ignored). */
export function tableIdentity(table: Pick<Table, 'fields'> | Fields): string {
  const fields: Fields = 'fields' in table ? table.fields : table
  const names = [...new Set(fields.map((f) => f.name.toLowerCase()))].sort().join(',')
  // FNV-1a, 32 bits: the key only needs to tell tables apart, not hold their names
  let h = 0x811c9dc5
  for (let i = 0; i < names.length; i++) h = Math.imul(h ^ names.charCodeAt(i), 0x01000193) >>> 0
  return `${fields.length}-${h.toString(16).padStart(8, '0')}`
}

/**
 * Text cut in the middle to at most `max` characters, keeping both ends ("ADP.2021…12:00:01.001"): identifiers
 * differ at their ends. The whole text when it fits.
 */
export function middleEllipsis(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= 1) return '…'
  const keep = max - 1
  const head = Math.ceil(keep / 2)
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`
}
