/**
 * Draws footprints on a 2-D canvas above Aladin, one path per colour. Level of detail: footprints
 * smaller than ~2 px become dots merged on a 2-px raster (aggregated when zoomed out); larger ones
 * are outlined. Only footprints whose bounding cone meets the viewport's cone are visited.
 * Three layers: `draw` the footprints (or the density map: costly for many), `drawOver` what goes over
 * them (cone, selection, marker), `drawHover` the hovered footprint alone, so that hovering redraws only that.
 */
import { FootprintKind, unitVector, type FootprintStore } from './footprints'
import { candidatesInCone } from './gridIndex'
import type { ViewProjection } from './projection'
import { DENSITY_ABOVE, type DensityMap, type DensityStats } from './density'

export const SELECTED_COLOUR = '#ffd400'
export const HOVER_COLOUR = '#ffffff'
/** The click marker. */
export const MARKER_COLOUR = '#ff2bd6'
export const CONE_COLOUR = '#00e5ff'
/** Opacity of the selection's fill, whatever the number of selected footprints that overlap. */
export const SELECTED_FILL_ALPHA = 0.22

export interface DrawInput {
  store: FootprintStore
  /** Colour index per footprint into `colours`. */
  group: Uint16Array
  colours: readonly string[]
  /** 1 for selected footprints. */
  selected: Uint8Array
  hovered: number
  cone?: { ra: number; dec: number; radius: number } | null
  /** The position last clicked (ICRS degrees), marked with a cross. */
  marker?: { ra: number; dec: number } | null
  /** For very many footprints: drawn instead of them when more than DENSITY_ABOVE are in view. */
  density?: DensityMap
}

export interface DrawStats {
  visible: number
  outlines: number
  dots: number
  ms: number
  /** Set when the frame showed a density map instead of the footprints. */
  density?: DensityStats
}

const RAD = Math.PI / 180
const DOT_PX = 2
/** Past this many outlines a frame gets slow on a software canvas; smaller footprints then become dots. */
const OUTLINE_BUDGET = 2500
/** The selection's tint is drawn at this fraction of the canvas resolution. */
const LAYER_SCALE = 0.5
/** Past this many selected footprints in view, their outlines are hairlines too. */
const WIDE_SELECTION_OUTLINES = 60
const BINS_PER_OCTAVE = 8
const BINS = 20 * BINS_PER_OCTAVE

export class FootprintRenderer {
  private stamp = new Uint32Array(0)
  private mark = 0
  private dotGrid = new Uint32Array(0)
  private dotMark = 0
  private bins = new Uint32Array(BINS)

