import { loadJson, saveJson } from '../../state/persist'

export interface HistoryEntry {
  query: string
  serviceUrl: string
  at: string
}

const KEY = 'adql-history'
const MAX = 100

export function loadHistory(): HistoryEntry[] {
  return loadJson<HistoryEntry[]>(KEY, [])
}

/** Remembers a run query (most recent first, without repeats). */
export function rememberQuery(query: string, serviceUrl: string): HistoryEntry[] {
  const entry = { query: query.trim(), serviceUrl, at: new Date().toISOString() }
  const next = [entry, ...loadHistory().filter((h) => !(h.query === entry.query && h.serviceUrl === serviceUrl))].slice(0, MAX)
  saveJson(KEY, next)
  return next
}
