/**
 * Observing conditions beside each observation (pure, unit-tested): the exposure interval of every row, the
 * asm time windows that cover them batched by night (one query per group of nights and table, never one per
 * row), the ADQL for ESO's asm tables, and per-row medians of the samples inside each exposure.
 */
import { cellText, findColumn, isoToUnixSeconds } from '../../protocols/table'
import type { Table } from '../../protocols/votable'
import type { SiteId } from '../../protocols/ephemeris'

const MJD_UNIX_EPOCH = 40587
const DAY = 86_400_000
const MIN = 60_000

/** One observation: its table row, exposure (Unix ms, UTC), site, pointing (ICRS degrees) and header airmass where known. */
export interface Exposure {
  row: number
  start: number
  end: number
  site?: SiteId
  ra?: number
  dec?: number
  /** TEL.AIRM.START / TEL.AIRM.END as the row gives them (dbo.raw tel_airm_start, tel_airm_end) */
  airmassStart?: number
  airmassEnd?: number
}

/** Telescopes/facilities on Cerro Paranal, where asm.*_paranal measures. */
export function isParanal(facility: string | undefined): boolean {
  return siteOf(facility, undefined) === 'paranal'
}

/** Instruments that name their site when the telescope does not. */
const LA_SILLA_INSTRUMENTS = /^(HARPS|NIRPS|EFOSC2?|SOFI|FEROS|WFI|GROND|TIMMI2?|CES|SUSI2?|EMMI)$/i
const APEX_INSTRUMENTS = /^(APEX\w*|SHFI|SEPIA|NFLASH|LABOCA|SABOCA|ARTEMIS|CHAMP\+?|FLASH\+?|APEXHET|APEXBOL|ZEUS2?|SUPERCAM|A-MKID|NOVA)$/i

/**
 * The site of a row, from its telescope (dbo.raw telescope, ObsCore facility_name), else its instrument; undefined
 * when neither names an ESO site (no default: no airmass or moon is computed for such rows).
 */
export function siteOf(facility: string | undefined, instrument: string | undefined): SiteId | undefined {
  const f = facility?.trim() ?? ''
  if (/^ESO-(VLT|VISTA|VST)/i.test(f)) return 'paranal'
  if (/^(ESO-(3\.6|NTT|2\.2|1\.52|1\.0|0\.5|DAN|SCHMIDT)|MPG|MPI-2\.2|DANISH|SWISS|TRAPPIST|EULER)/i.test(f)) return 'lasilla'
  if (/^(APEX|ALMA)/i.test(f)) return 'chajnantor'
  const i = instrument?.trim() ?? ''
  if (LA_SILLA_INSTRUMENTS.test(i)) return 'lasilla'
  if (APEX_INSTRUMENTS.test(i)) return 'chajnantor'
  return undefined
}

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'string' && v.trim() ? Number(v) : NaN)
const finite = (x: number) => (Number.isFinite(x) ? x : undefined)
/** An airmass as a header gives it: at least 1 (0 or blank means none). */
const airmass = (x: number) => (Number.isFinite(x) && x >= 1 ? x : undefined)

