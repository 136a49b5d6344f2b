import { lazyPart } from '../components/lazyPart'
import { prefetchParts } from '../components/lazyParts'
import type { ViewId } from '../state/route'

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

/** Views that open with a sky view. */
const WITH_SKY: readonly ViewId[] = ['search', 'spectra']

/** Fetches a view's chunk ahead (and Aladin Lite where the view opens with a sky), e.g. when its nav link is pointed at or focused. */
export function prefetchView(id: ViewId): void {
  parts[id].prefetch()
  if (WITH_SKY.includes(id)) import('../components/sky/engine').then((m) => m.loadAladin()).catch(() => undefined)
}

/**
 * Once the first view's chunk is in and the browser is idle, fetches every view, the DataLink panel, the grid and
 * the plots, so that a switch or a first result does not wait on the network. Returns a cancel function.
 */
export function prefetchAllOnIdle(first: ViewId): () => void {
  let cancel = () => {}
  let cancelled = false
  const run = () => {
    for (const p of [...Object.values(parts), panel]) p.prefetch()
    prefetchParts()
  }
  const whenIdle = () => {
    if (cancelled) return
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: 5000 })
      cancel = () => cancelIdleCallback(handle)
    } else {
      const t = setTimeout(run, 1000)
      cancel = () => clearTimeout(t)
    }
  }
  // the first view's own chunk gets the bandwidth first
  parts[first].load().then(whenIdle, whenIdle)
  return () => {
    cancelled = true
    cancel()
  }
}
