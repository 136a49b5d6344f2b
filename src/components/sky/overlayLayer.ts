/**
 * One canvas of our overlay above Aladin. Drawing 50,000 footprints again costs tens of milliseconds, so while
 * the view moves a costly layer is not drawn each frame: its last drawing is carried along with a CSS transform
 * (the compositor's work, next to nothing on the main thread) that maps where the sky was to where it is now,
 * and it is drawn again, exactly, once the view has been still for SETTLE_MS. A cheap layer is drawn every frame.
 */
import type { ViewProjection } from './projection'

/** A layer whose last drawing took longer than this follows a moving view by transform. */
export const MOTION_BUDGET_MS = 4
/** The view counts as still after this long without a change; a transformed layer is then drawn exactly. */
export const SETTLE_MS = 150
/** Beyond this zoom factor from the last drawing, the transformed picture is too coarse (or too small): draw. */
const MAX_ZOOM = 8

export class OverlayLayer {
  readonly canvas: HTMLCanvasElement
  readonly ctx: CanvasRenderingContext2D
  /** Set when what the layer shows changed (not the view): it is drawn at the next frame. */
  dirty = true
  /** The projection of the last exact drawing. */
  private drawnAt: ViewProjection | undefined
  private cost = 0
  private t0 = 0
  private transformed = false

  /**
   * `budget`: a drawing that took longer (ms) follows a moving view by transform. Even a cheap drawing, redrawn
   * each frame, costs the compositor a fresh full-size picture per frame: the layer over the footprints
   * (selection, cone, marker) passes 0, always following by transform while the view moves.
   */
  constructor(private readonly budget = MOTION_BUDGET_MS) {
    this.canvas = document.createElement('canvas')
    this.canvas.className = 'sky-layer'
    this.canvas.setAttribute('aria-hidden', 'true')
    this.canvas.style.transformOrigin = '0 0'
    this.ctx = this.canvas.getContext('2d')!
  }

  /** Whether a frame must visit this layer at all: changed, or moved by transform and the view is now still. */
  pending(still: boolean): boolean {
    return this.dirty || (this.transformed && still)
  }

  /**
   * Whether the layer must be drawn for view `p`; when the view moved and drawing is costly, it follows the
   * view by a transform instead (and false).
   */
  needsDraw(p: ViewProjection, moved: boolean, still: boolean): boolean {
    const at = this.drawnAt
    if (this.dirty || !at || at.width !== p.width || at.height !== p.height) return true
    if (!moved) return this.transformed && still
    if (this.cost <= this.budget && this.budget > 0) return true
    return !this.follow(p)
  }

  /** Carries the last drawing to view `p` by a transform; false when the views are too far apart for that. */
  follow(p: ViewProjection): boolean {
    const at = this.drawnAt
    const m = at && followMatrix(at, p)
    if (!m) return false
    this.canvas.style.transform = `matrix(${m.map((x) => +x.toFixed(6)).join(',')})`
    if (!this.transformed) this.canvas.style.willChange = 'transform'
    this.transformed = true
    return true
  }

  /** Starts an exact drawing at `p`: sized for the device pixels, cleared, untransformed. */
  begin(p: ViewProjection, dpr: number): CanvasRenderingContext2D {
    this.t0 = performance.now()
    const w = Math.round(p.width * dpr)
    const h = Math.round(p.height * dpr)
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w
      this.canvas.height = h
    }
    if (this.transformed) {
      this.canvas.style.transform = ''
      this.canvas.style.willChange = ''
      this.transformed = false
    }
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    this.ctx.clearRect(0, 0, p.width, p.height)
    this.dirty = false
    this.drawnAt = p
    return this.ctx
  }

  /** Ends the drawing begun last; its cost (measured, or given) decides how the layer follows the next motion. */
  end(cost = performance.now() - this.t0): void {
    this.cost = cost
  }

  /** Nothing to show: cleared (and drawn afresh when there is something again). */
  clear(): void {
    this.ctx.setTransform(1, 0, 0, 1, 0, 0)
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height)
    this.canvas.style.transform = ''
    this.transformed = false
    this.dirty = false
    this.drawnAt = undefined
  }
}

/**
 * The 2-D affine map (CSS `matrix(a, b, c, d, e, f)`) taking a pixel of the view `from` to the pixel of the same
 * sky position in the view `to`, fitted at the centre and two points a quarter of the view away; undefined when
 * the views are too far apart for a picture to stand for the other (behind the limb, zoomed by more than MAX_ZOOM).
 */
export function followMatrix(from: ViewProjection, to: ViewProjection): [number, number, number, number, number, number] | undefined {
  const x0 = from.width / 2, y0 = from.height / 2
  const dx = Math.max(1, from.width / 4), dy = Math.max(1, from.height / 4)
  const q0 = reproject(from, to, x0, y0)
  const q1 = reproject(from, to, x0 + dx, y0)
  const q2 = reproject(from, to, x0, y0 + dy)
  if (!q0 || !q1 || !q2) return undefined
  const a = (q1[0] - q0[0]) / dx, b = (q1[1] - q0[1]) / dx
  const c = (q2[0] - q0[0]) / dy, d = (q2[1] - q0[1]) / dy
  const zoom = Math.sqrt(Math.abs(a * d - b * c))
  if (!(zoom > 1 / MAX_ZOOM && zoom < MAX_ZOOM)) return undefined
  return [a, b, c, d, q0[0] - a * x0 - c * y0, q0[1] - b * x0 - d * y0]
}

/** A pixel of view `from` → the sky (orthographic inverse) → a pixel of view `to`. */
function reproject(from: ViewProjection, to: ViewProjection, x: number, y: number): [number, number] | undefined {
  const det = from.a * from.f - from.b * from.d
  if (!det) return undefined
  const u = x - from.tx, w = y - from.ty
  const X = (from.f * u - from.b * w) / det
  const Y = (from.a * w - from.d * u) / det
  const r2 = X * X + Y * Y
  if (r2 >= 1) return undefined
  const Z = Math.sqrt(1 - r2)
  const v = [0, 1, 2].map((k) => Z * from.c[k]! + X * from.e[k]! + Y * from.n[k]!)
  if (v[0]! * to.c[0] + v[1]! * to.c[1] + v[2]! * to.c[2] <= 0) return undefined
  const X2 = v[0]! * to.e[0] + v[1]! * to.e[1] + v[2]! * to.e[2]
  const Y2 = v[0]! * to.n[0] + v[1]! * to.n[1] + v[2]! * to.n[2]
  return [to.a * X2 + to.b * Y2 + to.tx, to.d * X2 + to.f * Y2 + to.ty]
}
