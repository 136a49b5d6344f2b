/**
 * An RA/Dec grid over the sky (cells of `cellDeg` degrees) listing the footprints whose bounding
 * cone touches each cell, in compressed rows. Footprints larger than MAX_CELLS cells go to a short
 * "big" list checked for every query. Point lookups then test a handful of candidates instead of all.
 */

export interface GridIndex {
  cellDeg: number
  raCells: number
  decCells: number
  /** Cell c lists items[cellStart[c]] … items[cellStart[c+1]-1]. */
  cellStart: Int32Array
  items: Int32Array
  /** Footprints too big for the grid. */
  big: Int32Array
}

const RAD = Math.PI / 180
const MAX_CELLS = 4096

/** Calls visit(cell) for every grid cell a cone (unit centre, radius in radians) may touch; false if too many. */
function forCells(cellDeg: number, raCells: number, decCells: number, x: number, y: number, z: number, radius: number, limit: number, visit: (cell: number) => void): boolean {
  const dec = Math.asin(Math.max(-1, Math.min(1, z))) / RAD
  let ra = Math.atan2(y, x) / RAD
  if (ra < 0) ra += 360
  const r = radius / RAD + 1e-9
  const decLo = Math.max(-90, dec - r)
  const decHi = Math.min(90, dec + r)
  const b0 = Math.max(0, Math.floor((decLo + 90) / cellDeg))
  const b1 = Math.min(decCells - 1, Math.floor((decHi + 90) / cellDeg))
  let allRa = decHi >= 90 || decLo <= -90
  let half = 180
  if (!allRa) {
    const s = Math.sin(r * RAD) / Math.cos(dec * RAD)
    if (s >= 1) allRa = true
    else half = Math.asin(s) / RAD
  }
  let a0 = 0
  let a1 = raCells - 1
  if (!allRa && 2 * half < 360 - cellDeg) {
    a0 = Math.floor((ra - half) / cellDeg)
    a1 = Math.floor((ra + half) / cellDeg)
  }
  if ((b1 - b0 + 1) * (a1 - a0 + 1) > limit) return false
  for (let b = b0; b <= b1; b++) {
    for (let a = a0; a <= a1; a++) visit(b * raCells + (((a % raCells) + raCells) % raCells))
  }
  return true
}

export function buildGridIndex(kind: Uint8Array, cone: Float64Array, cellDeg = 1): GridIndex {
  const raCells = Math.round(360 / cellDeg)
  const decCells = Math.round(180 / cellDeg)
  const cellCount = raCells * decCells
  const counts = new Int32Array(cellCount + 1)
  const big: number[] = []
  const isBig = new Uint8Array(kind.length)
  const n = kind.length
  // two passes: count per cell, then fill
  for (let f = 0; f < n; f++) {
    if (kind[f] === 0) continue
    const ok = forCells(cellDeg, raCells, decCells, cone[4 * f]!, cone[4 * f + 1]!, cone[4 * f + 2]!, cone[4 * f + 3]!, MAX_CELLS, (c) => counts[c]!++)
    if (!ok) {
      isBig[f] = 1
      big.push(f)
    }
  }
  const cellStart = new Int32Array(cellCount + 1)
  for (let c = 0; c < cellCount; c++) cellStart[c + 1] = cellStart[c]! + counts[c]!
  const fill = cellStart.slice(0, cellCount)
  const items = new Int32Array(cellStart[cellCount]!)
  for (let f = 0; f < n; f++) {
    if (kind[f] === 0 || isBig[f]) continue
    forCells(cellDeg, raCells, decCells, cone[4 * f]!, cone[4 * f + 1]!, cone[4 * f + 2]!, cone[4 * f + 3]!, Infinity, (c) => {
      items[fill[c]!++] = f
    })
  }
  return { cellDeg, raCells, decCells, cellStart, items, big: Int32Array.from(big) }
}

/** Footprints whose bounding cone may contain the position (degrees); each listed once. */
export function candidatesAt(index: GridIndex, ra: number, dec: number): Int32Array[] {
  const b = Math.min(index.decCells - 1, Math.max(0, Math.floor((dec + 90) / index.cellDeg)))
  const r = ((ra % 360) + 360) % 360
  const a = Math.min(index.raCells - 1, Math.floor(r / index.cellDeg))
  const c = b * index.raCells + a
  return [index.items.subarray(index.cellStart[c]!, index.cellStart[c + 1]!), index.big]
}

/**
 * Footprints whose cone may meet a cone (unit centre, radius radians), for culling; undefined
 * when the cone covers so many cells that a linear scan is cheaper.
 */
export function candidatesInCone(index: GridIndex, x: number, y: number, z: number, radius: number, stamp: Uint32Array, mark: number): number[] | undefined {
  const out: number[] = []
  const ok = forCells(index.cellDeg, index.raCells, index.decCells, x, y, z, radius, 2000, (c) => {
    for (let i = index.cellStart[c]!; i < index.cellStart[c + 1]!; i++) {
      const f = index.items[i]!
      if (stamp[f] !== mark) {
        stamp[f] = mark
        out.push(f)
      }
    }
  })
  if (!ok) return undefined
  for (const f of index.big) {
    if (stamp[f] !== mark) {
      stamp[f] = mark
      out.push(f)
    }
  }
  return out
}
