import { describe, expect, it } from 'vitest'
import { attachmentDisposition, filenameOf, knownSize } from './headers'

const h = (init: Record<string, string>) => new Headers(init)

describe('filenameOf', () => {
  it('takes the quoted filename of Content-Disposition', () => {
    expect(filenameOf(h({ 'Content-Disposition': 'attachment; filename="ADP.2021-05-10T12:00:01.001_proc.fits"' }), 'http://x/dlget?ID=1')).toBe('ADP.2021-05-10T12:00:01.001_proc.fits')
  })
  it('prefers filename* (UTF-8) over filename', () => {
    expect(filenameOf(h({ 'Content-Disposition': `attachment; filename="a.fits"; filename*=UTF-8''%C3%A9ta%20Car.fits` }), 'http://x/y')).toBe('éta Car.fits')
  })
  it('takes an unquoted filename', () => {
    expect(filenameOf(h({ 'Content-Disposition': 'attachment; filename=cube.fits' }), 'http://x/y')).toBe('cube.fits')
  })
  it('falls back to the last path segment of the URL', () => {
    expect(filenameOf(h({}), 'http://127.0.0.1:18111/getproduct/eso/data/spec/ADP.2019-01-15T15_50_07.007.fits')).toBe('ADP.2019-01-15T15_50_07.007.fits')
  })
  it('never returns a path, quotes or control characters', () => {
    expect(filenameOf(h({ 'Content-Disposition': 'attachment; filename="../../etc/passwd"' }), 'http://x/y')).toBe('.._.._etc_passwd')
    expect(filenameOf(h({ 'Content-Disposition': `attachment; filename*=UTF-8''a%0D%0A%22b.fits` }), 'http://x/y')).toBe('ab.fits')
  })
  it('names an empty result "download"', () => {
    expect(filenameOf(h({}), 'http://x/')).toBe('download')
    expect(filenameOf(h({ 'Content-Disposition': `attachment; filename*=UTF-8''%E0%A4%A` }), 'http://x/')).toBe('download')
  })
})

describe('knownSize', () => {
  it('reads Content-Length', () => {
    expect(knownSize(h({ 'Content-Length': '40320' }))).toBe(40320)
  })
  it('is unknown without it, or when it is not a number', () => {
    expect(knownSize(h({}))).toBeUndefined()
    expect(knownSize(h({ 'Content-Length': '12abc' }))).toBeUndefined()
  })
  it('is unknown for a compressed body (the length counts compressed bytes)', () => {
    expect(knownSize(h({ 'Content-Length': '100', 'Content-Encoding': 'gzip' }))).toBeUndefined()
    expect(knownSize(h({ 'Content-Length': '100', 'Content-Encoding': 'identity' }))).toBe(100)
  })
})

describe('attachmentDisposition', () => {
  it('gives an attachment with both name forms', () => {
    expect(attachmentDisposition('ADP.2019-01-15T15_50_07.007.fits')).toBe(`attachment; filename="ADP.2019-01-15T15_50_07.007.fits"; filename*=UTF-8''ADP.2019-01-15T15_50_07.007.fits`)
  })
  it('keeps non-ASCII names exact in filename* and readable in filename', () => {
    const cd = attachmentDisposition('éta Car (1).fits')
    expect(cd).toBe(`attachment; filename="_ta Car (1).fits"; filename*=UTF-8''%C3%A9ta%20Car%20%281%29.fits`)
    expect(filenameOf(h({ 'Content-Disposition': cd }), 'http://x/y')).toBe('éta Car (1).fits')
  })
  it('cannot be broken out of by quotes, CR/LF or paths in the name', () => {
    const cd = attachmentDisposition('a"\r\nX-Evil: 1/b.fits')
    expect(cd).not.toMatch(/[\r\n]/)
    expect(cd).toBe(`attachment; filename="aX-Evil: 1_b.fits"; filename*=UTF-8''aX-Evil%3A%201_b.fits`)
  })
})
