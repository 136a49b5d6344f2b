import { describe, expect, it } from 'vitest'
import { DensityMap, FINEST_ORDER } from './density'
import { buildFootprintStore, unitVector } from './footprints'
import type { ViewProjection } from './projection'

/** An orthographic view of `fov` degrees on a 1000×700 canvas centred on (ra, dec), north up. */
function view(ra: number, dec: number, fov: number): ViewProjection {
  const R = Math.PI / 180
  const c = unitVector(ra, dec)
  const e: [number, number, number] = [-Math.sin(ra * R), Math.cos(ra * R), 0]
  const n: [number, number, number] = [c[1] * e[2] - c[2] * e[1], c[2] * e[0] - c[0] * e[2], c[0] * e[1] - c[1] * e[0]]
  const scale = 1000 / (fov * R)
  return { c, e, n, a: -scale, b: 0, d: 0, f: -scale, tx: 500, ty: 350, width: 1000, height: 700, scale, radius: (fov / 2) * 1.25 * R }
}

/** A canvas context that counts the cells it is asked to fill. */
function recorder() {
  let paths = 0
  const ctx = { save() {}, restore() {}, beginPath() {}, moveTo() { paths++ }, lineTo() {}, fill() {}, globalAlpha: 1, fillStyle: '' }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, cells: () => paths }
}

describe('density map', () => {
  const n = 30000
  let seed = 7
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const ra = Float64Array.from({ length: n }, () => 150 + rnd() * 4)
  const dec = Float64Array.from({ length: n }, () => -30 + rnd() * 4)
  const map = new DensityMap(buildFootprintStore({ regions: new Array(n).fill(null), ra, dec }))

  it('counts every position once, at every cell size', () => {
    expect(map.total).toBe(n)
    const { ctx } = recorder()
    const s = map.draw(ctx, view(152, -28, 10), 0)!
    expect(s.positions).toBe(n)
    expect(s.order).toBeLessThanOrEqual(FINEST_ORDER)
    expect(s.max).toBeGreaterThan(1)
  })

  it('draws one filled cell per cell in view, a few pixels each', () => {
    const r = recorder()
    const s = map.draw(r.ctx, view(152, -28, 10), 0)!
    expect(r.cells()).toBe(s.cells)
    // 10° over 1000 px: cells of at least 6 px are ≥ 0.06°: order 9 (0.11°), not 10 (0.057°)
    expect(s.order).toBe(9)
  })

  it('leaves the footprints to be drawn one by one when the view holds few enough', () => {
    const r = recorder()
    expect(map.draw(r.ctx, view(152, -28, 10), n)).toBeUndefined()
    expect(r.cells()).toBe(0)
    // a small view holds only part of them
    const part = map.draw(recorder().ctx, view(150.5, -29.5, 0.5), 0)!
    expect(part.positions).toBeGreaterThan(0)
    expect(part.positions).toBeLessThan(n / 10)
  })
})
