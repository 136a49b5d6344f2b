// tap_100k_first_rows_ms: Run pressed → first rows painted, 100k-row sync result of the local archive, in Chromium.
// grid_100k_scroll_worst_frame_ms: worst frame while scrolling those rows (a scrollbar drag; grid_100k_wheel_*: a fast wheel).
// tap_100k_vs_pyvo_ratio: pyvo run_sync(q).to_table() time ÷ our fetch+parse time (Node), same query.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { createServer } from 'vite'
import { ARCHIVE_URL, OBSCORE_100K_QUERY, ensureArchive, fillAdql, out, round, waitFor } from './lib.mjs'

const PORT = 4391

/** Shortest time until the archive's answer to a sync query starts (of 3), its body discarded. */
async function serverFirstByte(query) {
  const times = []
  for (let i = 0; i < 3; i++) {
    const body = new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', QUERY: query, MAXREC: '100000', RESPONSEFORMAT: 'votable/b2' })
    const t0 = performance.now()
    const res = await fetch(`${ARCHIVE_URL}/tap/sync`, { method: 'POST', body })
    times.push(performance.now() - t0)
    await res.arrayBuffer()
  }
  return Math.min(...times)
}

async function browserFigures() {
  if (!existsSync('dist/index.html') && spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed')
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  try {
    await waitFor(`http://127.0.0.1:${PORT}/config.json`)
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const ttfb = await serverFirstByte(OBSCORE_100K_QUERY)
    const firstRows = []
    for (let i = 0; i < 3; i++) {
      await page.goto(`http://127.0.0.1:${PORT}/adql?profile=local`)
      await page.getByRole('textbox', { name: 'MAXREC' }).fill('100000')
      await fillAdql(page, OBSCORE_100K_QUERY)
      // as after typing a query: the page has read the service's schema (five TAP_SCHEMA queries) for completion
      await page.getByText(/\d+ tables, \d+ foreign keys/).waitFor({ timeout: 30000 })
      await page.evaluate(() => {
        const w = window
        const t0 = performance.now()
        // the next frame after a change is the one that paints it
        const whenPainted = (ready) =>
          new Promise((resolve) => {
            const obs = new MutationObserver(() => {
              if (!ready()) return
              obs.disconnect()
              requestAnimationFrame(() => resolve(performance.now() - t0))
            })
            obs.observe(document.body, { childList: true, subtree: true, characterData: true })
          })
        // any rows: the one-screen preview when the app asks for one, else the result's first batch
        w.__firstRows = whenPainted(() => !!document.querySelector('[data-testid="result-grid"] .ag-row'))
        // rows of the result itself: the status counts received rows (or the whole result is in)
        w.__ownRows = whenPainted(() => [...document.querySelectorAll('[role="status"]')].some((e) => /Receiving…|^[\d,]+ rows$/.test(e.textContent ?? '')))
        w.__preview = whenPainted(() => !!document.querySelector('[data-testid="result-preview"]')).then(() => true)
      })
      await page.getByRole('button', { name: 'Run' }).click()
      firstRows.push({ total: await page.evaluate(() => window.__firstRows), own: await page.evaluate(() => window.__ownRows), preview: await page.evaluate(() => Promise.race([window.__preview, false])) })
      await page.evaluate(() => performance.clearResourceTimings())
      await page.getByRole('status').filter({ hasText: '100,000 rows' }).waitFor({ timeout: 60000 })
    }
    out('tap_100k_first_rows_ms', round(Math.min(...firstRows.map((x) => x.total))), `ms (runs: ${firstRows.map((x) => round(x.total, 0)).join(', ')}; ${firstRows.every((x) => x.preview) ? "the app's first screen (MAXREC 50), asked for before the whole query" : 'the first rows of the result'})`)
    out('tap_100k_first_result_rows_ms', round(Math.min(...firstRows.map((x) => x.own))), `ms (runs: ${firstRows.map((x) => round(x.own, 0)).join(', ')}; the result's own first rows, after the server's first byte)`)
    // the query runs in the page's VOTable worker, whose requests the page's resource timings do not show:
    // the server's own time to the first byte is measured from Node, on the same query, in the same run
    out('tap_100k_server_first_byte_ms', round(ttfb), 'ms (request sent → first byte, from Node: DaCHS runs the whole sync query into a file before it answers)')
    out('tap_100k_first_result_rows_after_first_byte_ms', round(Math.min(...firstRows.map((x) => x.own)) - ttfb), 'ms (shortest Run → the result\'s own first rows − shortest server first byte: the first screen before it, plus our part; DaCHS varies by more than this run to run)')
    // scrolling those rows, 120 frames each: a scrollbar drag (1500 px, 36 rows per frame: every frame a new screen of
    // rows) and a fast mouse wheel (120 px, 3 rows per frame)
    const scroll = (step) =>
      page.evaluate(async (step) => {
        const vp = document.querySelector('[data-testid="result-grid"] .ag-body-viewport')
        const scroller = [vp, ...document.querySelectorAll('[data-testid="result-grid"] *')].find((e) => e && e.scrollHeight > e.clientHeight + 1000)
        if (!scroller) throw new Error('no scrolling grid')
        const frames = []
        await new Promise((r) => requestAnimationFrame(r))
        let last = performance.now()
        for (let i = 0; i < 120; i++) {
          scroller.scrollTop += step
          await new Promise((r) => requestAnimationFrame(r))
          const now = performance.now()
          frames.push(now - last)
          last = now
        }
        frames.sort((a, b) => a - b)
        return { worst: frames[frames.length - 1], p95: frames[Math.floor(frames.length * 0.95)], median: frames[frames.length >> 1], over50: frames.filter((f) => f > 50).length, count: frames.length }
      }, step)
    for (const [name, step] of [['', 1500], ['wheel_', 120]]) {
      await page.waitForTimeout(1000)
      const f = await scroll(step)
      out(`grid_100k_${name}scroll_worst_frame_ms`, round(f.worst), 'ms')
      out(`grid_100k_${name}scroll_p95_frame_ms`, round(f.p95), 'ms')
      out(`grid_100k_${name}scroll_median_frame_ms`, round(f.median), 'ms')
      out(`grid_100k_${name}scroll_frames_over_50ms`, f.over50, `of ${f.count} frames (${step} px per frame)`)
    }
  } finally {
    await browser.close()
    try {
      process.kill(-server.pid)
    } catch {
      // already gone
    }
  }
}

async function pyvoRatio() {
  const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' })
  try {
    const { HttpClient } = await vite.ssrLoadModule('/src/protocols/http.ts')
    const { ProxyMap } = await vite.ssrLoadModule('/src/protocols/proxy.ts')
    const { runSync } = await vite.ssrLoadModule('/src/protocols/tap/index.ts')
    const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE_URL) })
    let ours = Infinity
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      const r = await runSync(http, `${ARCHIVE_URL}/tap`, { query: OBSCORE_100K_QUERY, maxrec: 100000 })
      if (r.table.rowCount !== 100000) throw new Error(`got ${r.table.rowCount} rows`)
      ours = Math.min(ours, performance.now() - t0)
    }
    const py = spawnSync('/usr/bin/python3', ['-c', `
import time, warnings, sys
warnings.simplefilter('ignore')
import pyvo
svc = pyvo.dal.TAPService('${ARCHIVE_URL}/tap')
best = 1e9
for i in range(3):
    t = time.perf_counter(); tab = svc.run_sync(sys.argv[1], maxrec=100000).to_table(); best = min(best, time.perf_counter() - t)
print(best * 1000)
`, OBSCORE_100K_QUERY], { encoding: 'utf8' })
    out('tap_100k_fetch_parse_ms', round(ours), 'ms')
    const pyMs = Number(py.stdout.trim())
    if (py.status === 0 && Number.isFinite(pyMs)) {
      out('tap_100k_pyvo_ms', round(pyMs), 'ms')
      out('tap_100k_vs_pyvo_ratio', round(pyMs / ours) + 'x')
    } else console.error(`pyvo not measured (apt-get install python3-pyvo): ${py.stderr.slice(-300)}`)
  } finally {
    await vite.close()
  }
}

export default async function () {
  if (!(await ensureArchive())) return console.error('local archive unavailable; skipping TAP benchmarks')
  await pyvoRatio()
  await browserFigures()
}
