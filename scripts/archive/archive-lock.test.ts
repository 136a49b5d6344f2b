// Two runs sharing the local archive must not break each other: concurrent starts serialise, and a run
// that leaves does not stop the archive under another. Runs against the real archive (root, as in CI).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { archiveLockDir } from './lock-dir.mjs'

const SCRIPT = new URL('./archive.sh', import.meta.url).pathname
const BASE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const PORT = new URL(BASE).port || '80'
const LOCK_DIR = archiveLockDir()

interface Run {
  code: number | null
  out: string
  err: string
}

function archive(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn('bash', [SCRIPT, ...args], { env: { ...process.env, ARCHIVE_PORT: PORT } })
    let out = ''
    let err = ''
    p.stdout.on('data', (d) => (out += d))
    p.stderr.on('data', (d) => (err += d))
    p.on('close', (code) => resolve({ code, out, err }))
  })
}

async function answers(): Promise<boolean> {
  try {
    return (await fetch(`${BASE}/tap/capabilities`, { signal: AbortSignal.timeout(5000) })).ok
  } catch {
    return false
  }
}

/** Holds a lock file (flock) until released; resolves once the lock is really held. */
function hold(file: string, shared: boolean, marker?: string): Promise<{ release: () => Promise<void> }> {
  const cmd = `flock ${shared ? '-s' : '-x'} ${file} bash -c 'echo held; read _; ${marker ? `touch ${marker}` : 'true'}'`
  const p: ChildProcess = spawn('bash', ['-c', cmd], { stdio: ['pipe', 'pipe', 'inherit'] })
  holders.push(p)
  return new Promise((resolve) => {
    p.stdout!.once('data', () =>
      resolve({
        release: () =>
          new Promise<void>((done) => {
            p.once('close', () => done())
            p.stdin!.end('\n')
          }),
      }),
    )
  })
}

const holders: ChildProcess[] = []
afterEach(() => {
  for (const h of holders.splice(0)) if (h.exitCode === null) h.kill()
})

describe('scripts/archive/archive.sh shared by several runs', () => {
  it('two starts at the same time both succeed and leave one archive answering', async () => {
    const [a, b] = await Promise.all([archive('start'), archive('start')])
    expect(a.code, a.err).toBe(0)
    expect(b.code, b.err).toBe(0)
    expect(a.out.trim()).toBe(BASE)
    expect(b.out.trim()).toBe(BASE)
    expect(await answers()).toBe(true)
  }, 600_000)

  it('after a start, nothing holds the start/stop lock (the servers it launched must not inherit it)', async () => {
    const r = await archive('start')
    expect(r.code, r.err).toBe(0)
    const free = await new Promise<number | null>((resolve) => {
      const p = spawn('flock', ['-n', '-x', `${LOCK_DIR}/eso-archive-${PORT}.lock`, 'true'])
      p.on('close', resolve)
    })
    expect(free, 'a process still holds the lock: see `fuser -v` on it').toBe(0)
  }, 600_000)

  it('a start waits while another process is starting, then finds the archive running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archive-lock-'))
    const released = join(dir, 'released')
    try {
      const holder = await hold(`${LOCK_DIR}/eso-archive-${PORT}.lock`, false, released)
      const start = archive('start')
      // the start must still be waiting while the other holds the lock
      await new Promise((r) => setTimeout(r, 1500))
      expect(existsSync(released)).toBe(false)
      await holder.release()
      const r = await start
      expect(r.code, r.err).toBe(0)
      expect(r.err).toContain('waiting for it')
      expect(existsSync(released)).toBe(true)
      expect(r.err).toContain('DaCHS already running')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 600_000)

  it('stop-if-unused leaves the archive running while another run uses it', async () => {
    const user = await hold(`${LOCK_DIR}/eso-archive-${PORT}.users`, true)
    const r = await archive('stop-if-unused')
    await user.release()
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('still in use by another run; left running')
    expect(await answers()).toBe(true)
  }, 600_000)
})
