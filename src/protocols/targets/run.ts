/** Runs chunks a few at a time, in order, skipping those already done (a resumed run), until done or cancelled. */

export interface RunOptions<T> {
  /** Chunks in flight at once (2: polite to a shared service). */
  parallel?: number
  /** Chunks already done. */
  skip?: ReadonlySet<number>
  signal?: AbortSignal
  onDone: (chunk: number, result: T) => void
}

/** Resolves when every chunk is done; rejects with the first failure (the others in flight are let finish, no new ones start). */
export async function runChunks<T>(count: number, work: (chunk: number, signal?: AbortSignal) => Promise<T>, opts: RunOptions<T>): Promise<void> {
  const queue: number[] = []
  for (let i = 0; i < count; i++) if (!opts.skip?.has(i)) queue.push(i)
  let failure: unknown
  const worker = async () => {
    while (queue.length && failure === undefined && !opts.signal?.aborted) {
      const i = queue.shift()!
      try {
        opts.onDone(i, await work(i, opts.signal))
      } catch (e) {
        failure ??= e
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, opts.parallel ?? 2) }, worker))
  if (failure !== undefined) throw failure
  if (opts.signal?.aborted) throw opts.signal.reason ?? new DOMException('Cancelled', 'AbortError')
}
