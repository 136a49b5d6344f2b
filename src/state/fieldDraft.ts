/**
 * One form field's text as typed and not yet submitted, kept over reloads (localStorage through state/persist; forms
 * hold no credentials). The URL's value wins when it is not the one the draft was typed over: a shared link, back/
 * forward, or a submit that put the field in the URL.
 */
import { useEffect, useState } from 'react'
import { loadJson, saveJson } from './persist'

interface SavedField {
  text: string
  /** the URL's value when this was typed (null: none) */
  over: string | null
}

/** What the field shows on opening: the draft typed over this URL value, else the URL's value, else `fallback`. */
export function openingField(saved: unknown, fromUrl: string | null, fallback: string): string {
  const s = saved as Partial<SavedField> | null | undefined
  if (s && typeof s.text === 'string' && (s.over ?? null) === fromUrl) return s.text
  return fromUrl ?? fallback
}

export function useFieldDraft(key: string, fromUrl: string | null, fallback = ''): [string, (text: string) => void] {
  const storeKey = `field-draft:${key}`
  const [text, setText] = useState(() => openingField(loadJson<unknown>(storeKey, null), fromUrl, fallback))
  // the URL moved on (a link, back/forward): it replaces what was being typed
  const [over, setOver] = useState(fromUrl)
  if (over !== fromUrl) {
    setOver(fromUrl)
    if (fromUrl !== null) setText(fromUrl)
  }
  useEffect(() => void saveJson(storeKey, { text, over: fromUrl } satisfies SavedField), [storeKey, text, fromUrl])
  return [text, setText]
}
