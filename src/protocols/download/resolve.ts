/** Resolves download targets to files: each DataLink document is fetched (a few at a time) and its `#this` links kept. */
import type { HttpClient } from '../http'
import { classifySemantics, fetchLinks, linkErrors, parseLinksBody, type DataLinkResult, type FetchLinksOptions } from '../datalink'
import type { DownloadTarget } from './targets'

/** A DataLink document is small; a VOTable larger than this is taken as a product, not read to find out. */
const DATALINK_PROBE_LIMIT = 4 << 20

/**
 * What a link without a declared format really is, by what the service answers: a DataLink VOTable (its `#this`
 * rows are the files) or a file (its content type and size from the headers). ObsCore's access_format is optional.
 */
export async function probeLink(http: HttpClient, url: string, signal?: AbortSignal): Promise<{ links: DataLinkResult } | { contentType?: string; size?: number }> {
  const res = await http.request(url, { signal })
  const contentType = res.headers.get('Content-Type') ?? undefined
  const length = Number(res.headers.get('Content-Length') ?? NaN)
  const size = Number.isFinite(length) && length >= 0 ? length : undefined
  const maybeVOTable = /votable|xml/i.test(contentType ?? '') && (size === undefined || size <= DATALINK_PROBE_LIMIT)
  if (!maybeVOTable) {
    await res.body?.cancel().catch(() => {})
    return { contentType, size }
  }
  const body = await res.arrayBuffer()
  try {
    return { links: parseLinksBody(body, url) }
  } catch {
    // a VOTable or XML file that is not DataLink: a product like any other
    return { contentType, size: size ?? body.byteLength }
  }
}

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
      let links: DataLinkResult
      if (t.file && t.file.contentType) return [{ row: t.row, label: t.label, ...t.file }]
      if (t.file) {
        const probed = await probeLink(http, t.file.url, opts.signal)
        if (!('links' in probed)) return [{ row: t.row, label: t.label, ...t.file, ...(probed.contentType ? { contentType: probed.contentType } : {}), size: t.file.size ?? probed.size }]
        links = probed.links
      } else if (!t.datalink) return { row: t.row, label: t.label, reason: 'the row has no access_url, datalink_url or dp_id' }
      else links = await fetchLinks(http, t.datalink, { baseUrl: opts.baseUrl, idTemplate: opts.idTemplate, signal: opts.signal, timeoutMs: opts.timeoutMs })
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
