// votable_*_mb_s and *_vs_astropy_ratio: parse throughput of a real 100k×30 result of the local archive,
// in TABLEDATA, BINARY and BINARY2, against astropy.io.votable and STILTS (when installed) on the same bytes in the same run.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'vite'
import { OBSCORE_100K_QUERY, archiveResult, ensureArchive, out, round } from './lib.mjs'

export default async function () {
  if (!(await ensureArchive())) {
    console.error('local archive unavailable; skipping the VOTable benchmarks')
    return
  }
  const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' })
  try {
    const { parseVOTable } = await vite.ssrLoadModule('/src/protocols/votable/index.ts')
    for (const [name, fmt] of [['tabledata', 'votable/td'], ['binary', 'votable'], ['binary2', 'votable/b2']]) {
      const buf = await archiveResult(OBSCORE_100K_QUERY, fmt)
      parseVOTable(buf) // warm-up
      let best = Infinity
      let rows = 0
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now()
        rows = parseVOTable(buf).tables[0].rowCount
        best = Math.min(best, performance.now() - t0)
      }
      out(`votable_${name}_mb_s`, round(buf.length / 1e6 / (best / 1000)), 'MB/s')
      out(`votable_${name}_parse_ms`, round(best), `ms (${rows} rows, ${round(buf.length / 1e6)} MB)`)
      const file = `/tmp/bench-${name}.vot`
      writeFileSync(file, buf)
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
      if (py.status === 0 && Number.isFinite(astropyMs)) {
        out(`votable_${name}_astropy_ms`, round(astropyMs), 'ms')
        out(`votable_${name}_vs_astropy_ratio`, round(astropyMs / best) + 'x')
      }
      // STILTS (Debian's `apt-get install stilts`): wall time of `stilts tpipe omode=count`, best of 2, JVM start included
      let stiltsMs = Infinity
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now()
        const st = spawnSync('stilts', ['tpipe', `in=${file}`, 'ifmt=votable', 'omode=count'], { encoding: 'utf8' })
        if (st.status !== 0) break
        stiltsMs = Math.min(stiltsMs, performance.now() - t0)
      }
      if (Number.isFinite(stiltsMs)) {
        out(`votable_${name}_stilts_ms`, round(stiltsMs), 'ms (stilts tpipe omode=count: reads every row; JVM start included)')
        out(`votable_${name}_vs_stilts_ratio`, round(stiltsMs / best) + 'x')
      } else console.error('stilts not available (apt-get install -y stilts); no STILTS figures')
    }
  } finally {
    await vite.close()
  }
}
