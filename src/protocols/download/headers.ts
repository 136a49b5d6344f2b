/** What a download is called and how big it is, read from a service's response headers (pure; no DOM). */

/** A file name only, never a path; control characters and quotes would break the Content-Disposition we write. */
function plainName(name: string): string {
  return name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f"]/g, '').trim() || 'download'
}

/** The file name a service gives in Content-Disposition (RFC 6266, filename* preferred), else the URL's last path segment. */
export function filenameOf(headers: Headers, url: string): string {
  const cd = headers.get('Content-Disposition') ?? ''
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(cd)?.[1]
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/i.exec(cd)
  let name: string | undefined
  if (star) {
    try {
      name = decodeURIComponent(star.trim())
    } catch {
      name = undefined
    }
  }
  name ??= plain?.[1] ?? plain?.[2]
  if (!name) {
    try {
      name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '')
    } catch {
      name = ''
    }
  }
  return plainName(name)
}

/** Bytes the body will have, when the service says so; unknown when it is compressed (Content-Length counts the wire). */
export function knownSize(headers: Headers): number | undefined {
  const encoding = (headers.get('Content-Encoding') ?? 'identity').trim().toLowerCase()
  if (encoding !== 'identity') return undefined
  const length = headers.get('Content-Length')
  if (!length || !/^\d+$/.test(length.trim())) return undefined
  return Number(length)
}

/** `attachment` with an ASCII fallback name and the exact name as RFC 5987 `filename*`, so any name survives. */
export function attachmentDisposition(name: string): string {
  const clean = plainName(name)
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/[%\\]/g, '_')
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
