/** A typed target → ICRS position: coordinates are read here, names go to Sesame (the profile's `resolver`). */
import { useEffect, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { AppRuntime } from './runtime'
import { parsePosition } from '../protocols/coords'
import { resolveName } from '../protocols/sesame'

export interface TargetPosition {
  ra: number
  dec: number
  /** How it was found, e.g. "coordinates (galactic)" or "Simbad: NGC 6397". */
  source: string
}

export type TargetState =
  | { status: 'none' }
  | { status: 'resolving' }
  | { status: 'ok'; position: TargetPosition }
  | { status: 'error'; message: string }

function looksLikeCoordinates(text: string): boolean {
  // names start with letters (M 31, NGC 6397, eta Car); coordinates with digits, signs or a frame word and digits
  return /^[\d+\-.]/.test(text.trim()) || /^(l|ra|gal|icrs|j2000|fk5|G\d)/i.test(text.trim()) && /\d/.test(text)
}

/** How long typing must pause before a typed target is resolved. */
export const TARGET_DEBOUNCE_MS = 400

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return v
}

export function useTarget(rt: AppRuntime, text: string): TargetState {
  const target = text.trim()
  let coordinates: TargetState | undefined
  if (target === '') coordinates = { status: 'none' }
  else {
    try {
      const p = parsePosition(target)
      coordinates = { status: 'ok', position: { ra: p.ra, dec: p.dec, source: p.frame === 'galactic' ? 'coordinates (galactic → ICRS)' : 'coordinates' } }
    } catch (e) {
      if (looksLikeCoordinates(target)) coordinates = { status: 'error', message: (e as Error).message }
    }
  }
  const resolverUrl = rt.endpoint('resolver')
  const name = useQuery({
    queryKey: ['sesame', resolverUrl, target],
    queryFn: ({ signal }) => resolveName(rt.http, target, { resolverUrl: resolverUrl!, signal }),
    enabled: !coordinates && !!resolverUrl,
    staleTime: Infinity,
    retry: false,
  })
  if (coordinates) return coordinates
  if (!resolverUrl) return { status: 'error', message: `The profile "${rt.profile.label}" has no name resolver: type coordinates, e.g. 265.175 -53.674` }
  if (name.isPending) return { status: 'resolving' }
  if (name.error) return { status: 'error', message: name.error.message }
  const r = name.data!
  return { status: 'ok', position: { ra: r.ra, dec: r.dec, source: `${r.resolver}: ${r.name}` } }
}

/**
 * The text to resolve for a target being typed: the debounced text while typing, but the submitted one at once
 * when the draft is back to it (a link, a drawn circle, back/forward), so that no stale name shows meanwhile.
 */
export const draftTargetText = (draft: string, committed: string, debounced: string): string => (draft === committed ? committed : debounced)

export const positionOf = (t: TargetState): TargetPosition | undefined => (t.status === 'ok' ? t.position : undefined)

/** The position of the target being typed (debounced) and of the target submitted. */
export function useFormTargets(rt: AppRuntime, draft: string, committed: string): { draftTarget: TargetState; target: TargetState } {
  const debounced = useDebounced(draft, TARGET_DEBOUNCE_MS)
  const draftTarget = useTarget(rt, draftTargetText(draft, committed, debounced))
  const target = useTarget(rt, committed)
  return { draftTarget, target }
}
