/**
 * Which footprints contain a sky position: grid cell → bounding cone → exact spherical
 * point-in-shape (the STC-S module's test on the row's own region, compiled once per footprint).
 */
import { containmentTest, type ContainsTest } from '../../protocols/stcs'
import { candidatesAt } from './gridIndex'
import { FootprintKind, icrsShape, unitVector, type FootprintStore } from './footprints'

export class FootprintHitTester {
  private tests = new Map<number, ContainsTest | null>()
  constructor(
    private readonly store: FootprintStore,
    private readonly regions: readonly (string | null | undefined)[],
  ) {}

  private testOf(f: number): ContainsTest | null {
    let t = this.tests.get(f)
    if (t === undefined) {
      const shape = icrsShape(this.regions[f])
      t = shape ? containmentTest(shape) : null
      this.tests.set(f, t)
    }
    return t
  }

  /**
   * Footprints containing (ra, dec) in degrees, smallest first; point footprints count when
   * closer than `pointToleranceDeg` (a few screen pixels).
   */
  at(ra: number, dec: number, pointToleranceDeg = 0): number[] {
    const s = this.store
    const [x, y, z] = unitVector(ra, dec)
    const cosTol = Math.cos((pointToleranceDeg * Math.PI) / 180)
    const hits: number[] = []
    for (const list of candidatesAt(s.index, ra, dec)) {
      for (let i = 0; i < list.length; i++) {
        const f = list[i]!
        const o = 4 * f
        const d = s.cone[o]! * x + s.cone[o + 1]! * y + s.cone[o + 2]! * z
        if (s.kind[f] === FootprintKind.Point) {
          if (d >= cosTol) hits.push(f)
          continue
        }
        // 1e-12 slack: the cone is exact for corners on its rim
        if (d < Math.cos(s.cone[o + 3]!) - 1e-12) continue
        if (this.testOf(f)?.(ra, dec)) hits.push(f)
      }
    }
    hits.sort((a, b) => s.cone[4 * a + 3]! - s.cone[4 * b + 3]! || a - b)
    return hits
  }
}
