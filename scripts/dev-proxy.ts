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
        proxy.on('proxyReq', (proxyReq) => {
          // DaCHS answers browser user agents with HTML instead of DataLink VOTables.
          if (route.userAgent) proxyReq.setHeader('User-Agent', route.userAgent)
          // Same-origin for the browser; the upstream sees no cross-site request.
          proxyReq.removeHeader('Origin')
          proxyReq.removeHeader('Cookie')
        })
        proxy.on('proxyRes', (proxyRes) => {
          const loc = proxyRes.headers.location
          if (typeof loc === 'string') proxyRes.headers.location = rewriteLocation(loc, route)
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
