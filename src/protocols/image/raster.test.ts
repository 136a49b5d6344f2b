import { describe, expect, it } from 'vitest'
import { checkedRaster, declaredRaster, sniffRaster } from './raster'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])
const GIF = new TextEncoder().encode('GIF89a\x01\x00')
const WEBP = new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 ')
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')

describe('raster previews', () => {
  it('knows PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect(sniffRaster(PNG)).toBe('image/png')
    expect(sniffRaster(JPEG)).toBe('image/jpeg')
    expect(sniffRaster(GIF)).toBe('image/gif')
    expect(sniffRaster(WEBP)).toBe('image/webp')
    expect(sniffRaster(SVG)).toBeUndefined()
    expect(sniffRaster(new Uint8Array([0x89, 0x50]))).toBeUndefined()
  })
  it('reads declared types with parameters and aliases, never SVG', () => {
    expect(declaredRaster('IMAGE/PNG; charset=binary')).toBe('image/png')
    expect(declaredRaster('image/jpg')).toBe('image/jpeg')
    expect(declaredRaster('image/svg+xml')).toBeUndefined()
    expect(declaredRaster('text/html')).toBeUndefined()
    expect(declaredRaster(undefined)).toBeUndefined()
  })
  it('needs the declared type and the bytes to agree', () => {
    expect(checkedRaster('image/png', PNG)).toBe('image/png')
    expect(checkedRaster('image/png', SVG)).toBeUndefined()
    expect(checkedRaster('image/svg+xml', PNG)).toBeUndefined()
    expect(checkedRaster('image/jpeg', PNG)).toBeUndefined()
  })
})
