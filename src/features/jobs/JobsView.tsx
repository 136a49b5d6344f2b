import { useState } from 'react'
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { navigate } from '../../state/route'
import { deleteJob, listJobs, setDestruction, type UwsJobRef } from '../../protocols/uws'
import { HttpError } from '../../protocols/http'
import { normaliseServiceUrl } from '../../config/parse'
import { formatUtc } from '../../protocols/time'
import { abortStoredJob, adoptJob, applyUws, isActive, jobElapsed, profileTapServices, removeJob, useJobs, useNow, type StoredJob } from '../../state/jobs'
import { tapKeys } from '../../state/queryKeys'
import { ErrorNotice, useAction } from '../../components/ErrorNotice'

const fmt = (t?: string) => formatUtc(t)

const TAP_ENDPOINTS = ['tap_obs', 'tap_cat'] as const

/** ESO's "TAP Query Management" in the browser: every async job started here, plus the service's own list. */
export function JobsView() {
  const rt = useRuntime()
  const jobs = useJobs()
  const queryClient = useQueryClient()
  const [resumeUrl, setResumeUrl] = useState('')
  const now = useNow(jobs.some(isActive))
  const services = profileTapServices(rt.endpoint)
  const serviceKey = (url: string) => TAP_ENDPOINTS.find((n) => rt.endpoint(n) === url) ?? url
  const serverJobs = useQueries({
    queries: services.map((url) => ({
      queryKey: tapKeys.serverJobs(url),
      queryFn: ({ signal }: { signal: AbortSignal }) => listJobs(rt.http, `${url}/async`, { last: 50 }, signal),
      retry: false,
    })),
  })
  const refreshServerLists = () => services.forEach((url) => void queryClient.invalidateQueries({ queryKey: tapKeys.serverJobs(url) }))

  const { error: actionError, run: act } = useAction(refreshServerLists)
  const remove = (j: StoredJob) =>
    act(async () => {
      try {
        await deleteJob(rt.http, j.url)
      } catch (e) {
        if (!(e instanceof HttpError && e.status === 404)) throw e
      }
      removeJob(j.url)
    })
  const abort = (j: StoredJob) => act(() => abortStoredJob(rt.http, j.url))
  const extend = (j: StoredJob) =>
    act(async () => {
      const u = await setDestruction(rt.http, j.url, new Date(Date.now() + 7 * 86400_000))
      applyUws(j.url, u)
    })
  const target = (j: StoredJob) => ({ profile: j.profileId, service: serviceKey(j.serviceUrl), q: j.query })
  const rerun = (j: StoredJob) => navigate('adql', { ...target(j), mode: 'async', maxrec: j.maxrec?.toString() })
  const open = (j: StoredJob) => navigate('adql', { ...target(j), job: j.url })
  const adopt = (raw: string, done?: () => void) =>
    act(async () => {
      await adoptJob(rt.http, normaliseServiceUrl(raw, 'Job URL'), { services, profileId: rt.profile.id })
      done?.()
    })
  const stored = new Set(jobs.map((j) => j.url))

  return (
    <section className="view" aria-label="Jobs">
      <div className="toolbar">
        <h2 className="view-title">Async jobs</h2>
        <form
          className="add-tap"
          onSubmit={(e) => {
            e.preventDefault()
            adopt(resumeUrl, () => setResumeUrl(''))
          }}
        >
          <input aria-label="Resume a job by URL" placeholder="https://…/tap/async/JOBID" value={resumeUrl} onChange={(e) => setResumeUrl(e.target.value)} />
          <button type="submit">Resume job</button>
        </form>
      </div>
      {actionError && <ErrorNotice error={actionError} />}
      {jobs.length === 0 ? (
        <p className="muted">No async jobs yet. Run a query as an “async job” in the ADQL view; it will be listed here and survive reloads.</p>
      ) : (
        <table className="jobs-table">
          <thead>
            <tr>
              <th>Phase</th>
              <th>Query</th>
              <th>Service</th>
              <th>Created</th>
              <th>Ran</th>
              <th>Kept until</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <JobRow key={j.url} job={j} now={now} onOpen={open} onAbort={abort} onRerun={rerun} onKeepLonger={extend} onDelete={remove} />
            ))}
          </tbody>
        </table>
      )}
      {services.map((url, i) => (
        <ServerJobList key={url} serviceUrl={url} list={serverJobs[i]} stored={stored} onAdopt={adopt} />
      ))}
    </section>
  )
}