/** The exposures of a result's rows at ESO's sites: dbo.raw (date_obs + exposure, telescope) or ObsCore (t_min..t_max MJD, facility_name). */
export function exposuresOf(table: Table): Exposure[] {
  const fac = findColumn(table, { names: ['facility_name', 'telescope'] })
  const ins = findColumn(table, { names: ['instrument_name', 'instrument'] })
  const tMin = findColumn(table, { names: ['t_min'] })
  const tMax = findColumn(table, { names: ['t_max'] })
  const dateObs = findColumn(table, { names: ['date_obs', 'exp_start'] })
  const expo = findColumn(table, { names: ['exposure', 'exptime', 't_exptime'] })
  const raC = findColumn(table, { names: ['s_ra', 'ra'] })
  const decC = findColumn(table, { names: ['s_dec', 'dec'] })
  const am0 = findColumn(table, { names: ['tel_airm_start'] })
  const am1 = findColumn(table, { names: ['tel_airm_end'] })
  if ((fac < 0 && ins < 0) || (tMin < 0 && dateObs < 0)) return []
  const out: Exposure[] = []
  for (let r = 0; r < table.rowCount; r++) {
    const site = siteOf(fac >= 0 ? cellText(table, r, fac) : undefined, ins >= 0 ? cellText(table, r, ins) : undefined)
    if (!site) continue
    let start: number
    let end: number
    if (tMin >= 0) {
      start = (num(table.value(r, tMin)) - MJD_UNIX_EPOCH) * DAY
      end = tMax >= 0 ? (num(table.value(r, tMax)) - MJD_UNIX_EPOCH) * DAY : start
    } else {
      start = isoToUnixSeconds(cellText(table, r, dateObs) ?? '') * 1000
      end = start + Math.max(0, num(expo >= 0 ? table.value(r, expo) : 0) || 0) * 1000
    }
    // longer than a night (a stack of many nights) has no single set of conditions
    if (!(Number.isFinite(start) && Number.isFinite(end) && end >= start && end - start <= DAY / 2)) continue
    const e: Exposure = { row: r, start, end, site }
    const ra = raC >= 0 ? finite(num(table.value(r, raC))) : undefined
    const dec = decC >= 0 ? finite(num(table.value(r, decC))) : undefined
    if (ra !== undefined && dec !== undefined && Math.abs(dec) <= 90) Object.assign(e, { ra, dec })
    const a0 = am0 >= 0 ? airmass(num(table.value(r, am0))) : undefined
    const a1 = am1 >= 0 ? airmass(num(table.value(r, am1))) : undefined
    if (a0 !== undefined) e.airmassStart = a0
    if (a1 !== undefined) e.airmassEnd = a1
    out.push(e)
  }
  return out
}

/** ESO's night of a moment: the UTC date of its preceding noon (nights run noon to noon). */
export function nightOf(t: number): string {
  return new Date(t - DAY / 2).toISOString().slice(0, 10)
}

export interface TimeWindow {
  night: string
  start: number
  end: number
}

/** The windows to fetch: each exposure widened by `pad`, merged when they overlap or are closer than `gap`, never across nights. */
export function windowsOf(exposures: readonly Exposure[], pad = 5 * MIN, gap = 30 * MIN): TimeWindow[] {
  const sorted = [...exposures].sort((a, b) => a.start - b.start)
  const out: TimeWindow[] = []
  for (const e of sorted) {
    const w = { night: nightOf(e.start), start: Math.floor((e.start - pad) / MIN) * MIN, end: Math.ceil((e.end + pad) / MIN) * MIN }
    const last = out[out.length - 1]
    if (last && last.night === w.night && w.start <= last.end + gap) last.end = Math.max(last.end, w.end)
    else out.push(w)
  }
  return out
}

/** Windows in groups of whole nights, at most `max` windows a group: one query per group and table. */
export function groupByNights(windows: readonly TimeWindow[], max = 24): TimeWindow[][] {
  const groups: TimeWindow[][] = []
  let current: TimeWindow[] = []
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i]!
    const newNight = i === 0 || windows[i - 1]!.night !== w.night
    if (current.length >= max && newNight) {
      groups.push(current)
      current = []
    }
    current.push(w)
  }
  if (current.length) groups.push(current)
  return groups
}

/** What a summary shows, each from one of ESO's asm tables (names as in asm.dimm_paranal, asm.meteo_paranal, asm.lhatpros_paranal). */
export const ASM_SOURCES = {
  dimm: { table: 'asm.dimm_paranal', columns: ['fwhm', 'tau0'] },
  meteo: { table: 'asm.meteo_paranal', columns: ['rhum_2m', 'wind_speed_10m'] },
  lhatpro: { table: 'asm.lhatpros_paranal', columns: ['iwv'] },
} as const
export type AsmSource = keyof typeof ASM_SOURCES

const adqlTime = (t: number) => `'${new Date(t).toISOString().slice(0, 19)}'`

