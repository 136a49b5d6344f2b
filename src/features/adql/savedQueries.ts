/**
 * Queries the user saved under a name, kept in the browser (localStorage through state/persist) and carried to
 * another browser as a JSON file (export, import).
 */
import { loadJson, saveJson } from '../../state/persist'

export interface SavedQuery {
  name: string
  query: string
  /** The service key it was saved for (tap_obs, tap_cat or a service URL). */
  service: string
  savedAt: string
}

const KEY = 'adql-saved'
const FORMAT = 'eso-archive-explorer/saved-queries'

export function loadSaved(): SavedQuery[] {
  const list = loadJson<unknown>(KEY, [])
  return Array.isArray(list) ? list.filter(isSaved) : []
}

function isSaved(x: unknown): x is SavedQuery {
  const o = x as Record<string, unknown> | null
  return !!o && typeof o.name === 'string' && o.name.trim() !== '' && typeof o.query === 'string' && typeof o.service === 'string' && typeof o.savedAt === 'string'
}

/** `incoming` merged into `list`: a query of the same name is replaced; sorted by name. */
export function mergeSaved(list: readonly SavedQuery[], incoming: readonly SavedQuery[]): SavedQuery[] {
  const byName = new Map(list.map((q) => [q.name, q]))
  for (const q of incoming) byName.set(q.name, q)
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** Saves `query` under `name` (replacing one of that name); returns the new list. */
export function saveQuery(name: string, query: string, service: string, now = new Date()): SavedQuery[] {
  const next = mergeSaved(loadSaved(), [{ name: name.trim(), query, service, savedAt: now.toISOString() }])
  saveJson(KEY, next)
  return next
}

export function removeSaved(name: string): SavedQuery[] {
  const next = loadSaved().filter((q) => q.name !== name)
  saveJson(KEY, next)
  return next
}

/** The file an export writes. */
export function exportSaved(list: readonly SavedQuery[]): string {
  return JSON.stringify({ format: FORMAT, version: 1, queries: list }, null, 2)
}

/** Reads an exported file: its queries, or an error saying what is wrong with it. */
export function parseSavedFile(text: string): { queries: SavedQuery[] } | { error: string } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { error: 'The file is not JSON' }
  }
  const o = data as Record<string, unknown> | null
  if (!o || o.format !== FORMAT || !Array.isArray(o.queries)) return { error: 'The file is not an export of saved queries' }
  const queries = o.queries.filter(isSaved)
  if (queries.length < o.queries.length) return { error: `${o.queries.length - queries.length} of the file's queries lack a name, text, service or date` }
  return { queries }
}

/** Imports a file's queries into the browser's list; returns the new list, or the file's problem. */
export function importSaved(text: string): { list: SavedQuery[]; added: number } | { error: string } {
  const r = parseSavedFile(text)
  if ('error' in r) return r
  const list = mergeSaved(loadSaved(), r.queries)
  saveJson(KEY, list)
  return { list, added: r.queries.length }
}
