/** "Did you mean …?": the nearest names by edit distance (Damerau–Levenshtein, optimal string alignment). */

export function editDistance(a: string, b: string): number {
  a = a.toLowerCase()
  b = b.toLowerCase()
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[a.length]![b.length]!
}

/**
 * Up to `max` candidates close to `word`: within a third of its length (at least 2 edits), or sharing its
 * beginning (`obs` → `obs_id`); nearest first, no repeats (case-insensitive).
 */
export function closestNames(word: string, candidates: Iterable<string>, max = 3): string[] {
  const w = word.toLowerCase()
  const limit = Math.max(2, Math.floor(w.length / 3))
  const seen = new Set<string>()
  const scored: { name: string; score: number }[] = []
  for (const name of candidates) {
    const n = name.toLowerCase()
    if (seen.has(n) || n === w) continue
    seen.add(n)
    const dist = editDistance(w, n)
    const prefix = w.length >= 3 && (n.startsWith(w) || w.startsWith(n))
    if (dist <= limit || prefix) scored.push({ name, score: dist - (prefix ? 0.5 : 0) })
  }
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, max).map((s) => s.name)
}
