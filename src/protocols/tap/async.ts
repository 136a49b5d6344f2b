/** TAP asynchronous queries (UWS jobs under {tap}/async). */
import type { HttpClient } from '../http'
import { createJob, jobErrorText, runJob, waitForJob, JobError, type UwsJob, type WaitOptions } from '../uws'
import { errorPosition, readDalResponse, serviceErrorMessage, toDalError, type VOTableReader } from '../dal'
import type { TapQuery, TapResult } from './sync'
import { QueryError } from '../errors'

export interface AsyncSubmitOptions {
  signal?: AbortSignal
  executionDuration?: number
  runId?: string
}

/** Creates and starts an async TAP job; returns its URL. PHASE=RUN is posted separately: some servers ignore it on creation. */
export async function submitAsync(http: HttpClient, serviceUrl: string, q: TapQuery, opts: AsyncSubmitOptions = {}): Promise<{ url: string; job: UwsJob }> {
  const { url, job } = await createJob(
    http,
    `${serviceUrl.replace(/\/+$/, '')}/async`,
    { REQUEST: 'doQuery', LANG: q.lang ?? 'ADQL', QUERY: q.query, MAXREC: q.maxrec, EXECUTIONDURATION: opts.executionDuration, RUNID: opts.runId },
    opts.signal,
  )
  await runJob(http, url, opts.signal)
  return { url, job }
}

/** The URL of a completed job's main result (`result`, else the first one listed, else the standard path). */
export function resultUrl(jobUrl: string, job: UwsJob): string {
  const r = job.results.find((x) => x.id === 'result') ?? job.results[0]
  return r?.href || `${jobUrl.replace(/\/+$/, '')}/results/result`
}

/** Fetches and reads the result of a completed job, streamed through `read` (in this thread by default, or a worker). */
export async function fetchAsyncResult(http: HttpClient, jobUrl: string, job: UwsJob, signal?: AbortSignal, read?: VOTableReader): Promise<TapResult> {
  const url = resultUrl(jobUrl, job)
  let res: Response
  try {
    res = await http.request(url, { signal, timeoutMs: 10 * 60_000 })
  } catch (e) {
    throw toDalError(e, url, 'The job result')
  }
  return { ...(await readDalResponse(res, { what: 'The job result', url, read, signal })), fetchUrl: url }
}

/** Waits for a job and returns its result; a job in ERROR becomes a QueryError with the service's message. */
export async function awaitAsyncResult(http: HttpClient, jobUrl: string, opts: WaitOptions & { read?: VOTableReader } = {}): Promise<TapResult> {
  const job = await waitForJob(http, jobUrl, opts)
  if (job.phase === 'COMPLETED') return fetchAsyncResult(http, jobUrl, job, opts.signal, opts.read)
  if (job.phase === 'ERROR') {
    let message = job.error?.message
    if (!message || job.error?.hasDetail) {
      try {
        message = serviceErrorMessage(await jobErrorText(http, jobUrl, opts.signal)) ?? message
      } catch {
        // keep the summary
      }
    }
    throw new QueryError(message || 'The job failed without a message', jobUrl, { serviceMessage: message, position: errorPosition(message) })
  }
  throw new JobError(`The job ended in phase ${job.phase}`, job, jobUrl)
}
