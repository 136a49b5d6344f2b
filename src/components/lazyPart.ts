import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound for what it may hold
type AnyComponent = ComponentType<any>

export interface LazyPart<C extends AnyComponent> {
  Component: LazyExoticComponent<C>
  /** Fetches the chunk (once; again after a failure), on first render or ahead of need. */
  load: () => Promise<unknown>
}

/**
 * A component of its own chunk. Once the chunk is in, the component renders at once (a thenable that answers
 * synchronously), so a prefetched view never shows its fallback, not even for a frame.
 */
export function lazyPart<C extends AnyComponent>(load: () => Promise<C>): LazyPart<C> {
  let loaded: C | undefined
  let pending: Promise<C> | undefined
  const fetchChunk = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = undefined
        throw e
      },
    ))
  const Component = lazy<C>(() => {
    const c = loaded
    if (c) return { then: (resolve: (m: { default: C }) => void) => resolve({ default: c }) } as Promise<{ default: C }>
    return fetchChunk().then((c) => ({ default: c }))
  })
  return { Component, load: fetchChunk }
}

