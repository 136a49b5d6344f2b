/**
 * The sky engine: one Aladin Lite view (lazy-loaded) with our own canvas layer of footprints on top.
 * Framework-free so that SkyView, tests and benchmarks drive the same code.
 */
import type { Aladin } from 'aladin-lite'
import { CLICK_SLOP_PX, drawPolygon, ShapeDrawing, type DrawMode } from './drawing'
import { buildFootprintStore, countDrawable, footprintCentre, type FootprintStore } from './footprints'
import { FootprintHitTester } from './hitTest'
import { fitProjection, type ViewProjection } from './projection'
import { FootprintRenderer, type DrawStats } from './renderer'
import type { DensityStats } from './density'
import { BaseLayer } from './baseLayer'
import { compassAngles, zoomFor, type SkyFrame, type SkyViewState } from './skyCoords'
import { OverlayLayer, SETTLE_MS } from './overlayLayer'
import { labelAladinControls } from './aladinControls'

let aladinChunk: Promise<typeof import('aladin-lite')> | undefined
/** Fetches Aladin Lite's own chunk once (again after a failure); also called ahead of need, e.g. on hover of a nav link. */
export const loadAladin = () => (aladinChunk ??= import('aladin-lite').catch((e: unknown) => ((aladinChunk = undefined), Promise.reject(e))))

export interface SkyEngineOptions {
  /** HiPS id or URL; null draws on a plain background (offline, tests). */
  hips: string | null
  ra: number
  dec: number
  fov: number
}

export interface SkyData {
  store: FootprintStore
  regions: readonly (string | null | undefined)[]
  group: Uint16Array
  colours: readonly string[]
}

export interface SkyStats extends DrawStats {
  footprints: number
  frames: number
}

const RAD = Math.PI / 180
let emptyStore: FootprintStore | undefined
const noFootprints = () => (emptyStore ??= buildFootprintStore({ regions: [] }))

export type { DrawMode } from './drawing'
const POINT_HIT_PX = 6

export class SkyEngine {
  /** Called with the footprint under the pointer (-1 for none) when it changes. */
  onHover?: (f: number) => void
  /** Called on a click (not a drag) with every footprint containing the clicked position (ICRS degrees). */
  onClick?: (hits: number[], additive: boolean, at: { ra: number; dec: number } | undefined) => void
  /** Called when the view moved or zoomed (at most once a frame). */
  onView?: (view: SkyViewState) => void
  /** Called with the sky position under the pointer, undefined when the pointer leaves the sky. */
  onPointer?: (at: [number, number] | undefined) => void
  /** Called when the engine stops working (e.g. a WebAssembly panic inside Aladin). */
  onFailure?: (message: string) => void
  /** Called when a circle drawn in draw mode is released (degrees). */
  onCircle?: (circle: { ra: number; dec: number; radius: number }) => void
  /** Called when a polygon drawn in draw mode is closed (ICRS degrees). */
  onPolygon?: (vertices: [number, number][]) => void
  /** Called when the view turns to or from a density map, or its cell order changes. */
  onDensity?: (density: DensityStats | undefined) => void
  stats: SkyStats = { visible: 0, outlines: 0, dots: 0, ms: 0, footprints: 0, frames: 0 }

  private data: SkyData | undefined
  private hit: FootprintHitTester | undefined
  private selected = new Uint8Array(0)
  private hovered = -1
  private cone: { ra: number; dec: number; radius: number } | null = null
  private marker: { ra: number; dec: number } | null = null
  private renderer = new FootprintRenderer()
  /** The footprints (or density map) below, the selection, hover, cone, marker and shapes above. */
  private footprints = new BaseLayer(this.renderer, {
    drawn: (s) => void ((this.stats = { ...this.stats, ...s, frames: this.stats.frames + 1 }), (this.host.dataset.drawn = String(s.visible))),
    density: (d) => this.onDensity?.(d),
    failure: (message) => this.onFailure?.(message),
  })
  private base = this.footprints.layer
  // followed by transform while the view moves, however cheap: a picture redrawn each frame costs the compositor more
  private top = new OverlayLayer(0)
  // the hovered footprint alone: a pointer moving over hundreds of selected footprints redraws only this
  private hoverLayer = new OverlayLayer(0)
  private raf = 0
  private lastKey = ''
  private movedAt = 0
  private projection: ViewProjection | undefined
  private down: { x: number; y: number } | undefined
  private broken = false
  private polygon: readonly (readonly [number, number])[] | null = null
  private cleanup: (() => void)[] = []
  private drawing: ShapeDrawing

