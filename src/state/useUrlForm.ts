/**
 * A search form whose submitted values live in the URL (shareable, back/forward) while a local draft
 * keeps what is being typed until the next submit, or until the URL moves on (a link, back/forward).
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { loadJson, saveJson } from './persist'
import { useRoute, useSetParams } from './route'
import { draftOf, readUrlForm, writeUrlForm, type Draft, type Params, type TextForm, type UrlFormSpec } from './urlForm'

export interface UrlForm<F> {
  /** The form as in the URL: what the results show. */
  committed: F
  /** The form as on screen. */
  draft: F
  setDraft: (form: F) => void
  /** The URL says to run the search (`go=1`): set by a submit, kept in shared links. */
  go: boolean
  /** Puts a form in the URL and runs it; `extra` sets other parameters alongside (e.g. clears a selection). */
  submit: (form: F, extra?: Params) => void
  params: URLSearchParams
  setParams: (changes: Params, replace?: boolean) => void
}

/** The URL-backed form of the current view; `spec` must be a module constant. */
export function useUrlForm<F extends TextForm<F>>(spec: UrlFormSpec<F>): UrlForm<F> {
  const { view, params } = useRoute()
  const setParams = useSetParams()
  const storeKey = `form-draft:${view}`
  const committed = useMemo(() => readUrlForm(spec, params), [spec, params])
  const committedKey = JSON.stringify(writeUrlForm(spec, committed))
  // back/forward and shared links replace what is being edited: a draft is dropped as soon as the URL form changes
  // what was being typed survives a reload (the same URL form): kept in the browser, never credentials (forms hold none)
  const [edit, setEdit] = useState<Draft<F>>(() => {
    const saved = loadJson<Draft<F> | null>(storeKey, null)
    return saved && saved.over === committedKey && saved.form ? saved : { over: committedKey }
  })
  useEffect(() => void saveJson(storeKey, edit), [storeKey, edit])
  let current = edit
  if (edit.over !== committedKey) {
    current = { over: committedKey }
    setEdit(current)
  }
  const draft = draftOf(current, committedKey, committed)
  const setDraft = useCallback((form: F) => setEdit({ over: committedKey, form }), [committedKey])
  const submit = useCallback(
    (form: F, extra: Params = {}) => {
      setEdit({ over: committedKey, form })
      setParams({ ...writeUrlForm(spec, form), go: '1', ...extra })
    },
    [committedKey, setParams, spec],
  )
  return { committed, draft, setDraft, go: params.get('go') === '1', submit, params, setParams }
}
