// Runs the generated code (pyvo, curl, Python) against the real local archive (DaCHS on loopback), which `npm test`
// starts first, and compares what it gets with what the app's own protocol layer gets.
// astroquery.eso is not installable here (no PyPI), and reaches ESO's services only: its code is tested as text.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { HttpClient } from '../http'
import { ProxyMap } from '../proxy'
import { runSync } from '../tap'
import { fetchLinks, linksUrl } from '../datalink'
import { buildSodaRequest, fetchCutout } from '../soda'
import { parseVOTable, type Table } from '../votable'
import { dataLinkCode, sodaCode, tapCode, type TapCodeRequest } from './index'

const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const TAP = `${ARCHIVE}/tap`
const http = new HttpClient({ proxy: new ProxyMap([], ARCHIVE) })
// Debian's python3-pyvo lives with the system Python (a pyenv shim may come first on PATH)
const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3')
const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'codegen-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Rows as JSON, appended to the generated Python (which leaves its result in `table`). */
const PRINT_ROWS = '\nimport json\nprint("ROWS" + json.dumps([[v.item() if hasattr(v, "item") else v for v in row] for row in table]))\n'

async function python(code: string): Promise<string> {
  const file = join(dir, `run-${Math.random().toString(36).slice(2)}.py`)
  writeFileSync(file, code)
  return (await run(PYTHON, [file], { cwd: dir, timeout: 60_000, maxBuffer: 1 << 26 })).stdout
}

async function shell(code: string): Promise<string> {
  return (await run('sh', ['-c', code], { cwd: dir, timeout: 60_000, maxBuffer: 1 << 26, encoding: 'latin1' })).stdout
}

function rowsOf(t: Table): unknown[][] {
  return Array.from({ length: t.rowCount }, (_, r) => t.fields.map((_, c) => t.value(r, c)))
}

function expectSameRows(got: unknown[][], want: unknown[][]) {
  expect(got).toHaveLength(want.length)
  got.forEach((row, r) => row.forEach((v, c) => (typeof v === 'number' ? expect(v).toBeCloseTo(want[r]![c] as number, 9) : expect(v).toEqual(want[r]![c]))))
}

const QUERIES = [
  'SELECT TOP 5 obs_id, s_ra FROM ivoa.ObsCore ORDER BY obs_id',
  // quotes, newlines, $(…), backticks, a backslash: all of it must reach the service as the query's own text
  // (not before the closing quote: DaCHS reads \' as an escape; nor <>, which it does not parse)
  "SELECT TOP 4 obs_id, s_dec\nFROM ivoa.ObsCore\nWHERE NOT (obs_id = 'it''s $(touch pwned) `touch pwned` \"q\" \\ end')\nORDER BY obs_id DESC",
]

describe('generated TAP code against the local archive', () => {
  for (const query of QUERIES) {
    const req: TapCodeRequest = { serviceUrl: TAP, query, maxrec: 3, mode: 'sync', authorised: false }

    it(`pyvo sync and async return the app's rows: ${query.split('\n')[0]}`, async () => {
      const want = rowsOf((await runSync(http, TAP, { query, maxrec: 3 })).table)
      // (DaCHS sends MAXREC + 1 rows when the query's TOP is larger: the code must get the same)
      expect(want.length).toBeGreaterThanOrEqual(3)
      for (const mode of ['sync', 'async'] as const) {
        const out = await python(tapCode('pyvo', { ...req, mode }) + PRINT_ROWS)
        expectSameRows(JSON.parse(out.slice(out.lastIndexOf('ROWS') + 4)) as unknown[][], want)
      }
      expect(existsSync(join(dir, 'pwned'))).toBe(false)
    }, 90_000)

    it(`curl sync and async return the app's rows: ${query.split('\n')[0]}`, async () => {
      const want = rowsOf((await runSync(http, TAP, { query, maxrec: 3 })).table)
      for (const mode of ['sync', 'async'] as const) {
        const out = await shell(tapCode('curl', { ...req, mode }))
        expectSameRows(rowsOf(parseVOTable(out).tables[0]!), want)
      }
      expect(existsSync(join(dir, 'pwned'))).toBe(false)
    }, 90_000)
  }

  it('curl honours RESPONSEFORMAT', async () => {
    const out = await shell(tapCode('curl', { serviceUrl: TAP, query: QUERIES[0]!, mode: 'sync', format: 'csv', authorised: false }))
    expect(out.trim().split(/\r?\n/)).toHaveLength(6)
    expect(out).toMatch(/^obs_id,s_ra/)
  }, 30_000)

  it('the async curl flow deletes its job', async () => {
    const code = tapCode('curl', { serviceUrl: TAP, query: 'SELECT TOP 1 obs_id FROM ivoa.ObsCore', mode: 'async', authorised: false })
    const out = await shell(`${code}echo "JOB=$JOB"\ncurl -s -o /dev/null -w '%{http_code}' "$JOB/phase"`)
    expect(out).toMatch(/JOB=http:\/\/127\.0\.0\.1:18080\/.+\/async\/[^/\s]+\n404$/)
  }, 60_000)
})

describe('generated DataLink and SODA code against the local archive', () => {
  const target = { dpId: 'ADP.2021-05-10T12:00:01.001' }
  const opts = { baseUrl: `${ARCHIVE}/eso/q/dl/dlmeta`, idTemplate: 'ivo://eso.localtest/ID?{dp_id}' }

  it("pyvo.dal.adhoc and curl read the DataLink document the app reads", async () => {
    const url = linksUrl(target, opts)
    const want = await fetchLinks(http, target, opts)
    const lines = (await python(dataLinkCode('python', { url, authorised: false }))).trim().split('\n')
    expect(lines.map((l) => l.split('\t')[0])).toEqual(want.rows.map((r) => r.semantics))
    const doc = parseVOTable(await shell(dataLinkCode('curl', { url, authorised: false })))
    expect(doc.tables[0]!.rowCount).toBe(want.rows.length)
  }, 60_000)

  it('Python and curl download the cutout the app downloads, byte for byte', async () => {
    const d = (await fetchLinks(http, target, opts)).descriptors.find((x) => x.kind === 'soda-sync')!
    const req = buildSodaRequest(d, { circle: { ra: 265.1755, dec: -53.6744, radius: 0.005 } })
    const want = new Uint8Array(await (await fetchCutout(http, req)).response.arrayBuffer())
    const code = { accessUrl: req.accessUrl, params: req.params, authorised: false }
    await python(sodaCode('python', code, 'py.fits'))
    await shell(sodaCode('curl', code, 'sh.fits'))
    for (const f of ['py.fits', 'sh.fits']) expect(new Uint8Array(readFileSync(join(dir, f)))).toEqual(want)
  }, 60_000)
})

describe('authorised code', () => {
  it('stops before any request when ESO_TOKEN is not set', async () => {
    const code = tapCode('curl', { serviceUrl: TAP, query: QUERIES[0]!, mode: 'sync', authorised: true })
    const env = { ...process.env }
    delete env.ESO_TOKEN
    const err = await run('sh', ['-c', code], { cwd: dir, env }).catch((e: { code: number; stderr: string }) => e)
    expect(err).toMatchObject({ code: expect.any(Number) })
    expect((err as { stderr: string }).stderr).toMatch(/set ESO_TOKEN to your ESO token/)
  }, 30_000)
})
