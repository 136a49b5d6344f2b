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
