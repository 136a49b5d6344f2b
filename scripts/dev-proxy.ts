/**
 * Builds the Vite dev/preview proxy table from the proxy routes in public/config.json.
 * Production deployments configure the same prefixes in their reverse proxy (see README).
 */
import { readFileSync } from 'node:fs'
import type { ProxyOptions } from 'vite'

interface Route {
  origin: string
  prefix: string
  userAgent?: string
}

/** Rewrites an absolute URL on `origin` onto `prefix` (for Location headers of redirects). */
export function rewriteLocation(location: string, route: Route): string {
  if (location.startsWith(route.origin + '/') || location === route.origin) {
    return route.prefix + location.slice(route.origin.length)
  }
  return location
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** Turns an upstream 3xx into a 200 carrying X-Upstream-Status/-Location, which fetch can read. */
export function handBackRedirect(res: { statusCode?: number; statusMessage?: string; headers: Record<string, string | string[] | undefined> }): boolean {
  const status = res.statusCode ?? 0
  const location = res.headers.location
  if (!REDIRECTS.has(status) || typeof location !== 'string') return false
  res.headers['x-upstream-status'] = String(status)
  res.headers['x-upstream-location'] = location
  delete res.headers.location
  res.statusCode = 200
  res.statusMessage = 'OK'
  return true
}

/** Why the proxy itself could not reach an origin: the `X-Proxy-Error` value, and the reason in words. */
export function proxyFailure(err: Error & { code?: string }): { reason: 'dns' | 'refused' | 'timeout' | 'tls' | 'reset' | 'unreachable'; words: string } {
  const code = err.code ?? ''
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') return { reason: 'dns', words: 'DNS lookup failed' }
  if (code === 'ECONNREFUSED') return { reason: 'refused', words: 'connection refused' }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return { reason: 'timeout', words: 'no answer in time' }
  if (/^(ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code) || /certificate|SSL|TLS/i.test(err.message)) return { reason: 'tls', words: 'secure connection failed' }
  if (code === 'ECONNRESET' || code === 'EPIPE') return { reason: 'reset', words: 'connection reset' }
  return { reason: 'unreachable', words: code || err.message || 'unknown failure' }
}

/**
 * The answer the proxy gives when it could not reach the origin at all: 502 marked `X-Proxy-Error` (and the host in
 * `X-Proxy-Target`), so the app can tell "cannot reach the host" from an answer the origin itself gave.
 */
export function proxyFailureResponse(err: Error & { code?: string }, origin: string): { status: number; headers: Record<string, string>; body: string } {
  const { reason, words } = proxyFailure(err)
  const host = new URL(origin).host
  return {
    status: 502,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Proxy-Error': reason, 'X-Proxy-Target': host, 'Cache-Control': 'no-store' },
    body: `The proxy cannot reach ${host} (${words}).`,
  }
}

export function proxyTable(configFile: URL): Record<string, ProxyOptions> {
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as { proxyRoutes?: Route[] }
  const table: Record<string, ProxyOptions> = {}
  for (const route of config.proxyRoutes ?? []) {
    const prefix = route.prefix
    table[prefix] = {
      target: route.origin,
      changeOrigin: true,
      secure: true,
      rewrite: (path) => path.slice(prefix.length) || '/',
      configure: (proxy) => {
        // runs before Vite's own handler, which then finds the answer already sent
        proxy.on('error', (err, _req, res) => {
          if (!('writeHead' in res) || res.headersSent || res.writableEnded) return
          const answer = proxyFailureResponse(err, route.origin)
          res.writeHead(answer.status, answer.headers).end(answer.body)
        })
        proxy.on('proxyReq', (proxyReq) => {
          // DaCHS answers browser user agents with HTML instead of DataLink VOTables.
          if (route.userAgent) proxyReq.setHeader('User-Agent', route.userAgent)
          // Same-origin for the browser; the upstream sees no cross-site request.
          proxyReq.removeHeader('Origin')
          proxyReq.removeHeader('Cookie')
          proxyReq.removeHeader('X-Redirect-Mode')
          // Authorization, when the app sends one, is forwarded as is (the app decides which origin gets it)
        })
        proxy.on('proxyRes', (proxyRes, req) => {
          const loc = proxyRes.headers.location
          if (typeof loc === 'string') proxyRes.headers.location = rewriteLocation(loc, route)
          // A request carrying credentials asks for its redirect back (browsers hide manual redirects), so the
          // app's HTTP door decides whether the credential may go to the new location.
          if (req.headers['x-redirect-mode'] === 'manual') handBackRedirect(proxyRes)
          // A Basic challenge would make the browser pop its own login dialog; the app asks instead.
          const challenge = proxyRes.headers['www-authenticate']
          if (challenge) {
            delete proxyRes.headers['www-authenticate']
            proxyRes.headers['x-upstream-www-authenticate'] = challenge
          }
          delete proxyRes.headers['set-cookie']
        })
      },
    }
  }
  return table
}
