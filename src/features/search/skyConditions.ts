/**
 * Airmass and Moon beside each observation (pure, unit-tested): the airmass the row's header gives (measured:
 * dbo.raw tel_airm_start / tel_airm_end) or, without one, sec z computed at mid-exposure from the pointing and the
 * site; the Moon's illuminated fraction, altitude and separation from the target at mid-exposure (computed).
 */
import { SITES, skyAt, type SkyAt } from '../../protocols/ephemeris'
import type { Exposure } from './conditions'

export interface SkySummary {
  /** the airmass shown: the header's mean of start and end when present, else the computed one */
  airmass?: number
  airmassFrom?: 'header' | 'computed'
  /** computed at mid-exposure (absent without a pointing or below 5° altitude) */
  computedAirmass?: number
  /** target altitude at mid-exposure, degrees (computed) */
  altitude?: number
  /** 0–1 */
  moonIllumination: number
  /** degrees */
  moonAltitude?: number
  moonSeparation?: number
}

export const midTime = (e: Pick<Exposure, 'start' | 'end'>) => (e.start + e.end) / 2

/** The header's airmass of an exposure: the mean of start and end, or the one given. */
export function headerAirmass(e: Exposure): number | undefined {
  if (e.airmassStart !== undefined && e.airmassEnd !== undefined) return (e.airmassStart + e.airmassEnd) / 2
  return e.airmassStart ?? e.airmassEnd
}

/** The sky of one exposure at mid-exposure. */
export function skySummaryOf(e: Exposure): SkySummary | undefined {
  if (!e.site) return undefined
  const site = SITES[e.site]
  const t = midTime(e)
  const hdr = headerAirmass(e)
  if (e.ra === undefined || e.dec === undefined) {
    // no pointing: the Moon's phase and altitude still hold for the site
    const moon = skyAt(0, 0, t, site)
    return { airmass: hdr, airmassFrom: hdr === undefined ? undefined : 'header', moonIllumination: moon.moonIllumination, moonAltitude: moon.moonAltitude }
  }
  const s: SkyAt = skyAt(e.ra, e.dec, t, site)
  const airmass = hdr ?? s.airmass
  return {
    airmass,
    airmassFrom: hdr !== undefined ? 'header' : airmass !== undefined ? 'computed' : undefined,
    computedAirmass: s.airmass,
    altitude: s.altitude,
    moonIllumination: s.moonIllumination,
    moonAltitude: s.moonAltitude,
    moonSeparation: s.moonSeparation,
  }
}

/** Per-row sky summaries. */
export function skySummaries(exposures: readonly Exposure[]): Map<number, SkySummary> {
  const out = new Map<number, SkySummary>()
  for (const e of exposures) {
    const s = skySummaryOf(e)
    if (s) out.set(e.row, s)
  }
  return out
}

/** Computed airmass samples over [from, to] (every `step` ms), for the panel's curve; undefined where below 5°. */
export function airmassCurve(e: Exposure, from: number, to: number, step = 2 * 60_000): { t: number[]; airmass: (number | undefined)[] } {
  const t: number[] = []
  const airmass: (number | undefined)[] = []
  if (!e.site || e.ra === undefined || e.dec === undefined) return { t, airmass }
  for (let x = from; x <= to; x += step) {
    t.push(x)
    airmass.push(skyAt(e.ra, e.dec, x, SITES[e.site]).airmass)
  }
  return { t, airmass }
}
