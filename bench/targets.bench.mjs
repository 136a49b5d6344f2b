// targets_1000_<mode>_ms / _queries / _rows: a 1,000-target list (positions: half on archive products, half on
// empty sky) checked against the local archive's ObsCore within 1 arcmin, in the BUILT app in Chromium as a user
// does it: paste, pick how targets are sent (batched ADQL: ESO's way; TAP upload: the local DaCHS offers it), press
// Check coverage, wait for "Done". Time is the press → Done; queries are the page's own TAP requests.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { ARCHIVE_URL, ensureArchive, out, round, waitFor } from './lib.mjs'

const PORT = Number(process.env.BENCH_PORT ?? 4397)
const DIST = process.env.BENCH_DIST ?? 'dist'

async function targetList() {
  const body = new URLSearchParams({ REQUEST: 'doQuery', LANG: 'ADQL', RESPONSEFORMAT: 'csv', QUERY: 'SELECT TOP 500 s_ra, s_dec FROM ivoa.ObsCore ORDER BY obs_publisher_did' })
  const csv = await (await fetch(`${ARCHIVE_URL}/tap/sync`, { method: 'POST', body })).text()
  const hits = csv.trim().split('\n').slice(1).map((l) => l.split(',').map(Number))
  const lines = ['name,ra,dec']
  for (let i = 0; i < 1000; i++) {
    const [ra, dec] = i % 2 === 0 && hits[i / 2] ? hits[i / 2] : [(i * 7.77) % 360, -80 + ((i * 3.1) % 160)]
    lines.push(`t${i + 1},${ra.toFixed(6)},${dec.toFixed(6)}`)
  }
  return lines.join('\n')
}

async function runMode(page, list, mode) {
  await page.goto(`http://127.0.0.1:${PORT}/targets?profile=local`)
  await page.evaluate(() => sessionStorage.clear())
  await page.reload()
  await page.getByRole('textbox', { name: 'Target list' }).fill(list)
  await page.getByText(/· 1,000 targets/).waitFor()
  await page.getByRole('textbox', { name: 'Radius' }).fill('1 arcmin')
  await page.getByRole('combobox', { name: 'How targets are sent' }).selectOption({ label: mode })
  let queries = 0
  const count = (r) => {
    if (r.url().endsWith('/tap/sync')) queries++
  }
  page.on('request', count)
  const t0 = performance.now()
  await page.getByRole('button', { name: 'Check coverage' }).click()
  const status = page.getByTestId('targets-status')
  await status.filter({ hasText: /^(Done|Failed)/ }).waitFor({ timeout: 600_000 })
  const ms = performance.now() - t0
  page.off('request', count)
  const text = await status.innerText()
  if (text.startsWith('Failed')) throw new Error(text)
  const rows = Number(/· ([\d,]+) rows/.exec(text)?.[1]?.replace(/,/g, ''))
  return { ms, queries, rows, text }
}

export default async function () {
  if (!(await ensureArchive())) throw new Error('the local archive is not running')
  if (!existsSync(`${DIST}/index.html`) && spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--logLevel', 'error'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed')
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST], { stdio: 'ignore', detached: true })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  try {
    await waitFor(`http://127.0.0.1:${PORT}/config.json`)
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const list = await targetList()
    const results = {}
    for (const [key, mode] of [['batched', 'Batched ADQL'], ['upload', 'TAP upload']]) {
      const r = await runMode(page, list, mode)
      results[key] = r
      out(`targets_1000_${key}_ms`, round(r.ms, 0), `ms (press Check coverage → Done; ${mode}, 150 targets per query, 2 in parallel)`)
      out(`targets_1000_${key}_queries`, r.queries, 'queries (TAP sync requests the page sent)')
      out(`targets_1000_${key}_rows`, r.rows, 'rows (a row once per target within 1 arcmin)')
    }
    out('targets_1000_same_rows', results.batched.rows === results.upload.rows ? 'yes' : 'NO', '(batched ADQL and TAP upload found as many rows)')
  } finally {
    await browser.close()
    try {
      process.kill(-server.pid)
    } catch {
      // already gone
    }
  }
}
