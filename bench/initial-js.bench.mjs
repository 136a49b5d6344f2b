// initial_js_gzip_kb: gzip -9 size of the JavaScript index.html loads for the first view (lazy chunks excluded).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { out, round } from './lib.mjs'

export default async function () {
  if (spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed')
  const html = readFileSync('dist/index.html', 'utf8')
  const entries = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
  let total = 0
  for (const f of new Set(entries)) total += gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length
  out('initial_js_gzip_kb', round(total / 1024), 'KiB')
}
