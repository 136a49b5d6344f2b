/**
 * What a result row is: the DataLink document behind it (ObsCore access_url with a DataLink format,
 * dbo.raw / ESO SSAP datalink_url, a publisher DID or an ESO dp_id) and the column that names it.
 */
import type { Table, Value } from '../votable'
import { findColumn } from './columns'

/** Column indexes a row's product is read from; -1 where the table has none. */
export interface ProductColumns {
  /** ObsCore access_url, DaCHS SSAP accref */
  accessUrl: number
  /** ObsCore access_format, SSAP mime/FORMAT */
  format: number
  /** dbo.raw and ESO SSAP */
  datalinkUrl: number
  /** ESO product or raw frame id */
  dpId: number
  /** ObsCore obs_publisher_did, SSAP ssa_pubDID / PUBDID */
  publisherDid: number
}

/** Finds the product columns once for a table, for many rows. */
export function productColumns(table: Pick<Table, 'fields'>): ProductColumns {
  return {
    accessUrl: findColumn(table, { names: ['access_url', 'accref'] }),
    format: findColumn(table, { names: ['access_format', 'mime', 'format'] }),
    datalinkUrl: findColumn(table, { name: 'datalink_url' }),
    dpId: findColumn(table, { name: 'dp_id' }),
    publisherDid: findColumn(table, { names: ['obs_publisher_did', 'ssa_pubdid', 'pubdid'] }),
  }
}

/** A cell as trimmed text; undefined for a missing column or an empty cell. */
export function cellText(table: Pick<Table, 'value'>, row: number, column: number): string | undefined {
  if (column < 0) return undefined
  const v: Value = table.value(row, column)
  if (v === null || v === undefined) return undefined
  const s = String(v).trim()
  return s === '' ? undefined : s
}

const httpUrl = (s: string | undefined) => (s && /^https?:\/\//i.test(s) ? s : undefined)

/** The row's access_url when its format says it is a DataLink document (`…;content=datalink`). */
export function dataLinkAccessUrl(table: Table, row: number, cols: ProductColumns = productColumns(table)): string | undefined {
  const access = httpUrl(cellText(table, row, cols.accessUrl))
  return access && /content=datalink/i.test(cellText(table, row, cols.format) ?? '') ? access : undefined
}

/**
 * The DataLink document of a row: a DataLink access_url, else datalink_url, else the publisher DID (ivo://…),
 * else the dp_id; undefined when the row has none of them.
 */
/** What a row's DataLink is found by: a publisher DID, a dp_id (a DID by the profile's template), or a ready URL. */
export type DataLinkTarget = { id: string } | { dpId: string } | { url: string }

export function dataLinkTarget(table: Table, row: number, cols: ProductColumns = productColumns(table)): DataLinkTarget | undefined {
  const url = dataLinkAccessUrl(table, row, cols) ?? httpUrl(cellText(table, row, cols.datalinkUrl))
  if (url) return { url }
  const did = cellText(table, row, cols.publisherDid)
  if (did && /^ivo:\/\//i.test(did)) return { id: did }
  const dpId = cellText(table, row, cols.dpId)
  return dpId ? { dpId } : undefined
}

const ID_NAMES = ['obs_publisher_did', 'dp_id', 'obs_id', 'id']

/** The column that identifies a row (publisher DID, dp_id, obs_id, id, else the meta.id;meta.main column); -1 when none. */
export function idColumn(table: Pick<Table, 'fields'>): number {
  return findColumn(table, [{ names: ID_NAMES }, { ucd: 'meta.id;meta.main' }])
}
