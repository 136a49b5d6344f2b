/** File links on a credential origin are fetched through the HTTP door (with the credential), then saved. */
import type { AppRuntime } from '../../app/runtime'
import { createCredentialPolicy } from '../../protocols/auth'
import { credentialsFor } from '../../state/auth'

/**
 * Whether a link in the page is downloaded by the app rather than opened by the browser: when the policy would
 * attach a credential to it now, or (not logged in) when it is a product file on a credential origin, so that a
 * refusal can say "log in". DataLink documents, TAP and previews (query strings) stay ordinary links.
 */
export function isCredentialedFileLink(rt: AppRuntime, href: string): boolean {
  const auth = rt.profile.auth
  if (!auth) return false
  let url: URL
  try {
    url = new URL(rt.http.serviceUrl(href))
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  const e = rt.profile.endpoints
  if ([e.tap_obs, e.tap_cat, e.datalink, e.calselector].some((base) => base && url.href.startsWith(base))) return false
  if (createCredentialPolicy(auth, e, () => credentialsFor(rt.profile.id))(url)) return true
  const credentialOrigin = auth.bearerOrigins.includes(url.origin) || auth.basicOrigins.includes(url.origin)
  return credentialOrigin && !!e.file && url.href.startsWith(e.file + '/') && !url.search
}

function filenameOf(res: Response, url: string): string {
  const cd = res.headers.get('Content-Disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1]
  const plain = /filename="?([^";]+)"?/i.exec(cd)?.[1]
  const name = star ? decodeURIComponent(star) : plain ?? new URL(url).pathname.split('/').pop() ?? 'download'
  // a name only, never a path
  return name.replace(/[\\/]/g, '_') || 'download'
}

/** Fetches with the profile's credentials and saves the file; the object URL is never a service URL. */
export async function downloadThroughDoor(rt: AppRuntime, href: string): Promise<string> {
  const serviceUrl = rt.http.serviceUrl(href)
  const res = await rt.http.request(serviceUrl, { timeoutMs: 0, retries: 1 })
  const blob = await res.blob()
  const name = filenameOf(res, rt.http.serviceUrl(res.url || serviceUrl))
  const objectUrl = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = objectUrl
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(objectUrl), 30_000)
  return name
}
