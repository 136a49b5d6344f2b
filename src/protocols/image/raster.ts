/**
 * Raster images only: a preview is drawn (an <img> of a blob: URL, an ImageBitmap on the sky) only when its declared
 * content type AND its first bytes say PNG, JPEG, GIF or WebP. SVG (it can carry scripts) and everything else never are.
 */

export type RasterType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'

const DECLARED: Record<string, RasterType> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/gif': 'image/gif',
  'image/webp': 'image/webp',
}

/** The raster type a content type names (parameters and case ignored), undefined for any other type. */
export function declaredRaster(contentType: string | null | undefined): RasterType | undefined {
  return DECLARED[(contentType ?? '').split(';')[0]!.trim().toLowerCase()]
}

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v)

/** The raster type the first bytes are (magic numbers), undefined when none of PNG, JPEG, GIF, WebP. */
export function sniffRaster(bytes: Uint8Array): RasterType | undefined {
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif'
  if (starts(bytes, [0x52, 0x49, 0x46, 0x46]) && starts(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  return undefined
}

/** The raster type when the declared type and the bytes agree (JPEG declared as JPEG…); undefined otherwise. */
export function checkedRaster(contentType: string | null | undefined, bytes: Uint8Array): RasterType | undefined {
  const declared = declaredRaster(contentType)
  return declared && sniffRaster(bytes) === declared ? declared : undefined
}
