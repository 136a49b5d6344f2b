#!/usr/bin/env node
// `npm test`: unit tests (vitest) and end-to-end tests (Playwright + Debian Chromium) against the
// local archive, which it starts when it is not running and stops again afterwards.
// Ends with one line "N passed, N failed" over both runners.
import { spawn, spawnSync } from 'node:child_process'
import { archiveLockDir } from './archive/lock-dir.mjs'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const ARCHIVE_URL = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
mkdirSync('.tmp', { recursive: true })

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts })
  return r.status ?? 1
}

async function archiveUp() {
  try {
    const res = await fetch(`${ARCHIVE_URL}/tap/capabilities`, { signal: AbortSignal.timeout(3000) })
    return res.ok
  } catch {
    return false
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

let passed = 0
let failed = 0
const problems = []

// other runs may share the archive: hold its shared "user" lock for the whole run (archive.sh stop-if-unused
// then leaves it running for them, and they leave it running for us); start it under its exclusive lock
const lockDir = archiveLockDir()
const archivePort = new URL(ARCHIVE_URL).port || '80'
const userLock = spawn('flock', ['-o', '-s', `${lockDir}/eso-archive-${archivePort}.users`, 'tail', `--pid=${process.pid}`, '-f', '/dev/null'], { stdio: 'ignore' })
userLock.on('error', () => {})
const wasUp = await archiveUp()
if (!wasUp && run('bash', ['scripts/archive/archive.sh', 'start']) !== 0) problems.push('the local archive did not start')

if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
  // Debian's Chromium drives the end-to-end tests; Playwright never downloads a browser here
  if (process.getuid?.() === 0) {
    run('apt-get', ['-o', 'DPkg::Lock::Timeout=900', 'update', '-q'])
    run('apt-get', ['-o', 'DPkg::Lock::Timeout=900', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  }
  if (!existsSync('/usr/bin/chromium')) problems.push("Debian's chromium is missing: run as root `apt-get install chromium fonts-liberation`")
}

// the SAMP tests' hub and client are astropy's (Debian's python3-astropy)
const hasAstropy = () => spawnSync('/usr/bin/python3', ['-c', 'import astropy.samp'], { stdio: 'ignore' }).status === 0
if (!hasAstropy()) {
  if (process.getuid?.() === 0) {
    run('apt-get', ['-o', 'DPkg::Lock::Timeout=900', 'install', '-y', '--no-install-recommends', 'python3-astropy'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  }
  if (!hasAstropy()) problems.push("astropy is missing for the SAMP tests: run as root `apt-get install python3-astropy`")
}

// static checks: types (tsc) and ESLint (typescript-eslint + react-hooks); each failing one counts as a failure
if (run('npx', ['tsc', '-b']) !== 0) problems.push('the type check (tsc -b) failed')
if (run('node', ['scripts/lint/run.mjs']) !== 0) problems.push('ESLint found problems (npm run lint)')

// unit tests
rmSync('.tmp/vitest.json', { force: true })
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest.json'])
const vitest = readJson('.tmp/vitest.json')
if (vitest) {
  passed += vitest.numPassedTests
  // a failed test counts once (vitest also counts its describe blocks and file as failed suites); a file that
  // failed without a failing test (it did not load, say) counts as one failure
  const brokenFiles = (vitest.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length
  failed += vitest.numFailedTests + brokenFiles
} else problems.push('vitest wrote no report')

// end-to-end tests, on the production build
if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) problems.push('the app did not build')
else {
  rmSync('.tmp/playwright.json', { force: true })
  run('npx', ['playwright', 'test'])
  const pw = readJson('.tmp/playwright.json')
  if (pw?.stats) {
    passed += pw.stats.expected + (pw.stats.flaky ?? 0)
    failed += pw.stats.unexpected
    if (pw.errors?.length) problems.push(`playwright: ${pw.errors.map((e) => e.message).join('; ')}`)
  } else problems.push('playwright wrote no report')
}

userLock.kill()
await new Promise((resolve) => (userLock.exitCode !== null || userLock.signalCode !== null ? resolve() : userLock.once('exit', resolve)))
if (!wasUp && !process.env.KEEP_ARCHIVE) run('bash', ['scripts/archive/archive.sh', 'stop-if-unused'])

for (const p of problems) console.log(`problem: ${p}`)
failed += problems.length
const summary = `${passed} passed, ${failed} failed`
writeFileSync('.tmp/summary.txt', summary + '\n')
console.log(summary)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
