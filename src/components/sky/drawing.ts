/**
 * Draw mode of the sky view: a search circle by press-drag (centre, then radius) or a polygon by a click
 * per vertex, on the layer canvas (which then takes the pointer, so the view does not pan), and the
 * outlines of such shapes. Knows nothing of Aladin: the engine hands it pixel→world.
 */
import { unitVector } from './footprints'
import type { ViewProjection } from './projection'
import { CONE_COLOUR } from './renderer'

export type DrawMode = 'circle' | 'polygon'
export type Circle = { ra: number; dec: number; radius: number }

export const CLICK_SLOP_PX = 5
/** A click this close to a polygon's first vertex closes it. */
const CLOSE_PX = 8
const RAD = Math.PI / 180

export interface ShapeDrawingEvents {
  /** the sky position (ICRS degrees) under a viewport point */
  worldAt(clientX: number, clientY: number): [number, number] | undefined
  /** what is drawn changed: redraw */
  changed(): void
  circle(circle: Circle): void
  polygon(vertices: [number, number][]): void
}

/** The pointer gestures of draw mode on `canvas` and the shape they are drawing. */
export class ShapeDrawing {
  mode: DrawMode | null = null
  /** The polygon being drawn: vertices (world and viewport) and the pointer's position. */
  private pending: { world: [number, number][]; client: [number, number][]; pointer?: [number, number]; down?: [number, number] } | undefined
  /** The circle being drawn: its centre in world coordinates and the pointer drawing it. */
  private sketch: (Circle & { pointer: number }) | undefined

  constructor(private readonly canvas: HTMLCanvasElement, private readonly events: ShapeDrawingEvents, cleanup: (() => void)[]) {
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void) => {
      canvas.addEventListener(type, fn)
      cleanup.push(() => canvas.removeEventListener(type, fn))
    }
    on('pointerdown', (e) => this.press(e))
    on('pointermove', (e) => this.move(e))
    on('pointerup', (e) => this.release(e))
    on('pointercancel', (e) => this.release(e))
  }

  setMode(mode: DrawMode | null): void {
    this.mode = mode
    this.sketch = undefined
    this.pending = undefined
    this.canvas.style.pointerEvents = mode ? 'auto' : ''
    this.canvas.style.cursor = mode ? 'crosshair' : ''
    this.canvas.dataset.drawing = mode ?? ''
    this.events.changed()
  }

  /** Closes the polygon being drawn (when it has three vertices or more). */
  finishPolygon(): void {
    const p = this.pending
    if (!p || p.world.length < 3) return
    this.pending = undefined
    this.events.changed()
    this.events.polygon(p.world.map((v) => [v[0], v[1]]))
  }

  /** The circle being drawn, once it has a radius. */
  get circle(): Circle | undefined {
    return this.sketch && this.sketch.radius > 0 ? this.sketch : undefined
  }

  /** The polygon's vertices so far and the pointer's position. */
  get openPolygon(): [number, number][] | undefined {
    return this.pending && [...this.pending.world, ...(this.pending.pointer ? [this.pending.pointer] : [])]
  }

  private press(e: PointerEvent) {
    if (!this.mode || e.button !== 0) return
    e.preventDefault()
    e.stopPropagation()
    if (this.mode === 'polygon') {
      this.pending ??= { world: [], client: [] }
      this.pending.down = [e.clientX, e.clientY]
      return
    }
    const w = this.events.worldAt(e.clientX, e.clientY)
    if (!w) return
    this.canvas.setPointerCapture?.(e.pointerId)
    this.sketch = { ra: w[0], dec: w[1], radius: 0, pointer: e.pointerId }
    this.events.changed()
  }

  private move(e: PointerEvent) {
    if (this.mode === 'polygon' && this.pending) {
      this.pending.pointer = this.events.worldAt(e.clientX, e.clientY)
      this.events.changed()
    }
    if (!this.sketch || e.pointerId !== this.sketch.pointer) return
    e.stopPropagation()
    const w = this.events.worldAt(e.clientX, e.clientY)
    if (!w) return
    this.sketch.radius = angularDistance(this.sketch.ra, this.sketch.dec, w[0], w[1])
    this.events.changed()
  }

  private release(e: PointerEvent) {
    if (this.mode === 'polygon') return this.polygonClick(e)
    const s = this.sketch
    if (!s || e.pointerId !== s.pointer) return
    e.stopPropagation()
    this.sketch = undefined
    this.events.changed()
    const w = this.events.worldAt(e.clientX, e.clientY)
    const radius = w ? angularDistance(s.ra, s.dec, w[0], w[1]) : s.radius
    if (radius > 0 && e.type === 'pointerup') this.events.circle({ ra: s.ra, dec: s.dec, radius })
  }

  private polygonClick(e: PointerEvent) {
    const p = this.pending
    if (!p?.down) return
    e.stopPropagation()
    const moved = Math.hypot(e.clientX - p.down[0], e.clientY - p.down[1]) > CLICK_SLOP_PX
    p.down = undefined
    if (moved || e.type !== 'pointerup') return
    const near = (i: number) => Math.hypot(e.clientX - p.client[i]![0], e.clientY - p.client[i]![1]) <= CLOSE_PX
    // back on the first vertex closes; a second click on the last one (a double click) too
    if (p.world.length >= 3 && (near(0) || near(p.world.length - 1))) return this.finishPolygon()
    if (p.world.length && near(p.world.length - 1)) return
    const w = this.events.worldAt(e.clientX, e.clientY)
    if (!w) return
    p.world.push(w)
    p.client.push([e.clientX, e.clientY])
    this.events.changed()
  }
}

/** Outlines a polygon (ICRS degrees) with the cone's colour; straight screen edges, fine for small regions. */
export function drawPolygon(ctx: CanvasRenderingContext2D, p: ViewProjection, vertices: readonly (readonly [number, number])[], closed: boolean) {
  ctx.save()
  ctx.strokeStyle = CONE_COLOUR
  ctx.fillStyle = CONE_COLOUR
  ctx.lineWidth = 1.5
  ctx.setLineDash(closed ? [6, 4] : [])
  ctx.beginPath()
  let first = true
  for (const [ra, dec] of vertices) {
    const v = unitVector(ra, dec)
    if (v[0] * p.c[0] + v[1] * p.c[1] + v[2] * p.c[2] <= 0) {
      first = true
      continue
    }
    const X = v[0] * p.e[0] + v[1] * p.e[1] + v[2] * p.e[2]
    const Y = v[0] * p.n[0] + v[1] * p.n[1] + v[2] * p.n[2]
    const x = p.a * X + p.b * Y + p.tx
    const y = p.d * X + p.f * Y + p.ty
    if (first) ctx.moveTo(x, y)
    else ctx.lineTo(x, y)
    if (!closed) ctx.fillRect(x - 2, y - 2, 4, 4)
    first = false
  }
  if (closed) ctx.closePath()
  ctx.stroke()
  ctx.restore()
}

/** Angle between two sky positions, degrees (haversine: exact for small circles). */
export function angularDistance(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const h = Math.sin(((dec2 - dec1) * RAD) / 2) ** 2 + Math.cos(dec1 * RAD) * Math.cos(dec2 * RAD) * Math.sin(((ra2 - ra1) * RAD) / 2) ** 2
  return (2 * Math.asin(Math.min(1, Math.sqrt(h)))) / RAD
}
