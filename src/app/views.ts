import { lazyPart } from '../components/lazyPart'
import { partLoads } from '../components/lazyParts'
import type { ViewId } from '../state/route'
import { loadQueryEditor } from '../features/adql/editorPart'

const parts = {
  adql: lazyPart(() => import('../features/adql/AdqlView').then((m) => m.AdqlView)),
  search: lazyPart(() => import('../features/search/SearchView').then((m) => m.SearchView)),
  spectra: lazyPart(() => import('../features/spectra/SpectraView').then((m) => m.SpectraView)),
  targets: lazyPart(() => import('../features/targets/TargetsView').then((m) => m.TargetsView)),
  jobs: lazyPart(() => import('../features/jobs/JobsView').then((m) => m.JobsView)),
  datalink: lazyPart(() => import('../features/datalink/DataLinkView').then((m) => m.DataLinkView)),
}
const panel = lazyPart(() => import('../features/datalink/DataLinkPanel').then((m) => m.DataLinkPanel))

export const AdqlView = parts.adql.Component
export const SearchView = parts.search.Component
export const SpectraView = parts.spectra.Component
export const TargetsView = parts.targets.Component
export const JobsView = parts.jobs.Component
export const DataLinkView = parts.datalink.Component
export const DataLinkPanel = panel.Component

/** What the fallback says while a view's chunk loads (never a label a view itself shows). */
export const VIEW_NAMES: Record<ViewId, string> = {
  adql: 'the ADQL view',
  search: 'the search form',
  spectra: 'the spectra search',
  targets: 'the target-list coverage',
  jobs: 'the job list',
  datalink: 'the DataLink view',
}

/** Views that open with a sky view. */
const WITH_SKY: readonly ViewId[] = ['search', 'spectra', 'targets']

/** A view's chunk and what it shows at once (the editor, the sky): loaded together, not one after the other. */
function loadView(id: ViewId): Promise<unknown> {
  const loads = [parts[id].load()]
  if (id === 'adql') loads.push(loadQueryEditor())
  if (WITH_SKY.includes(id)) loads.push(import('../components/sky/engine').then((m) => m.loadAladin()))
  return Promise.all(loads)
}

/** Fetches a view's chunks ahead, e.g. when its nav link is pointed at or focused. */
export function prefetchView(id: ViewId): void {
  loadView(id).catch(() => undefined)
}

/**
 * Fetches the first view's chunks at once (alongside config.json), then the rest one chunk per idle moment: the grid and the plots (a first result
 * needs them), the other views and the DataLink panel, so that a switch does not wait on the network. One at a
 * time, so that their start-up work never holds the page for long.
 */
export function prefetchViews(first: ViewId): void {
  const queue: (() => Promise<unknown>)[] = [...partLoads, ...Object.values(parts).map((p) => p.load), panel.load, loadQueryEditor]
  const next = () => {
    const load = queue.shift()
    if (!load) return
    const step = () => void load().then(next, next)
    if (typeof requestIdleCallback === 'function') requestIdleCallback(step, { timeout: 5000 })
    else setTimeout(step, 200)
  }
  // the first view's own chunks get the bandwidth first
  loadView(first).then(next, next)
}
