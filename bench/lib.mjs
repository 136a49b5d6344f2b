// Shared helpers for the benchmarks in bench/*.bench.mjs.
import { spawnSync } from 'node:child_process'

export const ARCHIVE_URL = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
/** Prints one figure in the contract format `name: value unit`. */
export const out = (name, value, unit = '') => console.log(`${name}: ${value}${unit ? ' ' + unit : ''}`)
export const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d

export async function archiveUp() {
  try {
    return (await fetch(`${ARCHIVE_URL}/tap/capabilities`, { signal: AbortSignal.timeout(3000) })).ok
  } catch {
    return false
  }
}

/** Starts the local archive when it is not running; false when it cannot. */
export async function ensureArchive() {
  if (await archiveUp()) return true
  return spawnSync('bash', ['scripts/archive/archive.sh', 'start'], { stdio: 'inherit' }).status === 0
}

/** Fetches a TAP sync result from the local archive as bytes. */
export async function archiveResult(query, format, maxrec = 100000) {
  const body = new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', QUERY: query, MAXREC: String(maxrec), RESPONSEFORMAT: format })
  const res = await fetch(`${ARCHIVE_URL}/tap/sync`, { method: 'POST', body })
  if (!res.ok) throw new Error(`archive answered ${res.status}`)
  return new Uint8Array(await res.arrayBuffer())
}

/** The 100k-row × 30-column ObsCore-like query (the archive's ObsCore crossed with itself). */
export const OBSCORE_100K_QUERY =
  'SELECT TOP 100000 a.obs_publisher_did, a.obs_id, a.obs_collection, a.instrument_name, a.dataproduct_type, a.calib_level, a.target_name, a.s_ra, a.s_dec, a.s_fov, a.s_resolution, a.t_min, a.t_max, a.t_exptime, a.em_min, a.em_max, a.em_res_power, a.access_url, a.access_format, a.access_estsize, a.dp_id, a.abmaglim, a.snr, a.p3orig, a.filter, a.gal_lat, a.gal_lon, a.n_obs, a.proposal_id, a.s_region FROM ivoa.ObsCore AS a, ivoa.ObsCore AS b'

/** Waits until a URL answers 2xx (a server the bench started). */
export async function waitFor(url, ms = 30000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not come up`)
}

/**
 * Puts a query in the app's ADQL editor. A fill racing CodeMirror's first focus (it puts its cursor back at 0) can
 * land before the old text instead of replacing it: fill again until the editor holds exactly the query.
 */
export async function fillAdql(page, query) {
  const editor = page.getByRole('textbox', { name: 'ADQL query' })
  const norm = (s) => s.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim()
  for (let i = 0; i < 20; i++) {
    await editor.fill(query)
    if (norm(await editor.innerText()) === norm(query)) return
    await page.waitForTimeout(250)
  }
  throw new Error('the ADQL editor did not take the query')
}
