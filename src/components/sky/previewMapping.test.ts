import { describe, expect, it } from 'vitest'
import { containBox, imageCorners, squareToQuad, triangleAffine, type Pt } from './previewMapping'

const apply = (m: number[], [x, y]: Pt) => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!]

describe('preview on the footprint', () => {
  it('puts the north-east corner top left, whatever order the footprint lists its corners in', () => {
    // the archive's FORS2 product: corners listed E-S, E-N, W-N, W-S
    const v: Pt[] = [[265.1987266, -53.6881472], [265.1987113, -53.6605083], [265.1520687, -53.6605083], [265.1520534, -53.6881472]]
    const [tl, tr, br, bl] = imageCorners(v)!
    expect(tl).toEqual(v[1]) // east (larger RA), north
    expect(tr).toEqual(v[2])
    expect(br).toEqual(v[3])
    expect(bl).toEqual(v[0])
    // listed the other way round and starting elsewhere: the same corners
    expect(imageCorners([v[3]!, v[2]!, v[1]!, v[0]!])).toEqual([tl, tr, br, bl])
    expect(imageCorners(v.slice(0, 3))).toBeUndefined()
  })
  it('handles a rotated footprint across RA 0', () => {
    // corners at position angles 100°, 10°, 280°, 190° about (0, 0): top left is the one nearest north-east (10°)
    const at = (pa: number): Pt => [(0.1 * Math.sin((pa * Math.PI) / 180) + 360) % 360, 0.1 * Math.cos((pa * Math.PI) / 180)]
    const v = [at(100), at(10), at(280), at(190)]
    expect(imageCorners(v)).toEqual([v[1], v[2], v[3], v[0]])
  })
  it('maps the unit square onto a quadrilateral, corners exactly, and a parallelogram affinely', () => {
    const q: [Pt, Pt, Pt, Pt] = [[10, 10], [110, 20], [120, 90], [5, 100]]
    const f = squareToQuad(q)
    expect(f(0, 0)).toEqual([10, 10])
    for (const [[u, v], p] of [[[1, 0], q[1]], [[1, 1], q[2]], [[0, 1], q[3]]] as const) {
      const [x, y] = f(u, v)
      expect(x).toBeCloseTo(p[0], 9)
      expect(y).toBeCloseTo(p[1], 9)
    }
    const g = squareToQuad([[0, 0], [10, 0], [15, 5], [5, 5]])
    expect(g(0.5, 0.5)[0]).toBeCloseTo(7.5, 9)
    expect(g(0.5, 0.5)[1]).toBeCloseTo(2.5, 9)
  })
  it('finds the affine transform of one triangle onto another', () => {
    const src: [Pt, Pt, Pt] = [[0, 0], [200, 0], [0, 100]]
    const dst: [Pt, Pt, Pt] = [[30, 40], [80, 60], [20, 90]]
    const m = triangleAffine(src, dst)!
    for (let i = 0; i < 3; i++) {
      const [x, y] = apply(m, src[i]!)
      expect(x).toBeCloseTo(dst[i]![0], 9)
      expect(y).toBeCloseTo(dst[i]![1], 9)
    }
    expect(triangleAffine([[0, 0], [1, 1], [2, 2]], dst)).toBeUndefined()
  })
  it('fits an image into a box keeping its aspect', () => {
    expect(containBox({ x: 0, y: 0, w: 200, h: 100 }, 50, 50)).toEqual({ x: 50, y: 0, w: 100, h: 100 })
  })
})
