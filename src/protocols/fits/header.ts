/** FITS headers (FITS 4.0 §4): 80-character cards in 2880-byte blocks, ending at END; long strings with CONTINUE. */
import { FormatError } from '../errors'

export const BLOCK = 2880
const CARD = 80

export type CardValue = string | number | boolean | null

export interface Card {
  keyword: string
  value: CardValue
  comment?: string
}

/** A parsed header: cards in order, with typed lookups by keyword (first occurrence wins, as astropy does). */
export class FitsHeader {
  readonly cards: Card[]
  private readonly index = new Map<string, Card>()
  constructor(cards: Card[]) {
    this.cards = cards
    for (const c of cards) if (c.keyword && !this.index.has(c.keyword)) this.index.set(c.keyword, c)
  }
  has(keyword: string): boolean {
    return this.get(keyword) !== undefined
  }
  /** The value of a keyword; ESO's HIERARCH keywords are named without the prefix, e.g. `ESO OBS TARG NAME`. */
  get(keyword: string): CardValue | undefined {
    return this.index.get(keyword.toUpperCase().replace(/^HIERARCH\s+/, ''))?.value
  }
  /** A numeric value, or undefined when absent or not a number. */
  number(keyword: string): number | undefined {
    const v = this.get(keyword)
    return typeof v === 'number' ? v : undefined
  }
  /** A string value with its trailing blanks removed (FITS pads strings to 8 characters). */
  string(keyword: string): string | undefined {
    const v = this.get(keyword)
    return typeof v === 'string' ? v : undefined
  }
}

const decoder = new TextDecoder('latin1')

/** Reads the value part of a card (columns 11–80): a quoted string, a logical, a number, or nothing. */
export function parseCardValue(text: string): { value: CardValue; comment?: string } {
  const s = text.trimStart()
  if (s.startsWith("'")) {
    let out = ''
    let i = 1
    for (; i < s.length; i++) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          out += "'"
          i++
        }
        else break
      } else out += s[i]
    }
    const rest = s.slice(i + 1)
    const slash = rest.indexOf('/')
    return { value: out.replace(/ +$/, ''), comment: slash >= 0 ? rest.slice(slash + 1).trim() : undefined }
  }
  const slash = s.indexOf('/')
  const raw = (slash >= 0 ? s.slice(0, slash) : s).trim()
  const comment = slash >= 0 ? s.slice(slash + 1).trim() : undefined
  if (raw === '') return { value: null, comment }
  if (raw === 'T' || raw === 'F') return { value: raw === 'T', comment }
  // Fortran-style exponents (1.0D-3) are legal in FITS
  const n = Number(raw.replace(/[dD]/, 'E'))
  return { value: Number.isNaN(n) ? raw : n, comment }
}

/**
 * Reads one header starting at `offset` (a block boundary).
 * @returns the header and the offset of the first byte after its last block.
 * @throws FormatError when there is no END card before the data runs out.
 */
export function readHeader(bytes: Uint8Array, offset: number): { header: FitsHeader; end: number } {
  const cards: Card[] = []
  let pos = offset
  for (;;) {
    if (pos + CARD > bytes.length) throw new FormatError(`FITS header at byte ${offset} has no END card (file truncated?)`)
    const line = decoder.decode(bytes.subarray(pos, pos + CARD))
    pos += CARD
    const keyword = line.slice(0, 8).trim()
    if (pos === offset + CARD && keyword !== 'SIMPLE' && keyword !== 'XTENSION') {
      throw new FormatError(`Not a FITS header at byte ${offset}: it starts with "${line.slice(0, 20).replace(/[^\x20-\x7e]/g, '?').trim()}", not SIMPLE or XTENSION`)
    }
    if (keyword === 'END') break
    if (keyword === 'CONTINUE') {
      // long-string convention: the previous string ends in '&' and goes on here
      const prev = cards[cards.length - 1]
      const { value, comment } = parseCardValue(line.slice(8))
      if (prev && typeof prev.value === 'string' && prev.value.endsWith('&') && typeof value === 'string') {
        prev.value = prev.value.slice(0, -1) + value
        if (comment) prev.comment = prev.comment ? `${prev.comment} ${comment}` : comment
        continue
      }
      cards.push({ keyword, value: null, comment: line.slice(8).trim() })
      continue
    }
    if (keyword === 'HIERARCH') {
      // ESO's long keywords: "HIERARCH ESO OBS TARG NAME = 'HD 10700'"
      const eq = line.indexOf('=', 9)
      if (eq > 9) {
        const { value, comment } = parseCardValue(line.slice(eq + 1))
        cards.push({ keyword: line.slice(9, eq).trim().replace(/\s+/g, ' '), value, comment })
        continue
      }
    }
    if (line.slice(8, 10) === '= ') {
      const { value, comment } = parseCardValue(line.slice(10))
      cards.push({ keyword, value, comment })
    } else cards.push({ keyword, value: null, comment: line.slice(8).trimEnd() || undefined })
  }
  const end = offset + Math.ceil((pos - offset) / BLOCK) * BLOCK
  return { header: new FitsHeader(cards), end }
}
