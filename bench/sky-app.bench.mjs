// The sky in the whole app: the BUILT Search view in Debian's Chromium, driven with Playwright's real mouse
// (drag-pan and wheel-zoom for a few seconds, then hovering), with 0, 2,000 and 50,000 footprints, each with
// and without a large selection (a click on a dense point), and 1,000,000 positions (HEALPix density map).
//
// Where the footprints come from: this bench serves the built app itself (a small static server, SPA
// fallback) and adds a "bench" profile to its config.json whose tap_obs endpoint is this same server's
// /bench-tap: a stand-in TAP service answering the count query and the search with a generated ObsCore-like
// VOTable (s_region polygons around Cen A; positions only for 1M rows). So the app reads them as it reads any
// service answer (sync query → streaming VOTable worker → grid and sky), with no change to the app.
//
// Printed per case (sky_app_<n>[_sel]_…): frame intervals while dragging/zooming (median, p95, frames over
// 50 ms); the main-thread time per frame spent in Aladin's own rAF callback, in our sky layer's rAF callback
// (of which our footprint draw), and in React commits; long tasks; and how many times React rendered the
// view tree (SearchView), the grid and the sky subtree while panning and while hovering.
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import { extname, join, normalize } from 'node:path'
import { chromium } from '@playwright/test'
import { out, round } from './lib.mjs'
import { BUCKETS, frameBreakdown, TRACE_CATEGORIES } from './frame-breakdown.mjs'

const PORT = Number(process.env.SKY_APP_PORT ?? 4396)
const DIST = process.env.SKY_APP_DIST ?? 'dist'
const ORIGIN = `http://127.0.0.1:${PORT}`
const CENTRE = [201.365, -43.019] // Cen A
const CASES = (process.env.SKY_APP_CASES ?? '0,2000,50000,1000000').split(',').map(Number)
// the cases whose drag is run once more under a trace, to say where a frame's time goes ('' for none)
const BREAKDOWN = (process.env.SKY_APP_BREAKDOWN ?? '50000').split(',').filter(Boolean).map(Number)

// --- the generated result ---------------------------------------------------------------------------------
let seed = 1
// a 32-bit LCG (seed * 1103515245 in doubles loses bits past 2^53: its points fall on a lattice)
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296)
const INSTRUMENTS = ['FORS2', 'HAWKI', 'VIRCAM', 'OMEGACAM', 'MUSE', 'UVES', 'XSHOOTER', 'SPHERE']
const SIZES = { FORS2: 6.8 / 60, HAWKI: 7.5 / 60, VIRCAM: 1.2, OMEGACAM: 1, MUSE: 1 / 60, UVES: 0.3 / 60, XSHOOTER: 0.2 / 60, SPHERE: 0.2 / 60 }

