/**
 * The layer of the footprints under the selection. For a result of more than DENSITY_ABOVE positions its picture
 * (a density map while the view holds that many) is drawn in a worker (densityClient): finding, projecting and
 * filling thousands of HEALPix cells never blocks a pan or a zoom; the layer follows the moving view by transform
 * meanwhile and lays the worker's bitmap on when it comes. Fewer positions in view: footprints drawn here.
 */
import { DENSITY_ABOVE, DensityMap, type DensityStats } from './density'
import { canPaintDensity, DensityPainter } from './densityClient'
import type { FootprintStore } from './footprints'
import { OverlayLayer } from './overlayLayer'
import type { ViewProjection } from './projection'
import type { DrawInput, DrawStats, FootprintRenderer } from './renderer'

export class BaseLayer {
  readonly layer = new OverlayLayer()
  private painter: DensityPainter | undefined
  /** The density map on this thread, where no worker can draw one. */
  private here: DensityMap | undefined
  /** The view of the latest frame and what it shows (a worker's "too few for a map" is answered with it). */
  private now: { p: ViewProjection; dpr: number; input: DrawInput } | undefined

  private densityKey = ''

  constructor(
    private readonly renderer: FootprintRenderer,
    private readonly on: { drawn: (stats: DrawStats) => void; density: (density: DensityStats | undefined) => void; failure: (message: string) => void },
  ) {}

  setData(store: FootprintStore | undefined, drawable: number): void {
    this.painter?.destroy()
    this.painter = this.here = undefined
    if (store && drawable > DENSITY_ABOVE) {
      if (canPaintDensity()) this.painter = new DensityPainter(store, this.placed, this.on.failure)
      else this.here = new DensityMap(store)
    }
    // (a picture of other data is not carried along while the new one is drawn)
    this.layer.clear()
    this.layer.dirty = true
  }

  /** A frame at view `p`: drawn (or asked of the worker) when the layer needs it, else carried along by transform. */
  frame(p: ViewProjection, moved: boolean, still: boolean, dpr: number, input: DrawInput): void {
    this.now = { p, dpr, input }
    if (!this.layer.needsDraw(p, moved, still)) return
    if (this.painter) this.painter.request(p, dpr)
    else this.drawHere(p, dpr, input)
  }

  destroy(): void {
    this.painter?.destroy()
  }

  /** Drawn (here, or the density map in a worker): the stats, and whether the view turned to or from a map. */
  private report(s: DrawStats) {
    const densityKey = s.density ? `${s.density.order}` : ''
    if (densityKey !== this.densityKey) this.on.density(s.density)
    this.densityKey = densityKey
    this.on.drawn(s)
  }

  private drawHere(p: ViewProjection, dpr: number, input: DrawInput) {
    const stats = this.renderer.draw(this.layer.begin(p, dpr), p, { ...input, density: this.here })
    this.layer.end()
    this.report(stats)
  }

  /** The worker's answer for view `p`: its picture laid on and carried to the view of now, or footprints drawn here. */
  private placed = (p: ViewProjection, dpr: number, stats: DrawStats['density'], bitmap: ImageBitmap | undefined) => {
    const now = this.now
    if (!stats || !bitmap) {
      bitmap?.close()
      if (now) this.drawHere(now.p, now.dpr, now.input)
      return
    }
    const ctx = this.layer.begin(p, dpr)
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.drawImage(bitmap, 0, 0)
    bitmap.close()
    // costly by nature: while the view moves, the map always follows by transform
    this.layer.end(Infinity)
    this.report({ visible: stats.positions, outlines: 0, dots: 0, ms: 0, density: stats })
    // the view moved while the worker drew: carried there now, drawn exactly once it is still
    if (now && now.p !== p && !this.layer.follow(now.p)) this.layer.dirty = true
  }
}
