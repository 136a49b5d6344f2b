/** VOSI capabilities of a TAP service (TAPRegExt): languages, UDFs, formats, upload, limits. */
import type { HttpClient } from '../http'
import { FormatError } from '../errors'
import { attr, child, childText, children, parseXml, type XmlElement } from '../xmltree'

export interface LanguageFeature {
  /** e.g. `ivo://ivoa.net/std/TAPRegExt#features-udf` */
  type: string
  form: string
  description?: string
}

export interface UserDefinedFunction {
  name: string
  /** The signature as the service writes it, e.g. `gavo_match(pattern TEXT, string TEXT) -> INTEGER`. */
  form: string
  description?: string
}

export interface TapCapabilities {
  languages: { name: string; versions: { version: string; ivoId?: string }[]; features: LanguageFeature[] }[]
  /** ADQL versions offered, e.g. ['2.0', '2.1']. */
  adqlVersions: string[]
  udfs: UserDefinedFunction[]
  /** Geometry functions offered (TAPRegExt features-adqlgeo), upper case. */
  geometryFunctions: string[]
  outputFormats: { mime: string; aliases: string[]; ivoId?: string }[]
  uploadMethods: string[]
  /** Row limits (MAXREC default and hard limit), when the service states them. */
  outputLimit: { default?: number; hard?: number }
  executionDuration: { default?: number; hard?: number }
  retentionPeriod: { default?: number; hard?: number }
  uploadLimit: { default?: number; hard?: number; unit?: string }
  /** Other capabilities' standardIDs (VOSI availability, tables, examples…) with their access URLs. */
  endpoints: { standardId: string; url?: string }[]
}

function limits(el: XmlElement | undefined): { default?: number; hard?: number; unit?: string } {
  const num = (name: string) => {
    const t = childText(el, name)
    return t === undefined || t === '' ? undefined : Number(t)
  }
  const unit = child(el, 'default')?.attrs.unit ?? child(el, 'hard')?.attrs.unit
  return { default: num('default'), hard: num('hard'), ...(unit ? { unit } : {}) }
}

const UDF_NAME = /^\s*([A-Za-z_][\w.]*)\s*\(/

export function parseCapabilities(xml: string): TapCapabilities {
  const root = parseXml(xml)
  if (root.name !== 'capabilities') throw new FormatError(`not a VOSI capabilities document (root <${root.name}>)`)
  const caps = children(root, 'capability')
  const tap = caps.find((c) => (c.attrs.standardID ?? '').toLowerCase().startsWith('ivo://ivoa.net/std/tap')) ?? caps.find((c) => child(c, 'language'))
  const languages = children(tap, 'language').map((l) => ({
    name: childText(l, 'name') ?? '',
    versions: children(l, 'version').map((v) => ({ version: v.text, ivoId: attr(v, 'ivo-id') })),
    features: children(l, 'languageFeatures').flatMap((lf) =>
      children(lf, 'feature').map((f) => ({ type: lf.attrs.type ?? '', form: childText(f, 'form') ?? '', description: childText(f, 'description') || undefined })),
    ),
  }))
  const adql = languages.find((l) => l.name.toUpperCase() === 'ADQL')
  const features = adql?.features ?? []
  const udfs = features
    .filter((f) => f.type.endsWith('#features-udf'))
    .map((f) => ({ name: UDF_NAME.exec(f.form)?.[1] ?? f.form, form: f.form, description: f.description }))
  return {
    languages,
    adqlVersions: adql?.versions.map((v) => v.version) ?? [],
    udfs,
    geometryFunctions: features.filter((f) => f.type.endsWith('#features-adqlgeo')).map((f) => f.form.toUpperCase()),
    outputFormats: children(tap, 'outputFormat').map((o) => ({ mime: childText(o, 'mime') ?? '', aliases: children(o, 'alias').map((a) => a.text), ivoId: attr(o, 'ivo-id') })),
    uploadMethods: children(tap, 'uploadMethod').map((u) => attr(u, 'ivo-id') ?? ''),
    outputLimit: limits(child(tap, 'outputLimit')),
    executionDuration: limits(child(tap, 'executionDuration')),
    retentionPeriod: limits(child(tap, 'retentionPeriod')),
    uploadLimit: limits(child(tap, 'uploadLimit')),
    endpoints: caps.map((c) => ({ standardId: c.attrs.standardID ?? '', url: childText(child(c, 'interface'), 'accessURL') })),
  }
}

export async function fetchCapabilities(http: HttpClient, serviceUrl: string, signal?: AbortSignal): Promise<TapCapabilities> {
  return parseCapabilities(await http.text(`${serviceUrl.replace(/\/+$/, '')}/capabilities`, { signal }))
}
