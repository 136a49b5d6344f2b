/**
 * Saving a file the services produce. A URL the page may navigate to (same-origin through the proxy,
 * or a public service) is handed to the browser as an <a download> click: the browser streams it to
 * disk and names it from Content-Disposition. A Response already fetched through the HTTP door (e.g.
 * one that needed an Authorization header, which a navigation cannot carry) is saved from memory.
 * A URL that gets the profile's credential goes through the download service worker (streamed to disk).
 */
import type { AppRuntime } from '../../state/runtime'
import { downloadWithCredentials } from '../../state/downloads/streamedDownload'
import { profileCredentialPolicy } from '../../state/auth'
import { saveBlob } from '../../state/downloads/saveFile'

/** Lets the browser download `href` itself (streamed to disk); the server's Content-Disposition names the file. */
export function saveUrl(href: string, filename?: string): void {
  const u = new URL(href, location.href)
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`Refusing to download from a ${u.protocol} URL`)
  const a = document.createElement('a')
  a.href = u.href
  // an empty download attribute keeps the server's file name (same-origin only; elsewhere Content-Disposition decides)
  a.download = filename ?? ''
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** Saves a service URL: streamed with the profile's credential when the policy gives it one, else as a plain link. */
export async function saveServiceUrl(rt: AppRuntime, href: string): Promise<void> {
  // the same policy the HTTP door was given; features do not import each other
  const policy = profileCredentialPolicy(rt.profile)
  if (policy?.(new URL(rt.http.serviceUrl(href)))) await downloadWithCredentials(rt.http, href, policy)
  else saveUrl(href)
}

/** Saves a fetched Response under `filename`; the body is held in memory until the browser has it. */
export async function saveResponse(response: Response, filename: string): Promise<number> {
  const blob = await response.blob()
  saveBlob(blob, filename)
  return blob.size
}

/** True when the browser can fetch `href` by navigation without our headers: same origin as the page (proxied). */
export function isSameOrigin(href: string): boolean {
  return new URL(href, location.href).origin === location.origin
}
