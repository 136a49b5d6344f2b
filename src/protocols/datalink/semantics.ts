/**
 * Sorts DataLink rows into plain-words groups, from the IVOA DataLink vocabulary
 * (http://www.ivoa.net/rdf/datalink/core, as `#term` or full URI) and ESO's own terms
 * (http://archive.eso.org/rdf/datalink/eso#…).
 */
import type { ServiceDescriptor } from './descriptor'
import type { DataLinkRow } from './types'

export type SemanticsGroup =
  | 'this'
  | 'preview'
  | 'progenitor'
  /** a link to a sub-DataLink that lists the progenitors (ESO 2026: `…&EXCLUDE=ALL&INCLUDE=progenitor`) */
  | 'progenitor-list'
  | 'derivation'
  | 'auxiliary'
  | 'calibration'
  /** ESO calSelector associations (Raw2Raw or Raw2Master) */
  | 'calselector'
  | 'documentation'
  | 'night-log'
  | 'cutout'
  /** another server-side processing service (DaCHS `#proc`) */
  | 'processing'
  /** the row carries an error_message instead of a link */
  | 'error'
  | 'other'

export const IVOA_DATALINK_VOCABULARY = 'http://www.ivoa.net/rdf/datalink/core'
export const ESO_DATALINK_VOCABULARY = 'http://archive.eso.org/rdf/datalink/eso'

/** ESO's own semantics URIs seen in responses (eso-services.md §4). */
export const ESO_SEMANTICS = {
  dataDocumentation: `${ESO_DATALINK_VOCABULARY}#data_documentation`,
  calSelectorRaw2Raw: `${ESO_DATALINK_VOCABULARY}#calSelector_raw2raw`,
  calSelectorRaw2Master: `${ESO_DATALINK_VOCABULARY}#calSelector_raw2master`,
  nightLog: `${ESO_DATALINK_VOCABULARY}#night_log`,
} as const

// IVOA core terms (and their narrower terms) → group
const IVOA_TERMS: Record<string, SemanticsGroup> = {
  this: 'this',
  preview: 'preview', 'preview-image': 'preview', 'preview-plot': 'preview', thumbnail: 'preview',
  progenitor: 'progenitor',
  derivation: 'derivation',
  auxiliary: 'auxiliary', weight: 'auxiliary', error: 'auxiliary', noise: 'auxiliary',
  'detached-header': 'auxiliary', coderived: 'auxiliary', counterpart: 'auxiliary', package: 'auxiliary',
  calibration: 'calibration', bias: 'calibration', dark: 'calibration', flat: 'calibration',
  documentation: 'documentation',
  cutout: 'cutout',
  proc: 'processing',
}

const ESO_TERMS: Record<string, SemanticsGroup> = {
  data_documentation: 'documentation',
  calselector_raw2raw: 'calselector',
  calselector_raw2master: 'calselector',
  night_log: 'night-log',
}

/** The vocabulary term of a semantics value: `#this` → `this`, `http://…/core#cutout` → `cutout`; ESO's URIs keep their namespace. */
export function semanticsTerm(semantics: string): { vocabulary: 'ivoa' | 'eso' | 'other'; term: string } {
  const s = semantics.trim()
  if (s.startsWith('#')) return { vocabulary: 'ivoa', term: s.slice(1) }
  const hash = s.lastIndexOf('#')
  if (hash < 0) return { vocabulary: 'other', term: s }
  const base = s.slice(0, hash).replace(/^https?:\/\//i, '').replace(/\/+$/, '').toLowerCase()
  const term = s.slice(hash + 1)
  if (base === 'www.ivoa.net/rdf/datalink/core' || base === 'ivoa.net/rdf/datalink/core') return { vocabulary: 'ivoa', term }
  if (base === 'archive.eso.org/rdf/datalink/eso' || base === 'archive.eso.org/programmatic/rdf/datalink/eso') return { vocabulary: 'eso', term }
  return { vocabulary: 'other', term: s }
}

/** True when the link leads to another DataLink document rather than to a file. */
export function isDataLinkDocument(row: Pick<DataLinkRow, 'accessUrl' | 'contentType'>): boolean {
  const ct = (row.contentType ?? '').toLowerCase()
  if (ct.includes('content=datalink')) return true
  // ESO's progenitor-list link says only application/x-votable+xml; its URL is a DataLink {links} call
  return ct.startsWith('application/x-votable+xml') && /\/(datalink\/links|dlmeta)\b|[?&]ID=/i.test(row.accessUrl ?? '')
}

/**
 * The plain-words group of a DataLink row. With the document's descriptors, a processing row
 * (DaCHS `#proc`) whose service is SODA counts as a cutout, as ESO's `#cutout` does.
 */
export function classifySemantics(
  row: Pick<DataLinkRow, 'semantics' | 'errorMessage' | 'accessUrl' | 'serviceDef' | 'contentType'>,
  descriptors?: readonly ServiceDescriptor[],
): SemanticsGroup {
  if (row.errorMessage && !row.accessUrl && !row.serviceDef) return 'error'
  const { vocabulary, term } = semanticsTerm(row.semantics)
  let group: SemanticsGroup = 'other'
  if (vocabulary === 'ivoa') group = IVOA_TERMS[term.toLowerCase()] ?? 'other'
  else if (vocabulary === 'eso') group = ESO_TERMS[term.toLowerCase()] ?? 'other'
  if (group === 'progenitor' && isDataLinkDocument(row)) return 'progenitor-list'
  if (group === 'processing' && row.serviceDef && descriptors) {
    const d = descriptors.find((x) => x.id === row.serviceDef)
    if (d?.kind === 'soda-sync' || d?.kind === 'soda-async') return 'cutout'
  }
  return group
}