function votable(n) {
  seed = 12345 + n
  const positionsOnly = n > 100000
  const fields = positionsOnly
    ? ['<FIELD name="obs_id" datatype="char" arraysize="*" ucd="meta.id"/>', '<FIELD name="instrument_name" datatype="char" arraysize="*" ucd="meta.id;instr"/>', '<FIELD name="s_ra" datatype="double" unit="deg" ucd="pos.eq.ra"/>', '<FIELD name="s_dec" datatype="double" unit="deg" ucd="pos.eq.dec"/>']
    : ['<FIELD name="obs_id" datatype="char" arraysize="*" ucd="meta.id"/>', '<FIELD name="obs_collection" datatype="char" arraysize="*" ucd="meta.id"/>', '<FIELD name="instrument_name" datatype="char" arraysize="*" ucd="meta.id;instr"/>', '<FIELD name="s_ra" datatype="double" unit="deg" ucd="pos.eq.ra"/>', '<FIELD name="s_dec" datatype="double" unit="deg" ucd="pos.eq.dec"/>', '<FIELD name="s_region" datatype="char" arraysize="*" ucd="pos.outline;obs.field" utype="obscore:Char.SpatialAxis.Coverage.Support.Area"/>']
  const parts = [`<?xml version="1.0" encoding="UTF-8"?>\n<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><INFO name="QUERY_STATUS" value="OK"/><TABLE>${fields.join('')}<DATA><TABLEDATA>\n`]
  // 2k: overlapping fields within ~1° of the centre (as the hidden collection of the issue); 50k: within ~4°;
  // 1M: positions over a 30° field. A few hundred wide fields overlap the centre: a click there selects them.
  const spread = n <= 2000 ? 1 : n <= 100000 ? 4 : 30
  const cosd = Math.cos((CENTRE[1] * Math.PI) / 180)
  let rows = ''
  for (let i = 0; i < n; i++) {
    const inst = INSTRUMENTS[i % INSTRUMENTS.length]
    const wide = i % Math.max(1, Math.floor(n / 200)) === 0
    const r = (wide ? 0.15 : spread) * Math.sqrt(rnd())
    const t = rnd() * 2 * Math.PI
    const dec = CENTRE[1] + r * Math.sin(t)
    const ra = CENTRE[0] + (r * Math.cos(t)) / cosd
    const id = `BENCH.${i}`
    if (positionsOnly) rows += `<TR><TD>${id}</TD><TD>${inst}</TD><TD>${ra.toFixed(6)}</TD><TD>${dec.toFixed(6)}</TD></TR>\n`
    else {
      const w = (wide ? 0.5 : SIZES[inst]) * (0.8 + 0.4 * rnd())
      const a = rnd() * Math.PI, c = Math.cos(a), s = Math.sin(a), k = 1 / Math.cos((dec * Math.PI) / 180)
      const pts = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([x, y]) => [ra + ((x * c - y * s) * w * k) / 2, dec + ((x * s + y * c) * w) / 2])
      rows += `<TR><TD>${id}</TD><TD>BENCH_${inst}</TD><TD>${inst}</TD><TD>${ra.toFixed(6)}</TD><TD>${dec.toFixed(6)}</TD><TD>Polygon ICRS ${pts.map((p) => p[0].toFixed(5) + ' ' + p[1].toFixed(5)).join(' ')}</TD></TR>\n`
    }
    if (rows.length > 1 << 20) {
      parts.push(rows)
      rows = ''
    }
  }
  parts.push(rows, '</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n')
  return Buffer.from(parts.join(''))
}
const countTable = (n) => Buffer.from(`<?xml version="1.0"?><VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><INFO name="QUERY_STATUS" value="OK"/><TABLE><FIELD name="n" datatype="long"/><DATA><TABLEDATA><TR><TD>${n}</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`)

// --- the server: the built app, its config with the bench profile, the stand-in TAP service ----------------
let current = 0
const cache = new Map()
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.png': 'image/png' }

function config() {
  const c = JSON.parse(readFileSync(join(DIST, 'config.json'), 'utf8'))
  const local = c.profiles.local
  c.profiles.bench = { ...local, label: 'Bench stand-in', access: 'direct', endpoints: { ...local.endpoints, tap_obs: `${ORIGIN}/bench-tap`, tap_cat: `${ORIGIN}/bench-tap` }, hips: null }
  return JSON.stringify(c)
}

