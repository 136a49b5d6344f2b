/** Which targets of a list have a position (given, typed in place of a failed name, or resolved) and which failed. */
import { parsePosition } from '../../protocols/coords'
import type { InputTarget, PlacedTarget } from '../../protocols/targets'
import type { NameAnswer } from './names'

export interface Failure {
  index: number
  /** What was tried (the name as given, or its correction). */
  text: string
  error: string
}

/** The text each row stands for: its correction when one was typed. */
export const textOf = (t: InputTarget, fixes: Readonly<Record<number, string>>): string => fixes[t.index]?.trim() || t.name

/** A typed correction that is a position, else undefined (a name). */
function positionOf(text: string): { ra: number; dec: number } | undefined {
  if (!/^[\d+\-−.]/.test(text.trim())) return undefined
  try {
    return parsePosition(text)
  } catch {
    return undefined
  }
}

/** The names that still need the resolver. */
export function namesToResolve(targets: readonly InputTarget[], fixes: Readonly<Record<number, string>>): string[] {
  return targets.flatMap((t) => {
    const fix = fixes[t.index]?.trim()
    if (fix) return positionOf(fix) ? [] : [fix]
    return t.ra === undefined && !t.error ? [t.name] : []
  })
}

export function placeTargets(targets: readonly InputTarget[], fixes: Readonly<Record<number, string>>, answers: ReadonlyMap<string, NameAnswer>): { placed: PlacedTarget[]; failures: Failure[] } {
  const placed: PlacedTarget[] = []
  const failures: Failure[] = []
  for (const t of targets) {
    const fix = fixes[t.index]?.trim()
    const text = textOf(t, fixes)
    const given = fix ? positionOf(fix) : t.ra !== undefined ? { ra: t.ra, dec: t.dec! } : undefined
    if (given) {
      placed.push({ index: t.index, name: text, ...given })
      continue
    }
    if (!fix && t.error) {
      failures.push({ index: t.index, text, error: t.error })
      continue
    }
    const a = answers.get(text)
    if (a && !('error' in a)) placed.push({ index: t.index, name: text, ra: a.ra, dec: a.dec })
    else failures.push({ index: t.index, text, error: a && 'error' in a ? a.error : 'Not resolved yet' })
  }
  return { placed, failures }
}
