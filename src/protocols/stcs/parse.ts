/**
 * STC-S 1.0 region parsing (IVOA Note 2009), as services really write it: ESO's `POLYGON J2000 …` and
 * bare concatenations of polygons for multi-chip cameras, DaCHS's mixed-case `Polygon ICRS …`,
 * empty frames, and the optional fillfactor, reference position, flavor and unit words.
 */
import { StcsSyntaxError } from './errors'
import { isNumber, tokenize, type Token } from './tokens'
import type { Shape, SpaceFrame, Vertex } from './types'

const FRAMES: Record<string, SpaceFrame> = {
  ICRS: 'ICRS',
  FK5: 'FK5',
  FK4: 'FK4',
  J2000: 'J2000',
  B1950: 'B1950',
  GALACTIC: 'GALACTIC',
  GALACTIC_II: 'GALACTIC',
  ECLIPTIC: 'ECLIPTIC',
  UNKNOWNFRAME: 'UNKNOWN',
}
const UNSUPPORTED_FRAMES = new Set(['SUPER_GALACTIC', 'GEO_C', 'GEO_D', 'GEOD', 'GEOC'])
const REFERENCE_POSITIONS = new Set([
  'GEOCENTER', 'BARYCENTER', 'HELIOCENTER', 'TOPOCENTER', 'GALACTIC_CENTER', 'LOCAL_GROUP_CENTER',
  'EMBARYCENTER', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO',
  'LSR', 'LSRK', 'LSRD', 'RELOCATABLE', 'UNKNOWNREFPOS',
])
const UNSUPPORTED_FLAVORS = new Set(['CART1', 'CART2', 'CART3', 'SPHERICAL3', 'UNITSPHERE', 'CARTESIAN'])
const UNIT_DEGREES: Record<string, number> = { deg: 1, arcmin: 1 / 60, arcsec: 1 / 3600, rad: 180 / Math.PI }
const SHAPES = new Set(['POSITION', 'CIRCLE', 'BOX', 'POLYGON', 'UNION', 'INTERSECTION', 'NOT'])

export interface StcsParseOptions {
  /** Frame for shapes that name none (default UNKNOWN). */
  defaultFrame?: SpaceFrame
}

/**
 * Parses an STC-S region (e.g. an ObsCore `s_region`). Several top-level shapes in a row
 * (`POLYGON J2000 … POLYGON J2000 …`) are read as their union. Throws StcsSyntaxError.
 */
export function parseStcs(text: string, options: StcsParseOptions = {}): Shape {
  return new StcsParser(text, options.defaultFrame ?? 'UNKNOWN').region()
}

/** Like parseStcs, but undefined for an empty or malformed value (for rendering many rows). */
export function tryParseStcs(text: string | null | undefined, options: StcsParseOptions = {}): Shape | undefined {
  if (!text || text.trim() === '') return undefined
  try {
    return parseStcs(text, options)
  } catch (e) {
    if (e instanceof StcsSyntaxError) return undefined
    throw e
  }
}

/** Whether a word starts an STC-S shape (case-insensitive). */
export function isStcsShapeWord(word: string): boolean {
  return SHAPES.has(word.toUpperCase())
}

class StcsParser {
  private readonly tokens: Token[]
  private at = 0

  constructor(
    private readonly text: string,
    private readonly defaultFrame: SpaceFrame,
  ) {
    this.tokens = tokenize(text)
  }

  region(): Shape {
    const shapes: Shape[] = []
    while (this.peek()) {
      if (this.peek()!.text === ')') this.fail('unbalanced ")"')
      shapes.push(this.shape(undefined))
    }
    if (shapes.length === 0) this.fail('empty region')
    if (shapes.length === 1) return shapes[0]!
    return { kind: 'union', frame: shapes[0]!.frame, shapes }
  }

  private peek(): Token | undefined {
    return this.tokens[this.at]
  }

  private fail(reason: string, token = this.peek()): never {
    throw new StcsSyntaxError(reason, token?.text ?? '', token?.position ?? this.text.length, this.text)
  }

  private word(): string | undefined {
    return this.peek()?.text.toUpperCase()
  }

  private shape(inherited: SpaceFrame | undefined): Shape {
    const start = this.peek()!
    const keyword = start.text.toUpperCase()
    if (!SHAPES.has(keyword)) {
      this.fail(isNumber(start.text) ? 'unexpected number; expected a shape (POLYGON, CIRCLE, POSITION, BOX, UNION, INTERSECTION, NOT)' : 'unknown shape; expected POLYGON, CIRCLE, POSITION, BOX, UNION, INTERSECTION or NOT')
    }
    this.at++
    const frame = this.header(inherited)
    switch (keyword) {
      case 'UNION':
      case 'INTERSECTION': {
        const shapes = this.operands(frame, keyword)
        return keyword === 'UNION' ? { kind: 'union', frame, shapes } : { kind: 'intersection', frame, shapes }
      }
      case 'NOT': {
        const [shape] = this.operands(frame, keyword)
        return { kind: 'not', frame, shape: shape! }
      }
      case 'POSITION': {
        const [ra, dec] = this.coordinates(keyword, 2, 2)
        return { kind: 'point', frame, ra: ra!, dec: dec! }
      }
      case 'CIRCLE': {
        const [ra, dec, radius] = this.coordinates(keyword, 3, 3)
        return { kind: 'circle', frame, ra: ra!, dec: dec!, radius: radius! }
      }
      case 'BOX': {
        const [ra, dec, width, height] = this.coordinates(keyword, 4, 4)
        return { kind: 'polygon', frame, vertices: boxVertices(ra!, dec!, width!, height!) }
      }
      default: {
        const values = this.coordinates(keyword, 6, Infinity)
        const vertices: Vertex[] = []
        for (let i = 0; i < values.length; i += 2) vertices.push([values[i]!, values[i + 1]!])
        // some writers repeat the first corner at the end to close the ring
        const first = vertices[0]!
        const last = vertices[vertices.length - 1]!
        if (vertices.length > 3 && first[0] === last[0] && first[1] === last[1]) vertices.pop()
        return { kind: 'polygon', frame, vertices }
      }
    }
  }

