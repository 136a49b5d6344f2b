/** The Lezer parse of a query text, kept for the last few texts so that the editor, validation and Run share one parse. */
import type { Tree } from '@lezer/common'
import { parser } from './parser'

const KEPT = 4
const recent = new Map<string, Tree>()

/** The parse tree of `text` (error-recovering; a tree is never changed, so one parse serves every reader). */
export function parseQuery(text: string): Tree {
  const hit = recent.get(text)
  if (hit) {
    // most recent last: the oldest goes first when the map is full
    recent.delete(text)
    recent.set(text, hit)
    return hit
  }
  const tree = parser.parse(text)
  recent.set(text, tree)
  if (recent.size > KEPT) recent.delete(recent.keys().next().value!)
  return tree
}
