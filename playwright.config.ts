import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser. These flags keep it off the network it cannot reach.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--enable-unsafe-swiftshader',
]
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 4317)
// several people (or agents) can test side by side: each with its own port, build folder and output
const DIST = process.env.E2E_DIST ?? 'dist'
const OUT = process.env.E2E_OUT ?? '.tmp'

// The helper servers (Sesame stand-in, fault service, auth harness, SAMP hub and client) on their fixed ports are shared
// by every run on the machine: scripts/e2e-servers.mjs starts them detached under a lock (never stopped under
// another run; the last run to leave stops them), from the global set-up and teardown

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  reporter: [['list'], ['json', { outputFile: `${OUT}/playwright.json` }]],
  outputDir: process.env.E2E_OUT ? `${OUT}/test-results` : 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      // the production build, served by vite preview with the same proxy table as the dev server
      command: `npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${APP_PORT} --strictPort`,
      url: `http://127.0.0.1:${APP_PORT}/config.json`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