  draw(ctx: CanvasRenderingContext2D, p: ViewProjection, input: DrawInput): DrawStats {
    const t0 = performance.now()
    const { store: s, group, colours } = input
    ctx.clearRect(0, 0, p.width, p.height)
    const cx = p.c[0], cy = p.c[1], cz = p.c[2]
    const outlines: number[][] = colours.map(() => [])
    const dots: number[][] = colours.map(() => [])
    const points: number[][] = colours.map(() => [])
    // the summed radii of each colour's outlines in view: large fields are drawn under small ones
    const sizes = new Float64Array(colours.length)
    if (input.density) {
      const density = input.density.draw(ctx, p, DENSITY_ABOVE)
      if (density) return { visible: density.positions, outlines: 0, dots: 0, ms: performance.now() - t0, density }
    }

    // candidates: the grid for small views, a linear scan of the cones otherwise
    let candidates: ArrayLike<number> | undefined
    if (p.radius < 15 * RAD) {
      if (this.stamp.length < s.count) this.stamp = new Uint32Array(s.count)
      candidates = candidatesInCone(s.index, cx, cy, cz, p.radius, this.stamp, ++this.mark)
    }
    const total = candidates ? candidates.length : s.count
    const gw = Math.ceil(p.width / DOT_PX) + 1
    const gh = Math.ceil(p.height / DOT_PX) + 1
    if (this.dotGrid.length < gw * gh) this.dotGrid = new Uint32Array(gw * gh)
    const dm = ++this.dotMark
    const dotBelow = this.outlineThreshold(s, p, candidates, total)
    let visible = 0
    for (let i = 0; i < total; i++) {
      const f = candidates ? candidates[i]! : i
      const k = s.kind[f]
      if (k === FootprintKind.None) continue
      const o = 4 * f
      const x = s.cone[o]!, y = s.cone[o + 1]!, z = s.cone[o + 2]!
      const r = s.cone[o + 3]!
      const dotc = x * cx + y * cy + z * cz
      if (dotc < Math.cos(Math.min(Math.PI, p.radius + r))) continue
      if (dotc <= 0.02) continue // behind the limb of the orthographic view
      visible++
      const g = group[f]!
      // positions are ringed while few; many become dots merged on the raster like small outlines
      if (k === FootprintKind.Point && total <= OUTLINE_BUDGET) {
        points[g]!.push(f)
        continue
      }
      if (k === FootprintKind.Point || r * p.scale < dotBelow) {
        const X = x * p.e[0] + y * p.e[1] + z * p.e[2]
        const Y = x * p.n[0] + y * p.n[1] + z * p.n[2]
        const px = p.a * X + p.b * Y + p.tx
        const py = p.d * X + p.f * Y + p.ty
        if (px < 0 || py < 0 || px >= p.width || py >= p.height) continue
        const cell = ((py / DOT_PX) | 0) * gw + ((px / DOT_PX) | 0)
        if (this.dotGrid[cell] === dm) continue
        this.dotGrid[cell] = dm
        dots[g]!.push(px, py)
      } else {
        outlines[g]!.push(f)
        sizes[g]! += r
      }
    }

    let outlineCount = 0
    let dotCount = 0
    // 1 px: the software rasteriser draws these as hairlines, far cheaper than wider (or round-joined) strokes,
    // whose outlines it must build and scan-convert (hundreds of ms a frame for 2,000 overlapping fields)
    ctx.lineWidth = 1
    ctx.lineJoin = 'miter'
    // one path per colour, so colours cannot interleave: the colour of the largest fields first, then smaller ones, then
    // those only dots and rings (by mean outline radius), and among equals the most numerous first, so that small
    // or rare footprints of one instrument stay visible over the wide fields of another (in list order, the last
    // colour covered the others)
    const inView = (g: number) => outlines[g]!.length + dots[g]!.length / 2 + points[g]!.length
    const meanSize = (g: number) => (outlines[g]!.length ? sizes[g]! / outlines[g]!.length : 0)
    const order = Array.from(colours, (_, g) => g).sort((a, b) => meanSize(b) - meanSize(a) || inView(b) - inView(a) || a - b)
    for (const g of order) {
      const list = outlines[g]!
      const pts = points[g]!
      const ds = dots[g]!
      if (!list.length && !pts.length && !ds.length) continue
      ctx.strokeStyle = colours[g]!
      ctx.fillStyle = colours[g]!
      if (list.length) {
        ctx.beginPath()
        for (const f of list) this.tracePath(ctx, p, s, f)
        ctx.stroke()
        outlineCount += list.length
      }
      if (ds.length) {
        ctx.beginPath()
        for (let j = 0; j < ds.length; j += 2) ctx.rect(ds[j]! - 1, ds[j + 1]! - 1, DOT_PX, DOT_PX)
        ctx.fill()
        dotCount += ds.length / 2
      }
      if (pts.length) {
        ctx.beginPath()
        for (const f of pts) {
          const [px, py] = this.point(p, s, f)
          ctx.moveTo(px + 3.5, py)
          ctx.arc(px, py, 3.5, 0, 2 * Math.PI)
        }
        ctx.stroke()
      }
    }

    return { visible, outlines: outlineCount, dots: dotCount, ms: performance.now() - t0 }
  }

