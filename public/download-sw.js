/*
 * Streams credentialed downloads to disk. Registered with the scope `<base>__download/` only, so it never
 * controls the app's pages. The page (src/state/downloads/streamedDownload.ts) has already asked the service
 * through its HTTP door and decided which headers go with which URL; it posts one entry per download id
 * and navigates a hidden iframe to `<scope><id>`. This worker answers that one navigation by fetching the
 * URL with exactly those headers and handing the body on as it arrives, so the browser's download manager
 * writes it to disk instead of the page holding it in memory. Entries live in memory only, are used once
 * and expire after a minute; nothing the service sends is rendered (errors go back to the page as facts).
 */
const pending = new Map() // id -> { url, headers, disposition, port, timer }
const EXPIRE_MS = 60_000

// a newer version takes over at once (it controls no pages, only the next /__download/ navigation)
self.addEventListener('install', () => self.skipWaiting())

self.addEventListener('message', (event) => {
  const m = event.data
  const port = event.ports[0]
  if (!port || !m || m.type !== 'download' || typeof m.id !== 'string' || typeof m.url !== 'string') return
  const url = new URL(m.url, self.location.href)
  // only http(s) service URLs, never back into our own scope
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.href.startsWith(self.registration.scope)) {
    port.postMessage({ type: 'failed', reason: 'url' })
    return
  }
  const timer = setTimeout(() => pending.delete(m.id), EXPIRE_MS)
  pending.set(m.id, { url: url.href, headers: m.headers ?? {}, disposition: String(m.disposition), port, timer })
  port.postMessage({ type: 'ready' })
})

function plain(status, text) {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } })
}

self.addEventListener('fetch', (event) => {
  const scope = self.registration.scope
  if (!event.request.url.startsWith(scope)) return
  const id = new URL(event.request.url).pathname.slice(new URL(scope).pathname.length)
  const entry = pending.get(id)
  pending.delete(id)
  if (!entry) {
    event.respondWith(plain(404, 'This download has expired or was already used. Start it again from the page.'))
    return
  }
  clearTimeout(entry.timer)
  entry.port.postMessage({ type: 'fetching' })
  event.respondWith(stream(entry))
})

async function stream(entry) {
  let res
  try {
    // never follow a redirect with the credential: the page already resolved redirects through its door
    res = await fetch(entry.url, { headers: entry.headers, redirect: 'manual', credentials: 'omit', cache: 'no-store' })
  } catch (e) {
    entry.port.postMessage({ type: 'failed', reason: 'network', message: String(e && e.message ? e.message : e) })
    return plain(502, 'The download could not reach the service. The page says more.')
  }
  // a redirect now (opaque, or handed back by the app's proxy) would need the page's policy again
  const redirected = res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400) || res.headers.has('X-Upstream-Status')
  if (redirected || !res.ok) {
    entry.port.postMessage({
      type: 'failed',
      reason: redirected ? 'redirect' : 'status',
      status: res.status,
      challenge: res.headers.get('WWW-Authenticate') ?? res.headers.get('X-Upstream-WWW-Authenticate'),
    })
    res.body?.cancel().catch(() => {})
    return plain(502, 'The service refused the download. The page says why.')
  }
  const headers = new Headers({
    // octet-stream and attachment: the browser saves the bytes and never renders them
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': entry.disposition,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Download-Via': 'service-worker',
  })
  const length = res.headers.get('Content-Length')
  const encoding = (res.headers.get('Content-Encoding') || 'identity').toLowerCase()
  // the decoded body differs in length from a compressed Content-Length
  if (length && encoding === 'identity') headers.set('Content-Length', length)
  entry.port.postMessage({ type: 'started', size: length && encoding === 'identity' ? Number(length) : undefined })
  return new Response(res.body, { status: 200, headers })
}
