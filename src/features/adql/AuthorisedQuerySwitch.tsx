import { setAuthorisedQuery, useAuth } from '../../state/auth'

/** tap_obs "authorised query": one line (the switch), ESO's explanation behind an info toggle. */
export function AuthorisedQuerySwitch({ profileId }: { profileId: string }) {
  const auth = useAuth()
  const loggedIn = auth.session?.profileId === profileId
  return (
    <div className="authorised-switch" data-testid="authorised-query">
      <label>
        <input type="checkbox" checked={auth.authorisedQuery} onChange={(e) => setAuthorisedQuery(e.target.checked)} /> Authorised query
      </label>
      {auth.authorisedQuery && !loggedIn && <strong className="small-print"> Not logged in: the query runs anonymously.</strong>}
      <details className="info-popover">
        <summary aria-label="When to use it (ESO explains)">
          <span className="info-i" aria-hidden="true">i</span>
        </summary>
        <p className="panel">
          Sends your login token with the query, so the archive includes the protected metadata you are entitled to. As ESO explains, this is
          useful only to users granted special permissions (e.g. PIs of confidential programmes, instrument and operations teams); it is slower
          (prefer an async job), and everybody else gets the same records as without it.
        </p>
      </details>
    </div>
  )
}