/** The ADQL for one group of windows of one asm table: valid samples that start in any window (start_date is what ESO indexes and its examples use). */
export function asmQuery(source: AsmSource, windows: readonly Pick<TimeWindow, 'start' | 'end'>[]): string {
  const s = ASM_SOURCES[source]
  const ranges = windows.map((w) => `start_date BETWEEN ${adqlTime(w.start)} AND ${adqlTime(w.end)}`)
  return `SELECT midpoint_date, ${s.columns.join(', ')}\nFROM ${s.table}\nWHERE valid = 1\n  AND (${ranges.join('\n    OR ')})\nORDER BY midpoint_date`
}

/** Samples of one asm table: times (Unix ms, sorted) and one array per column. */
export interface Samples {
  t: number[]
  values: Record<string, number[]>
}

/** Reads an asm answer into samples (columns found by name; missing ones stay empty). */
export function samplesOf(table: Table, columns: readonly string[]): Samples {
  const tc = findColumn(table, { names: ['midpoint_date', 'start_date'] })
  const cols = columns.map((c) => findColumn(table, { names: [c] }))
  const out: Samples = { t: [], values: Object.fromEntries(columns.map((c) => [c, [] as number[]])) }
  for (let r = 0; r < table.rowCount; r++) {
    const t = isoToUnixSeconds(cellText(table, r, tc) ?? '') * 1000
    if (!Number.isFinite(t)) continue
    out.t.push(t)
    columns.forEach((c, k) => out.values[c]!.push(cols[k]! >= 0 ? num(table.value(r, cols[k]!)) : NaN))
  }
  return out
}

/** Concatenates samples of several queries, in time order. */
export function mergeSamples(parts: readonly Samples[], columns: readonly string[]): Samples {
  const idx: [number, number][] = []
  parts.forEach((p, k) => p.t.forEach((_, i) => idx.push([k, i])))
  idx.sort((a, b) => parts[a[0]]!.t[a[1]]! - parts[b[0]]!.t[b[1]]!)
  return {
    t: idx.map(([k, i]) => parts[k]!.t[i]!),
    values: Object.fromEntries(columns.map((c) => [c, idx.map(([k, i]) => parts[k]!.values[c]?.[i] ?? NaN)])),
  }
}

export function median(values: readonly number[]): number | undefined {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (!v.length) return undefined
  const m = v.length >> 1
  return v.length % 2 ? v[m] : (v[m - 1]! + v[m]!) / 2
}

/** First index with t >= x in a sorted array. */
function lowerBound(t: readonly number[], x: number): number {
  let lo = 0
  let hi = t.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (t[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The median of one column over [start, end] widened by `slack` (1-minute samples need it for short exposures). */
export function medianIn(s: Samples | undefined, column: string, start: number, end: number, slack = 2.5 * MIN): number | undefined {
  if (!s) return undefined
  const a = lowerBound(s.t, start - slack)
  const b = lowerBound(s.t, end + slack + 1)
  return median(s.values[column]?.slice(a, b) ?? [])
}

export interface ConditionSummary {
  seeing?: number
  /** ms */
  tau0?: number
  pwv?: number
  humidity?: number
  wind?: number
}

/** Per-row medians during each exposure. */
export function summarise(exposures: readonly Exposure[], samples: Partial<Record<AsmSource, Samples>>): Map<number, ConditionSummary> {
  const out = new Map<number, ConditionSummary>()
  for (const e of exposures) {
    const tau0 = medianIn(samples.dimm, 'tau0', e.start, e.end)
    out.set(e.row, {
      seeing: medianIn(samples.dimm, 'fwhm', e.start, e.end),
      tau0: tau0 === undefined ? undefined : tau0 * 1000,
      pwv: medianIn(samples.lhatpro, 'iwv', e.start, e.end),
      humidity: medianIn(samples.meteo, 'rhum_2m', e.start, e.end),
      wind: medianIn(samples.meteo, 'wind_speed_10m', e.start, e.end),
    })
  }
  return out
}
