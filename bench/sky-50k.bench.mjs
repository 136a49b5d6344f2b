// sky_50k_draw_ms: 50,000 synthetic ObsCore-like footprints (s_region strings) → indexed (worker) → drawn, in Chromium.
// sky_50k_frame_ms: mean frame time while panning and zooming over them (p95 and our own draw time too).
// sky_50k_hover_ms: hover hit-test (pix2world + grid + exact spherical test), median over random points.
// sky_50k_vs_aladin_overlay_ratio: the same polygons as plain Aladin graphic overlays: their frame time ÷ ours.
import { chromium } from '@playwright/test'
import { createServer } from 'vite'
import { out, round } from './lib.mjs'

const PORT = 4393
const N = Number(process.env.SKY_BENCH_N ?? 50000)

// served from memory: the engine modules are transformed by Vite's dev server
const HARNESS = `<!doctype html><html><body style="margin:0;background:#111">
<div id="host" style="position:relative;width:1000px;height:700px"></div>
<script type="module">
import { SkyEngine } from '/src/components/sky/engine.ts'
import { buildStore } from '/src/components/sky/footprintClient.ts'
import { colourGroups } from '/src/components/sky/palette.ts'

let seed = 12345
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
const KINDS = [
  ['FORS2', 6.8 / 60, 6.8 / 60], ['HAWKI', 7.5 / 60, 7.5 / 60], ['VIRCAM', 1.5, 1.1], ['OMEGACAM', 1, 1],
  ['MUSE', 1 / 60, 1 / 60], ['UVES', 1 / 3600, 1 / 3600], ['ALMA', 0.01, 0],
]
function synthetic(n) {
  const regions = [], labels = []
  // clustered like real archives: survey stripes plus pointed fields
  const centres = Array.from({ length: 400 }, () => [rnd() * 360, Math.asin(2 * rnd() - 1) * 57.29578 * 0.95])
  for (let i = 0; i < n; i++) {
    const [name, w, h] = KINDS[i % KINDS.length]
    const [cr, cd] = centres[(rnd() * centres.length) | 0]
    const spread = name === 'VIRCAM' || name === 'OMEGACAM' ? 12 : 2
    const dec = Math.max(-88, Math.min(88, cd + (rnd() - 0.5) * spread))
    const ra = (cr + ((rnd() - 0.5) * spread) / Math.cos((dec * Math.PI) / 180) + 360) % 360
    labels.push(name)
    if (name === 'ALMA') { regions.push('Circle ICRS ' + ra + ' ' + dec + ' ' + (0.005 + rnd() * 0.01)); continue }
    const t = rnd() * Math.PI, c = Math.cos(t), s = Math.sin(t), k = 1 / Math.cos((dec * Math.PI) / 180)
    const pts = [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]].map(([x, y]) => [ra + (x * c - y * s) * k, dec + x * s + y * c])
    regions.push('Polygon ICRS ' + pts.map((p) => p[0].toFixed(6) + ' ' + p[1].toFixed(6)).join(' '))
  }
  return { regions, labels }
}
const data = synthetic(${N})
window.polygons = () => data.regions.map((r) => { const v = r.split(' ').slice(2).map(Number); const out = []; for (let i = 0; i + 1 < v.length; i += 2) out.push([v[i], v[i + 1]]); return r.startsWith('Circle') ? null : out }).filter(Boolean)

const frames = async (count, step) => {
  const times = []
  await new Promise((r) => requestAnimationFrame(r))
  let last = performance.now()
  for (let i = 0; i < count; i++) {
    step(i)
    await new Promise((r) => requestAnimationFrame(r))
    const now = performance.now()
    times.push(now - last)
    last = now
  }
  return times
}
// pan along RA and zoom from 60° to 0.5° and back, around a dense field
window.panZoom = (aladin, count, sample = () => {}) => frames(count, (i) => {
  sample()
  const t = i / count
  const fov = 60 * Math.pow(0.5 / 60, Math.sin(Math.PI * t))
  aladin.gotoRaDec((data.centre[0] + 40 * t) % 360, data.centre[1])
  aladin.setFoV(fov)
})
data.centre = data.regions[0].split(' ').slice(2, 4).map(Number)

window.ours = async () => {
  const engine = await SkyEngine.create(document.getElementById('host'), { hips: null, ra: data.centre[0], dec: data.centre[1], fov: 60 })
  await new Promise((r) => setTimeout(r, 500))
  const t0 = performance.now()
  const store = await buildStore({ regions: data.regions })
  const g = colourGroups(data.labels)
  engine.setData({ store, regions: data.regions, group: g.group, colours: g.colours })
  const first = engine.drawNow()
  const drawMs = performance.now() - t0
  const wide = { ...first }
  engine.aladin.setFoV(180)
  const whole = { ...engine.drawNow() }
  engine.aladin.setFoV(60)
  const drawTimes = []
  const orig = engine.drawNow.bind(engine)
  // our draw time of each frame as the loop draws it
  engine.drawNow = orig
  const times = await frames(0, () => {})
  let lastFrames = engine.stats.frames
  const sample = () => { if (engine.stats.frames !== lastFrames) { lastFrames = engine.stats.frames; drawTimes.push(engine.stats.ms) } }
  times.push(...(await window.panZoom(engine.aladin, 150, sample)))
  engine.aladin.gotoRaDec(data.centre[0], data.centre[1]); engine.aladin.setFoV(20); await new Promise((r) => setTimeout(r, 100)); orig()
  const host = document.getElementById('host').getBoundingClientRect()
  // timer resolution is 0.1 ms here: time batches of 20 probes
  const hover = []
  let hits = 0
  for (let b = 0; b < 40; b++) {
    const pts = Array.from({ length: 20 }, () => [host.left + rnd() * host.width, host.top + rnd() * host.height])
    const h0 = performance.now()
    for (const [x, y] of pts) hits += engine.hitAtClient(x, y).length
    hover.push((performance.now() - h0) / 20)
  }
  return { drawMs, wide, whole, times, drawTimes, hover, hits, footprints: engine.stats.footprints }
}

window.theirs = async (count) => {
  const { default: A } = await import('/node_modules/aladin-lite/dist/aladin.js')
  await A.init
  const div = document.getElementById('host')
  const aladin = A.aladin(div, { survey: [], fov: 60, target: data.centre.join(' '), projection: 'SIN', log: false, samp: false })
  const overlay = A.graphicOverlay({ color: '#ff5a5a', lineWidth: 1 })
  aladin.addOverlay(overlay)
  const t0 = performance.now()
  for (const p of window.polygons()) overlay.add(A.polygon(p))
  const addMs = performance.now() - t0
  await new Promise((r) => requestAnimationFrame(r))
  const times = await window.panZoom(aladin, count)
  return { addMs, times, items: overlay.overlayItems.length }
}
window.ready = true
</script></body></html>`

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, median: s[s.length >> 1], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] }
}

