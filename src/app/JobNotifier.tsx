import { FINAL_PHASES } from '../protocols/uws'
import { updateJob, useJobs } from '../state/jobs'
import { navigate } from '../state/route'

/** Tells the user when an async job finishes, whatever view is open. */
export function JobNotifier() {
  const done = useJobs().filter((j) => FINAL_PHASES.has(j.phase) && j.acknowledged === false)
  if (done.length === 0) return null
  return (
    <div className="toasts" aria-live="polite">
      {done.slice(0, 3).map((j) => (
        <div key={j.url} className={`toast phase-${j.phase.toLowerCase()}`} role="status">
          <span>
            Job {j.phase === 'COMPLETED' ? 'finished' : `ended: ${j.phase}`} — <code>{j.query.replace(/\s+/g, ' ').slice(0, 60)}</code>
          </span>
          {j.phase === 'COMPLETED' && (
            <button
              type="button"
              onClick={() => {
                updateJob(j.url, { acknowledged: true })
                navigate('adql', { profile: j.profileId, job: j.url, q: j.query })
              }}
            >
              Open results
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={() => updateJob(j.url, { acknowledged: true })}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
