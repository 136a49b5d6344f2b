/**
 * The selected observation's preview image drawn inside its footprint on the sky: a canvas of its own, between
 * Aladin's sky and the footprint layer, redrawn whenever the view moves. A four-cornered footprint takes the image
 * by its corners (north up, east left; a perspective mapping drawn as a mesh of affine triangles); any other shape
 * gets the image fitted into its bounding box on the screen, clipped to the outline. Only PNG, JPEG, GIF and WebP
 * blobs (declared type and first bytes) are decoded, as an ImageBitmap: nothing scriptable is ever drawn.
 */
import type { Aladin } from 'aladin-lite'
import { checkedRaster } from '../../protocols/image/raster'
import { icrsShape } from './footprints'
import { containBox, imageCorners, squareToQuad, triangleAffine, type Pt } from './previewMapping'

type View = Pick<Aladin, 'getRaDec' | 'getFov' | 'world2pix'>
/** Mesh cells per side for the perspective mapping. */
const MESH = 8
const OPACITY = 0.92

/** The footprint's outline (ICRS degrees) to draw a preview in: a polygon's vertices, a circle as a 48-gon. */
export function previewOutline(region: string | null | undefined): Pt[] | undefined {
  const s = icrsShape(region)
  if (!s) return undefined
  if (s.kind === 'polygon') return s.vertices.map(([ra, dec]) => [ra, dec] as Pt)
  if (s.kind === 'circle') {
    const cos = Math.cos((s.dec * Math.PI) / 180) || 1e-9
    return Array.from({ length: 48 }, (_, i) => {
      const t = (i / 48) * 2 * Math.PI
      return [s.ra + (s.radius * Math.sin(t)) / cos, s.dec + s.radius * Math.cos(t)] as Pt
    })
  }
  return undefined
}

export class SkyPreviewLayer {
  /** Called with what the layer shows: 'drawn', 'loading', 'off', 'none', or why not ('not a raster image', 'no outline'). */
  onState?: (state: string) => void
  private canvas = document.createElement('canvas')
  private ctx: CanvasRenderingContext2D
  private image: ImageBitmap | undefined
  private outline: Pt[] | undefined
  private visible = true
  private key = ''
  private raf = 0
  private token = 0

  constructor(private readonly host: HTMLElement, private readonly view: View) {
    this.canvas.className = 'sky-preview-layer'
    this.canvas.setAttribute('aria-hidden', 'true')
    this.canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none'
    // under the footprints (their outline stays on top), over Aladin's sky
    const layer = host.querySelector('canvas.sky-layer')
    if (layer) layer.before(this.canvas)
    else host.appendChild(this.canvas)
    this.ctx = this.canvas.getContext('2d')!
    this.raf = requestAnimationFrame(this.tick)
  }

  /** The image (a blob that must be a raster image) and the region (STC-S) to draw it in; null for none. */
  async show(blob: Blob | null | undefined, region: string | null | undefined): Promise<void> {
    const token = ++this.token
    this.image?.close()
    this.image = undefined
    this.outline = previewOutline(region)
    this.key = ''
    if (!blob) return this.state('none')
    if (!this.outline) return this.state('no outline')
    this.state('loading')
    const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer())
    if (token !== this.token) return
    if (!checkedRaster(blob.type, head)) return this.state('not a raster image')
    try {
      const bitmap = await createImageBitmap(blob)
      if (token !== this.token) return bitmap.close()
      this.image = bitmap
      this.key = ''
    } catch {
      if (token === this.token) this.state('not a raster image')
    }
  }

  setVisible(on: boolean): void {
    this.visible = on
    this.key = ''
  }

  destroy(): void {
    cancelAnimationFrame(this.raf)
    this.token++
    this.image?.close()
    this.canvas.remove()
  }

  private state(s: string) {
    this.canvas.dataset.state = s
    this.onState?.(s)
  }

  private tick = () => {
    this.raf = requestAnimationFrame(this.tick)
    try {
      this.frame()
    } catch {
      // Aladin failed: the engine reports it; the preview stays as it was
    }
  }

  private frame() {
    const w = this.host.clientWidth
    const h = this.host.clientHeight
    if (!w || !h) return
    const [ra, dec] = this.view.getRaDec()
    const fov = this.view.getFov()
    const key = `${ra},${dec},${fov[0]},${fov[1]},${w},${h},${this.visible},${!!this.image}`
    if (key === this.key) return
    this.key = key
    const dpr = window.devicePixelRatio || 1
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr)
      this.canvas.height = Math.round(h * dpr)
    }
    const ctx = this.ctx
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height)
    if (!this.image || !this.outline) return
    if (!this.visible) return this.state('off')
    const screen: Pt[] = []
    for (const [r, d] of this.outline) {
      const p = this.view.world2pix(r, d)
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return this.state('off the view')
      screen.push([p[0], p[1]])
    }
    ctx.globalAlpha = OPACITY
    const corners = imageCorners(this.outline)
    if (corners) {
      const at = (c: Pt) => screen[this.outline!.indexOf(c)]!
      drawMapped(ctx, this.image, [at(corners[0]), at(corners[1]), at(corners[2]), at(corners[3])], dpr)
    } else drawClipped(ctx, this.image, screen, dpr)
    ctx.globalAlpha = 1
    this.state('drawn')
  }
}

