/**
 * Key columns of an SSAP result, found by name (ESO's dbo.ssa names: access_url, dp_id, TARGETNAME,
 * em_min, SNR, SPECRP, positionJ2000 …) or else by utype/UCD (DaCHS's ssa_* columns, accref, accsize).
 */
import { BYTES_PER_UNIT, cellText, findColumn } from '../table'
import type { Field, Table, Value } from '../votable'

export interface SpectrumRecord {
  dpId?: string
  publisherDid?: string
  title?: string
  targetName?: string
  /** the file (ESO: direct dataPortal/file URL; DaCHS: accref) */
  accessUrl?: string
  datalinkUrl?: string
  format?: string
  /** degrees */
  ra?: number
  dec?: number
  /** metres */
  emMin?: number
  emMax?: number
  snr?: number
  resolvingPower?: number
  instrument?: string
  collection?: string
  /** MJD */
  tMin?: number
  tMax?: number
  tMid?: number
  /** seconds */
  exposureTime?: number
  /** bytes */
  size?: number
}

type Key = keyof SpectrumRecord | 'position'

interface Spec {
  names?: string[]
  utypes?: string[]
  ucds?: string[]
}

const SPECS: Record<Key, Spec> = {
  dpId: { names: ['dp_id'] },
  publisherDid: { names: ['PUBDID', 'ssa_pubDID'], utypes: ['Curation.PublisherDID'] },
  title: { names: ['dataset_title', 'ssa_dstitle'], utypes: ['DataID.Title'], ucds: ['meta.title;meta.dataset'] },
  targetName: { names: ['TARGETNAME', 'ssa_targname'], utypes: ['Target.Name'], ucds: ['meta.id;src'] },
  accessUrl: { names: ['access_url', 'accref'], utypes: ['Access.Reference'], ucds: ['meta.ref.url;meta.dataset'] },
  datalinkUrl: { names: ['datalink_url'] },
  format: { names: ['FORMAT', 'mime'], utypes: ['Access.Format'] },
  ra: { names: ['s_ra', 'location_ra'], ucds: ['pos.eq.ra;meta.main'] },
  dec: { names: ['s_dec', 'location_dec'], ucds: ['pos.eq.dec;meta.main'] },
  position: { names: ['positionJ2000', 'ssa_location'], utypes: ['Char.SpatialAxis.Coverage.Location.Value'] },
  emMin: { names: ['em_min', 'ssa_specstart'], utypes: ['Char.SpectralAxis.Coverage.Bounds.Start'], ucds: ['em.wl;stat.min'] },
  emMax: { names: ['em_max', 'ssa_specend'], utypes: ['Char.SpectralAxis.Coverage.Bounds.Stop'], ucds: ['em.wl;stat.max'] },
  snr: { names: ['SNR', 'ssa_snr'], utypes: ['Derived.SNR'], ucds: ['stat.snr'] },
  resolvingPower: { names: ['SPECRP'], utypes: ['Char.SpectralAxis.ResPower'] },
  instrument: { names: ['instrument_name', 'ssa_instrument'], utypes: ['DataID.Instrument'], ucds: ['meta.id;instr'] },
  collection: { names: ['COLLECTION', 'ssa_collection'], utypes: ['DataID.Collection'] },
  tMin: { names: ['t_min'], utypes: ['Char.TimeAxis.Coverage.Bounds.Start'] },
  tMax: { names: ['t_max'], utypes: ['Char.TimeAxis.Coverage.Bounds.Stop'] },
  tMid: { names: ['t_mid', 'ssa_dateObs'], utypes: ['Char.TimeAxis.Coverage.Location.Value'] },
  exposureTime: { names: ['t_exptime', 'ssa_timeExt'], utypes: ['Char.TimeAxis.Coverage.Bounds.Extent'] },
  size: { names: ['access_estsize', 'accsize'], utypes: ['Access.Size'] },
}

/** Column index per key (absent when the table has no such column). */
export type SpectrumColumns = Partial<Record<Key, number>>

// ESO's dbo.ssa names first, then DaCHS's utypes, then UCDs
const find = (fields: Field[], spec: Spec): number => findColumn(fields, [{ names: spec.names }, { utype: spec.utypes }, { ucd: spec.ucds }])

/** Finds the key columns of an SSAP result table. */
export function spectrumColumns(table: Table): SpectrumColumns {
  const out: SpectrumColumns = {}
  for (const key of Object.keys(SPECS) as Key[]) {
    const i = find(table.fields, SPECS[key])
    if (i >= 0) out[key] = i
  }
  return out
}

const WAVELENGTH_TO_M: Record<string, number> = { m: 1, nm: 1e-9, um: 1e-6, angstrom: 1e-10, a: 1e-10, '0.1nm': 1e-10 }

function asNumber(v: Value): number | undefined {
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v)
    return Number.isNaN(n) ? undefined : n
  }
  return undefined
}

/** The shortest decimal that reads back as the same float32: DaCHS's float 5.5e-7 arrives as 5.49999981558e-7. */
export function shortestFloat32(n: number): number {
  if (!Number.isFinite(n)) return n
  const f = Math.fround(n)
  for (let p = 1; p <= 9; p++) {
    const d = Number(n.toPrecision(p))
    if (Math.fround(d) === f) return d
  }
  return n
}

/** One row as a SpectrumRecord; wavelengths converted to metres and sizes to bytes by the column units. */
export function spectrumRecord(table: Table, row: number, cols: SpectrumColumns = spectrumColumns(table)): SpectrumRecord {
  const rec: SpectrumRecord = {}
  const num = (key: Key, scale: Readonly<Record<string, number>> | undefined = undefined): number | undefined => {
    const c = cols[key]
    if (c === undefined) return undefined
    let n = asNumber(table.value(row, c))
    if (n !== undefined && table.fields[c]!.datatype === 'float') n = shortestFloat32(n)
    if (n === undefined || !scale) return n
    const unit = (table.fields[c]!.unit ?? '').trim().toLowerCase()
    const f = unit === '' ? 1 : scale[unit]
    return f === undefined || f === 1 ? n : Number((n * f).toPrecision(12))
  }
  for (const key of ['dpId', 'publisherDid', 'title', 'targetName', 'accessUrl', 'datalinkUrl', 'format', 'instrument', 'collection'] as const) {
    const c = cols[key]
    const v = c === undefined ? undefined : cellText(table, row, c)
    if (v !== undefined) rec[key] = v
  }
  const set = <K extends keyof SpectrumRecord>(k: K, v: SpectrumRecord[K] | undefined) => {
    if (v !== undefined) rec[k] = v
  }
  set('ra', num('ra'))
  set('dec', num('dec'))
  if ((rec.ra === undefined || rec.dec === undefined) && cols.position !== undefined) {
    const v = table.value(row, cols.position)
    const arr = typeof v === 'string' ? v.trim().split(/[\s,]+/).map(Number) : v && typeof v === 'object' ? Array.from(v as ArrayLike<number>, Number) : []
    if (arr.length >= 2 && arr.every((x) => !Number.isNaN(x))) {
      rec.ra = arr[0]
      rec.dec = arr[1]
    }
  }
  set('emMin', num('emMin', WAVELENGTH_TO_M))
  set('emMax', num('emMax', WAVELENGTH_TO_M))
  set('snr', num('snr'))
  set('resolvingPower', num('resolvingPower'))
  set('tMin', num('tMin'))
  set('tMax', num('tMax'))
  set('tMid', num('tMid'))
  set('exposureTime', num('exposureTime'))
  const size = num('size', BYTES_PER_UNIT)
  if (size !== undefined && size >= 0) rec.size = size
  return rec
}
