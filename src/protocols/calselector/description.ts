/**
 * The cascade summary ESO writes into the description of the #this row of a calSelector response:
 * `category="SCI" certified="true" complete="true" mode="Raw2Master" type="main" messages=""`.
 */

export type CalSelectorMode = 'Raw2Raw' | 'Raw2Master'

export interface CascadeSummary {
  /** e.g. SCI, CAL */
  category?: string
  /** the association is certified by ESO */
  certified?: boolean
  /** every calibration the cascade needs was found */
  complete?: boolean
  /** the mode actually run (Raw2Master may fall back to Raw2Raw) */
  mode?: string
  /** e.g. main */
  type?: string
  /** calSelector's remarks (empty when none) */
  messages?: string
  /** every key="value" pair as written */
  attributes: Record<string, string>
}

const bool = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : /^(true|yes|1)$/i.test(v.trim()) ? true : /^(false|no|0)$/i.test(v.trim()) ? false : undefined)

/** Reads the key="value" pairs; undefined when the text has none (an ordinary DataLink description). */
export function parseCascadeDescription(text: string | undefined): CascadeSummary | undefined {
  if (!text) return undefined
  const attributes: Record<string, string> = {}
  // values may hold escaped quotes (\") or single quotes
  const re = /([A-Za-z_][\w.-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/g
  for (let m = re.exec(text); m; m = re.exec(text)) attributes[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1')
  if (Object.keys(attributes).length === 0) return undefined
  const s: CascadeSummary = { attributes }
  if (attributes.category !== undefined) s.category = attributes.category
  const certified = bool(attributes.certified)
  if (certified !== undefined) s.certified = certified
  const complete = bool(attributes.complete)
  if (complete !== undefined) s.complete = complete
  if (attributes.mode !== undefined) s.mode = attributes.mode
  if (attributes.type !== undefined) s.type = attributes.type
  if (attributes.messages !== undefined) s.messages = attributes.messages
  return s
}

/** `raw2master`, `Raw2Master`, `RAW2MASTER` → `Raw2Master`; undefined for anything else. */
export function normaliseMode(mode: string | undefined): CalSelectorMode | undefined {
  const m = (mode ?? '').trim().toLowerCase()
  return m === 'raw2raw' ? 'Raw2Raw' : m === 'raw2master' ? 'Raw2Master' : undefined
}
