import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App } from './app/App'
import { loadRuntimeConfig } from './app/bootstrap'
import { prefetchViews } from './app/views'
import { currentView } from './state/route'
import './styles.css'

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
})

const root = createRoot(document.getElementById('root')!)

// the code of the view the URL names comes while config.json does; the other views follow on idle
prefetchViews(currentView())

loadRuntimeConfig()
  .then((config) =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App config={config} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  )
  .catch((e: unknown) => {
    root.render(
      <div role="alert" className="panel error-panel">
        <h2>The app could not start</h2>
        <p className="error-message">{e instanceof Error ? e.message : String(e)}</p>
        <p>Check config.json of this deployment (see README, “Configuration”).</p>
      </div>,
    )
  })
