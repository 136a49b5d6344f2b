/**
 * The DataLink document of a product the user names. A dp_id goes to the profile's DataLink service; when that
 * service does not know it (some archives, like the local one, serve raw frames from another DataLink endpoint),
 * the raw-frame table is asked for the frame's own datalink_url, as *Open DataLink* on a raw row would use.
 */
import { fetchLinks, type DataLinkResult, type DataLinkTarget } from '../protocols/datalink'
import { runSync } from '../protocols/tap'
import type { AppRuntime } from './runtime'

const knowsNothing = (r: DataLinkResult) => r.rows.length > 0 && r.rows.every((row) => row.errorMessage && !row.accessUrl && !row.serviceDef)

/** An ADQL string literal. */
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`

async function rawFrameDataLink(rt: AppRuntime, dpId: string, signal?: AbortSignal): Promise<string | undefined> {
  const tap = rt.endpoint('tap_obs')
  if (!tap) return undefined
  try {
    const r = await runSync(rt.http, tap, { query: `SELECT datalink_url FROM dbo.raw WHERE dp_id = ${literal(dpId)}`, maxrec: 1 }, signal)
    const v = r.table.rowCount ? r.table.value(0, 0) : null
    return typeof v === 'string' && /^https?:\/\//i.test(v) ? v : undefined
  } catch (e) {
    if (signal?.aborted) throw e
    return undefined // no dbo.raw here, or no such frame: the DataLink service's own answer stands
  }
}

export async function fetchProductLinks(rt: AppRuntime, target: DataLinkTarget, signal?: AbortSignal): Promise<DataLinkResult> {
  const opts = { baseUrl: rt.endpoint('datalink'), idTemplate: rt.profile.idTemplate, signal }
  const first = await fetchLinks(rt.http, target, opts)
  if (!('dpId' in target) || !knowsNothing(first)) return first
  const url = await rawFrameDataLink(rt, target.dpId, signal)
  return url ? fetchLinks(rt.http, { url }, opts) : first
}