  /** Loads Aladin Lite (its own chunk) and creates the view inside `host`. */
  static async create(host: HTMLElement, options: SkyEngineOptions): Promise<SkyEngine> {
    const { default: A } = await loadAladin()
    await A.init
    const aladinDiv = document.createElement('div')
    aladinDiv.className = 'sky-aladin'
    // Aladin styles its container itself; an explicit size survives that
    aladinDiv.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%'
    host.appendChild(aladinDiv)
    const survey = options.hips ? (/^\//.test(options.hips) ? new URL(options.hips, location.href).href : options.hips) : []
    const aladin = A.aladin(aladinDiv, {
      survey,
      fov: options.fov,
      target: `${options.ra} ${options.dec}`,
      projection: 'SIN',
      cooFrame: 'ICRS',
      log: false,
      samp: false,
      showReticle: false,
      showLayersControl: false,
      showGotoControl: false,
      showSimbadPointerControl: false,
      showShareControl: false,
      showSettingsControl: false,
      showContextMenu: false,
      showProjectionControl: false,
      showFullscreenControl: false,
      showCooGridControl: false,
      showFrame: false,
      showFov: false,
      showZoomControl: true,
      showCooLocation: false,
      backgroundColor: 'rgb(16, 20, 28)',
    })
    return new SkyEngine(host, aladin, aladinDiv)
  }

  private constructor(
    private readonly host: HTMLElement,
    readonly aladin: Aladin,
    private readonly aladinDiv: HTMLElement,
  ) {
    // above Aladin's own canvases, below its controls (zoom buttons, logo)
    const below = aladinDiv.querySelector('.aladin-catalogCanvas')
    if (below) below.after(this.base.canvas, this.top.canvas, this.hoverLayer.canvas)
    else host.append(this.base.canvas, this.top.canvas, this.hoverLayer.canvas)
    this.cleanup.push(labelAladinControls(aladinDiv))
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void) => {
      host.addEventListener(type, fn, { capture: true, passive: true })
      this.cleanup.push(() => host.removeEventListener(type, fn, { capture: true }))
    }
    on('pointerdown', (e) => {
      this.down = e.button === 0 ? { x: e.clientX, y: e.clientY } : undefined
    })
    on('pointerup', (e) => {
      const d = this.down
      this.down = undefined
      if (!d || this.drawing.mode || !onSky(e) || Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_SLOP_PX) return
      const w = this.worldAtClient(e.clientX, e.clientY)
      this.onClick?.(this.hitAtClient(e.clientX, e.clientY), e.ctrlKey || e.shiftKey || e.metaKey, w && { ra: w[0], dec: w[1] })
    })
    on('pointermove', (e) => {
      const sky = onSky(e)
      this.onPointer?.(sky ? this.worldAtClient(e.clientX, e.clientY) : undefined)
      if (this.down || this.drawing.mode) return
      const f = sky ? (this.hitAtClient(e.clientX, e.clientY)[0] ?? -1) : -1
      this.setHovered(f, true)
    })
    on('pointerleave', () => {
      this.onPointer?.(undefined)
      this.setHovered(-1, true)
    })
    // draw mode: the layer canvas takes the pointer, so Aladin does not pan
    this.drawing = new ShapeDrawing(this.top.canvas, {
      worldAt: (x, y) => this.worldAtClient(x, y),
      changed: () => {
        this.top.dirty = true
      },
      circle: (c) => this.onCircle?.(c),
      polygon: (v) => this.onPolygon?.(v),
    }, this.cleanup)
    ;(host as HTMLElement & { __sky?: SkyEngine }).__sky = this
    this.raf = requestAnimationFrame(this.tick)
  }

  setData(data: SkyData | undefined): void {
    this.data = data
    this.hit = data && new FootprintHitTester(data.store, data.regions)
    this.selected = new Uint8Array(data?.store.count ?? 0)
    this.hovered = -1
    this.stats.footprints = data ? countDrawable(data.store) : 0
    this.footprints.setData(data?.store, this.stats.footprints)
    this.top.dirty = this.hoverLayer.dirty = true
  }

