// The generated scripts are run for real (bash, curl, wget, python3) against small HTTP servers on loopback.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { downloadScript, fileNameFor, oneLineUrl, safeFileName, shellQuote, totalSize, uniqueNames, type ScriptFlavour } from './index'

const run = promisify(execFile)
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
const NASTY = ["it's", '$(touch PWNED)', '`touch PWNED`', 'a;touch PWNED;b', '"double" \\ back', 'tab\tand\nnewline', '${HOME}', '%s %n']

function serve(handler: (path: string, auth: string | undefined, res: import('node:http').ServerResponse) => void): Promise<{ server: Server; origin: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => handler(req.url ?? '', req.headers.authorization, res))
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }))
  })
}

describe('quoting', () => {
  it('keeps every nasty string one literal bash word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quote-'))
    for (const s of NASTY) {
      const { stdout } = await run('bash', ['-c', `printf %s ${shellQuote(s)}`], { cwd: dir })
      expect(stdout).toBe(s)
    }
    expect(readdirSync(dir)).toEqual([])
  })

  it('makes URLs one line and file names safe', () => {
    expect(oneLineUrl('http://h/a b\nc')).toBe('http://h/a%20b%0Ac')
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd')
    expect(safeFileName('ADP.2021-05-10T12:00:01.001')).toBe('ADP.2021-05-10T12_00_01.001')
    expect(safeFileName('')).toBe('file')
    expect(fileNameFor('https://dataportal.eso.org/dataPortal/file/ADP.2021-05-10T12:00:01.001', undefined, 'application/fits')).toBe('ADP.2021-05-10T12_00_01.001.fits')
    expect(fileNameFor('http://127.0.0.1:18080/getproduct/eso/data/spec/ADP.2018-11-02T11_30_05.005.fits', undefined, 'application/fits')).toBe('ADP.2018-11-02T11_30_05.005.fits')
    expect(fileNameFor('http://h/x/README.txt')).toBe('README.txt')
    expect(uniqueNames(['a.fits', 'a.fits', 'b', 'b'])).toEqual(['a.fits', 'a-2.fits', 'b', 'b-2'])
  })
})

describe('size estimate', () => {
  it('adds the known sizes and counts the unknown ones', () => {
    expect(totalSize([{ size: 40320 }, { size: 31680 }, {}])).toEqual({ bytes: 72000, unknown: 1 })
    const script = downloadScript([{ url: 'http://h/a', size: 2e6 }, { url: 'http://h/b' }], { flavour: 'curl', authOrigins: [] })
    expect(script).toContain('# Downloads 2 files, about 1.9 MiB (1 of unknown size not counted).')
    // each file's line says its size in the same binary units
    expect(script).toContain(`run 1 'http://h/a' 'a' '1.9 MiB'`)
    expect(script).toContain(`run 2 'http://h/b' 'b' 'size unknown'`)
  })
})

