/**
 * calSelector: the calibrations associated with a raw frame, as a DataLink document.
 * ESO: GET {base}?dp_id=…&mode=Raw2Raw|Raw2Master&responseformat=votable.
 * A DataLink-style service (the local archive) takes ID=<publisher DID> and no mode.
 */
import type { HttpClient } from '../http'
import {
  classifySemantics, ESO_ID_TEMPLATE, fetchLinks, publisherDid, withParams,
  type DataLinkResult, type DataLinkRow,
} from '../datalink'
import { normaliseMode, parseCascadeDescription, type CalSelectorMode, type CascadeSummary } from './description'

export type CalSelectorStyle = 'eso' | 'datalink'

export interface CalSelectorRequest {
  /** the raw frame, e.g. `MUSE.2018-06-05T01:06:59.418` */
  dpId: string
  mode: CalSelectorMode
}

export interface CalSelectorOptions {
  /** the profile's `calselector` endpoint */
  baseUrl: string
  /** 'eso' (dp_id/mode/responseformat, default) or 'datalink' (ID=<DID>; the mode cannot be asked for) */
  style?: CalSelectorStyle
  /** for the 'datalink' style: publisher DID template, default `ivo://eso.org/ID?{dp_id}` */
  idTemplate?: string
  signal?: AbortSignal
}

export interface CalSelectorResult extends DataLinkResult {
  requestedMode?: CalSelectorMode
  /** the cascade summary of the #this row */
  cascade?: CascadeSummary
  /** the mode calSelector actually ran, from the cascade summary */
  modeRun?: CalSelectorMode
  /** Raw2Master was asked for but Raw2Raw ran (no master calibrations): the files are raw calibrations */
  fellBack: boolean
  /** the #calibration rows */
  calibrations: DataLinkRow[]
  /** ESO's link to the association tree XML (eso#calSelector_raw2master inside a calSelector response) */
  associationTree?: DataLinkRow
}

/** The request URL in the service's style. */
export function calSelectorUrl(req: CalSelectorRequest, opts: Pick<CalSelectorOptions, 'baseUrl' | 'style' | 'idTemplate'>): string {
  if (opts.style === 'datalink') return withParams(opts.baseUrl, [['ID', publisherDid(req.dpId, opts.idTemplate ?? ESO_ID_TEMPLATE)]])
  return withParams(opts.baseUrl, [['dp_id', req.dpId.trim()], ['mode', req.mode], ['responseformat', 'votable']])
}

/** Reads a calSelector DataLink document: cascade summary, the mode run, calibrations and the tree link. */
export function readCalSelector(links: DataLinkResult, requestedMode?: CalSelectorMode): CalSelectorResult {
  const self = links.rows.find((r) => classifySemantics(r) === 'this')
  const cascade = parseCascadeDescription(self?.description)
  const modeRun = normaliseMode(cascade?.mode)
  const result: CalSelectorResult = {
    ...links,
    fellBack: requestedMode === 'Raw2Master' && modeRun === 'Raw2Raw',
    calibrations: links.rows.filter((r) => classifySemantics(r) === 'calibration'),
  }
  if (requestedMode) result.requestedMode = requestedMode
  if (cascade) result.cascade = cascade
  if (modeRun) result.modeRun = modeRun
  const tree = links.rows.find((r) => classifySemantics(r) === 'calselector' && (r.esoCategory === 'ASSOCIATION_TREE' || (/(^|\/)xml\b/i.test(r.contentType ?? '') && !/votable/i.test(r.contentType ?? ''))))
  if (tree) result.associationTree = tree
  return result
}

/** Asks calSelector for the calibrations of a raw frame. */
export async function fetchCalibrations(http: HttpClient, req: CalSelectorRequest, opts: CalSelectorOptions): Promise<CalSelectorResult> {
  const links = await fetchLinks(http, { url: calSelectorUrl(req, opts) }, { signal: opts.signal })
  return readCalSelector(links, req.mode)
}

/** Follows a calSelector link of a raw frame's DataLink (eso#calSelector_raw2raw / raw2master); the mode comes from the link. */
export async function fetchCalibrationsFromLink(http: HttpClient, link: Pick<DataLinkRow, 'accessUrl' | 'semantics'>, opts: { signal?: AbortSignal } = {}): Promise<CalSelectorResult> {
  if (!link.accessUrl) throw new Error('The calSelector link has no access_url')
  const fromUrl = /[?&]mode=([^&]+)/i.exec(link.accessUrl)?.[1]
  const fromSemantics = /calSelector_(raw2raw|raw2master)/i.exec(link.semantics)?.[1]
  const links = await fetchLinks(http, { url: link.accessUrl }, { signal: opts.signal })
  return readCalSelector(links, normaliseMode(fromUrl ?? fromSemantics))
}
