import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../app/runtime'
import { navigate } from '../../app/router'
import { abortJob, deleteJob, getJob, listJobs, setDestruction } from '../../protocols/uws'
import { HttpError } from '../../protocols/http'
import { normaliseServiceUrl } from '../../config/parse'
import { addJob, applyUws, isActive, removeJob, updateJob, useJobs, type StoredJob } from '../../state/jobs'
import { tapKeys } from '../../state/queryKeys'
import { ErrorNotice } from '../../components/ErrorNotice'

function fmt(t?: string): string {
  return t ? new Date(t).toLocaleString() : '—'
}

/** ESO's "TAP Query Management" in the browser: every async job started here, plus the service's own list. */
export function JobsView() {
  const rt = useRuntime()
  const jobs = useJobs()
  const [resumeUrl, setResumeUrl] = useState('')
  const [actionError, setActionError] = useState<Error | null>(null)
  const tapUrl = rt.endpoint('tap_obs')
  const serverJobs = useQuery({
    queryKey: tapKeys.serverJobs(tapUrl ?? ''),
    queryFn: ({ signal }) => listJobs(rt.http, `${tapUrl}/async`, { last: 50 }, signal),
    enabled: !!tapUrl,
    retry: false,
  })

  const act = (f: () => Promise<unknown>) => {
    setActionError(null)
    f().catch((e: unknown) => setActionError(e instanceof Error ? e : new Error(String(e))))
  }
  const remove = (j: StoredJob) =>
    act(async () => {
      try {
        await deleteJob(rt.http, j.url)
      } catch (e) {
        if (!(e instanceof HttpError && e.status === 404)) throw e
      }
      removeJob(j.url)
    })
  const extend = (j: StoredJob) =>
    act(async () => {
      const u = await setDestruction(rt.http, j.url, new Date(Date.now() + 7 * 86400_000))
      applyUws(j.url, u)
    })
  const rerun = (j: StoredJob) => navigate('adql', { profile: j.profileId, q: j.query, mode: 'async', maxrec: j.maxrec?.toString() })
  const open = (j: StoredJob) => navigate('adql', { profile: j.profileId, job: j.url, q: j.query })
  const resume = () =>
    act(async () => {
      const url = normaliseServiceUrl(resumeUrl, 'Job URL')
      const u = await getJob(rt.http, url)
      const serviceUrl = url.replace(/\/async\/[^/]+$/, '')
      addJob({ url, serviceUrl, profileId: rt.profile.id, query: u.parameters.QUERY ?? u.parameters.query ?? '', createdAt: u.creationTime ?? new Date().toISOString(), phase: u.phase })
      applyUws(url, u)
      setResumeUrl('')
    })

  return (
    <section className="view" aria-label="Jobs">
      <div className="toolbar">
        <h2 className="view-title">Async jobs</h2>
        <form
          className="add-tap"
          onSubmit={(e) => {
            e.preventDefault()
            resume()
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
              <th>Kept until</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.url} data-testid="job-row">
                <td>
                  <span className={`phase phase-${j.phase.toLowerCase()}`}>{j.gone ? 'GONE' : j.phase}</span>
                </td>
                <td className="job-query" title={j.query}>
                  <code>{j.query.replace(/\s+/g, ' ').slice(0, 120)}</code>
                  {j.errorMessage && <div className="field-error">{j.errorMessage}</div>}
                </td>
                <td className="service-url">{j.serviceUrl}</td>
                <td>{fmt(j.createdAt)}</td>
                <td>{fmt(j.destruction)}</td>
                <td className="actions">
                  <button type="button" onClick={() => open(j)} disabled={j.phase !== 'COMPLETED' || j.gone}>
                    Open results
                  </button>
                  {isActive(j) && (
                    <button type="button" onClick={() => act(async () => { await abortJob(rt.http, j.url); updateJob(j.url, { phase: 'ABORTED' }) })}>
                      Abort
                    </button>
                  )}
                  <button type="button" onClick={() => rerun(j)}>
                    Re-run
                  </button>
                  <button type="button" onClick={() => extend(j)} disabled={j.gone} title="Ask the service to keep the job 7 more days">
                    Keep longer
                  </button>
                  <button type="button" onClick={() => remove(j)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="panel">
        <summary>Jobs the service lists {serverJobs.data ? `(${serverJobs.data.length})` : ''}</summary>
        {serverJobs.error && <ErrorNotice error={serverJobs.error} />}
        <ul>
          {serverJobs.data?.map((j) => (
            <li key={j.jobId}>
              <code>{j.jobId}</code> {j.phase} {j.creationTime && `· ${fmt(j.creationTime)}`} {j.ownerId && `· ${j.ownerId}`}
            </li>
          ))}
        </ul>
      </details>
    </section>
  )
}
