/**
 * DALI 1.1 geometry values (`xtype="point"|"circle"|"polygon"`: flat lists of degrees, as parsed
 * number arrays or space-separated text) and the TAP 1.0 `adql:POINT` / `adql:REGION` STC-S strings.
 */
import { StcsSyntaxError } from './errors'
import { parseStcs } from './parse'
import { isNumber, tokenize } from './tokens'
import type { CircleShape, PointShape, PolygonShape, Shape, SpaceFrame, Vertex } from './types'

/** A cell value as the VOTable layer hands it over: text, or the parsed numbers of an array field. */
export type DaliGeometryValue = string | ArrayLike<number>

const XTYPES = new Set(['point', 'circle', 'polygon', 'adql:point', 'adql:region', 'adql:circle', 'adql:polygon', 'adql:box', 'shape'])

/** Whether a FIELD's xtype is a geometry this module reads. */
export function isGeometryXtype(xtype: string | undefined): boolean {
  return xtype !== undefined && XTYPES.has(xtype.toLowerCase())
}

/** Numbers of a DALI value, checked; `what` names the xtype in messages. */
function numbers(value: DaliGeometryValue, what: string): number[] {
  if (typeof value !== 'string') {
    const list = Array.from(value)
    const bad = list.findIndex((n) => !Number.isFinite(n))
    if (bad >= 0) throw new StcsSyntaxError(`${what}: element ${bad} is not a finite number`, String(list[bad]), bad, list.join(' '))
    return list
  }
  return tokenize(value).map((t) => {
    if (!isNumber(t.text)) throw new StcsSyntaxError(`${what}: expected a number`, t.text, t.position, value)
    return Number(t.text)
  })
}

function fail(reason: string, value: DaliGeometryValue): never {
  const text = typeof value === 'string' ? value : Array.from(value).join(' ')
  throw new StcsSyntaxError(reason, '', text.length, text)
}

function checkLatitudes(values: number[], indexes: number[], what: string, value: DaliGeometryValue): void {
  for (const i of indexes) if (Math.abs(values[i]!) > 90) fail(`${what}: latitude ${values[i]} (element ${i}) is out of range [-90, 90]`, value)
}

export function parseDaliPoint(value: DaliGeometryValue, frame: SpaceFrame = 'ICRS'): PointShape {
  const v = numbers(value, 'point')
  if (v.length !== 2) fail(`point needs 2 numbers, got ${v.length}`, value)
  checkLatitudes(v, [1], 'point', value)
  return { kind: 'point', frame, ra: v[0]!, dec: v[1]! }
}

export function parseDaliCircle(value: DaliGeometryValue, frame: SpaceFrame = 'ICRS'): CircleShape {
  const v = numbers(value, 'circle')
  if (v.length !== 3) fail(`circle needs 3 numbers, got ${v.length}`, value)
  checkLatitudes(v, [1], 'circle', value)
  if (!(v[2]! >= 0 && v[2]! <= 180)) fail(`circle: radius ${v[2]} is not between 0 and 180`, value)
  return { kind: 'circle', frame, ra: v[0]!, dec: v[1]!, radius: v[2]! }
}

export function parseDaliPolygon(value: DaliGeometryValue, frame: SpaceFrame = 'ICRS'): PolygonShape {
  const v = numbers(value, 'polygon')
  if (v.length % 2 === 1) fail(`polygon needs pairs of numbers, got ${v.length} numbers`, value)
  if (v.length < 6) fail(`polygon needs at least 3 vertices, got ${v.length / 2}`, value)
  checkLatitudes(v, v.map((_, i) => i).filter((i) => i % 2 === 1), 'polygon', value)
  const vertices: Vertex[] = []
  for (let i = 0; i < v.length; i += 2) vertices.push([v[i]!, v[i + 1]!])
  return { kind: 'polygon', frame, vertices }
}

/**
 * Reads a geometry cell by its FIELD xtype. Empty values (SQL NULL) give undefined.
 * `frame` is the frame of DALI values, which carry none (default ICRS); STC-S values name their own.
 */
export function parseGeometryValue(
  xtype: string,
  value: DaliGeometryValue | null | undefined,
  options: { frame?: SpaceFrame } = {},
): Shape | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' ? value.trim() === '' : value.length === 0) return undefined
  const frame = options.frame ?? 'ICRS'
  const kind = xtype.toLowerCase()
  // some services put bare DALI numbers into adql:POINT/REGION columns
  const bare = typeof value !== 'string' || tokenize(value).every((t) => isNumber(t.text))
  switch (kind) {
    case 'point':
      return parseDaliPoint(value, frame)
    case 'circle':
      return parseDaliCircle(value, frame)
    case 'polygon':
      return parseDaliPolygon(value, frame)
    case 'adql:point':
      return bare ? parseDaliPoint(value, frame) : parseStcs(value as string, { defaultFrame: frame })
    case 'adql:circle':
      return bare ? parseDaliCircle(value, frame) : parseStcs(value as string, { defaultFrame: frame })
    case 'adql:polygon':
      return bare ? parseDaliPolygon(value, frame) : parseStcs(value as string, { defaultFrame: frame })
    case 'adql:region':
    case 'adql:box':
    case 'shape':
      if (bare) fail(`${xtype} value must start with a shape word (POLYGON, CIRCLE, …)`, value)
      return parseStcs(value as string, { defaultFrame: frame })
    default:
      throw new RangeError(`xtype "${xtype}" is not a geometry type`)
  }
}
