import { useState } from 'react'
import { errorText } from './errorText'

/** A clear message for a failed request: what happened (by the error's kind), the details, and what to do next. */
export function ErrorNotice({ error }: { error: Error }) {
  const { title, hint, where } = errorText(error)
  return (
    <div className="banner error" role="alert" data-kind={'kind' in error ? String(error.kind) : undefined}>
      <strong>{title}</strong>
      {where && <span> ({where})</span>}
      <pre className="error-message">{error.message}</pre>
      {hint && <p className="small-print">{hint}</p>}
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
