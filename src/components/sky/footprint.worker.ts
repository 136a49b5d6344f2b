/// <reference lib="webworker" />
// Builds the footprint store off the main thread and hands back its typed arrays without copying.
import { buildFootprintStore, storeTransferables, type FootprintInput } from './footprints'

self.onmessage = (e: MessageEvent<{ id: number; input: FootprintInput }>) => {
  const store = buildFootprintStore(e.data.input)
  ;(self as unknown as Worker).postMessage({ id: e.data.id, store }, storeTransferables(store))
}
