/**
 * The query the ADQL view opens with. The user's latest text wins over the URL's `q` the view itself wrote
 * (a reload); a link that carries a different query opens that query and keeps the draft aside, to restore.
 */
export interface SavedDraft {
  text: string
  /** The URL's `q` when the draft was saved: the query the draft grew from. */
  fromQ: string | null
  /** A draft still set aside (not yet restored or dropped): it survives reloads too. */
  aside?: string
}

export interface OpeningQuery {
  query: string
  /** The user's draft, set aside because the link brought another query. */
  setAside?: string
}

/** Reads a stored draft; older versions stored the bare text. */
export function readDraft(stored: unknown): SavedDraft | undefined {
  if (typeof stored === 'string') return { text: stored, fromQ: null }
  if (stored && typeof stored === 'object' && typeof (stored as SavedDraft).text === 'string') {
    const { text, fromQ, aside } = stored as SavedDraft
    return { text, fromQ: typeof fromQ === 'string' ? fromQ : null, ...(typeof aside === 'string' ? { aside } : {}) }
  }
  return undefined
}

export function openingQuery(urlQ: string | null, draft: SavedDraft | undefined, fallback: string): OpeningQuery {
  const kept = draft?.aside !== undefined ? { setAside: draft.aside } : {}
  if (urlQ === null) return { query: draft?.text ?? fallback, ...kept }
  if (!draft || draft.fromQ === urlQ || draft.text === urlQ) return { query: draft && draft.fromQ === urlQ ? draft.text : urlQ, ...kept }
  // a link with a query of its own: open it, keep the draft to restore (unless it was just the default)
  return { query: urlQ, setAside: draft.text.trim() && draft.text !== fallback ? draft.text : undefined }
}