function serve() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, ORIGIN)
    if (url.pathname.startsWith('/bench-tap')) {
      let body = ''
      for await (const chunk of req) body += chunk
      const q = new URLSearchParams(body).get('QUERY') ?? url.searchParams.get('QUERY') ?? ''
      if (!url.pathname.endsWith('/sync')) return res.writeHead(404).end()
      const buf = /COUNT\s*\(/i.test(q) ? countTable(current) : cache.get(current) ?? cache.set(current, votable(current)).get(current)
      res.writeHead(200, { 'Content-Type': 'application/x-votable+xml', 'Content-Length': buf.length, 'Cache-Control': 'no-store' })
      return res.end(buf)
    }
    if (url.pathname === '/config.json') return res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(config())
    let file = normalize(join(DIST, decodeURIComponent(url.pathname)))
    if (!file.startsWith(normalize(DIST)) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html')
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((r) => server.listen(PORT, '127.0.0.1', () => r(server)))
}

// --- in the page: frame intervals, rAF callback times, React commits and which parts rendered ---------------
// React's DevTools hook (present before React loads) is told of every commit, also in a production build; a
// component rendered in a commit when its fiber is new or carries PerformedWork (as React DevTools decides it).
const INIT = () => {
  const w = window
  const m = (w.__bench = { on: false, frames: [], raf: { aladin: 0, ours: 0, draw: 0 }, commits: 0, commitMs: 0, renders: { view: 0, grid: 0, sky: 0, other: 0 }, long: [] })
  const hostOf = (fiber) => {
    for (let f = fiber; f; f = f.child) if (f.tag === 5 || f.tag === 6) return f.stateNode
    return null
  }
  const classify = (fiber) => {
    let node = hostOf(fiber)
    if (node && node.nodeType !== 1) node = node.parentElement
    if (!node || !node.closest) return 'other'
    if (node.matches('section.search-view')) return 'view'
    if (node.closest('.search-results')) return 'grid'
    if (node.closest('.search-sky-column')) return 'sky'
    return 'other'
  }
  const walk = (next, prev) => {
    for (let c = next.child; c; c = c.sibling) {
      const p = c.alternate
      const composite = c.tag === 0 || c.tag === 1 || c.tag === 11 || c.tag === 14 || c.tag === 15
      if (composite && (!p || (c.flags & 1) === 1)) m.renders[classify(c)]++
      if (!p) walk(c, null)
      else if (c.child !== p.child) walk(c, p)
    }
    void prev
  }
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      if (!m.on) return
      const t0 = performance.now()
      m.commits++
      const cur = root.current
      if (cur.alternate) walk(cur, cur.alternate)
      m.commitMs -= performance.now() - t0 // our own walk is not React's time
    },
  }
  // every rAF callback timed: ours (the sky layer's tick) and everyone else's (Aladin's loop)
  const raf = w.requestAnimationFrame.bind(w)
  w.requestAnimationFrame = (cb) =>
    raf((ts) => {
      if (!m.on) return cb(ts)
      const t0 = performance.now()
      try {
        cb(ts)
      } finally {
        const dt = performance.now() - t0
        const sky = document.querySelector('.sky-host')?.__sky
        if (sky && cb === sky.tick) m.raf.ours += dt
        else if (!cb.__bench) m.raf.aladin += dt
      }
    })
  try {
    new PerformanceObserver((l) => m.on && m.long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' })
  } catch {
    // no long-task timing
  }
  const loop = (ts) => {
    if (m.on) m.frames.push(ts)
    raf(loop)
  }
  raf(loop)
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return { median: s[s.length >> 1] ?? 0, p95: s[Math.floor(s.length * 0.95)] ?? 0, over50: s.filter((x) => x > 50).length, count: s.length }
}

async function measure(page, act) {
  const perfNow = await page.evaluate(() => {
    const m = window.__bench
    const sky = document.querySelector('.sky-host')?.__sky
    // our footprint draw, timed inside our rAF callback
    if (sky && !sky.renderer.__timed) {
      for (const name of ['draw', 'drawOver', 'drawHover']) {
        const draw = sky.renderer[name].bind(sky.renderer)
        sky.renderer[name] = (...a) => {
          const t0 = performance.now()
          try {
            return draw(...a)
          } finally {
            if (m.on) m.raf.draw += performance.now() - t0
          }
        }
      }
      sky.renderer.__timed = true
    }
    Object.assign(m, { on: true, frames: [], raf: { aladin: 0, ours: 0, draw: 0 }, commits: 0, commitMs: 0, renders: { view: 0, grid: 0, sky: 0, other: 0 }, long: [] })
    // for lining up the page's frame times with a trace
    return performance.mark('bench-sync').startTime
  })
  await act()
  const m = await page.evaluate(() => {
    const m = window.__bench
    m.on = false
    return JSON.parse(JSON.stringify(m))
  })
  const intervals = m.frames.slice(1).map((t, i) => t - m.frames[i])
  return { ...stats(intervals), frames: intervals.length, raf: m.raf, commits: m.commits, renders: m.renders, long: m.long, times: m.frames, perfNow }
}

async function drive(page, box) {
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  // drag-pan: 3 s of circles, then wheel-zoom in and out for 2 s, over the sky itself
  await page.mouse.move(cx, cy)
  await page.mouse.down()
  const t0 = Date.now()
  for (let i = 0; Date.now() - t0 < 3000; i++) {
    const a = i / 12
    await page.mouse.move(cx + Math.cos(a) * 120, cy + Math.sin(a) * 90)
  }
  await page.mouse.up()
  const t1 = Date.now()
  for (let i = 0; Date.now() - t1 < 2000; i++) {
    await page.mouse.wheel(0, Math.floor(i / 10) % 2 ? 120 : -120)
    await page.waitForTimeout(16)
  }
}

