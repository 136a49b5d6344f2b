import { describe, expect, it } from 'vitest'
import { ang2pixNest, cornersNest, pix2vecNest, pixelSize, vec2pixNest } from './healpix'

const dot = (a: ArrayLike<number>, b: ArrayLike<number>, o = 0) => a[0]! * b[o]! + a[1]! * b[o + 1]! + a[2]! * b[o + 2]!

describe('HEALPix nested', () => {
  it('numbers pixels as an independent implementation does', () => {
    // reference: ivo_healpix_index(order, ra, dec) of the local archive (GAVO DaCHS, NESTED scheme), asked once
    expect(ang2pixNest(0, 0, 0)).toBe(4)
    expect(ang2pixNest(6, 201.365, -43.019)).toBe(43262)
    expect(ang2pixNest(10, 83.6331, 22.0145)).toBe(6191509)
    expect(ang2pixNest(12, 359.9, -0.5)).toBe(71302274)
    expect(ang2pixNest(8, 123.4, 67.8)).toBe(124698)
    expect(ang2pixNest(13, 45.0, -75.0)).toBe(540214259)
  })

  it('puts the base faces where the HEALPix paper draws them', () => {
    // face 0 is centred on (45°, +41.8°), face 5 on (90°, 0), face 8 on (45°, −41.8°); the north pole is face 0's pixel 3 at order 1
    expect(ang2pixNest(0, 45, 41.8)).toBe(0)
    expect(ang2pixNest(0, 90, 0)).toBe(5)
    expect(ang2pixNest(0, 45, -41.8)).toBe(8)
    expect(ang2pixNest(1, 45, 89.99)).toBe(3)
  })

  it('finds each pixel from its own centre, at every order up to 4', () => {
    for (let order = 0; order <= 4; order++) {
      const n = 12 * 4 ** order
      for (let p = 0; p < n; p++) {
        const [x, y, z] = pix2vecNest(order, p)
        expect(Math.hypot(x, y, z)).toBeCloseTo(1, 12)
        if (vec2pixNest(order, x, y, z) !== p) throw new Error(`order ${order}: pixel ${p} not found from its centre`)
      }
    }
  })

  it('puts the corners about a pixel size from the centre', () => {
    const out = new Float64Array(12)
    for (const [order, p] of [[3, 0], [3, 400], [7, 12345], [10, 5_000_000]] as const) {
      const c = pix2vecNest(order, p)
      cornersNest(order, p, out)
      for (let k = 0; k < 4; k++) {
        const d = Math.acos(Math.min(1, dot(c, out, 3 * k)))
        expect(d).toBeGreaterThan(0.3 * pixelSize(order))
        expect(d).toBeLessThan(1.2 * pixelSize(order))
      }
    }
  })
})
