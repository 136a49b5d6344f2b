/** Web Worker entry: VOTable parsing off the main thread (see worker-client.ts for the other end). */
import { createWorkerHost } from './worker-host'
import type { ToWorker } from './worker-protocol'

const scope = globalThis as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null
}
const handle = createWorkerHost((message, transfer) => scope.postMessage(message, transfer))
scope.onmessage = (e) => handle(e.data)
