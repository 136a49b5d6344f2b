// initial_js_gzip_kb: gzip -9 size of the JavaScript index.html loads for the first view (lazy chunks excluded); goal ≤ 250 KiB.
// view_chunk_gzip_kb_<view>, part_chunk_gzip_kb_<part>: what each lazy view or part adds when it loads
// (its chunk and the chunks it imports statically, less those the first load already has).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { out, round } from './lib.mjs'

const VIEWS = {
  adql: 'src/features/adql/AdqlView.tsx',
  search: 'src/features/search/SearchView.tsx',
  spectra: 'src/features/spectra/SpectraView.tsx',
  jobs: 'src/features/jobs/JobsView.tsx',
  datalink: 'src/features/datalink/DataLinkView.tsx',
}
const PARTS = {
  datalink_panel: 'src/features/datalink/DataLinkPanel.tsx',
  editor: 'src/features/adql/QueryEditor.tsx',
  grid: 'src/components/ResultGrid.tsx',
  plot: 'src/components/ResultPlot.tsx',
  spectrum_plot: 'src/components/plot/SpectrumPlot.tsx',
  oidc: 'src/features/auth/oidc.ts',
  aladin: /node_modules\/aladin-lite\//,
}

const kib = (bytes) => round(bytes / 1024)

export default async function () {
  if (spawnSync('npx', ['vite', 'build', '--manifest', '--logLevel', 'error'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed')
  const gzipped = new Map()
  const gz = (f) => {
    if (!gzipped.has(f)) gzipped.set(f, gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length)
    return gzipped.get(f)
  }

  const html = readFileSync('dist/index.html', 'utf8')
  const initial = new Set([...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]))
  let total = 0
  for (const f of initial) total += gz(f)
  out('initial_js_gzip_kb', kib(total), 'KiB')

  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'))
  // a lazy chunk with what it imports statically, less the first load
  const added = (key) => {
    const files = new Set()
    const visit = (k) => {
      const c = manifest[k]
      if (!c || files.has(c.file)) return
      files.add(c.file)
      for (const i of c.imports ?? []) visit(i)
    }
    visit(key)
    let sum = 0
    for (const f of files) if (!initial.has(f) && f.endsWith('.js')) sum += gz(f)
    return sum
  }
  const keyOf = (src) => Object.keys(manifest).find((k) => (typeof src === 'string' ? k === src : src.test(k)) && manifest[k].isDynamicEntry)
  for (const [name, src] of [...Object.entries(VIEWS).map(([v, s]) => [`view_chunk_gzip_kb_${v}`, s]), ...Object.entries(PARTS).map(([p, s]) => [`part_chunk_gzip_kb_${p}`, s])]) {
    const key = keyOf(src)
    if (!key) throw new Error(`${src} is no lazy chunk of the build`)
    out(name, kib(added(key)), 'KiB')
  }
}
