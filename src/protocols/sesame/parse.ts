/**
 * Sesame's XML output (`nph-sesame/-ox…`): one <Target> per name asked, with one <Resolver> per
 * database that answered, each carrying <oname>, <otype>, <jpos>, <jradeg>, <jdedeg>, <alias>… and <INFO>.
 */
import { FormatError } from '../errors'
import { childText, children, parseXml, type XmlElement } from '../xmltree'

export type SesameResolverName = 'Simbad' | 'NED' | 'VizieR'

export interface SesameResolution {
  resolver: SesameResolverName
  /** The resolver's name attribute as sent, e.g. "S=Simbad (via url)". */
  label: string
  /** Main identifier (<oname>), whitespace collapsed. */
  name?: string
  /** J2000/ICRS degrees (<jradeg>, <jdedeg>); absent when the resolver has no position. */
  ra?: number
  dec?: number
  /** Object type code (<otype>), e.g. "G" or "HII". */
  objectType?: string
  aliases: string[]
  info: string[]
}

export interface SesameTarget {
  /** The name that was asked (<name>). */
  query: string
  resolutions: SesameResolution[]
  /** Target-level <INFO>/<ERROR> lines, e.g. "*** Nothing found ***". */
  info: string[]
}

function resolverOf(label: string): SesameResolverName | undefined {
  const code = /^\s*([A-Za-z])\s*=/.exec(label)?.[1]?.toUpperCase()
  const lower = label.toLowerCase()
  if (code === 'S' || lower.includes('simbad')) return 'Simbad'
  if (code === 'N' || lower.includes('ned')) return 'NED'
  if (code === 'V' || lower.includes('vizier')) return 'VizieR'
  return undefined
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()

function degrees(el: XmlElement, name: string): number | undefined {
  const text = childText(el, name)
  if (text === undefined || text.trim() === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : undefined
}

function messages(el: XmlElement): string[] {
  return [...children(el, 'INFO'), ...children(el, 'ERROR')].map((i) => collapse(i.text)).filter((t) => t !== '')
}

function readResolution(el: XmlElement): SesameResolution | undefined {
  const label = el.attrs.name ?? ''
  const resolver = resolverOf(label)
  if (!resolver) return undefined
  const oname = childText(el, 'oname')
  const otype = childText(el, 'otype')
  let ra = degrees(el, 'jradeg')
  let dec = degrees(el, 'jdedeg')
  // a position outside the sky is a broken answer, not a position
  if (ra === undefined || dec === undefined || Math.abs(dec) > 90) ra = dec = undefined
  return {
    resolver,
    label: collapse(label),
    name: oname ? collapse(oname) : undefined,
    ra,
    dec,
    objectType: otype ? collapse(otype) : undefined,
    aliases: children(el, 'alias').map((a) => collapse(a.text)).filter((a) => a !== ''),
    info: messages(el),
  }
}

/** Reads a Sesame XML document; throws FormatError when it is not one. */
export function parseSesameXml(text: string): SesameTarget[] {
  let root: XmlElement
  try {
    root = parseXml(text)
  } catch (e) {
    throw new FormatError(`Sesame answer is not XML: ${e instanceof Error ? e.message : String(e)}`, undefined, { cause: e })
  }
  if (root.name !== 'Sesame') throw new FormatError(`Sesame answer has root <${root.name}>, expected <Sesame>`)
  return children(root, 'Target').map((target) => ({
    query: collapse(childText(target, 'name') ?? ''),
    resolutions: children(target, 'Resolver')
      .map(readResolution)
      .filter((r): r is SesameResolution => r !== undefined),
    info: messages(target),
  }))
}

/** The first resolution with a position, in the order Sesame listed them (which follows the order asked). */
export function firstPosition(target: SesameTarget | undefined): (SesameResolution & { ra: number; dec: number }) | undefined {
  return target?.resolutions.find((r): r is SesameResolution & { ra: number; dec: number } => r.ra !== undefined && r.dec !== undefined)
}

