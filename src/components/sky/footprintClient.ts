/** Builds a footprint store in a Web Worker for big result sets, on this thread for small ones or where there is no Worker. */
import { buildFootprintStore, type FootprintInput, type FootprintStore } from './footprints'

const WORKER_THRESHOLD = 1500
let worker: Worker | null | undefined
let nextId = 0
const pending = new Map<number, { resolve: (s: FootprintStore) => void; reject: (e: unknown) => void }>()

function getWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./footprint.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<{ id: number; store: FootprintStore }>) => {
      pending.get(e.data.id)?.resolve(e.data.store)
      pending.delete(e.data.id)
    }
    worker.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(e.message || 'footprint worker failed'))
      pending.clear()
      worker = null
    }
  } catch {
    worker = null
  }
  return worker
}

export function buildStore(input: FootprintInput): Promise<FootprintStore> {
  const w = input.regions.length >= WORKER_THRESHOLD && typeof Worker !== 'undefined' ? getWorker() : null
  if (!w) return Promise.resolve(buildFootprintStore(input))
  const id = ++nextId
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    // typed arrays are cloned; the strings have to be anyway
    w.postMessage({ id, input: { regions: input.regions, ra: input.ra && Array.from(input.ra), dec: input.dec && Array.from(input.dec) } })
  })
}
