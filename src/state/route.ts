import { useCallback, useSyncExternalStore } from 'react'

/** The views of the app; each is a path so that URLs can be bookmarked and shared. */
export const VIEWS = [
  { id: 'adql', path: '/adql', label: 'ADQL' },
  { id: 'search', path: '/search', label: 'Search' },
  { id: 'spectra', path: '/spectra', label: 'Spectra' },
  { id: 'targets', path: '/targets', label: 'Target list' },
  { id: 'jobs', path: '/jobs', label: 'Jobs' },
  { id: 'datalink', path: '/datalink', label: 'DataLink' },
] as const
export type ViewId = (typeof VIEWS)[number]['id']

export interface Route {
  view: ViewId
  params: URLSearchParams
}

function readRoute(): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/'
  const match = VIEWS.find((v) => path === v.path || path.endsWith(v.path))
  return { view: match?.id ?? 'adql', params: new URLSearchParams(location.search) }
}

let current = readRoute()
const listeners = new Set<() => void>()
function emit() {
  current = readRoute()
  for (const l of listeners) l()
}
addEventListener('popstate', emit)

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** The view the URL names now (outside React, e.g. to fetch its code before the first render). */
export const currentView = (): ViewId => current.view

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => current)
}

/** Goes to a view with query parameters; `replace` edits the current history entry (for typing). */
export function navigate(view: ViewId, params: Record<string, string | undefined> | URLSearchParams, replace = false): void {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams()
  if (!(params instanceof URLSearchParams)) for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, v)
  const path = VIEWS.find((v) => v.id === view)!.path
  const qs = p.toString()
  const url = `${path}${qs ? `?${qs}` : ''}`
  if (url === location.pathname + location.search) return
  if (replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  emit()
}

/** Sets some parameters of the current view, keeping the others. */
export function useSetParams(): (changes: Record<string, string | undefined>, replace?: boolean) => void {
  return useCallback((changes, replace = false) => {
    const r = readRoute()
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') r.params.delete(k)
      else r.params.set(k, v)
    }
    navigate(r.view, r.params, replace)
  }, [])
}