type JobAction = (j: StoredJob) => void

/** One job of the list, with what can be done with it. */
function JobRow({ job: j, now, onOpen, onAbort, onRerun, onKeepLonger, onDelete }: { job: StoredJob; now: number; onOpen: JobAction; onAbort: JobAction; onRerun: JobAction; onKeepLonger: JobAction; onDelete: JobAction }) {
  return (
    <tr data-testid="job-row">
      <td>
        <span className={`phase phase-${j.phase.toLowerCase()}`}>{j.gone ? 'GONE' : j.phase}</span>
      </td>
      <td className="job-query" title={j.query}>
        <code>{j.query.replace(/\s+/g, ' ').slice(0, 120)}</code>
        {j.errorMessage && <div className="field-error">{j.errorMessage}</div>}
      </td>
      <td className="service-url">{j.serviceUrl}</td>
      <td>{fmt(j.createdAt)}</td>
      <td data-testid="job-elapsed">{jobElapsed(j.startTime, j.endTime, now) || '—'}</td>
      <td data-testid="job-destruction" title={j.destruction}>{fmt(j.destruction)}</td>
      <td className="actions">
        <button type="button" onClick={() => onOpen(j)} disabled={j.phase !== 'COMPLETED' || j.gone}>
          Open results
        </button>
        {isActive(j) && (
          <button type="button" onClick={() => onAbort(j)}>
            Abort
          </button>
        )}
        <button type="button" onClick={() => onRerun(j)}>
          Re-run
        </button>
        <button type="button" onClick={() => onKeepLonger(j)} disabled={j.gone} title="Ask the service to keep the job 7 more days">
          Keep longer
        </button>
        <button type="button" onClick={() => onDelete(j)}>
          Delete
        </button>
      </td>
    </tr>
  )
}

/** The jobs a TAP service lists (its /async), each addable to the list above. */
function ServerJobList({ serviceUrl: url, list, stored, onAdopt }: { serviceUrl: string; list: UseQueryResult<UwsJobRef[]> | undefined; stored: Set<string>; onAdopt: (href: string) => void }) {
  return (
    <details className="panel" aria-label={`Jobs ${url} lists`}>
      <summary>
        Jobs <code>{url}</code> lists {list?.data ? `(${list.data.length})` : ''}
      </summary>
      {list?.error && <ErrorNotice error={list.error} />}
      <ul className="server-jobs">
        {list?.data?.map((ref) => {
          const href = serverJobUrl(ref, url)
          return (
            <li key={ref.jobId}>
              <span className={`phase phase-${ref.phase.toLowerCase()}`}>{ref.phase}</span> <code>{ref.jobId}</code>{' '}
              {ref.creationTime && `· ${fmt(ref.creationTime)}`} {ref.ownerId && `· ${ref.ownerId}`}{' '}
              <button type="button" disabled={stored.has(href)} onClick={() => onAdopt(href)} aria-label={`Add job ${ref.jobId} to the list`}>
                {stored.has(href) ? 'Listed above' : 'Add to the list'}
              </button>
            </li>
          )
        })}
      </ul>
    </details>
  )
}

/** A listed job's own URL: its xlink:href (relative ones against the list), else the list URL and its id. */
function serverJobUrl(ref: UwsJobRef, serviceUrl: string): string {
  const list = `${serviceUrl.replace(/\/+$/, '')}/async/`
  try {
    return new URL(ref.href || encodeURIComponent(ref.jobId), list).href
  } catch {
    return list + encodeURIComponent(ref.jobId)
  }
}