async function hover(page, box) {
  const t0 = Date.now()
  for (let i = 0; Date.now() - t0 < 2000; i++) await page.mouse.move(box.x + 40 + ((i * 7) % (box.width - 80)), box.y + box.height / 2 + Math.sin(i / 5) * 100)
}

async function runCase(browser, n) {
  current = n
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.addInitScript(INIT)
  const loadCdp = process.env.SKY_APP_PROFILE_LOAD ? await page.context().newCDPSession(page) : undefined
  if (loadCdp) await loadCdp.send('Profiler.enable').then(() => loadCdp.send('Profiler.start'))
  const t0 = Date.now()
  await page.goto(`${ORIGIN}/search?profile=bench&target=${CENTRE.join('+')}&radius=${n > 100000 ? 1800 : 240}&go=1&maxrec=${Math.max(n, 10)}`)
  await page.getByTestId('search-status').filter({ hasText: n ? `${n.toLocaleString('en')} rows` : /^0 rows/ }).waitFor({ timeout: 300000 })
  const rowsMs = Date.now() - t0
  if (loadCdp) printProfile(`${n} load until the rows are in`, (await loadCdp.send('Profiler.stop')).profile)
  if (loadCdp) await loadCdp.send('Profiler.start')
  await page.waitForFunction((n) => {
    const v = document.querySelector('[data-testid="sky-view"]')
    return v?.dataset.state === 'ready' && Number(v.dataset.footprints) === n && (n === 0 || Number(document.querySelector('.sky-host')?.dataset.drawn ?? 0) > 0)
  }, n, { timeout: 300000 })
  const firstDrawMs = Date.now() - t0
  if (loadCdp) printProfile(`${n} rows in → sky drawn`, (await loadCdp.send('Profiler.stop')).profile)
  const density = await page.getByTestId('sky-density').textContent({ timeout: 1000 }).catch(() => null)
  const box = await page.locator('.sky-host').boundingBox()
  if (process.env.SKY_APP_SHOTS) await page.locator('.search-sky-column').screenshot({ path: `${process.env.SKY_APP_SHOTS}/sky-app-${n}.png` })
  await page.waitForTimeout(500)
  const results = {}
  for (const sel of [false, true]) {
    if (sel) {
      if (!n) break
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
      // the grid follows the new selection: let it settle before measuring
      await page.waitForTimeout(1500)
    }
    const selected = await page.evaluate(() => document.querySelector('.sky-host').__sky.selected.reduce((a, b) => a + b, 0))
    // put the view back where it started for each run
    await page.evaluate(([ra, dec, fov]) => document.querySelector('.sky-host').__sky.goTo(ra, dec, fov), [CENTRE[0], CENTRE[1], n > 100000 ? 40 : n > 2000 ? 6 : 1.5])
    await page.waitForTimeout(300)
    const cdp = process.env.SKY_APP_PROFILE ? await page.context().newCDPSession(page) : undefined
    if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 500 })).then(() => cdp.send('Profiler.start'))
    if (process.env.SKY_APP_TRACE) await page.context().browser().startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'gpu', 'v8'] })
    const pan = await measure(page, () => drive(page, box))
    if (process.env.SKY_APP_TRACE) printTrace(`${n}${sel ? ' selected' : ''} pan`, JSON.parse((await page.context().browser().stopTracing()).toString()))
    if (cdp) printProfile(`${n}${sel ? ' selected' : ''} pan`, (await cdp.send('Profiler.stop')).profile)
    const hov = await measure(page, () => hover(page, box))
    let traced
    if (BREAKDOWN.includes(n)) {
      // the same drag again under a trace with CPU samples: where the main thread's time goes, frame by frame
      await page.evaluate(([ra, dec, fov]) => document.querySelector('.sky-host').__sky.goTo(ra, dec, fov), [CENTRE[0], CENTRE[1], n > 100000 ? 40 : n > 2000 ? 6 : 1.5])
      await page.waitForTimeout(300)
      await page.context().browser().startTracing(page, { categories: TRACE_CATEGORIES })
      const m = await measure(page, () => drive(page, box))
      const trace = JSON.parse((await page.context().browser().stopTracing()).toString())
      traced = { ...m, breakdown: frameBreakdown(trace, { mark: 'bench-sync', perfNow: m.perfNow }, m.times) }
    }
    results[sel ? 'sel' : 'nosel'] = { pan, hov, selected, traced }
  }
  await page.close()
  return { firstDrawMs, rowsMs, density, results }
}

