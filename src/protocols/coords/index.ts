export { CoordinateError } from './errors'
export { icrsToGalactic, galacticToIcrs, normalizeLongitude, type EquatorialPosition, type GalacticPosition } from './galactic'
export { parseAngle, parseRadius, parseSexagesimal, normalizeCoordinateText, type AngleUnit, type SexagesimalValue } from './angle'
export { parsePosition, type ParsedPosition, type ParsePositionOptions, type PositionFrame } from './position'
export {
  formatRaHms,
  formatDms,
  formatDegrees,
  formatPosition,
  formatAngle,
  type SexagesimalStyle,
  type SexagesimalOptions,
  type PositionFormatOptions,
} from './format'
