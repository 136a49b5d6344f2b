/** Colours per category (collection, instrument…) for footprints and the legend. */

/** Distinct on dark and light skies; yellow, white and cyan are kept for selection, hover and the cone. */
export const PALETTE = ['#ff5a5a', '#4da3ff', '#5ad15a', '#ff9f40', '#c77dff', '#ff6ec7', '#2ec4b6', '#b5e550', '#e07a5f', '#8f94ff']
export const OTHER_COLOUR = '#9aa0a6'

export interface LegendEntry {
  label: string
  colour: string
  count: number
}

/** Groups rows by label, the most frequent first; labels past the palette share "other". */
export function colourGroups(labels: ArrayLike<string | null | undefined>): { group: Uint16Array; colours: string[]; legend: LegendEntry[] } {
  const counts = new Map<string, number>()
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] ?? '(none)'
    counts.set(l, (counts.get(l) ?? 0) + 1)
  }
  const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const named = ordered.length > PALETTE.length ? ordered.slice(0, PALETTE.length - 1) : ordered
  const indexOf = new Map(named.map(([l], i) => [l, i]))
  const otherIndex = named.length
  const legend: LegendEntry[] = named.map(([label, count], i) => ({ label, count, colour: PALETTE[i]! }))
  const otherCount = ordered.slice(named.length).reduce((n, [, c]) => n + c, 0)
  if (otherCount) legend.push({ label: `other (${ordered.length - named.length})`, count: otherCount, colour: OTHER_COLOUR })
  const group = new Uint16Array(labels.length)
  for (let i = 0; i < labels.length; i++) group[i] = indexOf.get(labels[i] ?? '(none)') ?? otherIndex
  return { group, colours: [...legend.map((e) => e.colour), OTHER_COLOUR], legend }
}
