import { useEffect, useState } from 'react'
import { FINAL_PHASES } from '../protocols/uws'
import { updateJob, useJobs } from '../state/jobs'
import { navigate, useRoute } from '../state/route'

/** How long a notice stays when the user does nothing with it (paused while pointed at or focused). */
const NOTICE_MS = 10_000

/**
 * Tells the user once when an async job finishes, whatever view is open: a line in the page's flow under the
 * header (it never covers a control), gone by itself after a while or when dismissed, and never for the job the
 * ADQL view is already showing.
 */
export function JobNotifier() {
  const { view, params } = useRoute()
  const onScreen = view === 'adql' ? params.get('job') : null
  const done = useJobs().filter((j) => FINAL_PHASES.has(j.phase) && j.acknowledged === false)
  const [held, setHeld] = useState(false)

  useEffect(() => {
    // the job on screen needs no notice: the view shows its end
    if (onScreen && done.some((j) => j.url === onScreen)) updateJob(onScreen, { acknowledged: true })
  }, [onScreen, done])

  const shown = done.filter((j) => j.url !== onScreen).slice(0, 3)
  const key = shown.map((j) => j.url).join(' ')
  useEffect(() => {
    if (!key || held) return
    const t = setTimeout(() => {
      for (const url of key.split(' ')) updateJob(url, { acknowledged: true })
    }, NOTICE_MS)
    return () => clearTimeout(t)
  }, [key, held])

  if (shown.length === 0) return null
  return (
    <div
      className="toasts"
      role="region"
      aria-label="Job notices"
      aria-live="polite"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {shown.map((j) => (
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
