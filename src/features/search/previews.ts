/**
 * Preview thumbnails: a row's DataLink `#preview`, fetched through the app's HTTP door (so the credential rules
 * apply) and shown as a blob: URL in an <img> (and drawn on the sky from the same blob). Only raster images are
 * shown, by the answer's content type AND its first bytes (PNG, JPEG, GIF, WebP): an SVG (it can carry scripts) or
 * anything else is never put in the page, only named.
 */
import type { HttpClient } from '../../protocols/http'
import { fetchLinks, type DataLinkTarget } from '../../protocols/datalink'
import { checkedRaster, declaredRaster } from '../../protocols/image/raster'

export type Preview = { url: string; type: string; blob: Blob } | { note: string }

/** What to do with a preview of this content type: show it (raster) or the note a user reads instead. */
export function previewDecision(contentType: string | undefined): { show: true; type: string } | { show: false; note: string } {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  const raster = declaredRaster(type)
  if (raster) return { show: true, type: raster }
  if (/svg/.test(type)) return { show: false, note: 'preview not shown: SVG' }
  return { show: false, note: type ? `preview not shown: ${type}` : 'preview not shown: unknown type' }
}

export interface PreviewOptions {
  baseUrl?: string
  idTemplate?: string
  /** at most this many DataLink + image requests at once (default 4) */
  concurrency?: number
}

/** Loads previews on demand (once per key), a few at a time; `dispose` revokes every object URL it made. */
export class PreviewLoader {
  private cache = new Map<string, Promise<Preview>>()
  private urls: string[] = []
  private running = 0
  private waiting: (() => void)[] = []
  private abort = new AbortController()
  constructor(
    private http: HttpClient,
    private opts: PreviewOptions = {},
  ) {}

  get(key: string, target: DataLinkTarget): Promise<Preview> {
    let p = this.cache.get(key)
    if (!p) {
      p = this.limited(() => this.load(target))
      this.cache.set(key, p)
    }
    return p
  }

  /** The preview if it is already there (for a cell drawn again). */
  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= (this.opts.concurrency ?? 4)) await new Promise<void>((go) => this.waiting.push(go))
    this.running++
    try {
      return await work()
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }

  private async load(target: DataLinkTarget): Promise<Preview> {
    const signal = this.abort.signal
    try {
      const links = await fetchLinks(this.http, target, { baseUrl: this.opts.baseUrl, idTemplate: this.opts.idTemplate, signal })
      const link = links.rows.find((r) => /#preview$/.test(r.semantics) && r.accessUrl && !r.errorMessage)
      if (!link?.accessUrl) return { note: 'no preview' }
      // a declared scriptable type is not even fetched
      const declared = link.contentType ? previewDecision(link.contentType) : undefined
      if (declared && !declared.show && /svg/.test(declared.note)) return { note: declared.note }
      const res = await this.http.request(link.accessUrl, { signal })
      const decision = previewDecision(res.headers.get('Content-Type') ?? link.contentType)
      if (!decision.show) return { note: decision.note }
      const bytes = new Uint8Array(await res.arrayBuffer())
      // the bytes must be the image the type says (a "PNG" that is markup is not shown)
      const type = checkedRaster(decision.type, bytes)
      if (!type) return { note: `preview not shown: not a ${decision.type.replace('image/', '').toUpperCase()} image` }
      const blob = new Blob([bytes], { type })
      if (signal.aborted) return { note: 'cancelled' }
      const url = URL.createObjectURL(blob)
      this.urls.push(url)
      return { url, type, blob }
    } catch (e) {
      return { note: signal.aborted ? 'cancelled' : `no preview (${e instanceof Error ? e.message : String(e)})` }
    }
  }

  dispose(): void {
    this.abort.abort()
    for (const u of this.urls) URL.revokeObjectURL(u)
    this.urls = []
    this.cache.clear()
  }
}
