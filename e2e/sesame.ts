import { spawn, type ChildProcess } from 'node:child_process'
import type { Page } from '@playwright/test'
import { test } from './fixtures'

// a Sesame stand-in of this spec's own (the shared one on 18090 comes and goes with other people's runs)
const PORT = Number(process.env.E2E_APP_PORT ?? 4421) + 10000
const SESAME_URL = `http://127.0.0.1:${PORT}/cgi-bin/nph-sesame`

async function sesameUp(): Promise<boolean> {
  try {
    return (await fetch(`${SESAME_URL}/-oxp/SNV?NGC%206397`)).ok
  } catch {
    return false
  }
}

/** Starts the private Sesame stand-in for this file's tests; `withPrivateResolver` points the local profile at it. */
export function usePrivateSesame(): void {
  let stub: ChildProcess | undefined
  test.beforeAll(async () => {
    if (await sesameUp()) return
    stub = spawn(process.execPath, ['scripts/sesame-stub.mjs'], { env: { ...process.env, SESAME_PORT: String(PORT) }, stdio: 'ignore' })
    for (let i = 0; i < 50 && !(await sesameUp()); i++) await new Promise((r) => setTimeout(r, 100))
  })
  test.afterAll(() => {
    stub?.kill()
  })
}

/** The local profile resolves names with the private stand-in (reached directly: it answers with CORS headers). */
export async function withPrivateResolver(page: Page): Promise<void> {
  await page.route('**/config.json', async (route) => {
    const res = await route.fetch()
    const config = await res.json()
    config.profiles.local.endpoints.resolver = SESAME_URL
    await route.fulfill({ response: res, json: config })
  })
}
