/**
 * Keeps a plot of many points responsive: points sorted by x are reduced to the first, min, max and last
 * point of each of `buckets` x-intervals, so every spike stays visible (min-max decimation).
 */
export function sortByX(x: Float64Array, y: Float64Array): { x: Float64Array; y: Float64Array } {
  const idx: number[] = []
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) idx.push(i)
  idx.sort((a, b) => x[a]! - x[b]!)
  return { x: Float64Array.from(idx, (i) => x[i]!), y: Float64Array.from(idx, (i) => y[i]!) }
}

export function decimateMinMax(x: Float64Array, y: Float64Array, buckets: number): { x: Float64Array; y: Float64Array } {
  const n = x.length
  if (n <= buckets * 4) return { x, y }
  const x0 = x[0]!
  const span = x[n - 1]! - x0 || 1
  const ox: number[] = []
  const oy: number[] = []
  let i = 0
  for (let b = 0; b < buckets && i < n; b++) {
    const end = b === buckets - 1 ? Infinity : x0 + (span * (b + 1)) / buckets
    const first = i
    let lo = i
    let hi = i
    while (i < n && x[i]! < end) {
      if (y[i]! < y[lo]!) lo = i
      if (y[i]! > y[hi]!) hi = i
      i++
    }
    if (i === first) continue
    const last = i - 1
    for (const k of [...new Set([first, lo, hi, last])].sort((a, b) => a - b)) {
      ox.push(x[k]!)
      oy.push(y[k]!)
    }
  }
  return { x: Float64Array.from(ox), y: Float64Array.from(oy) }
}
