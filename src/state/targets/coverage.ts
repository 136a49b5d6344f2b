/**
 * A coverage run: the targets, the table searched and how, the chunks done (their rows) and progress. One run
 * at a time, kept outside React (so that switching views does not stop it) and in sessionStorage (so that a
 * reload can resume it: the chunks done are not asked again).
 */
import { useSyncExternalStore } from 'react'
import type { HttpClient } from '../../protocols/http'
import {
  chunkTargets, coverageMatrix, fetchChunk, rowsTable, runChunks, DEFAULT_LIMITS, TARGET_FIELDS,
  type ChunkLimits, type ChunkRows, type CoverageMatrix, type CoverageMode, type CoverageSource, type PlacedTarget,
} from '../../protocols/targets'
import type { Table } from '../../protocols/votable'
import { loadSession, saveSession } from './session'

export interface CoveragePlan {
  serviceUrl: string
  source: CoverageSource
  /** Degrees. */
  radius: number
  mode: CoverageMode
  targets: PlacedTarget[]
  limits?: ChunkLimits
  /** Chunks in flight at once (2). */
  parallel?: number
  maxrec?: number
  /**
   * Targets added to the run after it began (corrected names), one batch per retry: each batch is chunked on its own,
   * after the others, so that the chunks done keep their numbers and only the new chunks are asked.
   */
  added?: PlacedTarget[][]
}

export interface CoverageRun {
  plan: CoveragePlan
  chunkCount: number
  done: Record<number, ChunkRows>
  status: 'running' | 'cancelled' | 'done' | 'failed'
  error?: unknown
  queries: number
  rows: number
  /** A target reached the row limit: its rows are incomplete. */
  overflow: boolean
  /** Milliseconds spent running (summed over resumes). */
  elapsedMs: number
}

/** Upload: the whole list in few queries (the service's upload limit is far above 5,000 targets). */
const UPLOAD_LIMITS: ChunkLimits = { maxQueryLength: Number.MAX_SAFE_INTEGER, maxTargets: 1000 }

export const chunksOf = (plan: CoveragePlan): PlacedTarget[][] =>
  [plan.targets, ...(plan.added ?? [])].flatMap((batch) => (batch.length ? chunkTargets(plan.source, batch, plan.radius, plan.limits ?? (plan.mode === 'upload' ? UPLOAD_LIMITS : DEFAULT_LIMITS)) : []))

/** Every target of a run (those added by retries too), in list order. */
export const planTargets = (plan: CoveragePlan): PlacedTarget[] => (plan.added?.length ? [...plan.targets, ...plan.added.flat()].sort((a, b) => a.index - b.index) : plan.targets)

/** The settings a run was made with (not its targets): a retry adds to a run only when they are the same. */
export const planSettings = (plan: CoveragePlan): string =>
  JSON.stringify([plan.serviceUrl, plan.source.table, plan.radius, plan.mode, plan.limits ?? null, plan.maxrec ?? null])

let run: CoverageRun | undefined = restore()
let controller: AbortController | undefined
const listeners = new Set<() => void>()

function restore(): CoverageRun | undefined {
  const saved = loadSession<CoverageRun | undefined>('run', undefined)
  // a run cut by a reload waits for Resume
  return saved && saved.status === 'running' ? { ...saved, status: 'cancelled' } : saved
}

function set(next: CoverageRun | undefined, persist = true) {
  run = next
  if (persist && !saveSession('run', next && { ...next, error: undefined }) && next) {
    // too big for the session: keep the plan, the chunks are asked again after a reload
    saveSession('run', { ...next, done: {}, error: undefined, status: next.status === 'done' ? 'cancelled' : next.status })
  }
  for (const l of listeners) l()
}

export const currentRun = (): CoverageRun | undefined => run

export function useCoverageRun(): CoverageRun | undefined {
  return useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => run)
}

