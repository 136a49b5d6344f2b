import { spawn, type ChildProcess } from 'node:child_process'
import { test } from './fixtures'

const SESAME_PORT = Number(process.env.SESAME_PORT ?? 18090)
const SESAME_URL = `http://127.0.0.1:${SESAME_PORT}/cgi-bin/nph-sesame`

async function sesameUp(): Promise<boolean> {
  try {
    return (await fetch(`${SESAME_URL}/-oxp/SNV?NGC%206397`)).ok
  } catch {
    return false
  }
}

/** Starts the Sesame stand-in for this file's tests when no one else's is answering (it is shared between runs). */
export function useSesameStub(): void {
  let stub: ChildProcess | undefined
  test.beforeAll(async () => {
    if (await sesameUp()) return
    stub = spawn(process.execPath, ['scripts/sesame-stub.mjs'], { env: { ...process.env, SESAME_PORT: String(SESAME_PORT) }, stdio: 'ignore' })
    for (let i = 0; i < 50 && !(await sesameUp()); i++) await new Promise((r) => setTimeout(r, 100))
  })
  test.afterAll(() => {
    stub?.kill()
  })
}
