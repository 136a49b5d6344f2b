/**
 * "Copy as…": the request behind a view as pyvo, astroquery.eso, curl or Python code that runs outside the
 * browser, reaching the services directly. A token is never written into the code: it is read from ESO_TOKEN.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useRuntime } from '../state/runtime'
import { profileCredentialPolicy, useAuth } from '../state/auth'
import { codeChoices, credentialUrlOf, sourceCode, TOKEN_VARIABLE, type CodeChoice, type CodeSource } from '../protocols/codegen'

/** Whether the app would send the login token (Bearer) with this request right now. */
function useRunsAuthorised(source: CodeSource): boolean {
  const rt = useRuntime()
  useAuth() // a login, logout or the "Authorised query" switch changes the answer
  const policy = profileCredentialPolicy(rt.profile)
  try {
    return !!policy?.(new URL(credentialUrlOf(source)))?.Authorization?.startsWith('Bearer ')
  } catch {
    return false
  }
}

/** The request with the services' own URLs (the proxy prefixes exist only inside the app). */
function direct(source: CodeSource, serviceUrl: (url: string) => string): CodeSource {
  if (source.kind === 'tap') return { ...source, serviceUrl: serviceUrl(source.serviceUrl) }
  if (source.kind === 'datalink') return { ...source, url: serviceUrl(source.url) }
  return { ...source, accessUrl: serviceUrl(source.accessUrl) }
}

export function CopyAsMenu({ source, what = 'query' }: { source: CodeSource; what?: string }) {
  const rt = useRuntime()
  const authorised = useRunsAuthorised(source)
  const [open, setOpen] = useState(false)
  const [status, setStatus] = useState('')
  const [fallback, setFallback] = useState<string | undefined>()
  const menuId = useId()
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const choices = codeChoices(source)

  useEffect(() => {
    if (!open) return
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus()
    const outside = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [open])

  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  const copy = async (choice: CodeChoice) => {
    if (choice.unavailable) return
    close()
    let code: string
    try {
      code = sourceCode(direct(source, (u) => rt.http.serviceUrl(u)), choice.flavour, authorised)
    } catch (e) {
      return setStatus(`Could not write ${choice.label} code: ${(e as Error).message}`)
    }
    try {
      await navigator.clipboard.writeText(code)
      setFallback(undefined)
      setStatus(`Copied ${choice.label} code${authorised ? ` (it reads your token from ${TOKEN_VARIABLE})` : ''}`)
    } catch {
      // the browser refused the clipboard: the code is shown to copy by hand
      setFallback(code)
      setStatus(`The browser refused the clipboard: the ${choice.label} code is below`)
    }
  }
  const onMenuKey = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    const move = (to: number) => items[(to + items.length) % items.length]?.focus()
    if (e.key === 'Escape') close()
    else if (e.key === 'ArrowDown') move(at + 1)
    else if (e.key === 'ArrowUp') move(at - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(items.length - 1)
    else if (e.key === 'Tab') setOpen(false)
    else return
    if (e.key !== 'Tab') e.preventDefault()
  }

  return (
    <span className="copy-as">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={`This ${what} as code that runs outside the browser`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'ArrowDown' && (e.preventDefault(), setOpen(true))}
      >
        Copy as…
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={`Copy this ${what} as`} className="copy-as-menu" onKeyDown={onMenuKey}>
          {choices.map((c) => (
            <button key={c.flavour} type="button" role="menuitem" tabIndex={-1} aria-disabled={c.unavailable ? true : undefined} title={c.unavailable} onClick={() => void copy(c)}>
              {c.label}
              {c.unavailable && <span className="muted"> ({c.unavailable})</span>}
            </button>
          ))}
        </div>
      )}
      <span className="muted copy-as-status" role="status" aria-live="polite">
        {status}
      </span>
      {fallback && <textarea className="copy-as-code" readOnly aria-label="Generated code" value={fallback} rows={Math.min(16, fallback.split('\n').length)} />}
    </span>
  )
}
