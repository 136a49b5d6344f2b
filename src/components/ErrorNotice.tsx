import { useState } from 'react'
import { HttpError } from '../protocols/http'
import { QueryError } from '../protocols/errors'

/** A clear message for a failed request: what happened and what to do next. */
export function ErrorNotice({ error }: { error: Error }) {
  let title = 'The request failed'
  if (error instanceof QueryError) title = 'The service rejected the query'
  else if (error instanceof HttpError) {
    title =
      error.kind === 'aborted' ? 'Cancelled' :
      error.kind === 'timeout' ? 'The service took too long' :
      error.kind === 'http' ? `The service answered with an error (HTTP ${error.status})` :
      'The service could not be reached'
  }
  return (
    <div className="banner error" role="alert">
      <strong>{title}</strong>
      <pre className="error-message">{error.message}</pre>
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