describe.each<ScriptFlavour>(['curl', 'wget', 'python'])('%s script', (flavour) => {
  let archive: { server: Server; origin: string }
  let other: { server: Server; origin: string }
  const seen: { origin: string; path: string; auth?: string }[] = []

  beforeAll(async () => {
    other = await serve((path, auth, res) => {
      seen.push({ origin: 'other', path, auth })
      res.writeHead(200, { 'Content-Type': 'application/fits' }).end(`other ${path}`)
    })
    archive = await serve((path, auth, res) => {
      seen.push({ origin: 'archive', path, auth })
      if (path.startsWith('/redirect')) return res.writeHead(302, { Location: `${other.origin}/landed` }).end()
      if (path.startsWith('/missing')) return res.writeHead(404).end('no such file')
      // a DataLink document where a file was expected (ObsCore access_url without access_format)
      if (path.startsWith('/datalink')) return res.writeHead(200, { 'Content-Type': 'application/x-votable+xml;content=datalink' }).end('<?xml version="1.0"?>\n<VOTABLE version="1.4"><RESOURCE type="results"/></VOTABLE>')
      if (path.startsWith('/login')) return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!DOCTYPE html><html><body>Please log in</body></html>')
      res.writeHead(200, { 'Content-Type': 'application/fits' }).end(`archive ${path}`)
    })
  })
  afterAll(() => {
    archive.server.close()
    other.server.close()
  })

  const generate = (files: { url: string; size?: number; name?: string }[]) =>
    downloadScript(files, { flavour, authOrigins: [archive.origin], generatedAt: new Date('2026-01-02T03:04:05Z') })

  async function execute(script: string, env: Record<string, string> = {}) {
    const dir = mkdtempSync(join(tmpdir(), `bulk-${flavour}-`))
    const path = join(dir, flavour === 'python' ? 'download.py' : 'download.sh')
    writeFileSync(path, script)
    const cmd = flavour === 'python' ? PYTHON : 'bash'
    try {
      const { stdout, stderr } = await run(cmd, [path], { cwd: dir, env: { PATH: process.env.PATH!, HOME: dir, ...env } })
      return { dir, stdout, stderr, code: 0 }
    } catch (e) {
      const x = e as { stdout: string; stderr: string; code: number }
      return { dir, stdout: x.stdout, stderr: x.stderr, code: x.code }
    }
  }

  it('passes a syntax check', async () => {
    const script = generate([{ url: 'http://h/a' }])
    const dir = mkdtempSync(join(tmpdir(), 'syntax-'))
    writeFileSync(join(dir, 's'), script)
    if (flavour === 'python') await run(PYTHON, ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', join(dir, 's')])
    else await run('bash', ['-n', join(dir, 's')])
  })

  it('lists URLs with quotes, $, ; and backticks exactly, and runs nothing from them (DRY_RUN)', async () => {
    const urls = NASTY.map((s, i) => `${archive.origin}/f${i}?q=${s}`)
    const r = await execute(generate(urls.map((url) => ({ url }))), { DRY_RUN: '1' })
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n').map((l) => l.split('\t')[0])
    expect(lines).toEqual(urls.map(oneLineUrl))
    expect(readdirSync(r.dir).filter((f) => f.includes('PWNED'))).toEqual([])
  })

  it('downloads every file with progress, sends the token only to the archive origin, never after a redirect, and never writes it into the script', async () => {
    seen.length = 0
    const files = [
      { url: `${archive.origin}/files/a.fits`, size: 12 },
      { url: `${archive.origin}/files/b.fits`, size: 12 },
      { url: `${other.origin}/files/c.fits` },
      ...(flavour === 'wget' ? [] : [{ url: `${archive.origin}/redirect/d.fits`, name: 'd.fits' }]),
    ]
    const script = generate(files)
    expect(script).not.toContain('s3cret-token')
    const r = await execute(script, { ESO_TOKEN: 's3cret-token' })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(readFileSync(join(r.dir, 'a.fits'), 'utf8')).toBe('archive /files/a.fits')
    expect(readFileSync(join(r.dir, 'c.fits'), 'utf8')).toBe('other /files/c.fits')
    expect(r.stdout).toMatch(new RegExp(`\\[1/${files.length}\\] a\\.fits`))
    expect(r.stdout).toContain(`All ${files.length} files downloaded.`)
    for (const s of seen) expect(s.auth, `${s.origin}${s.path}`).toBe(s.origin === 'archive' ? 'Bearer s3cret-token' : undefined)
    if (flavour !== 'wget') {
      expect(readFileSync(join(r.dir, 'd.fits'), 'utf8')).toBe('other /landed')
      expect(seen.some((s) => s.path === '/landed')).toBe(true)
    }
  })

  it('sends no Authorization header without a token, and reports a failed download', async () => {
    seen.length = 0
    const r = await execute(generate([{ url: `${archive.origin}/files/a.fits` }, { url: `${archive.origin}/missing/x.fits` }]))
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain(`${archive.origin}/missing/x.fits`)
    expect(r.stderr).toMatch(/1 of 2 files were not downloaded/)
    expect(existsSync(join(r.dir, 'a.fits'))).toBe(true)
    expect(existsSync(join(r.dir, 'x.fits'))).toBe(false)
    expect(seen.every((s) => s.auth === undefined)).toBe(true)
  })

  it('does not call a DataLink list, an HTML page or a cut-off file a download, and says which failed', async () => {
    const r = await execute(
      generate([
        { url: `${archive.origin}/files/good.fits`, size: 20 },
        { url: `${archive.origin}/datalink/ADP.1`, name: 'ADP.1' },
        { url: `${archive.origin}/login/ADP.2`, name: 'ADP.2' },
        { url: `${archive.origin}/files/short.fits`, size: 50_000 },
      ]),
    )
    expect(r.code).not.toBe(0)
    expect(r.stdout).not.toContain('All 4 files downloaded')
    expect(r.stderr).toContain('3 of 4 files were not downloaded')
    expect(r.stderr).toMatch(/FAILED ADP\.1: received a VOTable \(a DataLink list or an error message\), not the file/)
    expect(r.stderr).toMatch(/FAILED ADP\.2: received an HTML page, not the file/)
    expect(r.stderr).toMatch(/FAILED short\.fits: received 25 bytes, about 50000 were announced/)
    expect(readdirSync(r.dir).sort()).toEqual([flavour === 'python' ? 'download.py' : 'download.sh', 'good.fits'])
  })
})

it('refuses an unusable token variable name', () => {
  expect(() => downloadScript([], { flavour: 'curl', authOrigins: [], tokenVariable: 'X; rm -rf /' })).toThrow(/not a usable environment variable name/)
})
