/** Writing shapes back out: as STC-S (for s_region-like values) and as ADQL geometry literals. */
import type { Shape, SpaceFrame } from './types'

export interface ShapeFormatOptions {
  /** Decimals for every number (trailing zeros dropped); default: the shortest exact form. */
  decimals?: number
}

const STCS_FRAME: Record<SpaceFrame, string> = {
  ICRS: 'ICRS', FK5: 'FK5', FK4: 'FK4', J2000: 'J2000', B1950: 'B1950',
  GALACTIC: 'GALACTIC', ECLIPTIC: 'ECLIPTIC', UNKNOWN: 'UNKNOWNFrame',
}

function number(n: number, options: ShapeFormatOptions): string {
  if (options.decimals === undefined) return String(n)
  const fixed = n.toFixed(options.decimals)
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
  return trimmed === '-0' ? '0' : trimmed
}

/**
 * STC-S text: `POLYGON ICRS 1 2 3 4 5 6`, `CIRCLE ICRS 10 20 0.5`, `POSITION ICRS 10 20`,
 * `UNION ICRS ( POLYGON … POLYGON … )`. Operands name their frame only when it differs from the parent's.
 */
export function formatStcs(shape: Shape, options: ShapeFormatOptions = {}): string {
  return write(shape, undefined, options)
}

function write(shape: Shape, parentFrame: SpaceFrame | undefined, options: ShapeFormatOptions): string {
  const frame = shape.frame === parentFrame ? '' : ` ${STCS_FRAME[shape.frame]}`
  const n = (v: number) => number(v, options)
  switch (shape.kind) {
    case 'point':
      return `POSITION${frame} ${n(shape.ra)} ${n(shape.dec)}`
    case 'circle':
      return `CIRCLE${frame} ${n(shape.ra)} ${n(shape.dec)} ${n(shape.radius)}`
    case 'polygon':
      return `POLYGON${frame} ${shape.vertices.map(([ra, dec]) => `${n(ra)} ${n(dec)}`).join(' ')}`
    case 'union':
    case 'intersection':
      return `${shape.kind.toUpperCase()}${frame} ( ${shape.shapes.map((s) => write(s, shape.frame, options)).join(' ')} )`
    case 'not':
      return `NOT${frame} ( ${write(shape.shape, shape.frame, options)} )`
  }
}

/** The frame string of an ADQL geometry constructor; UNKNOWN becomes '' (ESO accepts '', 'ICRS', 'J2000'). */
function adqlFrame(frame: SpaceFrame): string {
  return frame === 'UNKNOWN' ? '' : frame
}

/**
 * An ADQL geometry literal: `POINT('ICRS', ra, dec)`, `CIRCLE('ICRS', ra, dec, r)`, `POLYGON('ICRS', …)`.
 * ADQL has no literal for unions, intersections or complements: those throw a RangeError
 * (constrain on each operand, or on `boundingCone`).
 */
export function formatAdql(shape: Shape, options: ShapeFormatOptions = {}): string {
  const frame = `'${adqlFrame(shape.frame)}'`
  const n = (v: number) => number(v, options)
  switch (shape.kind) {
    case 'point':
      return `POINT(${frame}, ${n(shape.ra)}, ${n(shape.dec)})`
    case 'circle':
      return `CIRCLE(${frame}, ${n(shape.ra)}, ${n(shape.dec)}, ${n(shape.radius)})`
    case 'polygon':
      return `POLYGON(${frame}, ${shape.vertices.map(([ra, dec]) => `${n(ra)}, ${n(dec)}`).join(', ')})`
    default:
      throw new RangeError(`ADQL has no geometry literal for ${shape.kind.toUpperCase()}; constrain on each operand or on the bounding cone`)
  }
}
