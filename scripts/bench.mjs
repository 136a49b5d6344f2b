#!/usr/bin/env node
// `npm run bench`: prints `name: value unit` lines (see README, "Benchmarks"). Never part of the tests.
// Benchmarks that need the local archive start it when it is not running.
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { createServer } from 'vite'

const ARCHIVE_URL = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const out = (name, value, unit = '') => console.log(`${name}: ${value}${unit ? ' ' + unit : ''}`)
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d

// --- initial_js_gzip_kb: the JavaScript index.html loads for the first view (lazy chunks excluded)
function initialJsGzipKb() {
  if (spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed')
  const html = readFileSync('dist/index.html', 'utf8')
  const entries = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
  let total = 0
  for (const f of new Set(entries)) total += gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length
  return total / 1024
}

async function archiveUp() {
  try {
    return (await fetch(`${ARCHIVE_URL}/tap/capabilities`, { signal: AbortSignal.timeout(3000) })).ok
  } catch {
    return false
  }
}

// --- VOTable parse throughput on a real 100k-row result of the local archive, in three serializations
async function votableBench() {
  if (!(await archiveUp()) && spawnSync('bash', ['scripts/archive/archive.sh', 'start'], { stdio: 'inherit' }).status !== 0) {
    console.error('local archive unavailable; skipping the VOTable benchmarks')
    return
  }
  const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'error' })
  try {
    const { parseVOTable } = await vite.ssrLoadModule('/src/protocols/votable/index.ts')
    const cols = 'a.obs_publisher_did, a.obs_id, a.obs_collection, a.instrument_name, a.dataproduct_type, a.calib_level, a.target_name, a.s_ra, a.s_dec, a.s_fov, a.s_resolution, a.t_min, a.t_max, a.t_exptime, a.em_min, a.em_max, a.em_res_power, a.access_url, a.access_format, a.access_estsize, a.dp_id, a.abmaglim, a.snr, a.p3orig, a.filter, a.gal_lat, a.gal_lon, a.n_obs, a.proposal_id, a.s_region'
    const query = `SELECT TOP 100000 ${cols} FROM ivoa.ObsCore AS a CROSS JOIN ivoa.ObsCore AS b`
    for (const [name, fmt] of [['tabledata', 'votable/td'], ['binary', 'votable'], ['binary2', 'votable/b2']]) {
      const body = new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', QUERY: query, MAXREC: '100000', RESPONSEFORMAT: fmt })
      const buf = new Uint8Array(await (await fetch(`${ARCHIVE_URL}/tap/sync`, { method: 'POST', body })).arrayBuffer())
      parseVOTable(buf) // warm-up
      const times = []
      let rows = 0
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now()
        rows = parseVOTable(buf).tables[0].rowCount
        times.push(performance.now() - t0)
      }
      const best = Math.min(...times)
      out(`votable_${name}_mb_s`, round(buf.length / 1e6 / (best / 1000)), 'MB/s')
      out(`votable_${name}_rows`, rows)
      const file = `/tmp/bench-${name}.vot`
      ;(await import('node:fs')).writeFileSync(file, buf)
      const py = spawnSync('/usr/bin/python3', ['-c', `
import time, warnings
warnings.simplefilter('ignore')
from astropy.io.votable import parse
best = 1e9
for i in range(3):
    t = time.perf_counter(); parse('${file}').get_first_table().to_table(); best = min(best, time.perf_counter() - t)
print(best * 1000)
`], { encoding: 'utf8' })
      const astropyMs = Number(py.stdout.trim())
      if (py.status === 0 && Number.isFinite(astropyMs)) out(`votable_${name}_vs_astropy_ratio`, round(astropyMs / best) + 'x')
    }
  } finally {
    await vite.close()
  }
}

out('initial_js_gzip_kb', round(initialJsGzipKb()), 'KiB')
if (existsSync('src/protocols/votable/index.ts') && readdirSync('src/protocols/votable').length) await votableBench()
