import { Suspense, useEffect, useMemo } from 'react'
import type { RuntimeConfig } from '../config/types'
import { ErrorBoundary } from './ErrorBoundary'
import { Header } from './Header'
import { JobNotifier } from './JobNotifier'
import { Unreachable } from './Unreachable'
import { useRoute, useSetParams, type ViewId } from '../state/route'
import { RuntimeContext, createRuntime } from '../state/runtime'
import { loadJson, saveJson } from '../state/persist'
import { useTheme } from './theme'
import { startJobPoller } from '../state/jobPoller'
import type { HttpClient } from '../protocols/http'
import { AdqlView, DataLinkPanel, DataLinkView, JobsView, SearchView, SpectraView, TargetsView, VIEW_NAMES } from './views'
import { DATALINK_PARAM, DATALINK_REGION_PARAM } from '../state/datalinkTarget'

const VIEW_HEADINGS: Record<ViewId, string> = {
  adql: 'ADQL query',
  search: 'Search the archive',
  spectra: 'Search spectra',
  targets: 'Target-list coverage',
  jobs: 'Jobs',
  datalink: 'DataLink',
}

export function App({ config }: { config: RuntimeConfig }) {
  const { view, params } = useRoute()
  const setParams = useSetParams()
  const [theme, toggleTheme] = useTheme()
  // the URL's profile wins (shared links), then the last one used here, then the deployment default
  const urlProfile = params.get('profile')
  const profileId = urlProfile && config.profiles[urlProfile] ? urlProfile : loadJson<string>('profile', config.defaultProfile)
  const runtime = useMemo(() => createRuntime(config, profileId, location.origin), [config, profileId])
  if (runtime.profile.id !== loadJson<string>('profile', '')) saveJson('profile', runtime.profile.id)

  // async jobs of every profile are followed, whichever view is open
  useEffect(() => {
    const clients = new Map<string, HttpClient>()
    return startJobPoller((id) => {
      if (!config.profiles[id]) return undefined
      if (!clients.has(id)) {
        // the poller's door carries the profile's credentials too (an authorised job polls as its owner)
        clients.set(id, createRuntime(config, id, location.origin).http)
      }
      return clients.get(id)
    })
  }, [config])

  return (
    <RuntimeContext.Provider value={runtime}>
      <Header config={config} theme={theme} onToggleTheme={toggleTheme} onProfile={(id) => setParams({ profile: id, service: undefined })} />
      <Unreachable config={config} />
      <JobNotifier />
      <main>
        {/* the page's h1: the header shows which view is open, a screen reader hears it as the page's heading */}
        <h1 className="visually-hidden">{VIEW_HEADINGS[view]}</h1>
        <ErrorBoundary resetKey={view}>
          <Suspense fallback={<Loading what={VIEW_NAMES[view]} />}>
            {view === 'adql' && <AdqlView key={runtime.profile.id} dark={theme === 'dark'} />}
            {view === 'search' && <SearchView dark={theme === 'dark'} />}
            {view === 'spectra' && <SpectraView dark={theme === 'dark'} />}
            {view === 'targets' && <TargetsView dark={theme === 'dark'} />}
            {view === 'jobs' && <JobsView />}
            {view === 'datalink' && <DataLinkView />}
          </Suspense>
        </ErrorBoundary>
        {/* the DataLink panel opens over the view it was asked from, which stays as it was */}
        {view !== 'datalink' && params.get(DATALINK_PARAM) && (
          <aside className="datalink-drawer" aria-label="DataLink panel">
            <ErrorBoundary resetKey={params.get(DATALINK_PARAM)!}>
              <Suspense fallback={<Loading what="the DataLink panel" />}>
                <DataLinkPanel key={params.get(DATALINK_PARAM)!} target={params.get(DATALINK_PARAM)!} region={params.get(DATALINK_REGION_PARAM)} onClose={() => setParams({ [DATALINK_PARAM]: undefined, [DATALINK_REGION_PARAM]: undefined })} />
              </Suspense>
            </ErrorBoundary>
          </aside>
        )}
      </main>
    </RuntimeContext.Provider>
  )
}

/** Shown while a view's code arrives (only on a cold cache: the chunks are fetched ahead on idle). */
function Loading({ what }: { what: string }) {
  return (
    <p className="muted view-loading" role="status">
      Loading {what}…
    </p>
  )
}
