/**
 * What to fetch for each selected result row: its DataLink document (ObsCore `access_url` with a
 * DataLink format, dbo.raw / ESO SSAP `datalink_url`, or a `dp_id`), or else the file its row points to.
 */
import type { DataLinkTarget } from '../datalink'
import type { Table, Value } from '../votable'

export interface DownloadTarget {
  /** index of the row in its table */
  row: number
  /** what the user knows the row by (dp_id, publisher DID, title) */
  label: string
  /** the row's DataLink document, whose `#this` links are the files */
  datalink?: DataLinkTarget
  /** a file the row links to directly (no DataLink known) */
  file?: { url: string; size?: number; contentType?: string }
  /** the row's own size estimate in bytes (ObsCore access_estsize), for a DataLink without content_length */
  estimatedSize?: number
}

function column(table: Table, names: string[]): number {
  for (const n of names) {
    const i = table.fields.findIndex((f) => f.name.toLowerCase() === n.toLowerCase())
    if (i >= 0) return i
  }
  return -1
}

function text(v: Value | undefined): string | undefined {
  if (v === null || v === undefined) return undefined
  const s = String(v).trim()
  return s === '' ? undefined : s
}

const httpUrl = (s: string | undefined) => (s && /^https?:\/\//i.test(s) ? s : undefined)

const BYTES_PER: Record<string, number> = { byte: 1, b: 1, kbyte: 1000, kb: 1000, kib: 1024, mbyte: 1e6, mb: 1e6 }

/** The download targets of some rows of an ObsCore, dbo.raw or SSAP result. Rows with nothing to fetch get neither `datalink` nor `file`. */
export function downloadTargets(table: Table, rows: readonly number[]): DownloadTarget[] {
  const c = {
    accessUrl: column(table, ['access_url', 'accref']),
    format: column(table, ['access_format', 'mime', 'format']),
    size: column(table, ['access_estsize', 'accsize']),
    datalink: column(table, ['datalink_url']),
    dpId: column(table, ['dp_id']),
    did: column(table, ['obs_publisher_did', 'ssa_pubdid', 'pubdid']),
    title: column(table, ['obs_id', 'ssa_dstitle', 'dataset_title']),
  }
  const sizeUnit = c.size >= 0 ? (table.fields[c.size]!.unit ?? '').trim().toLowerCase() : ''
  // ESO's access_estsize is in kbyte; a column without a unit is taken as bytes
  const sizeFactor = BYTES_PER[sizeUnit] ?? 1
  const cell = (row: number, col: number) => (col >= 0 ? text(table.value(row, col)) : undefined)
  return rows.map((row) => {
    const dpId = cell(row, c.dpId)
    const did = cell(row, c.did)
    const label = dpId ?? did ?? cell(row, c.title) ?? `row ${row + 1}`
    const target: DownloadTarget = { row, label }
    const access = httpUrl(cell(row, c.accessUrl))
    const format = (cell(row, c.format) ?? '').toLowerCase()
    const datalinkUrl = httpUrl(cell(row, c.datalink))
    const raw = c.size >= 0 ? table.value(row, c.size) : null
    const n = typeof raw === 'bigint' ? Number(raw) : typeof raw === 'number' ? raw : NaN
    const size = Number.isFinite(n) && n >= 0 ? n * sizeFactor : undefined
    if (size !== undefined) target.estimatedSize = size
    if (access && format.includes('content=datalink')) target.datalink = { url: access }
    else if (datalinkUrl) target.datalink = { url: datalinkUrl }
    else if (access) {
      target.file = { url: access }
      if (size !== undefined) target.file.size = size
      if (format) target.file.contentType = format
    } else if (did && did.startsWith('ivo://')) target.datalink = { id: did }
    else if (dpId) target.datalink = { dpId }
    return target
  })
}