/** The image onto a screen quadrilateral (top-left, top-right, bottom-right, bottom-left), as MESH² pairs of triangles. */
function drawMapped(ctx: CanvasRenderingContext2D, img: ImageBitmap, quad: [Pt, Pt, Pt, Pt], dpr: number) {
  const map = squareToQuad(quad)
  const W = img.width
  const H = img.height
  const pts: Pt[][] = []
  for (let j = 0; j <= MESH; j++) {
    pts.push([])
    for (let i = 0; i <= MESH; i++) pts[j]!.push(map(i / MESH, j / MESH))
  }
  const src = (i: number, j: number): Pt => [(i / MESH) * W, (j / MESH) * H]
  for (let j = 0; j < MESH; j++)
    for (let i = 0; i < MESH; i++) {
      const p00 = pts[j]![i]!, p10 = pts[j]![i + 1]!, p11 = pts[j + 1]![i + 1]!, p01 = pts[j + 1]![i]!
      triangle(ctx, img, [src(i, j), src(i + 1, j), src(i + 1, j + 1)], [p00, p10, p11], dpr)
      triangle(ctx, img, [src(i, j), src(i + 1, j + 1), src(i, j + 1)], [p00, p11, p01], dpr)
    }
}

/** One triangle of the image drawn onto one of the screen, its clip grown by half a pixel so that no seams show. */
function triangle(ctx: CanvasRenderingContext2D, img: ImageBitmap, src: [Pt, Pt, Pt], dst: [Pt, Pt, Pt], dpr: number) {
  const m = triangleAffine(src, dst)
  if (!m) return
  const cx = (dst[0][0] + dst[1][0] + dst[2][0]) / 3
  const cy = (dst[0][1] + dst[1][1] + dst[2][1]) / 3
  const grow = (p: Pt): Pt => {
    const dx = p[0] - cx, dy = p[1] - cy
    const len = Math.hypot(dx, dy) || 1
    return [p[0] + (dx / len) * 0.6, p[1] + (dy / len) * 0.6]
  }
  ctx.save()
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.beginPath()
  for (const [k, p] of dst.map(grow).entries()) (k ? ctx.lineTo : ctx.moveTo).call(ctx, p[0], p[1])
  ctx.closePath()
  ctx.clip()
  ctx.setTransform(dpr * m[0], dpr * m[1], dpr * m[2], dpr * m[3], dpr * m[4], dpr * m[5])
  ctx.drawImage(img, 0, 0)
  ctx.restore()
}

/** The image fitted into the outline's bounding box on the screen, clipped to the outline. */
function drawClipped(ctx: CanvasRenderingContext2D, img: ImageBitmap, screen: Pt[], dpr: number) {
  const xs = screen.map((p) => p[0])
  const ys = screen.map((p) => p[1])
  const box = { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) }
  if (box.w < 1 || box.h < 1) return
  const fit = containBox(box, img.width, img.height)
  ctx.save()
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.beginPath()
  for (const [k, p] of screen.entries()) (k ? ctx.lineTo : ctx.moveTo).call(ctx, p[0], p[1])
  ctx.closePath()
  ctx.clip()
  ctx.drawImage(img, fit.x, fit.y, fit.w, fit.h)
  ctx.restore()
}