async function go(http: HttpClient) {
  const started = run!
  const plan = started.plan
  const chunks = chunksOf(plan)
  const ac = new AbortController()
  controller = ac
  const t0 = performance.now()
  const elapsed = () => started.elapsedMs + performance.now() - t0
  try {
    await runChunks(
      chunks.length,
      (i, signal) => fetchChunk(http, plan.serviceUrl, plan.source, chunks[i]!, plan.radius, { mode: plan.mode, signal, maxrec: plan.maxrec }),
      {
        parallel: plan.parallel ?? 2,
        skip: new Set(Object.keys(started.done).map(Number)),
        signal: ac.signal,
        onDone: (i, r) => {
          if (controller !== ac || !run) return
          set({ ...run, done: { ...run.done, [i]: { fields: r.fields, rows: r.rows } }, queries: run.queries + r.queries, rows: run.rows + r.rows.length, overflow: run.overflow || r.overflow, elapsedMs: elapsed() })
        },
      },
    )
    if (controller === ac && run) set({ ...run, status: 'done', elapsedMs: elapsed() })
  } catch (e) {
    if (controller !== ac || !run) return
    set({ ...run, status: ac.signal.aborted ? 'cancelled' : 'failed', error: ac.signal.aborted ? undefined : e, elapsedMs: elapsed() })
  }
}

/** Starts a new run (the old one is dropped). */
export function startCoverage(http: HttpClient, plan: CoveragePlan): void {
  controller?.abort()
  set({ plan, chunkCount: chunksOf(plan).length, done: {}, status: 'running', queries: 0, rows: 0, overflow: false, elapsedMs: 0 })
  void go(http)
}

/** Stops sending chunks; those in flight are dropped, those done are kept. */
export function cancelCoverage(): void {
  const c = controller
  controller = undefined
  c?.abort()
  if (run?.status === 'running') set({ ...run, status: 'cancelled' })
}

/** Goes on with the chunks not done yet. */
export function resumeCoverage(http: HttpClient): void {
  if (!run || run.status === 'running' || run.status === 'done') return
  set({ ...run, status: 'running', error: undefined })
  void go(http)
}

/**
 * Adds targets (corrected names) to the run: only their chunks are asked (and any chunk of the run not done yet);
 * their rows join the others in list order and the matrix gains their rows. Targets the run has are left out.
 * False when there is no run to add to (none, or one still running).
 */
export function addToCoverage(http: HttpClient, targets: readonly PlacedTarget[]): boolean {
  if (!run || run.status === 'running') return false
  const known = new Set(planTargets(run.plan).map((t) => t.index))
  const fresh = targets.filter((t) => !known.has(t.index))
  if (!fresh.length) return true
  const plan = { ...run.plan, added: [...(run.plan.added ?? []), fresh] }
  set({ ...run, plan, chunkCount: chunksOf(plan).length, status: 'running', error: undefined })
  void go(http)
  return true
}

export function clearCoverage(): void {
  cancelCoverage()
  set(undefined)
}

/** The rows done so far, in list order: target_name_in, target_index, then the table's columns. */
export function runRows(r: CoverageRun): { fields: ChunkRows['fields']; rows: ChunkRows['rows'] } {
  const keys = Object.keys(r.done).map(Number).sort((a, b) => a - b)
  const first = keys.length ? r.done[keys[0]!]! : undefined
  const rows = keys.flatMap((k) => r.done[k]!.rows)
  // targets added by a retry come last in chunk order: their rows go in list order with the others (a stable sort)
  if (r.plan.added?.length) rows.sort((a, b) => (a[1] as number) - (b[1] as number))
  return { fields: first?.fields ?? [], rows }
}

export function runTable(r: CoverageRun): Table | undefined {
  const { fields, rows } = runRows(r)
  return fields.length ? rowsTable([...TARGET_FIELDS, ...fields], rows, r.plan.source.table) : undefined
}

/** The matrix of the rows done, counted by one of the source's columns (none: one count per target). */
export function runMatrix(r: CoverageRun, groupBy: string | undefined): CoverageMatrix {
  const { fields, rows } = runRows(r)
  const col = groupBy ? fields.findIndex((f) => f.name.toLowerCase() === groupBy.toLowerCase()) : -1
  return coverageMatrix(rows, col, 'rows')
}

/** The targets whose chunk is done (the matrix knows their counts, zero included). */
export function targetsDone(r: CoverageRun): Set<number> {
  const chunks = chunksOf(r.plan)
  const out = new Set<number>()
  for (const k of Object.keys(r.done)) for (const t of chunks[Number(k)] ?? []) out.add(t.index)
  return out
}