export default async function main() {
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'error',
    server: { port: PORT, host: '127.0.0.1', strictPort: true },
    worker: { format: 'es' },
    optimizeDeps: { include: ['aladin-lite'] },
    plugins: [{ name: 'sky-bench-harness', configureServer: (s) => { s.middlewares.use('/__sky-bench', (_req, res) => res.end(HARNESS)) } }],
  })
  await server.listen()
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  try {
    const open = async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 } })
      await page.goto(`http://127.0.0.1:${PORT}/__sky-bench`)
      await page.waitForFunction(() => window.ready === true, null, { timeout: 120000 })
      return page
    }
    // a warm-up load so Vite's dependency optimisation is not timed
    await (await open()).close()
    const page = await open()
    const r = await page.evaluate(() => window.ours())
    const f = stats(r.times)
    const d = stats(r.drawTimes)
    const h = stats(r.hover)
    out('sky_50k_draw_ms', round(r.drawMs), `ms (${r.footprints} footprints; first frame ${r.wide.outlines} outlines + ${r.wide.dots} dots, draw ${round(r.wide.ms)} ms; whole sky ${r.whole.dots} aggregated dots in ${round(r.whole.ms)} ms)`)
    out('sky_50k_frame_ms', round(f.mean), `ms (p95 ${round(f.p95)}, max ${round(f.max)}; our draw per frame median ${round(d.median)} p95 ${round(d.p95)} ms)`)
    out('sky_50k_hover_ms', round(h.median, 3), `ms (p95 ${round(h.p95, 3)}, max ${round(h.max, 2)}; ${r.hits} hits in 800 probes at fov 20°)`)
    await page.close()

    const page2 = await open()
    const t = await page2.evaluate(() => window.theirs(30))
    const tf = stats(t.times)
    out('sky_50k_aladin_overlay_frame_ms', round(tf.mean), `ms (p95 ${round(tf.p95)}; ${t.items} A.polygon items, added in ${round(t.addMs)} ms)`)
    out('sky_50k_vs_aladin_overlay_ratio', round(tf.mean / f.mean, 2) + 'x')
    await page2.close()
  } finally {
    await browser.close()
    await server.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
