import { describe, expect, it } from 'vitest'
import { base64Room, decodeBase64, decodeBase64Js } from './base64'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function encode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '='
  }
  return out
}

function bytes(n: number, seed = 7): Uint8Array {
  const b = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24
  return b
}

/** the large-input decoder must give exactly what the portable one gives, whatever the platform path */
function same(s: string, a = 0, b = s.length) {
  const fast = decodeBase64(s, a, b)
  const js = decodeBase64Js(s, a, b)
  expect({ ...fast, bytes: [...fast.bytes] }).toEqual({ ...js, bytes: [...js.bytes] })
  return fast
}

describe('decodeBase64 on large streams', () => {
  it('decodes a long stream exactly, with and without padding', () => {
    for (const n of [9000, 9001, 9002]) {
      const data = bytes(n)
      const r = same(encode(data))
      expect(r.errorAt).toBe(-1)
      expect(r.partial).toBe(false)
      expect([...r.bytes]).toEqual([...data])
    }
  })

  it('decodes a range inside a document', () => {
    const data = bytes(6000)
    const s = `<STREAM encoding="base64">${encode(data)}</STREAM>`
    const a = s.indexOf('>') + 1
    const r = same(s, a, s.indexOf('<', a))
    expect([...r.bytes]).toEqual([...data])
  })

  it('reports a stream cut inside a 4-character group as partial, resuming after the last whole group', () => {
    const text = encode(bytes(9003)).slice(0, 12_001)
    const r = same(text)
    expect(r.partial).toBe(true)
    expect(r.end).toBe(12_000)
    expect(r.bytes.length).toBe(9000)
  })

  it('reads wrapped lines like the portable decoder', () => {
    const text = encode(bytes(9000)).replace(/(.{76})/g, '$1\n')
    const r = same(text)
    expect([...r.bytes]).toEqual([...bytes(9000)])
  })

  it('locates a bad character even deep in a large stream', () => {
    const text = encode(bytes(9000))
    const bad = text.slice(0, 8000) + '*' + text.slice(8001)
    const r = same(bad)
    expect(r.errorAt).toBe(8000)
  })

  it('rejects data after padding at its position', () => {
    const text = encode(bytes(8999)) + encode(bytes(3))
    const r = same(text)
    expect(r.errorAt).toBeGreaterThan(0)
  })
})

describe('decodeBase64 into a given buffer', () => {
  it('writes the bytes there, at any size, and gives a view of it', () => {
    for (const n of [10, 5000, 40000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7919) & 255)
      const text = Buffer.from(bytes).toString('base64')
      const into = new Uint8Array(base64Room(text.length) + 5)
      const r = decodeBase64(text, 0, text.length, into)
      expect(r.bytes.buffer).toBe(into.buffer)
      expect(r.bytes.byteOffset).toBe(0)
      expect([...r.bytes]).toEqual([...bytes])
    }
  })
})