  /** What goes over the footprints (or the density map): the cone, the selection and hovered footprint, the click marker. */
  drawOver(ctx: CanvasRenderingContext2D, p: ViewProjection, input: DrawInput): void {
    ctx.clearRect(0, 0, p.width, p.height)
    if (input.cone) this.drawCone(ctx, p, input.cone)
    this.drawSelection(ctx, p, input, selectedOf(input, p))
    if (input.marker) drawMarker(ctx, p, input.marker)
  }

  /** The hovered footprint, on a layer of its own: hovering never redraws the selection (hundreds of fills). */
  drawHover(ctx: CanvasRenderingContext2D, p: ViewProjection, input: DrawInput): boolean {
    ctx.clearRect(0, 0, p.width, p.height)
    const h = input.hovered
    if (h < 0 || !inFront(input.store, p, h)) return false
    // a selected footprint stays yellow when hovered; only its fill lightens
    ctx.strokeStyle = input.selected[h] ? SELECTED_COLOUR : HOVER_COLOUR
    ctx.fillStyle = 'rgba(255,255,255,0.22)'
    ctx.lineWidth = 2.5
    ctx.beginPath()
    this.traceHighlight(ctx, p, input.store, h)
    ctx.fill()
    ctx.stroke()
    return true
  }

  /** A highlighted footprint's outline (closed for wide strokes), or a ring around it when it is too small to see. */
  private traceHighlight(c: CanvasRenderingContext2D, p: ViewProjection, s: FootprintStore, f: number) {
    if (s.kind[f] !== FootprintKind.Point && s.cone[4 * f + 3]! * p.scale >= 6) return this.tracePath(c, p, s, f, true)
    const [px, py] = this.point(p, s, f)
    c.moveTo(px + 7, py)
    c.arc(px, py, 7, 0, 2 * Math.PI)
  }

  /**
   * The selected footprints. Their fills are drawn opaque into a layer of their own that is laid over once at a
   * fixed opacity, so that overlapping selections do not add up.
   */
  private drawSelection(ctx: CanvasRenderingContext2D, p: ViewProjection, input: DrawInput, selected: number[]) {
    const s = input.store
    const trace = (c: CanvasRenderingContext2D, f: number) => this.traceHighlight(c, p, s, f)
    if (selected.length) {
      // the tint at half resolution (a quarter of the pixels to scan-convert), laid over smoothed
      const layer = this.layerFor(ctx, LAYER_SCALE)
      if (layer) {
        layer.setTransform(1, 0, 0, 1, 0, 0)
        layer.clearRect(0, 0, layer.canvas.width, layer.canvas.height)
        const t = ctx.getTransform()
        layer.setTransform(t.a * LAYER_SCALE, t.b * LAYER_SCALE, t.c * LAYER_SCALE, t.d * LAYER_SCALE, t.e * LAYER_SCALE, t.f * LAYER_SCALE)
        layer.fillStyle = SELECTED_COLOUR
        layer.beginPath()
        for (const f of selected) trace(layer, f)
        layer.fill('nonzero')
        ctx.save()
        ctx.setTransform(1, 0, 0, 1, 0, 0)
        ctx.globalAlpha = SELECTED_FILL_ALPHA
        ctx.imageSmoothingEnabled = true
        ctx.drawImage(layer.canvas, 0, 0, ctx.canvas.width, ctx.canvas.height)
        ctx.restore()
      }
      ctx.strokeStyle = SELECTED_COLOUR
      // wide strokes cost much more to rasterise than hairlines: a large selection is outlined thinner
      ctx.lineWidth = selected.length > WIDE_SELECTION_OUTLINES ? 1 : 2
      ctx.beginPath()
      for (const f of selected) trace(ctx, f)
      ctx.stroke()
    }
  }

