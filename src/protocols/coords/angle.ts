/** Reading angles as people type them: decimal with units, and sexagesimal fields. */
import { CoordinateError } from './errors'

export type AngleUnit = 'deg' | 'arcmin' | 'arcsec' | 'mas' | 'rad'

const DEGREES_PER: Record<AngleUnit, number> = {
  deg: 1,
  arcmin: 1 / 60,
  arcsec: 1 / 3600,
  mas: 1 / 3_600_000,
  rad: 180 / Math.PI,
}

const UNIT_WORDS: Record<string, AngleUnit> = {
  deg: 'deg', degs: 'deg', degree: 'deg', degrees: 'deg', d: 'deg', '°': 'deg',
  arcmin: 'arcmin', arcmins: 'arcmin', amin: 'arcmin', "'": 'arcmin', '′': 'arcmin',
  arcsec: 'arcsec', arcsecs: 'arcsec', asec: 'arcsec', '"': 'arcsec', '″': 'arcsec',
  mas: 'mas', rad: 'rad', radian: 'rad', radians: 'rad',
}

/**
 * Folds the look-alike characters of typed or pasted coordinates onto ASCII/standard ones:
 * Unicode minus and dashes, typographic quotes for minutes/seconds, `''` for seconds, no-break spaces.
 */
export function normalizeCoordinateText(text: string): string {
  return text
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, '-')
    .replace(/[\uFF0B]/g, '+')
    .replace(/[\u00A0\u2009\u202F\u3000]/g, ' ')
    .replace(/''/g, '″')
    .replace(/[\u2019\u02B9\u00B4]/g, '′')
    .replace(/[\u201D\u02BA\u3003]/g, '″')
    .replace(/º/g, '°')
    .trim()
}

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`
const DECIMAL_WITH_UNIT = new RegExp(`^(${NUMBER})\\s*([a-zA-Z°′″'"]*)$`)

/**
 * An angle with an optional unit, in degrees: "2 arcmin", "30\"", "0.5 deg", "10'", "1.5″", "0.5d".
 * Sexagesimal degrees ("1°30′", "0d30m00s") are read too. A bare number is in `defaultUnit` (degrees).
 */
export function parseAngle(input: string, options: { defaultUnit?: AngleUnit } = {}): number {
  const text = normalizeCoordinateText(input)
  if (text === '') throw new CoordinateError('Enter an angle, e.g. "2 arcmin" or "0.5 deg"', input)
  const m = DECIMAL_WITH_UNIT.exec(text)
  if (m) {
    const value = Number(m[1])
    const word = m[2]!
    if (word === '') return value * DEGREES_PER[options.defaultUnit ?? 'deg']
    const unit = UNIT_WORDS[word.toLowerCase()]
    if (unit) return value * DEGREES_PER[unit]
    throw new CoordinateError(`Unknown angle unit "${word}" in "${input}"; use deg, arcmin (′) or arcsec (″)`, input)
  }
  const sexagesimal = parseSexagesimal(text, 'degrees', input)
  if (sexagesimal) return sexagesimal.degrees
  throw new CoordinateError(`Cannot read "${input}" as an angle; write e.g. "2 arcmin", "30\\"" or "0.5 deg"`, input)
}

/** A search radius: an angle greater than 0 and at most 180°. */
export function parseRadius(input: string, options: { defaultUnit?: AngleUnit } = {}): number {
  const deg = parseAngle(input, options)
  if (!(deg > 0) || deg > 180) {
    throw new CoordinateError(`Radius must be greater than 0 and at most 180°, got ${formatNumber(deg)}°`, input)
  }
  return deg
}

function formatNumber(n: number): string {
  return String(Number(n.toPrecision(10)))
}

export interface SexagesimalValue {
  /** The value in degrees (hours are multiplied by 15), signed. */
  degrees: number
  /** Whether the text was in hours (h marker or the caller's default). */
  hours: boolean
  /** The leading field as written (hours or degrees), unsigned, for range messages. */
  lead: number
  negative: boolean
}

const FIELD = /(\d+(?:\.\d*)?|\.\d+)\s*([hdms°′″'":]?)\s*/y
const FIRST_MARKS = new Set(['', ':', 'h', 'd', '°'])
const SECOND_MARKS = new Set(['', ':', 'm', '′', "'"])
const THIRD_MARKS = new Set(['', 's', '″', '"'])

/**
 * Reads 1–3 sexagesimal fields ("05 35 17.3", "05:35:17.3", "5h35m17.3s", "-5°23′28″").
 * `unit` is used when the first field has no h/d marker. Returns undefined when the text is not
 * sexagesimal at all, throws CoordinateError when it is but a field is out of range.
 */
export function parseSexagesimal(text: string, unit: 'hours' | 'degrees', original = text): SexagesimalValue | undefined {
  let s = text.trim()
  let negative = false
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-')
    s = s.slice(1).trimStart()
  }
  const values: number[] = []
  const marks: string[] = []
  const raws: string[] = []
  FIELD.lastIndex = 0
  while (FIELD.lastIndex < s.length) {
    const m = FIELD.exec(s)
    if (!m) return undefined
    raws.push(m[1]!)
    values.push(Number(m[1]))
    marks.push(m[2]!.toLowerCase())
  }
  if (values.length === 0 || values.length > 3) return undefined
  const allowed = [FIRST_MARKS, SECOND_MARKS, THIRD_MARKS]
  for (let i = 0; i < marks.length; i++) if (!allowed[i]!.has(marks[i]!)) return undefined
  // a single unmarked number is decimal, not sexagesimal
  if (values.length === 1 && (marks[0] === '' || marks[0] === ':')) return undefined
  if (marks[values.length - 1] === ':') return undefined
  for (let i = 0; i < raws.length - 1; i++) {
    if (raws[i]!.includes('.')) {
      throw new CoordinateError(`Only the last sexagesimal field may have decimals, in "${original}"`, original)
    }
  }
  const hours = marks[0] === 'h' ? true : marks[0] === 'd' || marks[0] === '°' ? false : unit === 'hours'
  const [lead, minutes = 0, seconds = 0] = values as [number, number?, number?]
  if (minutes >= 60) throw new CoordinateError(`Minutes must be below 60, got ${minutes} in "${original}"`, original)
  if (seconds >= 60) throw new CoordinateError(`Seconds must be below 60, got ${seconds} in "${original}"`, original)
  const magnitude = lead + minutes / 60 + seconds / 3600
  const degrees = (negative ? -1 : 1) * magnitude * (hours ? 15 : 1)
  return { degrees, hours, lead, negative }
}
