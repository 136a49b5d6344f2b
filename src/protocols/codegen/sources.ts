/** One entry point for the "Copy as" menu: what can be generated for a request, and the code for each choice. */
import { dataLinkCode, sodaCode } from './links'
import { esoTapService, tapCode } from './tap'
import type { DataLinkCodeRequest, LinkFlavour, SodaCodeRequest, TapCodeRequest, TapFlavour } from './types'

/** A request the app makes, without the credentials question (the caller knows whether it runs authorised). */
export type CodeSource =
  | ({ kind: 'tap' } & Omit<TapCodeRequest, 'authorised'>)
  | ({ kind: 'datalink' } & Omit<DataLinkCodeRequest, 'authorised'>)
  | ({ kind: 'soda'; filename?: string } & Omit<SodaCodeRequest, 'authorised'>)

export type CodeFlavour = TapFlavour | LinkFlavour

export interface CodeChoice {
  flavour: CodeFlavour
  /** The name the menu shows and the status line repeats ("Copied pyvo code"). */
  label: string
  /** Why this flavour cannot reproduce the request, if it cannot. */
  unavailable?: string
}

/** The flavours offered for a request, in menu order. */
export function codeChoices(source: CodeSource): CodeChoice[] {
  if (source.kind !== 'tap') return [{ flavour: 'python', label: 'Python' }, { flavour: 'curl', label: 'curl' }]
  const eso = esoTapService(source.serviceUrl)
  return [
    { flavour: 'pyvo', label: 'pyvo' },
    { flavour: 'astroquery', label: 'astroquery.eso', ...(eso ? {} : { unavailable: "ESO's tap_obs and tap_cat only" }) },
    { flavour: 'curl', label: 'curl' },
  ]
}

/** The URL whose credentials decide whether the request runs authorised. */
export function credentialUrlOf(source: CodeSource): string {
  if (source.kind === 'tap') return `${source.serviceUrl.replace(/\/+$/, '')}/${source.mode}`
  return source.kind === 'datalink' ? source.url : source.accessUrl
}

/** The code for one flavour of a request. */
export function sourceCode(source: CodeSource, flavour: CodeFlavour, authorised: boolean): string {
  if (source.kind === 'tap') {
    if (flavour !== 'pyvo' && flavour !== 'astroquery' && flavour !== 'curl') throw new RangeError(`No ${flavour} code for a TAP query`)
    return tapCode(flavour, { ...source, authorised })
  }
  if (flavour !== 'python' && flavour !== 'curl') throw new RangeError(`No ${flavour} code for a ${source.kind} request`)
  return source.kind === 'datalink' ? dataLinkCode(flavour, { url: source.url, authorised }) : sodaCode(flavour, { accessUrl: source.accessUrl, params: source.params, authorised }, source.filename)
}
