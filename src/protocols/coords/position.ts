/** Reading a sky position as a user types it into a search box. */
import { normalizeCoordinateText, parseSexagesimal } from './angle'
import { CoordinateError } from './errors'
import { galacticToIcrs } from './galactic'

export type PositionFrame = 'icrs' | 'galactic'

export interface ParsedPosition {
  /** ICRS right ascension, degrees in [0, 360). */
  ra: number
  /** ICRS declination, degrees. */
  dec: number
  /** The frame the text was written in. */
  frame: PositionFrame
  /** The Galactic coordinates as typed, when `frame` is galactic. */
  galactic?: { l: number; b: number }
}

export interface ParsePositionOptions {
  /** Frame of input that does not name one (default ICRS). */
  frame?: PositionFrame
}

const FRAME_WORDS: Record<string, PositionFrame> = {
  icrs: 'icrs', j2000: 'icrs', fk5: 'icrs', eq: 'icrs', equatorial: 'icrs',
  gal: 'galactic', galactic: 'galactic',
}

/**
 * Reads a position: decimal degrees ("83.82 -5.39", "83.82, -5.39", "83.82d -5.39d"), sexagesimal
 * ("05 35 17.3 -05 23 28", "05:35:17.3 -05:23:28", "5h35m17.3s -5d23m28s", "5h35′17.3″ −5°23′28″"),
 * Galactic ("l=209.01 b=-19.38", "G209.01-19.38", a leading or trailing "gal", or `options.frame`)
 * and returns ICRS degrees. Sexagesimal right ascension is in hours unless marked with d/°.
 */
export function parsePosition(input: string, options: ParsePositionOptions = {}): ParsedPosition {
  let text = normalizeCoordinateText(input)
  if (text === '') throw new CoordinateError('Enter a position, e.g. "83.82 -5.39" or "05:35:17.3 -05:23:28"', input)
  let frame: PositionFrame = options.frame ?? 'icrs'

  // a frame word before or after the numbers
  const lead = /^([a-z][a-z0-9]*)\s*[:;,]?\s+/i.exec(text)
  if (lead && FRAME_WORDS[lead[1]!.toLowerCase()]) {
    frame = FRAME_WORDS[lead[1]!.toLowerCase()]!
    text = text.slice(lead[0].length)
  }
  const trail = /[\s,;]+\(?([a-z][a-z0-9]*)\)?$/i.exec(text)
  if (trail && FRAME_WORDS[trail[1]!.toLowerCase()]) {
    frame = FRAME_WORDS[trail[1]!.toLowerCase()]!
    text = text.slice(0, trail.index)
  }

  let parts: [string, string] | undefined
  const galacticName = /^G(\d+(?:\.\d+)?)\s*([+-]\d+(?:\.\d+)?)$/i.exec(text)
  const named = /^(l|lon|glon|ra|alpha)\s*[=:]?\s*(.+?)\s*[,;]?\s+(b|lat|glat|dec|de|delta)\s*[=:]?\s*(.+)$/i.exec(text)
  if (galacticName) {
    frame = 'galactic'
    parts = [galacticName[1]!, galacticName[2]!]
  } else if (named) {
    const galacticWords = /^(l|lon|glon)$/i.test(named[1]!)
    if (galacticWords !== /^(b|lat|glat)$/i.test(named[3]!)) {
      throw new CoordinateError(`"${named[1]}" and "${named[3]}" belong to different frames in "${input}"`, input)
    }
    if (galacticWords) frame = 'galactic'
    parts = [named[2]!, named[4]!]
  } else parts = splitPair(text, input)

  if (frame === 'galactic') {
    const l = readDegrees(parts[0], 'l', input)
    const b = readDegrees(parts[1], 'b', input)
    checkLongitude(l, 'l', input)
    checkLatitude(b, 'b', input)
    return { ...galacticToIcrs(l, b), frame, galactic: { l, b } }
  }
  const ra = readRightAscension(parts[0], input)
  const dec = readDegrees(parts[1], 'Dec', input)
  checkLatitude(dec, 'Dec', input)
  return { ra: ra === 360 ? 0 : ra, dec, frame }
}

/** Splits "A B", "A, B" or "A+B" into the longitude and latitude parts. */
function splitPair(text: string, input: string): [string, string] {
  const commas = text.split(/\s*[,;]\s*/)
  if (commas.length === 2) return [commas[0]!, commas[1]!]
  if (commas.length > 2) throw new CoordinateError(`Expected two coordinates separated by one comma in "${input}"`, input)
  // keep markers such as "17.3 s" or "5 °" attached to their number
  const tokens = text.split(/\s+/).reduce<string[]>((acc, t) => {
    if (acc.length > 0 && /^[hdms°′″'"]+$/i.test(t)) acc[acc.length - 1] += t
    else acc.push(t)
    return acc
  }, [])
  if (tokens.length === 1) {
    // "05h35m17.3s-05d23m28s": split at a sign that does not belong to an exponent
    const m = /^(.+?[^eE+-])([+-].+)$/.exec(text)
    if (m) return [m[1]!, m[2]!]
    throw new CoordinateError(`Expected two coordinates (longitude and latitude) in "${input}"`, input)
  }
  const signed = tokens.findIndex((t, i) => i > 0 && /^[+-]/.test(t))
  const at = signed > 0 ? signed : tokens.length % 2 === 0 ? tokens.length / 2 : -1
  if (at <= 0 || at > 3 || tokens.length - at > 3) {
    throw new CoordinateError(`Cannot tell where the longitude ends and the latitude starts in "${input}"; separate them with a comma`, input)
  }
  return [tokens.slice(0, at).join(' '), tokens.slice(at).join(' ')]
}

function readRightAscension(part: string, input: string): number {
  const decimal = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(d|deg|°|h)?$/i.exec(part)
  if (decimal) {
    const value = Number(decimal[1])
    if (decimal[2]?.toLowerCase() === 'h') {
      if (value < 0 || value >= 24) throw new CoordinateError(`RA must be between 0h and 24h, got ${value}h`, input)
      return value * 15
    }
    checkLongitude(value, 'RA', input)
    return value
  }
  const sx = parseSexagesimal(part, 'hours', input)
  if (!sx) throw new CoordinateError(`Cannot read RA "${part}" in "${input}"`, input)
  if (sx.negative) throw new CoordinateError(`RA cannot be negative, got "${part}"`, input)
  if (sx.hours && sx.degrees >= 360) throw new CoordinateError(`RA must be between 0h and 24h, got ${sx.lead}h`, input)
  checkLongitude(sx.degrees, 'RA', input)
  return sx.degrees
}

function readDegrees(part: string, what: string, input: string): number {
  const decimal = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(d|deg|°)?$/i.exec(part)
  if (decimal) return Number(decimal[1])
  const sx = parseSexagesimal(part, 'degrees', input)
  if (!sx) throw new CoordinateError(`Cannot read ${what} "${part}" in "${input}"`, input)
  if (sx.hours) throw new CoordinateError(`${what} must be in degrees, not hours: "${part}"`, input)
  return sx.degrees
}

function checkLongitude(value: number, what: string, input: string): void {
  if (!(value >= 0 && value <= 360)) throw new CoordinateError(`${what} must be between 0 and 360, got ${value}`, input)
}

function checkLatitude(value: number, what: string, input: string): void {
  if (!(value >= -90 && value <= 90)) throw new CoordinateError(`${what} must be between −90 and +90, got ${value}`, input)
}
