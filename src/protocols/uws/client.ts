/** UWS 1.1 over the HTTP door: create, run, poll with WAIT, abort, delete, lists. */
import type { FormFields, HttpClient } from '../http'
import { HttpError, statusKind } from '../http'
import { ServiceError } from '../errors'
import { abortError } from '../dal/errors'
import { FINAL_PHASES, parseJob, parseJobList, type UwsJob, type UwsJobRef, type UwsPhase } from './job'

/** A job that ended without a result (ABORTED, ARCHIVED…): no usable answer. */
export class JobError extends ServiceError {
  override name = 'JobError'
  constructor(message: string, readonly job: UwsJob, url: string) {
    super(message, url, { kind: 'bad-response' })
  }
}

function strip(url: string): string {
  return url.replace(/\/+$/, '')
}

/** Creates a job (PENDING) and returns its service URL and document. */
export async function createJob(http: HttpClient, listUrl: string, params: FormFields, signal?: AbortSignal): Promise<{ url: string; job: UwsJob }> {
  const res = await http.request(strip(listUrl), { form: params, signal })
  const text = await res.text()
  // the 303 was followed: response.url is the job (mapped back from the proxy)
  const url = strip(http.serviceUrl(res.url || listUrl))
  const job = parseJob(text)
  if (url === strip(listUrl)) {
    // a service that answered the POST with the job document itself, without redirect
    return { url: `${strip(listUrl)}/${encodeURIComponent(job.jobId)}`, job }
  }
  return { url, job }
}

export async function getJob(http: HttpClient, jobUrl: string, opts: { wait?: number; phase?: UwsPhase; signal?: AbortSignal } = {}): Promise<UwsJob> {
  const query: FormFields = {}
  if (opts.wait !== undefined) query.WAIT = opts.wait
  if (opts.phase) query.PHASE = opts.phase
  // the client timeout must outlast the server-side WAIT
  const timeoutMs = ((opts.wait ?? 0) + 30) * 1000
  return parseJob(await http.text(jobUrl, { query, signal: opts.signal, timeoutMs }))
}

async function postPhase(http: HttpClient, jobUrl: string, phase: 'RUN' | 'ABORT', signal?: AbortSignal): Promise<void> {
  await http.request(`${strip(jobUrl)}/phase`, { form: { PHASE: phase }, signal, redirect: 'manual', idempotent: true, acceptErrorStatus: true }).then(async (res) => {
    // a 303 back to the job is success; 'manual' redirects show as opaqueredirect (status 0) in browsers
    if (res.status >= 400) throw new HttpError(statusKind(res.status), `Could not ${phase === 'RUN' ? 'start' : 'abort'} the job: HTTP ${res.status}`, jobUrl, res.status, await res.text())
  })
}

export const runJob = (http: HttpClient, jobUrl: string, signal?: AbortSignal) => postPhase(http, jobUrl, 'RUN', signal)
export const abortJob = (http: HttpClient, jobUrl: string, signal?: AbortSignal) => postPhase(http, jobUrl, 'ABORT', signal)

export async function deleteJob(http: HttpClient, jobUrl: string, signal?: AbortSignal): Promise<void> {
  // POST ACTION=DELETE is what every UWS 1.x service accepts (HTTP DELETE is optional in practice)
  await http.request(strip(jobUrl), { form: { ACTION: 'DELETE' }, signal, redirect: 'manual', idempotent: true, acceptErrorStatus: true }).then((res) => {
    if (res.status >= 400 && res.status !== 404) throw new HttpError(statusKind(res.status), `Could not delete the job: HTTP ${res.status}`, jobUrl, res.status)
  })
}

/** Asks for a new destruction time (ISO 8601); the service may choose another, so the job is re-read. */
export async function setDestruction(http: HttpClient, jobUrl: string, when: Date, signal?: AbortSignal): Promise<UwsJob> {
  await http.request(`${strip(jobUrl)}/destruction`, { form: { DESTRUCTION: when.toISOString().replace(/\.\d{3}Z$/, 'Z') }, signal, idempotent: true })
  return getJob(http, jobUrl, { signal })
}

export async function setExecutionDuration(http: HttpClient, jobUrl: string, seconds: number, signal?: AbortSignal): Promise<UwsJob> {
  await http.request(`${strip(jobUrl)}/executionduration`, { form: { EXECUTIONDURATION: Math.round(seconds) }, signal, idempotent: true })
  return getJob(http, jobUrl, { signal })
}

export async function jobErrorText(http: HttpClient, jobUrl: string, signal?: AbortSignal): Promise<string> {
  return http.text(`${strip(jobUrl)}/error`, { signal })
}

export async function listJobs(http: HttpClient, listUrl: string, filter: { phase?: UwsPhase[]; after?: Date; last?: number } = {}, signal?: AbortSignal): Promise<UwsJobRef[]> {
  const query: FormFields = { PHASE: filter.phase, AFTER: filter.after?.toISOString(), LAST: filter.last }
  return parseJobList(await http.text(strip(listUrl), { query, signal }))
}

export interface WaitOptions {
  signal?: AbortSignal
  /** Longest server-side WAIT per poll, seconds. */
  maxWait?: number
  onUpdate?: (job: UwsJob) => void
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal))
    const t = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(abortError(signal))), { once: true })
  })

/**
 * Polls until the job reaches a final phase. Uses UWS 1.1 blocking WAIT (with the current phase, so the
 * server returns as soon as it changes) and backs off between polls for services that ignore WAIT.
 */
export async function waitForJob(http: HttpClient, jobUrl: string, opts: WaitOptions = {}): Promise<UwsJob> {
  const maxWait = opts.maxWait ?? 30
  const sleep = opts.sleep ?? defaultSleep
  let job = await getJob(http, jobUrl, { signal: opts.signal })
  opts.onUpdate?.(job)
  let pause = 250
  while (!FINAL_PHASES.has(job.phase)) {
    const started = Date.now()
    const phase = job.phase
    job = await getJob(http, jobUrl, { wait: maxWait, phase: phase, signal: opts.signal })
    opts.onUpdate?.(job)
    if (FINAL_PHASES.has(job.phase)) break
    // the server returned quickly without a change: it does not block on WAIT, so back off
    if (job.phase === phase && Date.now() - started < 1000) {
      await sleep(pause, opts.signal)
      pause = Math.min(pause * 2, 10_000)
    } else pause = 250
  }
  return job
}