/** The functions with the most self time in a CPU profile (stderr: for finding where the time goes). */
function printProfile(what, profile) {
  const self = new Map()
  const dt = new Map()
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  for (const node of profile.nodes) {
    const f = node.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000)
  }
  console.error(`--- ${what}: self time (ms)`)
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.error(`${round(v)}\t${k}`)
}

/** Main-thread time by trace event name (complete events, nested ones counted in their parents too). */
function printTrace(what, trace) {
  const events = trace.traceEvents ?? trace
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  const by = new Map()
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue
    by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000)
  }
  console.error(`--- ${what}: main-thread time by event (ms)`)
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.error(`${round(v)}\t${k}`)
}

function report(n, { firstDrawMs, rowsMs, density, results }) {
  const name = `sky_app_${n >= 1e6 ? `${n / 1e6}m` : n >= 1000 ? `${n / 1000}k` : n}`
  out(`${name}_first_draw_ms`, firstDrawMs, `ms (page opened → result fetched and parsed, grid and sky drawn; the rows were in at ${rowsMs} ms${density ? '; drawn as a density map' : ''})`)
  out(`${name}_rows_to_sky_ms`, firstDrawMs - rowsMs, 'ms (all rows in → the sky drawn: footprint store, index, density map, first frame)')
  for (const [k, r] of Object.entries(results)) {
    const tag = k === 'sel' ? `${name}_sel` : name
    const p = r.pan
    const goal = n === 50000 || n >= 1e6 ? ' (goal: p95 ≤ 33 ms)' : ''
    out(`${tag}_frame_median_ms`, round(p.median), 'ms')
    out(`${tag}_frame_p95_ms`, round(p.p95), `ms${goal}`)
    out(`${tag}_frames_over_50ms`, p.over50, `of ${p.frames} frames${k === 'sel' ? ` (${r.selected} footprints selected by a click)` : ''}`)
    const per = (x) => round(x / Math.max(1, p.frames), 2)
    out(`${tag}_aladin_ms_per_frame`, per(p.raf.aladin), "ms (Aladin's own rAF callback)")
    out(`${tag}_sky_layer_ms_per_frame`, per(p.raf.ours), 'ms (our rAF callback: projection fit and draw)')
    out(`${tag}_footprint_draw_ms_per_frame`, per(p.raf.draw), 'ms (our footprint draw alone)')
    out(`${tag}_pan_react_commits`, p.commits, `commits while panning/zooming (view ${p.renders.view}, grid ${p.renders.grid}, sky ${p.renders.sky}, other ${p.renders.other} renders; goal: view 0, grid 0)`)
    out(`${tag}_pan_long_tasks`, p.long.length, `long tasks (longest ${round(Math.max(0, ...p.long))} ms)`)
    const h = r.hov
    out(`${tag}_hover_react_commits`, h.commits, `commits while hovering ${h.frames} frames (view ${h.renders.view}, grid ${h.renders.grid}, sky ${h.renders.sky}, other ${h.renders.other} renders; goal: view and grid not per frame)`)
    out(`${tag}_hover_frame_p95_ms`, round(h.p95), 'ms')
    if (r.traced) {
      const t = r.traced
      const b = t.breakdown
      out(`${tag}_traced_frame_p95_ms`, round(t.p95), `ms (the drag again under a trace with CPU sampling, slower; ${b.frames} frames, ${b.slow} over 34 ms)`)
      for (const [k, what] of Object.entries(BUCKETS)) out(`${tag}_cpu_${k}_ms_per_frame`, round(b.all[k], 2), `ms (in frames over 34 ms: ${round(b.slowFrames[k], 1)} ms; ${what})`)
    }
  }
}

export default async function main() {
  out('sky_app_load_average', os.loadavg()[0].toFixed(1), `(1-minute load on ${os.cpus().length} cores at the start: the frame figures depend on it)`)
  if (!existsSync(join(DIST, 'index.html')) && spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--logLevel', 'error'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed')
  const server = await serve()
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-unsafe-swiftshader'] })
  try {
    for (const n of CASES) report(n, await runCase(browser, n))
  } finally {
    await browser.close()
    server.close()
  }
}