  private layer: CanvasRenderingContext2D | undefined
  /** An offscreen canvas of the target's size times `scale`. */
  private layerFor(ctx: CanvasRenderingContext2D, scale: number): CanvasRenderingContext2D | undefined {
    const width = Math.ceil(ctx.canvas.width * scale)
    const height = Math.ceil(ctx.canvas.height * scale)
    if (!this.layer) {
      const c = typeof document !== 'undefined' ? document.createElement('canvas') : undefined
      this.layer = c?.getContext('2d') ?? undefined
    }
    if (this.layer && (this.layer.canvas.width !== width || this.layer.canvas.height !== height)) {
      this.layer.canvas.width = width
      this.layer.canvas.height = height
    }
    return this.layer
  }

  /** Pixel radius under which footprints are dots: DOT_PX, or higher when too many would be outlined. */
  private outlineThreshold(s: FootprintStore, p: ViewProjection, candidates: ArrayLike<number> | undefined, total: number): number {
    if (total <= OUTLINE_BUDGET) return DOT_PX
    // a histogram of the outlines' pixel radii in eighths of an octave above DOT_PX (no sort of 50k radii a frame)
    const bins = this.bins.fill(0)
    const cx = p.c[0], cy = p.c[1], cz = p.c[2]
    let n = 0
    for (let i = 0; i < total; i++) {
      const f = candidates ? candidates[i]! : i
      if (s.kind[f] !== FootprintKind.Outline) continue
      const o = 4 * f
      const r = s.cone[o + 3]!
      const px = r * p.scale
      if (px < DOT_PX) continue
      const d = s.cone[o]! * cx + s.cone[o + 1]! * cy + s.cone[o + 2]! * cz
      if (d <= 0.02 || d < Math.cos(Math.min(Math.PI, p.radius + r))) continue
      bins[Math.min(BINS - 1, Math.floor(Math.log2(px / DOT_PX) * BINS_PER_OCTAVE))]!++
      n++
    }
    if (n <= OUTLINE_BUDGET) return DOT_PX
    // from the largest down, the bins that fit in the budget are outlined
    let kept = 0
    for (let b = BINS - 1; b >= 0; b--) {
      if (kept + bins[b]! > OUTLINE_BUDGET) return DOT_PX * 2 ** ((b + 1) / BINS_PER_OCTAVE)
      kept += bins[b]!
    }
    return DOT_PX
  }

  private point(p: ViewProjection, s: FootprintStore, f: number): [number, number] {
    const o = 4 * f
    const x = s.cone[o]!, y = s.cone[o + 1]!, z = s.cone[o + 2]!
    const X = x * p.e[0] + y * p.e[1] + z * p.e[2]
    const Y = x * p.n[0] + y * p.n[1] + z * p.n[2]
    return [p.a * X + p.b * Y + p.tx, p.d * X + p.f * Y + p.ty]
  }

  /** One footprint's rings as subpaths; `joined` closes them with closePath (a proper corner join for wide strokes). */
  private tracePath(ctx: CanvasRenderingContext2D, p: ViewProjection, s: FootprintStore, f: number, joined = false) {
    const xyz = s.xyz
    const ex = p.e[0], ey = p.e[1], ez = p.e[2], nx = p.n[0], ny = p.n[1], nz = p.n[2]
    for (let r = s.ringStart[f]!; r < s.ringStart[f + 1]!; r++) {
      const v0 = s.vertStart[r]!
      const v1 = s.vertStart[r + 1]!
      let x0 = 0, y0 = 0
      for (let v = v0; v < v1; v++) {
        const x = xyz[3 * v]!, y = xyz[3 * v + 1]!, z = xyz[3 * v + 2]!
        const X = x * ex + y * ey + z * ez
        const Y = x * nx + y * ny + z * nz
        const px = p.a * X + p.b * Y + p.tx
        const py = p.d * X + p.f * Y + p.ty
        if (v === v0) {
          ctx.moveTo(px, py)
          x0 = px
          y0 = py
        } else ctx.lineTo(px, py)
      }
      // hairlines go back to the first vertex by a line: closePath costs far more in Chromium's canvas (it dominated the frame)
      if (joined) ctx.closePath()
      else if (v1 > v0) ctx.lineTo(x0, y0)
    }
  }

