/**
 * Too many footprints to draw one by one: their centres counted in HEALPix cells (nested scheme) and drawn as a
 * density map, the cell size following the zoom (a few pixels a cell). Counts for every order are built once per
 * result set by merging the finest order's sorted cells upwards; a frame visits the cells of one order only.
 */
import { FootprintKind, type FootprintStore } from './footprints'
import { cornersNest, pix2vecNest, pixelSize, vec2pixNest } from './healpix'
import type { ViewProjection } from './projection'

/** The footprint budget: past this many in view, a density map is drawn instead of the footprints. */
export const DENSITY_ABOVE = 100_000
/** The finest cells: order 11, about 1.7′ a side. */
export const FINEST_ORDER = 11
/** Cells are drawn at least this many pixels a side (the order is the finest that keeps them so). */
const MIN_CELL_PX = 6
/** Colours from few to many (log scale), dark blue through orange to pale yellow. */
export const DENSITY_RAMP = ['#2c1e6e', '#3a3397', '#2f5fb3', '#1f8fb0', '#33b58a', '#8fcf4c', '#f0c93a', '#fff2a8']

interface Level {
  cells: Int32Array
  counts: Uint32Array
  /** Cell centres as unit vectors, computed on first use (for the coarse orders that find the cells in view). */
  centres?: Float64Array
}

export interface DensityStats {
  order: number
  cells: number
  /** The most positions in one drawn cell. */
  max: number
  /** Positions in the cells drawn. */
  positions: number
}

export class DensityMap {
  private levels: Level[] = []
  readonly total: number

  /** (Only the footprints' kinds and bounding cones are read: a worker gets those alone.) */
  constructor(store: Pick<FootprintStore, 'count' | 'kind' | 'cone'>) {
    const pix = new Int32Array(store.count)
    let n = 0
    for (let f = 0; f < store.count; f++) {
      if (store.kind[f] === FootprintKind.None) continue
      pix[n++] = vec2pixNest(FINEST_ORDER, store.cone[4 * f]!, store.cone[4 * f + 1]!, store.cone[4 * f + 2]!)
    }
    this.total = n
    const sorted = pix.subarray(0, n).sort()
    let level = runs(sorted, new Uint32Array(n).fill(1), 0)
    this.levels[FINEST_ORDER] = level
    for (let o = FINEST_ORDER - 1; o >= 0; o--) this.levels[o] = level = runs(level.cells, level.counts, 2)
  }

  /** The non-empty cells of `order` that may meet the view (their centre within the view radius plus a cell). */
  private cellsInView(order: number, p: ViewProjection): number[] {
    const level = this.levels[order]!
    const centres = (level.centres ??= centresOf(order, level.cells))
    // a cell's farthest point is within about its side from the centre
    const limit = Math.cos(Math.min(Math.PI, p.radius + 1.5 * pixelSize(order)))
    const out: number[] = []
    for (let i = 0; i < level.cells.length; i++) {
      if (centres[3 * i]! * p.c[0] + centres[3 * i + 1]! * p.c[1] + centres[3 * i + 2]! * p.c[2] >= limit) out.push(level.cells[i]!)
    }
    return out
  }

  /** The order drawn for a view: the finest whose cells are still MIN_CELL_PX wide on the screen. */
  orderFor(p: ViewProjection): number {
    let o = FINEST_ORDER
    while (o > 0 && pixelSize(o) * p.scale < MIN_CELL_PX) o--
    return o
  }

  /** Draws the map when more than `above` positions are in view (and says so), else draws nothing and returns undefined. */
  draw(ctx: CanvasRenderingContext2D, p: ViewProjection, above: number): DensityStats | undefined {
    const order = this.orderFor(p)
    // the cells in view found through coarse cells (a nested cell's children are a contiguous range), so that a
    // frame never visits every fine cell; their counts also tell whether the view holds more than `above`
    const coarse = Math.max(0, order - 4)
    const ranges = this.cellsInView(coarse, p)
    const level = this.levels[order]!
    const cx = p.c[0], cy = p.c[1], cz = p.c[2]
    const limit = Math.cos(Math.min(Math.PI, p.radius + pixelSize(order)))
    const visible: number[] = []
    let max = 0
    let positions = 0
    const shift = 2 * (order - coarse)
    for (const c of ranges) {
      for (let i = lowerBound(level.cells, c * 4 ** (order - coarse)), end = (c + 1) * 2 ** shift; i < level.cells.length && level.cells[i]! < end; i++) {
        const [x, y, z] = pix2vecNest(order, level.cells[i]!)
        const d = x * cx + y * cy + z * cz
        if (d < limit || d <= 0.02) continue
        visible.push(i)
        positions += level.counts[i]!
        if (level.counts[i]! > max) max = level.counts[i]!
      }
    }
    if (positions <= above) return undefined
    const bins: number[][] = DENSITY_RAMP.map(() => [])
    const scale = Math.log(1 + max)
    for (const i of visible) bins[Math.min(DENSITY_RAMP.length - 1, Math.floor((Math.log(1 + level.counts[i]!) / scale) * DENSITY_RAMP.length))]!.push(level.cells[i]!)
    const corners = new Float64Array(12)
    ctx.save()
    ctx.globalAlpha = 0.75
    for (let b = 0; b < bins.length; b++) {
      if (!bins[b]!.length) continue
      ctx.fillStyle = DENSITY_RAMP[b]!
      ctx.beginPath()
      for (const cell of bins[b]!) {
        cornersNest(order, cell, corners)
        for (let k = 0; k < 4; k++) {
          const x = corners[3 * k]!, y = corners[3 * k + 1]!, z = corners[3 * k + 2]!
          const X = x * p.e[0] + y * p.e[1] + z * p.e[2]
          const Y = x * p.n[0] + y * p.n[1] + z * p.n[2]
          const px = p.a * X + p.b * Y + p.tx
          const py = p.d * X + p.f * Y + p.ty
          if (k === 0) ctx.moveTo(px, py)
          else ctx.lineTo(px, py)
        }
        // (a fill closes each cell itself: closePath per cell cost more than the rest of the frame)
      }
      ctx.fill()
    }
    ctx.restore()
    return { order, cells: visible.length, max, positions }
  }
}

/** Runs of equal values of sorted `cells >> shift`, with their summed counts. */
function runs(cells: Int32Array, counts: Uint32Array, shift: number): Level {
  const outCells = new Int32Array(cells.length)
  const outCounts = new Uint32Array(cells.length)
  let n = -1
  let last = -1
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]! >>> shift
    if (c !== last) {
      outCells[++n] = last = c
      outCounts[n] = 0
    }
    outCounts[n] += counts[i]!
  }
  return { cells: outCells.slice(0, n + 1), counts: outCounts.slice(0, n + 1) }
}

/** The first index of sorted `a` whose value is ≥ v. */
function lowerBound(a: Int32Array, v: number): number {
  let lo = 0, hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

function centresOf(order: number, cells: Int32Array): Float64Array {
  const out = new Float64Array(3 * cells.length)
  for (let i = 0; i < cells.length; i++) out.set(pix2vecNest(order, cells[i]!), 3 * i)
  return out
}
