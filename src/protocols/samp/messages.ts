/**
 * SAMP messages the app sends and reads (SAMP 1.3 and the MTypes of https://www.ivoa.net/samp/):
 * building them, and reading what other clients send. Pure functions; no library, no network.
 */

/** A SAMP value: strings (integers and floats travel as strings), lists and maps of them. */
export type SampValue = string | SampValue[] | { [key: string]: SampValue }
export type SampParams = { [key: string]: SampValue }

export interface SampMessage {
  'samp.mtype': string
  'samp.params': SampParams
}

export const MTYPES = {
  loadTable: 'table.load.votable',
  selectRows: 'table.select.rowList',
  highlightRow: 'table.highlight.row',
  loadSpectrum: 'spectrum.load.ssa-generic',
  loadImage: 'image.load.fits',
  pointAtSky: 'coord.pointAt.sky',
} as const
export type AppMType = (typeof MTYPES)[keyof typeof MTYPES]

/** Events of the hub about the other clients (SAMP 1.3 §3.12). */
export const HUB_EVENTS = {
  register: 'samp.hub.event.register',
  unregister: 'samp.hub.event.unregister',
  metadata: 'samp.hub.event.metadata',
  subscriptions: 'samp.hub.event.subscriptions',
  shutdown: 'samp.hub.event.shutdown',
  disconnect: 'samp.hub.disconnect',
} as const

function message(mtype: string, params: Record<string, SampValue | undefined>): SampMessage {
  const kept: SampParams = {}
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') kept[k] = v
  return { 'samp.mtype': mtype, 'samp.params': kept }
}

/** SAMP floats are strings; the full precision of a double, without exponent noise for ordinary values. */
export function sampFloat(x: number): string {
  return String(x)
}

/** `table.load.votable`: a table others fetch from `url` (it must be reachable by them, not a blob: URL). */
export function loadTableMessage(url: string, tableId: string, name?: string): SampMessage {
  return message(MTYPES.loadTable, { url, 'table-id': tableId, name })
}

/** `table.select.rowList`: the selected rows, as 0-based indices into the table as loaded from `url`. */
export function selectRowsMessage(tableId: string, url: string, rows: readonly number[]): SampMessage {
  return message(MTYPES.selectRows, { 'table-id': tableId, url, 'row-list': rows.map((r) => String(r)) })
}

/** `spectrum.load.ssa-generic`: a spectrum by its access URL, with what is known of it (SSA utypes/UCDs as keys). */
export function loadSpectrumMessage(url: string, meta: Record<string, string> = {}, name?: string): SampMessage {
  return message(MTYPES.loadSpectrum, { url, meta, 'spectrum-id': url, name })
}

/** `image.load.fits`: a FITS image, cube or cutout by URL. */
export function loadImageMessage(url: string, name?: string): SampMessage {
  return message(MTYPES.loadImage, { url, 'image-id': url, name })
}

/** `coord.pointAt.sky`: ICRS position in degrees. */
export function pointAtSkyMessage(ra: number, dec: number): SampMessage {
  return message(MTYPES.pointAtSky, { ra: sampFloat(ra), dec: sampFloat(dec) })
}

function text(v: SampValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined
}

/** A table to load, as another client describes it. */
export interface TableToLoad {
  url: string
  tableId?: string
  name?: string
}

export function readLoadTable(params: SampParams): TableToLoad | undefined {
  const url = text(params.url)
  if (!url) return undefined
  return { url, tableId: text(params['table-id']), name: text(params.name) }
}

/** Which table a row message is about: its table-id, and its URL as a fallback key. */
export interface TableRef {
  tableId?: string
  url?: string
}

/** A 0-based row index from SAMP (a string of digits); undefined for anything that is not one. */
export function readRowIndex(v: SampValue | undefined): number | undefined {
  if (typeof v !== 'string' || !/^\s*\d+\s*$/.test(v)) return undefined
  return Number(v)
}

/** The rows of a `table.select.rowList`: valid indices below rowCount, each once, in the order given. */
export function readRowList(params: SampParams, rowCount: number): number[] {
  const list = params['row-list']
  if (!Array.isArray(list)) return []
  const seen = new Set<number>()
  for (const v of list) {
    const r = readRowIndex(v)
    if (r !== undefined && r < rowCount) seen.add(r)
  }
  return [...seen]
}

/** The row of a `table.highlight.row`, if it lies in the table. */
export function readHighlightRow(params: SampParams, rowCount: number): number | undefined {
  const r = readRowIndex(params.row)
  return r !== undefined && r < rowCount ? r : undefined
}

export function readTableRef(params: SampParams): TableRef {
  return { tableId: text(params['table-id']), url: text(params.url) }
}

/** Whether a row message is about a table known by this id and URL (the id decides when both have one). */
export function refersTo(ref: TableRef, tableId: string, url: string): boolean {
  if (ref.tableId) return ref.tableId === tableId
  return !!ref.url && ref.url === url
}

/** A sky position of `coord.pointAt.sky`, in degrees; undefined when it is not a valid one. */
export function readSkyPosition(params: SampParams): { ra: number; dec: number } | undefined {
  const ra = Number(text(params.ra))
  const dec = Number(text(params.dec))
  if (!Number.isFinite(ra) || !Number.isFinite(dec) || text(params.ra)?.trim() === '' || text(params.dec)?.trim() === '') return undefined
  if (dec < -90 || dec > 90) return undefined
  return { ra: ((ra % 360) + 360) % 360, dec }
}

/** Whether a client's subscriptions cover an MType: exactly, by `*`, or by a wildcard like `table.*`. */
export function subscribes(subscriptions: SampParams | undefined, mtype: string): boolean {
  if (!subscriptions) return false
  return Object.keys(subscriptions).some((pattern) => {
    if (pattern === mtype || pattern === '*') return true
    const prefix = /^(.*)\.\*$/.exec(pattern)?.[1]
    return prefix !== undefined && mtype.startsWith(prefix + '.')
  })
}

/** Which message suits a file by its content type: FITS as an image (image.load.fits), a VOTable as a table. */
export function fileMessageKind(contentType: string | undefined): 'image' | 'table' | undefined {
  const ct = (contentType ?? '').toLowerCase()
  if (ct.includes('fits')) return 'image'
  if (ct.includes('votable')) return 'table'
  return undefined
}

/** A table-id for a table the app sends, unique in this page. */
export function newTableId(prefix: string, seq: number): string {
  return `${prefix}-${seq}`
}
