import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { ViewId } from '../state/route'

// React's own bound for what lazy() may hold
type AnyComponent = ComponentType<any>

interface LazyPart<C extends AnyComponent> {
  Component: LazyExoticComponent<C>
  /** Starts fetching the chunk (once; again after a failure). */
  prefetch: () => void
}

/**
 * A component of its own chunk. Once the chunk is in, the component renders at once (a thenable that answers
 * synchronously), so a prefetched view never shows its fallback, not even for a frame.
 */
function lazyPart<C extends AnyComponent>(load: () => Promise<C>): LazyPart<C> {
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
  return { Component, prefetch: () => void fetchChunk().catch(() => undefined) }
}

const parts = {
  adql: lazyPart(() => import('../features/adql/AdqlView').then((m) => m.AdqlView)),
  search: lazyPart(() => import('../features/search/SearchView').then((m) => m.SearchView)),
  spectra: lazyPart(() => import('../features/spectra/SpectraView').then((m) => m.SpectraView)),
  jobs: lazyPart(() => import('../features/jobs/JobsView').then((m) => m.JobsView)),
  datalink: lazyPart(() => import('../features/datalink/DataLinkView').then((m) => m.DataLinkView)),
}
const panel = lazyPart(() => import('../features/datalink/DataLinkPanel').then((m) => m.DataLinkPanel))

export const AdqlView = parts.adql.Component
export const SearchView = parts.search.Component
export const SpectraView = parts.spectra.Component
export const JobsView = parts.jobs.Component
export const DataLinkView = parts.datalink.Component
export const DataLinkPanel = panel.Component

/** What the fallback says while a view's chunk loads (never a label a view itself shows). */
export const VIEW_NAMES: Record<ViewId, string> = {
  adql: 'the ADQL editor',
  search: 'the search form',
  spectra: 'the spectra search',
  jobs: 'the job list',
  datalink: 'the DataLink view',
}

/** Fetches a view's chunk ahead, e.g. when its nav link is pointed at or focused. */
export const prefetchView = (id: ViewId): void => parts[id].prefetch()

/** Fetches every view and the DataLink panel once the browser is idle, so a switch does not wait on the network. */
export function prefetchAllOnIdle(): () => void {
  const run = () => {
    for (const p of [...Object.values(parts), panel]) p.prefetch()
  }
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 5000 })
    return () => cancelIdleCallback(handle)
  }
  const t = setTimeout(run, 2000)
  return () => clearTimeout(t)
}
