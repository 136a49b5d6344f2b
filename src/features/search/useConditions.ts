/** Fetches the asm samples covering a result's exposures (batched by night) and those of the selected row's night for its panel. */
import { useMemo } from 'react'
import { useServiceQuery } from '../../state/serviceQuery'
import type { AppRuntime } from '../../state/runtime'
import { runSync } from '../../protocols/tap'
import { mapLimited } from '../../protocols/download'
import type { Table } from '../../protocols/votable'
import { skySummaries } from './skyConditions'
import { ASM_SOURCES, asmQuery, exposuresOf, groupByNights, mergeSamples, samplesOf, summarise, windowsOf, type AsmSource, type Exposure, type Samples, type TimeWindow } from './conditions'

const SOURCES = Object.keys(ASM_SOURCES) as AsmSource[]
/** Rows looked at: beyond this a result gets no condition columns (the queries would be many). */
const MAX_ROWS = 5000

export interface AsmAnswer {
  samples: Partial<Record<AsmSource, Samples>>
  /** tables this service could not answer (e.g. no such table): their columns stay empty */
  failed: { source: AsmSource; message: string }[]
  queries: number
}

/** One query per group of nights and asm table, three at a time; a table that fails leaves its columns empty. */
export async function fetchAsm(rt: AppRuntime, serviceUrl: string, windows: readonly TimeWindow[], signal: AbortSignal): Promise<AsmAnswer> {
  const groups = groupByNights(windows)
  const jobs = SOURCES.flatMap((source) => groups.map((g) => ({ source, g })))
  const failed = new Map<AsmSource, string>()
  const parts = await mapLimited(jobs, 3, async ({ source, g }) => {
    if (failed.has(source)) return undefined
    try {
      const { table } = await runSync(rt.http, serviceUrl, { query: asmQuery(source, g), maxrec: 200_000 }, signal)
      return { source, s: samplesOf(table, ASM_SOURCES[source].columns) }
    } catch (e) {
      if (signal.aborted) throw e
      failed.set(source, e instanceof Error ? e.message : String(e))
      return undefined
    }
  })
  const samples: AsmAnswer['samples'] = {}
  for (const source of SOURCES) {
    const mine = parts.filter((p): p is { source: AsmSource; s: Samples } => !!p && p.source === source).map((p) => p.s)
    if (mine.length) samples[source] = mergeSamples(mine, ASM_SOURCES[source].columns)
  }
  return { samples, failed: [...failed].map(([source, message]) => ({ source, message })), queries: jobs.length }
}

/** Per-row condition summaries of a result: asm medians for Paranal rows, airmass and Moon (computed here) for rows at any ESO site. */
export function useConditions(rt: AppRuntime, table: Table | undefined, enabled: boolean) {
  const serviceUrl = rt.endpoint('tap_obs')
  const exposures = useMemo(() => (table && enabled && table.rowCount <= MAX_ROWS ? exposuresOf(table) : []), [table, enabled])
  const paranal = useMemo(() => exposures.filter((e) => e.site === 'paranal'), [exposures])
  const sky = useMemo(() => skySummaries(exposures), [exposures])
  const windows = useMemo(() => windowsOf(paranal), [paranal])
  const key = windows.map((w) => `${w.start}-${w.end}`).join(',')
  const q = useServiceQuery(['asm-summary', serviceUrl, key], (signal) => fetchAsm(rt, serviceUrl!, windows, signal), enabled && !!serviceUrl && windows.length > 0)
  const summaries = useMemo(() => (q.data ? summarise(paranal, q.data.samples) : undefined), [q.data, paranal])
  return { exposures, paranal, sky, summaries, answer: q.data, pending: q.isFetching, error: q.error }
}

const HOUR = 3_600_000

/** The samples around one Paranal exposure (an hour either side), for the time-series panel. */
export function useConditionSeries(rt: AppRuntime, exposure: Exposure | undefined) {
  const serviceUrl = rt.endpoint('tap_obs')
  const window: TimeWindow | undefined = exposure && { night: '', start: Math.floor((exposure.start - HOUR) / 60_000) * 60_000, end: Math.ceil((exposure.end + HOUR) / 60_000) * 60_000 }
  return useServiceQuery(['asm-series', serviceUrl, window?.start, window?.end], (signal) => fetchAsm(rt, serviceUrl!, [window!], signal), !!serviceUrl && !!window)
}
