import { useContext, useState } from 'react'
import { DalError } from '../protocols/dal'
import { askForLogin } from '../state/auth'
import { RuntimeContext } from '../state/runtime'
import { errorText } from './errorText'

/** A clear message for a failed request: what happened (by the error's kind), the details, and what to do next. */
export function ErrorNotice({ error }: { error: Error }) {
  const { title, hint, where } = errorText(error)
  const runtime = useContext(RuntimeContext)
  // a login can help only where the profile has one
  const loginHere = error instanceof DalError && (error.kind === 'needs-login' || error.kind === 'forbidden') && !!runtime?.profile.auth
  // said once for the whole page, at the top: here only which request it stopped
  if (error instanceof DalError && error.kind === 'proxy-unreachable')
    return (
      <p className="banner warning" role="status" data-kind="proxy-unreachable">
        {error.message} — see the note at the top of the page.
      </p>
    )
  return (
    <div className="banner error" role="alert" data-kind={'kind' in error ? String(error.kind) : undefined}>
      <strong>{title}</strong>
      {where && <span> ({where})</span>}
      <pre className="error-message">{error.message}</pre>
      {hint && <p className="small-print">{hint}</p>}
      {loginHere && (
        <button type="button" onClick={askForLogin}>
          Log in
        </button>
      )}
    </div>
  )
}

/**
 * For buttons that call a service: `run(f)` clears the last error, runs f, and keeps what it threw for an
 * <ErrorNotice>; `after` runs either way (e.g. to refresh a list).
 */
export function useAction(after?: () => void): { error: Error | null; run: (f: () => Promise<unknown>) => void } {
  const [error, setError] = useState<Error | null>(null)
  const run = (f: () => Promise<unknown>) => {
    setError(null)
    f()
      .catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))))
      .finally(() => after?.())
  }
  return { error, run }
}
