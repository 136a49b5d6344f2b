/**
 * Which product a DataLink panel shows, written as one URL parameter so a panel can be shared:
 * an http(s) DataLink URL (ObsCore access_url, dbo.raw datalink_url), a publisher DID (ivo://…) or a dp_id.
 * Shared by the views that open the panel and by the panel itself (features do not import each other).
 */
import { dataLinkTarget } from '../protocols/table'
import type { Table } from '../protocols/votable'

/** The URL parameter that opens the DataLink panel over any view (the /datalink view takes `id`). */
export const DATALINK_PARAM = 'datalink'
/** The search region handed to the cutout form: `circle:ra,dec,r` or `polygon:ra,dec,ra,dec,…` (degrees). */
export const DATALINK_REGION_PARAM = 'dlregion'

export type DataLinkTargetSpec = { url: string } | { id: string } | { dpId: string }

/** Reads the parameter value; undefined for an empty one. */
export function parseDataLinkTarget(value: string | null | undefined): DataLinkTargetSpec | undefined {
  const v = (value ?? '').trim()
  if (!v) return undefined
  if (/^https?:\/\//i.test(v)) return { url: v }
  if (/^ivo:\/\//i.test(v)) return { id: v }
  return { dpId: v }
}

/**
 * The DataLink target of a result row as the URL parameter writes it: a DataLink access_url (ObsCore
 * access_format says datalink), dbo.raw's datalink_url, the publisher DID, or the dp_id — in that order.
 * Undefined when the row has none.
 */
export function dataLinkTargetOfRow(table: Table, row: number): string | undefined {
  const t = dataLinkTarget(table, row)
  return t === undefined ? undefined : 'url' in t ? t.url : 'id' in t ? t.id : t.dpId
}

/** True when a link clicked in a row is that row's DataLink URL (so the panel, not a tab, should open). */
export function opensDataLink(table: Table, row: number, href: string): boolean {
  const target = dataLinkTargetOfRow(table, row)
  if (!target || !/^https?:\/\//i.test(target)) return false
  try {
    return new URL(target).href === new URL(href).href
  } catch {
    return false
  }
}

export type DataLinkRegion =
  | { shape: 'circle'; ra: number; dec: number; radius: number }
  | { shape: 'polygon'; vertices: [number, number][] }

export function formatDataLinkRegion(r: DataLinkRegion): string {
  return r.shape === 'circle' ? `circle:${r.ra},${r.dec},${r.radius}` : `polygon:${r.vertices.flat().join(',')}`
}

export function parseDataLinkRegion(value: string | null | undefined): DataLinkRegion | undefined {
  const m = /^(circle|polygon):([-+0-9.eE,\s]+)$/.exec((value ?? '').trim())
  if (!m) return undefined
  const n = m[2]!.split(',').map(Number)
  if (n.some((x) => !Number.isFinite(x))) return undefined
  if (m[1] === 'circle') return n.length === 3 && n[2]! > 0 ? { shape: 'circle', ra: n[0]!, dec: n[1]!, radius: n[2]! } : undefined
  if (n.length < 6 || n.length % 2) return undefined
  const vertices: [number, number][] = []
  for (let i = 0; i < n.length; i += 2) vertices.push([n[i]!, n[i + 1]!])
  return { shape: 'polygon', vertices }
}