  private drawCone(ctx: CanvasRenderingContext2D, p: ViewProjection, cone: { ra: number; dec: number; radius: number }) {
    const c = [Math.cos(cone.dec * RAD) * Math.cos(cone.ra * RAD), Math.cos(cone.dec * RAD) * Math.sin(cone.ra * RAD), Math.sin(cone.dec * RAD)]
    const e = [-Math.sin(cone.ra * RAD), Math.cos(cone.ra * RAD), 0]
    const n = [c[1]! * e[2]! - c[2]! * e[1]!, c[2]! * e[0]! - c[0]! * e[2]!, c[0]! * e[1]! - c[1]! * e[0]!]
    const ca = Math.cos(cone.radius * RAD)
    const sa = Math.sin(cone.radius * RAD)
    ctx.save()
    ctx.strokeStyle = CONE_COLOUR
    ctx.lineWidth = 1.5
    ctx.setLineDash([6, 4])
    ctx.beginPath()
    let first = true
    for (let i = 0; i <= 128; i++) {
      const t = (i / 128) * 2 * Math.PI
      const v = [0, 1, 2].map((k) => ca * c[k]! + sa * (Math.cos(t) * n[k]! + Math.sin(t) * e[k]!))
      if (v[0]! * p.c[0] + v[1]! * p.c[1] + v[2]! * p.c[2] <= 0) {
        first = true
        continue
      }
      const X = v[0]! * p.e[0] + v[1]! * p.e[1] + v[2]! * p.e[2]
      const Y = v[0]! * p.n[0] + v[1]! * p.n[1] + v[2]! * p.n[2]
      const px = p.a * X + p.b * Y + p.tx
      const py = p.d * X + p.f * Y + p.ty
      if (first) ctx.moveTo(px, py)
      else ctx.lineTo(px, py)
      first = false
    }
    ctx.stroke()
    ctx.restore()
  }
}

/** Whether footprint f can show in view p (in front of the limb, its cone meeting the view's). */
function inFront(s: FootprintStore, p: ViewProjection, f: number): boolean {
  if (f >= s.count || s.kind[f] === FootprintKind.None) return false
  const d = s.cone[4 * f]! * p.c[0] + s.cone[4 * f + 1]! * p.c[1] + s.cone[4 * f + 2]! * p.c[2]
  return d > 0.02 && d >= Math.cos(Math.min(Math.PI, p.radius + s.cone[4 * f + 3]!))
}

/** The selected footprints in view. */
function selectedOf(input: DrawInput, p: ViewProjection): number[] {
  const out: number[] = []
  const { selected: sel, store: s } = input
  for (let f = sel.indexOf(1); f >= 0; f = sel.indexOf(1, f + 1)) if (inFront(s, p, f)) out.push(f)
  return out
}

/** A cross in a ring at a sky position (ICRS degrees): where the user clicked. */
function drawMarker(ctx: CanvasRenderingContext2D, p: ViewProjection, at: { ra: number; dec: number }) {
  const c = unitVector(at.ra, at.dec)
  if (c[0] * p.c[0] + c[1] * p.c[1] + c[2] * p.c[2] <= 0) return
  const X = c[0] * p.e[0] + c[1] * p.e[1] + c[2] * p.e[2]
  const Y = c[0] * p.n[0] + c[1] * p.n[1] + c[2] * p.n[2]
  const x = p.a * X + p.b * Y + p.tx
  const y = p.d * X + p.f * Y + p.ty
  ctx.save()
  ctx.lineCap = 'round'
  for (const [colour, width] of [['rgba(0,0,0,0.85)', 4], [MARKER_COLOUR, 2]] as const) {
    ctx.strokeStyle = colour
    ctx.lineWidth = width
    ctx.beginPath()
    ctx.arc(x, y, 6, 0, 2 * Math.PI)
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      ctx.moveTo(x + dx! * 9, y + dy! * 9)
      ctx.lineTo(x + dx! * 15, y + dy! * 15)
    }
    ctx.stroke()
  }
  ctx.restore()
}
