/**
 * The helper servers every e2e run uses (Sesame stand-in, fault service, auth harness, SAMP hub and client) on their
 * fixed ports, shared by all runs on the machine.
 *
 * Playwright's own webServer would stop a server when the run that started it ends, under another run still using
 * it. Here each is started detached, once, under a lock. Every run holds a lease (a file named by its pid) from its
 * global set-up to its teardown; the last run to leave stops the servers. A run that died without its teardown leaves
 * a lease whose pid is gone, which does not count; and each server ends itself after E2E_SERVER_IDLE_S seconds
 * without a request (scripts/idle-exit.mjs; 3600 by default). A server whose code has changed since it started (a
 * hash of its files, kept beside its pid) is stopped and started again.
 *
 *   node scripts/e2e-servers.mjs [ensure|stop]      (Playwright's globalSetup/globalTeardown call ensureServers/releaseServers)
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const STATE = process.env.E2E_SERVERS_DIR ?? '/tmp/eso-e2e-servers'
const IDLE_S = process.env.E2E_SERVER_IDLE_S ?? '3600'
const FAULTS_PORT = process.env.FAULTS_PORT ?? '18150'
const SAMP = { SAMP_LOCKFILE: process.env.SAMP_LOCKFILE ?? '/tmp/eso-samp-hub.lock', SAMP_CLIENT_PORT: '18121' }

/** name, command, the URL that answers once it is up, its env, and the files whose change means a restart */
export const SERVERS = [
  { name: 'sesame', cmd: ['node', 'scripts/sesame-stub.mjs'], url: 'http://127.0.0.1:18090/-oxp/SNV?NGC%206397', env: { SESAME_PORT: '18090' }, files: ['scripts/sesame-stub.mjs'] },
  { name: 'faults', cmd: ['node', 'scripts/faults/server.mjs'], url: `http://127.0.0.1:${FAULTS_PORT}/__log`, env: { FAULTS_PORT }, files: ['scripts/faults/server.mjs'] },
  { name: 'oidc-provider', cmd: ['node', 'scripts/auth/provider.mjs'], url: 'http://127.0.0.1:18110/.well-known/openid-configuration', env: { OIDC_PORT: '18110' }, files: ['scripts/auth/provider.mjs', 'scripts/auth/accounts.mjs'] },
  { name: 'auth-gateway', cmd: ['node', 'scripts/auth/gateway.mjs'], url: 'http://127.0.0.1:18111/health', env: { GATEWAY_PORT: '18111', OIDC_ISSUER: 'http://127.0.0.1:18110', FOREIGN_URL: 'http://127.0.0.1:18112' }, files: ['scripts/auth/gateway.mjs', 'scripts/auth/accounts.mjs'] },
  { name: 'foreign-host', cmd: ['node', 'scripts/auth/foreign.mjs'], url: 'http://127.0.0.1:18112/__log', env: { FOREIGN_PORT: '18112' }, files: ['scripts/auth/foreign.mjs'] },
  { name: 'samp-hub', cmd: ['/usr/bin/python3', 'scripts/samp/hub.py'], url: 'http://127.0.0.1:21012/crossdomain.xml', env: SAMP, files: ['scripts/samp/hub.py'] },
  { name: 'samp-client', cmd: ['/usr/bin/python3', 'scripts/samp/client.py'], url: 'http://127.0.0.1:18121/health', env: SAMP, files: ['scripts/samp/client.py'] },
]

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
    return res.ok
  } catch {
    return false
  }
}

function versionOf(server) {
  const hash = createHash('sha256')
  for (const f of server.files) hash.update(readFileSync(`${ROOT}/${f}`))
  return hash.digest('hex').slice(0, 16)
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function recordOf(server) {
  try {
    return JSON.parse(readFileSync(`${STATE}/${server.name}.json`, 'utf8'))
  } catch {
    return undefined
  }
}

/** One set-up at a time across runs: a directory made atomically, taken over when its holder died or hung. */
async function withLock(fn) {
  const lock = `${STATE}/lock`
  for (const until = Date.now() + 120_000; ; ) {
    try {
      mkdirSync(lock)
      break
    } catch (e) {
      if (e.code !== 'EEXIST') throw e
      let age = 0
      try {
        age = Date.now() - statSync(lock).mtimeMs
      } catch {
        continue
      }
      if (age > 90_000 || Date.now() > until) rmSync(lock, { recursive: true, force: true })
      else await sleep(200)
    }
  }
  try {
    return await fn()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

async function stopOne(server, record) {
  if (!record || !alive(record.pid)) return
  try {
    process.kill(-record.pid, 'SIGTERM')
  } catch {
    process.kill(record.pid, 'SIGTERM')
  }
  for (let i = 0; i < 50 && (alive(record.pid) || (await answers(server.url))); i++) await sleep(100)
}

async function startOne(server, version) {
  const log = openSync(`${STATE}/${server.name}.log`, 'a')
  const child = spawn(server.cmd[0], server.cmd.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...server.env, E2E_SERVER_IDLE_S: IDLE_S },
    stdio: ['ignore', log, log],
    detached: true,
  })
  child.unref()
  closeSync(log)
  writeFileSync(`${STATE}/${server.name}.json`, JSON.stringify({ pid: child.pid, version, started: new Date().toISOString() }))
  for (const until = Date.now() + 30_000; Date.now() < until; await sleep(150)) {
    if (await answers(server.url)) return
    if (child.exitCode !== null && !(await answers(server.url))) break
  }
  throw new Error(`${server.name} (${server.cmd.join(' ')}) did not come up at ${server.url}: see ${STATE}/${server.name}.log`)
}

const LEASES = `${STATE}/leases`

/** The runs using the servers now: leases whose process is alive (a run that died leaves one that does not count). */
function liveLeases() {
  let names = []
  try {
    names = readdirSync(LEASES)
  } catch {
    return []
  }
  return names.filter((n) => /^\d+$/.test(n) && alive(Number(n)))
}

/** Every helper server answering, and running this checkout's code where we started it; `lease`: the run's pid. */
export async function ensureServers(lease = process.pid) {
  mkdirSync(LEASES, { recursive: true })
  await withLock(async () => {
    writeFileSync(`${LEASES}/${lease}`, new Date().toISOString())
    for (const server of SERVERS) {
      const version = versionOf(server)
      const record = recordOf(server)
      const ours = record && alive(record.pid)
      if (ours && record.version === version && (await answers(server.url))) continue
      if (ours) await stopOne(server, record)
      // one on the port we did not start (someone's hand-started harness): use it as it is
      else if (await answers(server.url)) continue
      await startOne(server, version)
    }
  })
}

/** The run `lease` is done with the servers: the last run to leave stops them. */
export async function releaseServers(lease = process.pid) {
  await withLock(async () => {
    rmSync(`${LEASES}/${lease}`, { force: true })
    if (liveLeases().length === 0) for (const server of SERVERS) await stopOne(server, recordOf(server))
  })
}

export async function stopServers() {
  await withLock(async () => {
    for (const server of SERVERS) await stopOne(server, recordOf(server))
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // by hand: `ensure` holds no lease (the servers then end when idle, or with `stop`)
  const what = process.argv[2] ?? 'ensure'
  if (what === 'stop') await stopServers()
  else await ensureServers('manual')
  console.log(`e2e helper servers: ${what === 'stop' ? 'stopped' : 'up'}`)
}