  /** [fillfactor f] [frame [equinox]] [refpos] [flavor] */
  private header(inherited: SpaceFrame | undefined): SpaceFrame {
    if (this.word() === 'FILLFACTOR') {
      this.at++
      if (!this.peek() || !isNumber(this.peek()!.text)) this.fail('expected a number after fillfactor')
      this.at++
    }
    let frame = inherited ?? this.defaultFrame
    const w = this.word()
    if (w !== undefined && w in FRAMES) {
      frame = FRAMES[w]!
      this.at++
      if ((w === 'FK4' || w === 'FK5' || w === 'ECLIPTIC') && /^[JB]\d+(\.\d*)?$/i.test(this.peek()?.text ?? '')) this.at++
    } else if (w !== undefined && UNSUPPORTED_FRAMES.has(w)) {
      this.fail(`unsupported reference frame for sky regions`)
    }
    if (this.word() !== undefined && REFERENCE_POSITIONS.has(this.word()!)) this.at++
    const flavor = this.word()
    if (flavor === 'SPHERICAL2') this.at++
    else if (flavor !== undefined && UNSUPPORTED_FLAVORS.has(flavor)) this.fail('only the SPHERICAL2 coordinate flavor is supported')
    return frame
  }

  private operands(frame: SpaceFrame, keyword: string): Shape[] {
    if (this.peek()?.text !== '(') this.fail(`expected "(" after ${keyword}`)
    const open = this.peek()!
    this.at++
    const shapes: Shape[] = []
    while (this.peek() && this.peek()!.text !== ')') shapes.push(this.shape(frame))
    if (!this.peek()) this.fail(`missing ")" to close the ${keyword} opened at position ${open.position}`)
    if (shapes.length === 0) this.fail(`${keyword} needs at least one shape`)
    if (keyword === 'NOT' && shapes.length !== 1) this.fail('NOT takes exactly one shape', this.peek())
    this.at++
    return shapes
  }

  /** Reads the shape's numbers, checks count and latitude range, and applies a trailing `unit`. */
  private coordinates(keyword: string, min: number, max: number): number[] {
    const tokens: Token[] = []
    while (this.peek() && isNumber(this.peek()!.text)) tokens.push(this.tokens[this.at++]!)
    if (tokens.length === 0) this.fail(`expected a number after ${keyword}`)
    if (tokens.length < min) this.fail(`${keyword} needs ${min === max ? min : `at least ${min}`} numbers, got ${tokens.length}`)
    if (tokens.length > max) this.fail(`${keyword} takes ${max} numbers; this one is too many`, tokens[max])
    if (keyword === 'POLYGON' && tokens.length % 2 === 1) this.fail('POLYGON needs pairs of numbers; this one has no partner', tokens[tokens.length - 1])
    let scale = 1
    if (this.word() === 'UNIT') {
      this.at++
      const unit = this.peek()?.text
      if (unit === undefined || !(unit in UNIT_DEGREES)) this.fail('expected deg, arcmin, arcsec or rad after unit')
      scale = UNIT_DEGREES[unit]!
      this.at++
    }
    const next = this.peek()
    if (next && next.text !== ')' && next.text !== '(' && !SHAPES.has(next.text.toUpperCase())) {
      this.fail(isNumber(next.text) ? `too many numbers for ${keyword}` : `unexpected word after ${keyword} (only positions and regions are supported)`)
    }
    const values = tokens.map((t) => Number(t.text) * scale)
    // latitudes are every second number of the centre or corners
    const latitudes = keyword === 'POLYGON' ? values.length : 2
    for (let i = 1; i < latitudes; i += 2) {
      if (Math.abs(values[i]!) > 90) this.fail('latitude out of range [-90, 90]', tokens[i])
    }
    if (keyword === 'CIRCLE' && !(values[2]! >= 0 && values[2]! <= 180)) this.fail('radius must be between 0 and 180 degrees', tokens[2])
    if (keyword === 'BOX' && !(values[2]! >= 0 && values[3]! >= 0 && values[2]! < 180 && values[3]! < 180)) {
      this.fail('box sizes must be between 0 and 180 degrees', tokens[values[2]! >= 0 && values[2]! < 180 ? 3 : 2])
    }
    return values
  }
}

const RAD = Math.PI / 180

/**
 * Corners of an STC-S Box (centre, full width, full height): the tangent-plane rectangle at the
 * centre, so its sides are great circles and its central cross-sections are width × height.
 */
export function boxVertices(ra: number, dec: number, width: number, height: number): Vertex[] {
  const x = Math.tan((width / 2) * RAD)
  const y = Math.tan((height / 2) * RAD)
  const corners: [number, number][] = [[x, y], [-x, y], [-x, -y], [x, -y]]
  return corners.map(([xi, eta]) => deproject(ra, dec, xi, eta))
}

/** Inverse gnomonic projection of standard coordinates (ξ east, η north) about (ra0, dec0). */
function deproject(ra0: number, dec0: number, xi: number, eta: number): Vertex {
  const d0 = dec0 * RAD
  const denominator = Math.cos(d0) - eta * Math.sin(d0)
  let ra = ra0 + Math.atan2(xi, denominator) / RAD
  ra = ((ra % 360) + 360) % 360
  const dec = Math.atan2(Math.sin(d0) + eta * Math.cos(d0), Math.hypot(xi, denominator)) / RAD
  return [ra, dec]
}
