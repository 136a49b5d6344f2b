/**
 * What to fetch for each selected result row: its DataLink document (ObsCore `access_url` with a
 * DataLink format, dbo.raw / ESO SSAP `datalink_url`, or a `dp_id`), or else the file its row points to.
 */
import type { DataLinkTarget } from '../datalink'
import { BYTES_PER_UNIT, cellText, dataLinkTarget, findColumn, productColumns } from '../table'
import type { Table } from '../votable'

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

/** The download targets of some rows of an ObsCore, dbo.raw or SSAP result. Rows with nothing to fetch get neither `datalink` nor `file`. */
export function downloadTargets(table: Table, rows: readonly number[]): DownloadTarget[] {
  const product = productColumns(table)
  const c = {
    size: findColumn(table, { names: ['access_estsize', 'accsize'] }),
    title: findColumn(table, { names: ['obs_id', 'ssa_dstitle', 'dataset_title'] }),
  }
  const sizeUnit = c.size >= 0 ? (table.fields[c.size]!.unit ?? '').trim().toLowerCase() : ''
  // ESO's access_estsize is in kbyte; a column without a unit is taken as bytes
  const sizeFactor = BYTES_PER_UNIT[sizeUnit] ?? 1
  return rows.map((row) => {
    const dpId = cellText(table, row, product.dpId)
    const label = dpId ?? cellText(table, row, product.publisherDid) ?? cellText(table, row, c.title) ?? `row ${row + 1}`
    const target: DownloadTarget = { row, label }
    const raw = c.size >= 0 ? table.value(row, c.size) : null
    const n = typeof raw === 'bigint' ? Number(raw) : typeof raw === 'number' ? raw : NaN
    const size = Number.isFinite(n) && n >= 0 ? n * sizeFactor : undefined
    if (size !== undefined) target.estimatedSize = size
    const datalink = dataLinkTarget(table, row, product)
    const access = cellText(table, row, product.accessUrl)
    // a file the row points to directly wins over looking its DataLink up by id
    if (datalink && 'url' in datalink) target.datalink = datalink
    else if (access && /^https?:\/\//i.test(access)) {
      target.file = { url: access }
      if (size !== undefined) target.file.size = size
      const format = (cellText(table, row, product.format) ?? '').toLowerCase()
      if (format) target.file.contentType = format
    } else if (datalink) target.datalink = datalink
    return target
  })
}
