export type { Shape, SpaceFrame, Vertex, PointShape, CircleShape, PolygonShape, UnionShape, IntersectionShape, NotShape } from './types'
export { StcsSyntaxError } from './errors'
export { parseStcs, tryParseStcs, isStcsShapeWord, boxVertices, type StcsParseOptions } from './parse'
export {
  parseGeometryValue,
  parseDaliPoint,
  parseDaliCircle,
  parseDaliPolygon,
  isGeometryXtype,
  type DaliGeometryValue,
} from './dali'
export { containsPoint, containmentTest, type ContainsTest } from './contains'
export { boundingCone, boundingBox, boundingConeOfAll, boxContains, type BoundingCone, type RaDecBox } from './bounds'
export { separation } from './vector'
export { formatStcs, formatAdql, type ShapeFormatOptions } from './format'
export { shapeToIcrs } from './frames'
