/// <reference lib="webworker" />
// Counts the positions of a large result in HEALPix cells and draws the density map for a view, off the main
// thread: a view's drawing (thousands of cells to find, project and fill) never blocks panning or zooming.
import { DENSITY_ABOVE, DensityMap } from './density'
import type { DensityRequest, DensityReply } from './densityClient'

let map: DensityMap | undefined
let canvas: OffscreenCanvas | undefined

self.onmessage = (e: MessageEvent<DensityRequest>) => {
  const m = e.data
  if (m.type === 'data') {
    map = new DensityMap({ count: m.count, kind: m.kind, cone: m.cone })
    return
  }
  const post = (reply: DensityReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer)
  const { p, dpr } = m
  const w = Math.max(1, Math.round(p.width * dpr))
  const h = Math.max(1, Math.round(p.height * dpr))
  if (!map) return post({ id: m.id })
  if (!canvas) canvas = new OffscreenCanvas(w, h)
  else if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w
    canvas.height = h
  }
  const ctx = canvas.getContext('2d')!
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, p.width, p.height)
  // the same drawing as on the main thread (OffscreenCanvasRenderingContext2D has the calls it makes)
  const stats = map.draw(ctx as unknown as CanvasRenderingContext2D, p, DENSITY_ABOVE)
  if (!stats) return post({ id: m.id })
  const bitmap = canvas.transferToImageBitmap()
  post({ id: m.id, stats, bitmap }, [bitmap])
}
