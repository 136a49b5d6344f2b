import { useEffect, useState } from 'react'
import { loadJson, saveJson } from '../state/persist'

export type Theme = 'light' | 'dark'

function initialTheme(): Theme {
  const saved = loadJson<Theme | null>('theme', null)
  if (saved === 'light' || saved === 'dark') return saved
  return matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(initialTheme)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
    saveJson('theme', theme)
  }, [theme])
  return [theme, () => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))]
}
