import { useState } from 'react'
import type { Profile } from '../../config/types'
import type { HttpClient } from '../../protocols/http'
import { AuthError, basicAuthorization, passwordGrant } from '../../protocols/auth'
import { setBasic, setSession } from '../../state/auth'
import { startRedirectLogin } from './redirect'

type Way = 'token' | 'basic'

/** Username/password (ESO's token flow, or HTTP Basic) and, where configured, the provider's login page. */
export function LoginForm({ profile, http, initialUser = '', onDone }: { profile: Profile; http: HttpClient; initialUser?: string; onDone: () => void }) {
  const auth = profile.auth!
  const [way, setWay] = useState<Way>(auth.passwordGrant ? 'token' : 'basic')
  const [username, setUsername] = useState(initialUser)
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const canPassword = Boolean(auth.passwordGrant || auth.basic)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      if (way === 'token') {
        const s = await passwordGrant(http, auth.passwordGrant!, username, password)
        setSession({ ...s, profileId: profile.id, method: 'password' })
      } else {
        if (!username.trim() || !password) throw new AuthError('Enter your username and password')
        setBasic({ profileId: profile.id, username: username.trim(), header: basicAuthorization(username.trim(), password) })
      }
      setPassword('')
      onDone()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="login-form">
      {auth.oidc && (
        <p>
          <button type="button" onClick={() => void startRedirectLogin(profile).catch((e: Error) => setError(e.message))}>
            Log in with {new URL(auth.oidc.authority).host}
          </button>{' '}
          <span className="muted">(opens the login page, then comes back here)</span>
        </p>
      )}
      {canPassword && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
        >
          {auth.passwordGrant && auth.basic && (
            <fieldset className="login-way">
              <legend>Credentials</legend>
              <label>
                <input type="radio" name="way" checked={way === 'token'} onChange={() => setWay('token')} /> ESO login (token for queries, DataLink and downloads)
              </label>
              <label>
                <input type="radio" name="way" checked={way === 'basic'} onChange={() => setWay('basic')} /> HTTP Basic (file downloads and SODA only)
              </label>
            </fieldset>
          )}
          <label>
            Username <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
          </label>
          <label>
            Password <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Logging in…' : 'Log in'}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
