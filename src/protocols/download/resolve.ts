/** Resolves download targets to files: each DataLink document is fetched (a few at a time) and its `#this` links kept. */
import type { HttpClient } from '../http'
import { classifySemantics, fetchLinks, linkErrors, type FetchLinksOptions } from '../datalink'
import type { DownloadTarget } from './targets'

export interface ResolvedFile {
  row: number
  label: string
  /** the file's service URL (not the app's proxy) */
  url: string
  /** bytes, when DataLink content_length or the row's estimate gives it */
  size?: number
  contentType?: string
}

export interface Unresolved {
  row: number
  label: string
  reason: string
}

export interface Resolution {
  files: ResolvedFile[]
  unresolved: Unresolved[]
}

export interface ResolveOptions extends Pick<FetchLinksOptions, 'baseUrl' | 'idTemplate' | 'timeoutMs'> {
  /** DataLink requests at once (default 4) */
  concurrency?: number
  signal?: AbortSignal
  /** called after each target with the number done so far */
  onProgress?: (done: number, total: number) => void
}

/** Runs `work` over `items` with at most `limit` running at once, in order of the items. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await work(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane))
  return out
}

/** The `#this` files of every target. A target whose DataLink fails or has no `#this` is reported, not thrown; cancelling throws. */
export async function resolveFiles(http: HttpClient, targets: readonly DownloadTarget[], opts: ResolveOptions = {}): Promise<Resolution> {
  let done = 0
  const results = await mapLimited(targets, opts.concurrency ?? 4, async (t): Promise<ResolvedFile[] | Unresolved> => {
    try {
      if (t.file) return [{ row: t.row, label: t.label, ...t.file }]
      if (!t.datalink) return { row: t.row, label: t.label, reason: 'the row has no access_url, datalink_url or dp_id' }
      const links = await fetchLinks(http, t.datalink, { baseUrl: opts.baseUrl, idTemplate: opts.idTemplate, signal: opts.signal, timeoutMs: opts.timeoutMs })
      const files = links.rows
        .filter((r) => r.accessUrl && classifySemantics(r, links.descriptors) === 'this')
        .map((r): ResolvedFile => {
          const f: ResolvedFile = { row: t.row, label: t.label, url: r.accessUrl! }
          if (r.contentLength !== undefined) f.size = r.contentLength
          if (r.contentType) f.contentType = r.contentType
          return f
        })
      // one file without content_length: the row's own estimate stands in
      if (files.length === 1 && files[0]!.size === undefined && t.estimatedSize !== undefined) files[0]!.size = t.estimatedSize
      if (files.length) return files
      const errors = linkErrors(links)
      return { row: t.row, label: t.label, reason: errors.length ? errors.join('; ') : 'its DataLink lists no #this file' }
    } catch (e) {
      if (opts.signal?.aborted) throw e
      return { row: t.row, label: t.label, reason: (e as Error).message }
    } finally {
      opts.onProgress?.(++done, targets.length)
    }
  })
  const resolution: Resolution = { files: [], unresolved: [] }
  for (const r of results) {
    if (Array.isArray(r)) resolution.files.push(...r)
    else resolution.unresolved.push(r)
  }
  return resolution
}