  setSelection(rows: readonly number[]): void {
    this.selected.fill(0)
    for (const r of rows) if (r >= 0 && r < this.selected.length) this.selected[r] = 1
    this.top.dirty = this.hoverLayer.dirty = true
  }

  setHovered(f: number, fromPointer = false): void {
    if (f === this.hovered) return
    this.hovered = f
    this.hoverLayer.dirty = true
    if (fromPointer) this.onHover?.(f)
  }

  setCone(cone: { ra: number; dec: number; radius: number } | null): void {
    this.cone = cone
    this.top.dirty = true
  }

  /** Marks the position last clicked (ICRS degrees); null for none. */
  setMarker(at: { ra: number; dec: number } | null): void {
    this.marker = at
    this.top.dirty = true
  }

  /** Aladin's coordinate grid, on or off. */
  setGrid(on: boolean): void {
    this.guard(() => this.aladin.setCooGrid({ enabled: on, color: 'rgb(90, 140, 180)', opacity: 1, showLabels: true }))
  }

  /** The frame of the grid and of north-up. */
  setFrame(frame: SkyFrame): void {
    this.guard(() => this.aladin.setFrame(frame === 'Galactic' ? 'galactic' : 'ICRS'))
  }

  /** Moves the view centre by fractions of the field (x right, y down on the screen). */
  panBy(dx: number, dy: number): void {
    const w = this.host.clientWidth
    const h = this.host.clientHeight
    const rect = this.aladinDiv.getBoundingClientRect()
    const to = this.worldAtClient(rect.left + w / 2 + dx * w, rect.top + h / 2 + dy * h)
    if (to) this.goTo(to[0], to[1])
  }

  zoom(by: 'in' | 'out'): void {
    this.guard(() => (by === 'in' ? this.aladin.increaseZoom() : this.aladin.decreaseZoom()))
  }

  /** Footprints under the view centre, and the centre (ICRS degrees). */
  hitsAtCentre(): { hits: number[]; at: { ra: number; dec: number } | undefined } {
    const rect = this.aladinDiv.getBoundingClientRect()
    const x = rect.left + this.host.clientWidth / 2
    const y = rect.top + this.host.clientHeight / 2
    const w = this.worldAtClient(x, y)
    return { hits: this.hitAtClient(x, y), at: w && { ra: w[0], dec: w[1] } }
  }

  /**
   * Draw mode instead of panning: 'circle' is press-drag (centre, then radius); 'polygon' is a click
   * per vertex, closed by clicking the first vertex again, a double click or `finishPolygon`.
   */
  setDrawing(mode: DrawMode | null): void {
    this.drawing.setMode(mode)
  }

  /** Closes the polygon being drawn (when it has three vertices or more). */
  finishPolygon(): void {
    this.drawing.finishPolygon()
  }

  /** The search polygon to outline (ICRS degrees). */
  setPolygon(vertices: readonly (readonly [number, number])[] | null): void {
    this.polygon = vertices && vertices.length >= 3 ? vertices : null
    this.top.dirty = true
  }

  /** The sky position (ICRS degrees) under a viewport point, through Aladin's own pixel→world. */
  worldAtClient(clientX: number, clientY: number): [number, number] | undefined {
    if (this.broken) return undefined
    const rect = this.aladinDiv.getBoundingClientRect()
    try {
      const w = this.aladin.pix2world(clientX - rect.left, clientY - rect.top, 'ICRS')
      return w && Number.isFinite(w[0]) && Number.isFinite(w[1]) ? [w[0], w[1]] : undefined
    } catch {
      return undefined
    }
  }

  goTo(ra: number, dec: number, fov?: number): void {
    this.guard(() => {
      this.aladin.gotoRaDec(ra, dec)
      if (fov !== undefined) this.aladin.setFoV(fov)
    })
  }

  /** Centres the view on a footprint, zooming in only when it would be too small to see, out when larger than the view. */
  panToFootprint(f: number): void {
    const c = this.data && footprintCentre(this.data.store, f)
    if (!c) return
    const fov = this.aladin.getFov()[0]
    this.goTo(c.ra, c.dec, zoomFor(c.radius, fov, this.host.clientWidth))
  }

