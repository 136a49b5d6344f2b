/**
 * The density map of a large result, drawn in a Web Worker (density.worker.ts): the main thread asks for the
 * picture of a view and gets back a bitmap to lay on the layer, or word that the view holds few enough
 * positions to be drawn one by one. One request at a time; asked again meanwhile, only the latest view is kept.
 */
import type { FootprintStore } from './footprints'
import type { DensityStats } from './density'
import type { ViewProjection } from './projection'

export type DensityRequest =
  | { type: 'data'; count: number; kind: Uint8Array; cone: Float64Array }
  | { type: 'draw'; id: number; p: ViewProjection; dpr: number }

/** `stats` and `bitmap` when the view shows a density map; neither when it holds too few positions for one. */
export interface DensityReply {
  id: number
  stats?: DensityStats
  bitmap?: ImageBitmap
}

export type DensityDrawn = (p: ViewProjection, dpr: number, stats: DensityStats | undefined, bitmap: ImageBitmap | undefined) => void

/** Whether density maps can be drawn off the main thread here. */
export const canPaintDensity = () => typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined'

const keyOf = (p: ViewProjection, dpr: number) => [p.a, p.b, p.d, p.f, p.tx, p.ty, p.width, p.height, ...p.c, ...p.e, dpr].join()

export class DensityPainter {
  private readonly worker: Worker
  private nextId = 0
  private busy: { id: number; p: ViewProjection; dpr: number; key: string } | undefined
  private queued: { p: ViewProjection; dpr: number; key: string } | undefined

  constructor(store: FootprintStore, private readonly drawn: DensityDrawn, onFailure: (message: string) => void) {
    this.worker = new Worker(new URL('./density.worker.ts', import.meta.url), { type: 'module' })
    this.worker.onmessage = (e: MessageEvent<DensityReply>) => this.received(e.data)
    this.worker.onerror = (e) => onFailure(e.message || 'the density map worker failed')
    // the worker counts the positions itself (once per result): copies of the kinds and cones
    const data: DensityRequest = { type: 'data', count: store.count, kind: store.kind.slice(), cone: store.cone.slice() }
    this.worker.postMessage(data, [data.kind.buffer, data.cone.buffer])
  }

  /** Asks for the picture of view `p` (kept for later while another is in the works, unless it is that one). */
  request(p: ViewProjection, dpr: number): void {
    const key = keyOf(p, dpr)
    if (this.busy) {
      this.queued = key === this.busy.key ? undefined : { p, dpr, key }
      return
    }
    this.busy = { id: ++this.nextId, p, dpr, key }
    const message: DensityRequest = { type: 'draw', id: this.busy.id, p, dpr }
    this.worker.postMessage(message)
  }

  destroy(): void {
    this.worker.terminate()
    this.busy = this.queued = undefined
  }

  private received(reply: DensityReply) {
    const job = this.busy
    if (!job || reply.id !== job.id) return reply.bitmap?.close()
    this.busy = undefined
    this.drawn(job.p, job.dpr, reply.stats, reply.bitmap)
    const next = this.queued
    this.queued = undefined
    if (next) this.request(next.p, next.dpr)
  }
}
