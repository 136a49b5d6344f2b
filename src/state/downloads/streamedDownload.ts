/**
 * Downloads that need a credential header, streamed to disk. A navigation cannot carry an Authorization
 * header, so the page asks the service through the HTTP door first (errors, final URL after redirects,
 * file name, size), then hands {URL, headers, name} for one random id to the download service worker
 * (public/download-sw.js, scoped to `__download/` only) and navigates a hidden iframe there: the worker
 * fetches with those headers and the browser's download manager writes the body as it arrives.
 * Where service workers are unavailable (no secure context, private modes, registration refused) the file
 * is fetched through the door into memory and saved from there, as before.
 */
import type { CredentialPolicy, HttpClient } from '../../protocols/http'
import { authFailureMessage } from '../../protocols/auth'
import { formatBytes } from '../../protocols/table'
import { attachmentDisposition, filenameOf, knownSize } from '../../protocols/download'
import { saveBlob } from './saveFile'

export interface SavedDownload {
  name: string
  /** Bytes, when the service said (streamed) or once held (in memory). */
  size?: number
  /** True when the service worker streamed it to disk; false for the in-memory fallback. */
  streamed: boolean
}

const SCOPE = `${import.meta.env.BASE_URL}__download/`
const SCRIPT = `${import.meta.env.BASE_URL}download-sw.js`
// only the hand-over is timed; once the worker has the request, a slow service may take as long as it needs
const HANDOVER_MS = 20_000

let worker: Promise<ServiceWorker | undefined> | undefined

function activated(sw: ServiceWorker): Promise<ServiceWorker> {
  if (sw.state === 'activated') return Promise.resolve(sw)
  return new Promise((resolve, reject) => {
    sw.addEventListener('statechange', () => {
      if (sw.state === 'activated') resolve(sw)
      else if (sw.state === 'redundant') reject(new Error('download worker became redundant'))
    })
  })
}

function register(): Promise<ServiceWorker | undefined> {
  return navigator.serviceWorker
    .register(SCRIPT, { scope: SCOPE })
    .then((reg) => {
      const sw = reg.active ?? reg.waiting ?? reg.installing
      return sw ? activated(sw) : undefined
    })
    .catch(() => undefined)
}

/** The active download worker, or undefined where the browser offers none (then downloads go through memory). */
async function downloadWorker(): Promise<ServiceWorker | undefined> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !globalThis.isSecureContext) return undefined
  const sw = await (worker ??= register())
  // a newer download-sw.js replaced the one we know: ask for the current one
  if (sw?.state === 'redundant') return (worker = register())
  return sw
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export type WorkerReport =
  | { type: 'ready' }
  | { type: 'fetching' }
  | { type: 'started'; size?: number }
  | { type: 'failed'; reason: 'url' | 'network' | 'redirect' | 'status'; status?: number; challenge?: string | null; message?: string }

/** What the worker's report of a failed fetch means for the user (the service's own text is never shown). */
export function workerFailureText(r: Extract<WorkerReport, { type: 'failed' }>, host: string): string {
  if (r.reason === 'redirect') return `${host} redirected the download; your credentials were not sent onwards. Try again.`
  if (r.reason === 'network') return `Could not reach ${host} for the download (${r.message ?? 'network error'}).`
  if (r.reason === 'url') return 'The download address was refused.'
  return authFailureMessage(r.status ?? 0, r.challenge, host) ?? `${host} answered ${r.status} to the download.`
}

/** Hands one request to the worker and opens it in a hidden iframe; resolves once the body starts to flow. */
function streamThroughWorker(sw: ServiceWorker, requestUrl: string, headers: Record<string, string>, name: string, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const id = randomId()
    const channel = new MessageChannel()
    const frame = document.createElement('iframe')
    let handover: ReturnType<typeof setTimeout> | undefined = setTimeout(() => fail(new Error('The browser did not start the download; try again.')), HANDOVER_MS)
    const done = () => {
      if (handover) clearTimeout(handover)
      handover = undefined
      channel.port1.close()
      // the download manager owns the transfer by now; the frame only goes later so nothing is cut short
      setTimeout(() => frame.remove(), 60_000)
    }
    const fail = (e: Error) => {
      done()
      frame.remove()
      reject(e)
    }
    channel.port1.onmessage = (event: MessageEvent<WorkerReport>) => {
      const r = event.data
      if (r.type === 'ready') {
        frame.hidden = true
        frame.title = 'download'
        frame.src = `${SCOPE}${id}`
        document.body.append(frame)
      } else if (r.type === 'fetching') {
        if (handover) clearTimeout(handover)
        handover = undefined
      } else if (r.type === 'started') {
        done()
        resolve(r.size)
      } else {
        fail(new Error(workerFailureText(r, host)))
      }
    }
    sw.postMessage({ type: 'download', id, url: requestUrl, headers, disposition: attachmentDisposition(name) }, [channel.port2])
  })
}

/** The old way, for browsers without service workers: the whole file in memory, then saved. */
async function saveInMemory(http: HttpClient, serviceUrl: string): Promise<SavedDownload> {
  const res = await http.request(serviceUrl, { timeoutMs: 0, retries: 1 })
  const name = filenameOf(res.headers, http.serviceUrl(res.url || serviceUrl))
  const blob = await res.blob()
  saveBlob(blob, name)
  return { name, size: blob.size, streamed: false }
}

/**
 * Downloads `href` with the credential `credentials` gives for its final URL. The door's errors (401/403 with
 * the login advice, service errors) come before anything is saved.
 */
export async function downloadWithCredentials(http: HttpClient, href: string, credentials: CredentialPolicy): Promise<SavedDownload> {
  const serviceUrl = http.serviceUrl(href)
  const sw = await downloadWorker()
  if (!sw) return saveInMemory(http, serviceUrl)
  // the probe: the door follows redirects by its policy and turns refusals into messages; the body is not wanted
  const probe = await http.request(serviceUrl, { timeoutMs: 0, retries: 1 })
  await probe.body?.cancel().catch(() => {})
  const finalService = http.serviceUrl(probe.url || http.publicUrl(serviceUrl))
  const requestUrl = http.publicUrl(finalService)
  const name = filenameOf(probe.headers, finalService)
  const headers = { ...credentials(new URL(finalService)) }
  // as the door does: through the proxy, a redirect comes back to us instead of being followed with the header
  if (Object.keys(headers).length && requestUrl !== finalService) headers['X-Redirect-Mode'] = 'manual'
  const size = await streamThroughWorker(sw, requestUrl, headers, name, new URL(finalService).host)
  return { name, size: size ?? knownSize(probe.headers), streamed: true }
}

/** The status line for a finished hand-over. */
export function savedText(d: SavedDownload): string {
  const size = d.size !== undefined ? ` (${formatBytes(d.size)})` : ''
  return d.streamed ? `Saving ${d.name}${size}: your browser writes it to disk as it arrives` : `Downloaded ${d.name}${size}`
}