  /** Footprints containing the sky position under a viewport point, smallest first. */
  hitAtClient(clientX: number, clientY: number): number[] {
    if (!this.hit || this.broken) return []
    const world = this.worldAtClient(clientX, clientY)
    if (!world) return []
    const scale = this.projection?.scale ?? 1e6
    return this.hit.at(world[0], world[1], POINT_HIT_PX / scale / RAD)
  }

  /** Runs a frame's drawing now (the loop otherwise draws only when the view or the data changed). */
  drawNow(): SkyStats {
    this.lastKey = ''
    this.base.dirty = this.top.dirty = this.hoverLayer.dirty = true
    this.frame()
    return this.stats
  }

  destroy(): void {
    cancelAnimationFrame(this.raf)
    this.footprints.destroy()
    for (const c of this.cleanup) c()
    this.base.canvas.remove()
    this.top.canvas.remove()
    this.hoverLayer.canvas.remove()
    this.aladinDiv.remove()
    this.data = undefined
  }

  private tick = () => {
    this.raf = requestAnimationFrame(this.tick)
    this.frame()
  }

  private frame() {
    if (this.broken) return
    const w = this.host.clientWidth
    const h = this.host.clientHeight
    if (w === 0 || h === 0) return
    let ra: number, dec: number, fov: [number, number], centre: [number, number] | null | undefined
    try {
      ;[ra, dec] = this.aladin.getRaDec()
      fov = this.aladin.getFov()
      // where Aladin draws the centre: it takes the box's new size a frame or more late, with the same ra, dec, fov
      // (footprints stayed where the old size put them after the window was resized)
      centre = this.aladin.world2pix(ra, dec)
    } catch (e) {
      return this.fail(e)
    }
    const key = `${ra},${dec},${fov[0]},${fov[1]},${w},${h},${centre ? `${centre[0].toFixed(1)},${centre[1].toFixed(1)}` : ''}`
    // moving: a costly layer follows by transform (OverlayLayer) and is drawn exactly once the view is still
    const now = performance.now()
    const moved = key !== this.lastKey
    if (moved) this.movedAt = now
    const still = now - this.movedAt >= SETTLE_MS
    if (!moved && !this.base.pending(still) && !this.top.pending(still) && !this.hoverLayer.pending(still)) return
    this.lastKey = key
    let p: ViewProjection | undefined
    try {
      // (world2pix takes ICRS when given no frame; a frame argument throws in aladin-lite 3.8.2)
      p = fitProjection(ra, dec, fov, w, h, (r, d) => this.aladin.world2pix(r, d))
    } catch (e) {
      return this.fail(e)
    }
    this.projection = p
    if (p && moved) this.onView?.({ ra, dec, fov: [fov[0], fov[1]], ...compassAngles(p) })
    const cone = this.drawing.circle ?? this.cone
    const pending = this.drawing.openPolygon
    if (!p || (!this.data && !cone && !this.polygon && !pending?.length)) {
      this.base.clear()
      this.top.clear()
      this.hoverLayer.clear()
      return
    }
    const dpr = window.devicePixelRatio || 1
    const input = { store: this.data?.store ?? noFootprints(), group: this.data?.group ?? new Uint16Array(0), colours: this.data?.colours ?? [], selected: this.selected, hovered: this.hovered, cone, marker: this.marker }
    this.footprints.frame(p, moved, still, dpr, input)
    if (this.top.needsDraw(p, moved, still)) {
      const ctx = this.top.begin(p, dpr)
      this.renderer.drawOver(ctx, p, input)
      if (this.polygon) drawPolygon(ctx, p, this.polygon, true)
      if (pending && pending.length > 1) drawPolygon(ctx, p, pending, false)
      this.top.end()
    }
    if (this.hoverLayer.needsDraw(p, moved, still)) {
      // hidden while nothing is hovered: an empty layer costs the compositor nothing then
      this.hoverLayer.canvas.hidden = !this.renderer.drawHover(this.hoverLayer.begin(p, dpr), p, input)
      this.hoverLayer.end()
    }
  }

  private guard(fn: () => void) {
    if (this.broken) return
    try {
      fn()
    } catch (e) {
      this.fail(e)
    }
  }

  private fail(e: unknown) {
    // a panic inside Aladin's WebAssembly poisons the instance for good
    this.broken = true
    this.onFailure?.(e instanceof Error ? e.message : String(e))
  }
}

/** A pointer event on the sky itself, not on one of Aladin's controls. */
const onSky = (e: Event) => e.target instanceof HTMLCanvasElement
