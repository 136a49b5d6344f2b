import type { ProxyRoute } from '../config/types'

/**
 * Maps service URLs onto same-origin proxy prefixes and back.
 * Services return absolute URLs (UWS job locations, access_url, DataLink links);
 * every URL that goes through `toRequestUrl` is rewritten when its origin is a configured one.
 */
export class ProxyMap {
  private readonly routes: ProxyRoute[]

  constructor(
    routes: ProxyRoute[],
    /** Origin of the page that serves the proxy prefixes, e.g. `http://127.0.0.1:5173`. */
    private readonly appOrigin: string,
    /** Origins (of `routes`) to reach through the proxy; others go direct. */
    private readonly proxiedOrigins: ReadonlySet<string> = new Set(routes.map((r) => r.origin)),
  ) {
    // longest prefix first so /proxy/a-b is not taken for /proxy/a
    this.routes = [...routes].sort((a, b) => b.prefix.length - a.prefix.length)
  }

  /** The URL the browser should request for a service URL. */
  toRequestUrl(serviceUrl: string): string {
    const url = new URL(serviceUrl, this.appOrigin)
    if (url.origin === this.appOrigin) return url.href
    const route = this.routes.find((r) => r.origin === url.origin && this.proxiedOrigins.has(r.origin))
    if (!route) return url.href
    return `${this.appOrigin}${route.prefix}${url.pathname}${url.search}${url.hash}`
  }

  /** The service URL behind a (possibly proxied) URL, for display and for identity (job ids, bookmarks). */
  toServiceUrl(requestUrl: string): string {
    const url = new URL(requestUrl, this.appOrigin)
    if (url.origin !== this.appOrigin) return url.href
    for (const r of this.routes) {
      if (url.pathname === r.prefix || url.pathname.startsWith(r.prefix + '/')) {
        return `${r.origin}${url.pathname.slice(r.prefix.length) || '/'}${url.search}${url.hash}`
      }
    }
    return url.href
  }

  /** True when the deployment has a proxy route for this URL's origin (whether or not the profile uses it). */
  hasRoute(serviceUrl: string): boolean {
    const origin = new URL(serviceUrl, this.appOrigin).origin
    return this.routes.some((r) => r.origin === origin)
  }

  /** True when requests to this service URL leave the page's origin (so CORS applies). */
  isCrossOrigin(serviceUrl: string): boolean {
    return new URL(this.toRequestUrl(serviceUrl)).origin !== this.appOrigin
  }
}
