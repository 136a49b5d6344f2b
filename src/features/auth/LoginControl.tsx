import { useEffect, useState } from 'react'
import type { RuntimeConfig } from '../../config/types'
import { useRuntime } from '../../state/runtime'
import { formatUtc, formatUtcShort } from '../../protocols/time'
import { dismissExpired, logout, useAuth } from '../../state/auth'
import { LoginForm } from './LoginForm'
import { completeRedirect, forgetOidc } from './oidc'
import { downloadThroughDoor, isCredentialedFileLink } from './downloads'


/** The header's login slot: who is logged in and until when, login/logout, the re-login prompt, credentialed downloads. */
export function LoginControl({ config }: { config: RuntimeConfig }) {
  const rt = useRuntime()
  const auth = useAuth()
  const [open, setOpen] = useState(false)
  const [callbackError, setCallbackError] = useState<string | null>(null)
  const [download, setDownload] = useState<{ text: string; error: boolean } | null>(null)

  // an error elsewhere said a login is needed, and the user asked to log in from there
  useEffect(() => {
    if (auth.loginAsked) setOpen(true)
  }, [auth.loginAsked])

  useEffect(() => {
    completeRedirect(config.profiles).catch((e: unknown) => setCallbackError(e instanceof Error ? e.message : String(e)))
  }, [config])

  // file links on a credential origin: downloaded by the app with the credential (a plain link cannot carry it)
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0) return
      const a = (e.target as Element | null)?.closest?.('a[href]')
      const href = a?.getAttribute('href')
      if (!href || !isCredentialedFileLink(rt, new URL(href, location.href).href)) return
      e.preventDefault()
      setDownload({ text: `Downloading ${href.split('/').pop()}…`, error: false })
      downloadThroughDoor(rt, new URL(href, location.href).href)
        .then((text) => setDownload({ text, error: false }))
        .catch((err: unknown) => setDownload({ text: err instanceof Error ? err.message : String(err), error: true }))
    }
    document.addEventListener('click', onClick, true)
    return () => document.removeEventListener('click', onClick, true)
  }, [rt])

  const profileAuth = rt.profile.auth
  const session = auth.session?.profileId === rt.profile.id ? auth.session : undefined
  const basic = auth.basic?.profileId === rt.profile.id ? auth.basic : undefined
  const expired = auth.expired?.profileId === rt.profile.id ? auth.expired : undefined

  const doLogout = () => {
    logout()
    void forgetOidc(rt.profile)
  }

  return (
    <div className="login-slot" data-testid="login-slot">
      {!profileAuth ? (
        <button type="button" disabled title="This service profile has no login">
          Log in
        </button>
      ) : session || basic ? (
        <>
          <span className="login-who" data-testid="login-who" title={session ? `Token valid until ${formatUtc(session.expiresAt, { seconds: false })} (10 minutes before it expires)` : 'HTTP Basic, for file downloads and SODA'}>
            {session ? (
              <>
                Logged in as <strong>{session.displayName}</strong> until {formatUtcShort(session.expiresAt)}
              </>
            ) : (
              <>
                <strong>{basic!.username}</strong> (Basic)
              </>
            )}
          </span>
          <button type="button" onClick={doLogout}>
            Log out
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Log in
        </button>
      )}
      {open && profileAuth && !session && (
        <div className="login-popover panel" role="dialog" aria-label="Log in" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <h3>Log in to {rt.profile.label}</h3>
          <LoginForm profile={rt.profile} http={rt.http} onDone={() => setOpen(false)} />
          <button type="button" className="link-button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      )}
      {expired && profileAuth && (
        <div className="login-popover panel relogin" role="alertdialog" aria-label="Login expired">
          <h3>Your login has expired</h3>
          <p>
            The session of <strong>{expired.username}</strong> has ended, so private data and files are no longer available. Log in again to
            continue; this page stays as it is.
          </p>
          <LoginForm profile={rt.profile} http={rt.http} initialUser={expired.username} onDone={() => undefined} />
          <button type="button" className="link-button" onClick={dismissExpired}>
            Continue without login
          </button>
        </div>
      )}
      {callbackError && (
        <p role="alert" className="field-error login-status">
          Login failed: {callbackError}
        </p>
      )}
      {download && (
        <p role={download.error ? 'alert' : 'status'} className={`login-status banner ${download.error ? 'error' : 'ok'}`} data-testid="download-status">
          {download.text}{' '}
          <button type="button" className="link-button" aria-label="Dismiss" onClick={() => setDownload(null)}>
            ×
          </button>
        </p>
      )}
    </div>
  )
}
