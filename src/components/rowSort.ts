/**
 * Sorting a result's rows ourselves, on the column store: a permutation of row indexes in a typed array, from key
 * arrays made once per column (numbers as a Float64Array, strings as an array). Numbers are sorted by a stable radix
 * sort of their bits (no comparator calls: a million rows in tens of ms), strings by ranking their distinct values
 * and then the same radix sort of the ranks. Empty cells (null, NaN) come last in both directions; equal keys keep
 * the order they had (row order for a single column), so a sort is stable and several columns sort as one.
 */

/** A column's sort keys for rows [0, n): numbers (null → NaN), strings (null for empty) or a mix of both. */
export type Keys =
  | { kind: 'number'; n: number; k: Float64Array }
  | { kind: 'string'; n: number; k: (string | null)[] }
  | { kind: 'mixed'; n: number; k: (number | string | null)[] }

/** One sort column: its keys and direction. */
export interface SortKey {
  keys: Keys
  desc: boolean
}

const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer)
// the high word of a double is u32[1] on little-endian machines (every browser's), u32[0] otherwise
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0
const LO = 1 - HI

/**
 * Reorders `order` stably by the unsigned 64-bit keys (hi, lo) given per position: an LSD radix sort, `bits` (8 or 16)
 * a pass; a digit that is the same everywhere costs one counting pass and moves nothing.
 */
export function radixSort(order: Uint32Array, hi: Uint32Array, lo: Uint32Array, bits: 8 | 16 = 16): Uint32Array {
  const m = order.length
  let o: Uint32Array = order
  let h: Uint32Array = hi
  let l: Uint32Array = lo
  let o2: Uint32Array = new Uint32Array(m)
  let h2: Uint32Array = new Uint32Array(m)
  let l2: Uint32Array = new Uint32Array(m)
  const size = 1 << bits
  const mask = size - 1
  const perWord = 32 / bits
  const count = new Uint32Array(size)
  for (let pass = 0; pass < 2 * perWord; pass++) {
    const word = pass < perWord ? l : h
    const shift = (pass % perWord) * bits
    count.fill(0)
    for (let j = 0; j < m; j++) count[(word[j]! >>> shift) & mask]!++
    if (count[(word[0]! >>> shift) & mask] === m) continue
    let sum = 0
    for (let d = 0; d < size; d++) {
      const c = count[d]!
      count[d] = sum
      sum += c
    }
    for (let j = 0; j < m; j++) {
      const at = count[(word[j]! >>> shift) & mask]!++
      o2[at] = o[j]!
      h2[at] = h[j]!
      l2[at] = l[j]!
    }
    ;[o, o2] = [o2, o]
    ;[h, h2] = [h2, h]
    ;[l, l2] = [l2, l]
  }
  return o
}

/** One stable pass by numbers: ascending or descending, NaN last. */
function byNumbers(order: Uint32Array, k: Float64Array, desc: boolean): Uint32Array {
  const m = order.length
  const hi = new Uint32Array(m)
  const lo = new Uint32Array(m)
  for (let j = 0; j < m; j++) {
    const v = k[order[j]!]!
    if (v !== v) {
      hi[j] = 0xffffffff
      lo[j] = 0xffffffff
      continue
    }
    f64[0] = v === 0 ? 0 : v // -0 as 0
    let h = u32[HI]!
    let l = u32[LO]!
    // IEEE 754 bits to an unsigned order: negatives flipped whole, positives above them
    if (h & 0x80000000) {
      h = ~h >>> 0
      l = ~l >>> 0
    } else h = (h | 0x80000000) >>> 0
    // descending: the complement (never the all-ones key of NaN: +Infinity's complement stays below it)
    if (desc) {
      h = ~h >>> 0
      l = ~l >>> 0
    }
    hi[j] = h
    lo[j] = l
  }
  return radixSort(order, hi, lo)
}

/** Plain order of strings (UTF-16 code units, as AG Grid's default comparator and `<` compare them). */
const strCmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Groups this small are sorted by comparisons (a radix pass over them would cost more than it saves). */
const SMALL_GROUP = 1024

/**
 * Distinct strings' indexes in plain order: an MSD radix sort taking 4 UTF-16 units at a time (a unit past the end
 * counts as 0), the groups that still tie sorted on by the next 4 units, small groups by comparisons. A long prefix
 * shared by every string (ivo://eso.org/ID?…) costs a counting pass per 4 units, not a comparison of it per pair.
 */
