import { useLayoutEffect, useRef } from 'react'
import type { RuntimeConfig } from '../config/types'
import type { Theme } from './theme'
import { VIEWS, navigate, useRoute, type ViewId } from '../state/route'
import { useRuntime } from '../state/runtime'
import { LoginControl } from '../features/auth/LoginControl'
import { prefetchView } from './views'
import { SampControl } from '../components/SampControl'

interface Props {
  config: RuntimeConfig
  theme: Theme
  onToggleTheme: () => void
  onProfile: (id: string) => void
}

export function Header({ config, theme, onToggleTheme, onProfile }: Props) {
  const { view, params } = useRoute()
  const rt = useRuntime()
  const tap = rt.endpoint('tap_obs')
  const ref = useRef<HTMLElement>(null)
  // the header wraps onto two lines when narrow: what sits under it (the DataLink drawer) reads its height
  useLayoutEffect(() => {
    const header = ref.current
    if (!header || typeof ResizeObserver === 'undefined') return
    const root = document.documentElement.style
    const follow = () => root.setProperty('--header-height', `${header.offsetHeight}px`)
    follow()
    const watch = new ResizeObserver(follow)
    watch.observe(header)
    return () => {
      watch.disconnect()
      root.removeProperty('--header-height')
    }
  }, [])
  return (
    <header className="app-header" ref={ref}>
      <a className="brand" href="/adql" onClick={(e) => { e.preventDefault(); navigate('adql', { profile: params.get('profile') ?? undefined }) }}>
        ESO Archive Explorer
      </a>
      <nav aria-label="Views">
        {VIEWS.map((v) => (
          <a
            key={v.id}
            href={v.path}
            aria-current={v.id === view ? 'page' : undefined}
            onMouseEnter={() => prefetchView(v.id)}
            onFocus={() => prefetchView(v.id)}
            onClick={(e) => {
              e.preventDefault()
              navigate(v.id as ViewId, { profile: params.get('profile') ?? undefined })
            }}
          >
            {v.label}
          </a>
        ))}
      </nav>
      <div className="header-right">
        <label className="profile-picker" title={tap ? `TAP: ${tap} (${rt.profile.access})` : undefined}>
          <span className="muted">Services</span>{' '}
          <select aria-label="Service profile" value={rt.profile.id} onChange={(e) => onProfile(e.target.value)}>
            {Object.values(config.profiles).map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <span className="access-badge" data-testid="access-mode" title="How the browser reaches the services">
          {rt.profile.access === 'proxy' ? 'via proxy' : 'direct'}
        </span>
        <button type="button" onClick={onToggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <SampControl />
        <LoginControl config={config} />
      </div>
    </header>
  )
}
