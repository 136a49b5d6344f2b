/**
 * The async TAP jobs this browser started, per service: kept in localStorage (URLs and query text only,
 * never credentials), observed by the ADQL and Jobs views, updated by the poller.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { loadJson, saveJson } from './persist'
import type { HttpClient } from '../protocols/http'
import { FINAL_PHASES, abortJob, getJob, type UwsJob, type UwsPhase } from '../protocols/uws'

export interface StoredJob {
  /** Service URL of the job (not the proxied one): its identity. */
  url: string
  /** TAP service base URL the job belongs to. */
  serviceUrl: string
  profileId: string
  query: string
  maxrec?: number
  createdAt: string
  phase: UwsPhase
  startTime?: string
  endTime?: string
  destruction?: string
  errorMessage?: string
  /** Set when the service no longer knows the job (deleted or destroyed). */
  gone?: boolean
  /** The user has seen the final state (no more notification). */
  acknowledged?: boolean
}

const KEY = 'jobs'
let jobs: StoredJob[] = loadJson<StoredJob[]>(KEY, [])
const listeners = new Set<() => void>()

function commit(next: StoredJob[]): void {
  jobs = next
  saveJson(KEY, jobs)
  for (const l of listeners) l()
}

// another tab changed the list
globalThis.addEventListener?.('storage', (e: StorageEvent) => {
  if (e.key?.endsWith(KEY)) {
    jobs = loadJson<StoredJob[]>(KEY, [])
    for (const l of listeners) l()
  }
})

export function subscribeJobs(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function allJobs(): StoredJob[] {
  return jobs
}

export function findJob(url: string): StoredJob | undefined {
  return jobs.find((j) => j.url === url)
}

export function useJobs(): StoredJob[] {
  return useSyncExternalStore(subscribeJobs, allJobs)
}

export function useJob(url: string | undefined): StoredJob | undefined {
  return useSyncExternalStore(subscribeJobs, () => (url ? findJob(url) : undefined))
}

export function addJob(job: StoredJob): void {
  commit([job, ...jobs.filter((j) => j.url !== job.url)])
}

export function updateJob(url: string, patch: Partial<StoredJob>): void {
  if (!findJob(url)) return
  commit(jobs.map((j) => (j.url === url ? { ...j, ...patch } : j)))
}

/** Copies what the service says of a job into the stored record. */
export function applyUws(url: string, job: UwsJob): void {
  const before = findJob(url)
  updateJob(url, {
    phase: job.phase,
    startTime: job.startTime,
    endTime: job.endTime,
    destruction: job.destruction,
    errorMessage: job.error?.message || undefined,
    acknowledged: before?.phase === job.phase ? before.acknowledged : false,
  })
}

export function removeJob(url: string): void {
  commit(jobs.filter((j) => j.url !== url))
}

export function isActive(j: StoredJob): boolean {
  return !j.gone && !FINAL_PHASES.has(j.phase)
}

/** How long a job ran (or has been running, until `now`): "42 s", "3.5 min", "2.1 h"; '' before it started. */
export function jobElapsed(from: string | undefined, to: string | undefined, now = Date.now()): string {
  if (!from) return ''
  const s = Math.max(0, ((to ? Date.parse(to) : now) - Date.parse(from)) / 1000)
  if (!Number.isFinite(s)) return ''
  if (s < 90) return `${s.toFixed(0)} s`
  if (s < 90 * 60) return `${(s / 60).toFixed(1)} min`
  return `${(s / 3600).toFixed(1)} h`
}

/**
 * The TAP service a job URL belongs to, among the given service URLs: the one it lies under, else the one on the
 * same host (DaCHS answers /tap/async with jobs under /__system__/tap/run/async/), else the URL before /async/.
 */
export function jobServiceUrl(jobUrl: string, services: readonly string[]): string {
  const under = services.find((s) => jobUrl.startsWith(`${s.replace(/\/+$/, '')}/async/`))
  if (under) return under
  let origin = ''
  try {
    origin = new URL(jobUrl).origin
  } catch {
    /* not a URL: fall through */
  }
  const sameHost = [...new Set(services)].filter((s) => s.startsWith(`${origin}/`))
  if (origin && sameHost.length === 1) return sameHost[0]!
  return jobUrl.replace(/\/async\/[^/]+\/?$/, '')
}

/** A profile's TAP services, once each (tap_obs and tap_cat may be one service). */
export function profileTapServices(endpoint: (name: 'tap_obs' | 'tap_cat') => string | undefined): string[] {
  return [...new Set([endpoint('tap_obs'), endpoint('tap_cat')].filter((u): u is string => !!u))]
}

/**
 * Adds a job this browser did not start (a shared link, a URL from pyvo, one the service lists) to the list:
 * asks the service for it first, so a wrong URL fails here with the service's answer and nothing is stored.
 */
export async function adoptJob(http: HttpClient, url: string, opts: { services: readonly string[]; profileId: string }): Promise<void> {
  const u = await getJob(http, url)
  const maxrec = Number(u.parameters.MAXREC ?? u.parameters.maxrec)
  addJob({
    url,
    serviceUrl: jobServiceUrl(url, opts.services),
    profileId: opts.profileId,
    query: u.parameters.QUERY ?? u.parameters.query ?? '',
    maxrec: Number.isInteger(maxrec) && maxrec > 0 ? maxrec : undefined,
    createdAt: u.creationTime ?? new Date().toISOString(),
    phase: u.phase,
  })
  applyUws(url, u)
}

/** Aborts a job and stores the phase the service then reports (it may have finished meanwhile). */
export async function abortStoredJob(http: HttpClient, url: string): Promise<void> {
  await abortJob(http, url)
  applyUws(url, await getJob(http, url))
}

/** The time now, ticking every second while `on` (running jobs show how long they have run). */
export function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!on) return
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [on])
  return on ? now : Date.now()
}
