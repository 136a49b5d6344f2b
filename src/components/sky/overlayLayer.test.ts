import { describe, expect, it } from 'vitest'
import { unitVector } from './footprints'
import { followMatrix } from './overlayLayer'
import { fitProjection, project, type ViewProjection } from './projection'

const RAD = Math.PI / 180

/** A SIN view as Aladin draws it (east to the left, north up), fitted as the engine fits it. */
function view(ra: number, dec: number, fovDeg: number, width = 600, height = 480): ViewProjection {
  const c = unitVector(ra, dec)
  const e = [-Math.sin(ra * RAD), Math.cos(ra * RAD), 0]
  const n = [c[1] * e[2]! - c[2] * e[1]!, c[2] * e[0]! - c[0] * e[2]!, c[0] * e[1]! - c[1] * e[0]!]
  const scale = width / (fovDeg * RAD)
  const world2pix = (r: number, d: number): [number, number] | null => {
    const v = unitVector(r, d)
    if (v[0] * c[0] + v[1] * c[1] + v[2] * c[2] <= 0) return null
    const X = v[0] * e[0]! + v[1] * e[1]! + v[2] * e[2]!
    const Y = v[0] * n[0]! + v[1] * n[1]! + v[2] * n[2]!
    return [width / 2 - scale * X, height / 2 - scale * Y]
  }
  return fitProjection(ra, dec, [fovDeg, (fovDeg * height) / width], width, height, world2pix)!
}

const pixelOf = (p: ViewProjection, ra: number, dec: number) => {
  const v = unitVector(ra, dec)
  return project(p, v[0] * p.e[0] + v[1] * p.e[1] + v[2] * p.e[2], v[0] * p.n[0] + v[1] * p.n[1] + v[2] * p.n[2])
}

describe('followMatrix', () => {
  it('carries the last drawing to where the same sky is after a pan and a zoom (to a fraction of a pixel)', () => {
    const from = view(201.365, -43.019, 6)
    const to = view(201.9, -42.6, 5)
    const m = followMatrix(from, to)!
    expect(m).toBeDefined()
    for (const [ra, dec] of [[201.365, -43.019], [203, -42], [200.2, -44.5], [202.4, -41.5]] as const) {
      const [x, y] = pixelOf(from, ra, dec)
      const [X, Y] = pixelOf(to, ra, dec)
      expect(Math.hypot(m[0] * x + m[2] * y + m[4] - X, m[1] * x + m[3] * y + m[5] - Y)).toBeLessThan(0.5)
    }
  })

  it('is the identity for the same view', () => {
    const p = view(10, 20, 2)
    const m = followMatrix(p, p)!
    expect(m.map((x) => Math.round(x * 1e6) / 1e6 + 0)).toEqual([1, 0, 0, 1, 0, 0])
  })

  it('gives up when the views are too far apart for one picture to stand for the other', () => {
    expect(followMatrix(view(0, 0, 6), view(180, 0, 6))).toBeUndefined()
    expect(followMatrix(view(0, 0, 6), view(0, 0, 0.5))).toBeUndefined()
  })
})
