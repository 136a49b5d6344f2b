/** Puts DataLink rows into the sections of the panel, in plain words and in the order an astronomer reads them. */
import { classifySemantics, type DataLinkRow, type SemanticsGroup, type ServiceDescriptor } from '../../protocols/datalink'

export type SectionId = 'this' | 'preview' | 'provenance' | 'derivation' | 'auxiliary' | 'calibration' | 'documentation' | 'night-log' | 'cutout' | 'error' | 'other'

export const SECTION_TITLES: Record<SectionId, string> = {
  this: 'The file itself',
  preview: 'Previews',
  provenance: 'Provenance: the files it was made from',
  derivation: 'Derived products',
  auxiliary: 'Ancillary files',
  calibration: 'Calibrations',
  documentation: 'Documentation',
  'night-log': 'Night log',
  cutout: 'Cutouts and processing',
  error: 'Errors',
  other: 'Other links',
}

const SECTION_OF: Record<SemanticsGroup, SectionId> = {
  this: 'this', preview: 'preview', progenitor: 'provenance', 'progenitor-list': 'provenance', derivation: 'derivation',
  auxiliary: 'auxiliary', calibration: 'calibration', calselector: 'calibration', documentation: 'documentation',
  'night-log': 'night-log', cutout: 'cutout', processing: 'cutout', error: 'error', other: 'other',
}

const ORDER = Object.keys(SECTION_TITLES) as SectionId[]

export interface LinkEntry {
  row: DataLinkRow
  group: SemanticsGroup
}

export interface LinkSection {
  id: SectionId
  title: string
  entries: LinkEntry[]
}

/** The non-empty sections of a DataLink document, errors included (they say why a link is missing). */
export function sectionsOf(rows: readonly DataLinkRow[], descriptors: readonly ServiceDescriptor[]): LinkSection[] {
  const by = new Map<SectionId, LinkEntry[]>()
  for (const row of rows) {
    const group = classifySemantics(row, descriptors)
    const id = SECTION_OF[group]
    if (!by.has(id)) by.set(id, [])
    by.get(id)!.push({ row, group })
  }
  return ORDER.filter((id) => by.has(id)).map((id) => ({ id, title: SECTION_TITLES[id], entries: by.get(id)! }))
}

// ESO raw/product ids: INSTRUMENT.YYYY-MM-DDThh:mm:ss.sss (file names write ':' as '_')
const DP_ID = /\b([A-Z][A-Z0-9_]*\.\d{4}-\d\d-\d\dT\d\d[:_]\d\d[:_]\d\d(?:\.\d+)?)/

/** The dp_id of the file a link points to (a progenitor raw frame), from its description or its file name. */
export function linkedDpId(row: Pick<DataLinkRow, 'description' | 'accessUrl' | 'esoOrigfile'>): string | undefined {
  const fromText = DP_ID.exec(row.description ?? '')?.[1]
  let fromUrl: string | undefined
  try {
    fromUrl = row.accessUrl ? DP_ID.exec(decodeURIComponent(new URL(row.accessUrl).pathname.split('/').pop() ?? ''))?.[1] : undefined
  } catch {
    fromUrl = undefined
  }
  const id = fromText ?? fromUrl
  return id?.replace(/T(\d\d)[:_](\d\d)[:_](\d\d)/, 'T$1:$2:$3')
}

/** ESO's calSelector answers at …/calselector/v1/associations (dp_id, mode); other endpoints are taken as DataLink services (ID). */
export function calSelectorStyleOf(endpoint: string): 'eso' | 'datalink' {
  return /\/associations\/?$/.test(new URL(endpoint).pathname) ? 'eso' : 'datalink'
}