export function sortDistinct(strings: readonly string[]): Uint32Array {
  const all = rowRange(0, strings.length)
  const stack: { from: number; to: number; depth: number }[] = [{ from: 0, to: all.length, depth: 0 }]
  while (stack.length) {
    const { from, to, depth } = stack.pop()!
    const group = all.subarray(from, to)
    if (to - from <= SMALL_GROUP) {
      group.set(Array.from(group).sort((a, b) => strCmp(strings[a]!, strings[b]!)))
      continue
    }
    const m = to - from
    const hi = new Uint32Array(m)
    const lo = new Uint32Array(m)
    let longer = false
    for (let j = 0; j < m; j++) {
      const s = strings[group[j]!]!
      hi[j] = ((s.charCodeAt(depth) || 0) << 16) | (s.charCodeAt(depth + 1) || 0)
      lo[j] = ((s.charCodeAt(depth + 2) || 0) << 16) | (s.charCodeAt(depth + 3) || 0)
      if (s.length > depth + 4) longer = true
    }
    group.set(radixSort(group, hi, lo, 8))
    // the runs that still tie on these units go on to the next ones (or, when every string ends here, by comparisons)
    const same = (x: string, y: string) => {
      for (let p = depth; p < depth + 4; p++) if ((x.charCodeAt(p) || 0) !== (y.charCodeAt(p) || 0)) return false
      return true
    }
    for (let a = 0; a < m; ) {
      const first = strings[group[a]!]!
      let b = a + 1
      while (b < m && same(first, strings[group[b]!]!)) b++
      if (b - a > 1) {
        const run = group.subarray(a, b)
        if (longer) stack.push({ from: from + a, to: from + b, depth: depth + 4 })
        else run.set(Array.from(run).sort((x, y) => strCmp(strings[x]!, strings[y]!)))
      }
      a = b
    }
  }
  return all
}

/** One stable pass by strings: each distinct string ranked once, then the ranks radix-sorted; null last. */
function byStrings(order: Uint32Array, k: (string | null)[], desc: boolean): Uint32Array {
  const m = order.length
  const ids = new Map<string, number>()
  const distinct: string[] = []
  const id = new Uint32Array(m)
  for (let j = 0; j < m; j++) {
    const s = k[order[j]!]
    if (s === null || s === undefined) {
      id[j] = 0xffffffff
      continue
    }
    let x = ids.get(s)
    if (x === undefined) {
      x = distinct.length
      ids.set(s, x)
      distinct.push(s)
    }
    id[j] = x
  }
  const D = distinct.length
  const sorted = sortDistinct(distinct)
  const rank = new Uint32Array(D)
  for (let r = 0; r < D; r++) rank[sorted[r]!] = desc ? D - 1 - r : r
  const lo = new Uint32Array(m)
  for (let j = 0; j < m; j++) lo[j] = id[j] === 0xffffffff ? D : rank[id[j]!]!
  return radixSort(order, new Uint32Array(m), lo)
}

const isEmpty = (v: number | string | null | undefined) => v === null || v === undefined || v !== v

/** Compares two values of one sort column (numbers before strings, empty last in both directions). */
function compareValues(a: number | string | null | undefined, b: number | string | null | undefined, desc: boolean): number {
  const ea = isEmpty(a)
  const eb = isEmpty(b)
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1
  let r: number
  if (typeof a === typeof b) r = a! < b! ? -1 : a! > b! ? 1 : 0
  else r = typeof a === 'number' ? -1 : 1
  return desc ? -r : r
}

/** Compares rows a and b by the sort keys (0: equal on every key). */
export function compareRows(keys: readonly SortKey[], a: number, b: number): number {
  for (const { keys: s, desc } of keys) {
    const r = compareValues(s.k[a], s.k[b], desc)
    if (r) return r
  }
  return 0
}

/** Rows `order` sorted stably by the keys (the first key first; ties keep the order given). */
export function sortRows(order: Uint32Array, keys: readonly SortKey[]): Uint32Array {
  let o = order
  // least significant key first: every pass is stable
  for (let q = keys.length - 1; q >= 0; q--) {
    const { keys: s, desc } = keys[q]!
    if (s.kind === 'number') o = byNumbers(o, s.k, desc)
    else if (s.kind === 'string') o = byStrings(o, s.k, desc)
    else o = Uint32Array.from(Array.from(o).sort((a, b) => compareValues(s.k[a], s.k[b], desc)))
  }
  return o
}

/** The rows [from, to) in order. */
export function rowRange(from: number, to: number): Uint32Array {
  const o = new Uint32Array(Math.max(0, to - from))
  for (let j = 0; j < o.length; j++) o[j] = from + j
  return o
}

/** Two sorted runs merged into one (on equal keys the first run's row first: row order, as a whole sort gives). */
export function mergeRows(a: Uint32Array, b: Uint32Array, keys: readonly SortKey[]): Uint32Array {
  const out = new Uint32Array(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = compareRows(keys, b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}

/** Values of rows [from, to) of a column, read one cell at a time. */
export type CellReader = (row: number) => unknown

/** Appends the keys of rows [keys.n, to) to a column's keys, read through `cell`; a new key store when `keys` is undefined. */
export function extendKeys(keys: Keys | undefined, kind: Keys['kind'], cell: CellReader, to: number): Keys {
  const from = keys?.n ?? 0
  if (kind === 'number') {
    const old = keys?.kind === 'number' ? keys.k : new Float64Array(0)
    const k = old.length >= to ? old : new Float64Array(Math.max(to, Math.min(old.length * 2, to * 2)))
    if (k !== old) k.set(old.subarray(0, from))
    for (let r = from; r < to; r++) {
      const v = cell(r)
      k[r] = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? +v : NaN
    }
    return { kind, n: to, k }
  }
  const k = (keys?.k as (string | number | null)[] | undefined) ?? []
  for (let r = from; r < to; r++) {
    const v = cell(r)
    k[r] = v === null || v === undefined ? null : kind === 'mixed' && typeof v === 'number' ? v : String(v)
  }
  return { kind, n: to, k } as Keys
}
