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

// The auth harness (fixed ports 18110-18112: OpenID provider, token-checking gateway, foreign host); reused when running.
function authServer(command: string, url: string, env: Record<string, string>, stderr: 'pipe' | 'ignore' = 'pipe') {
  return { command, url, env, reuseExistingServer: true, timeout: 15_000, stdout: 'ignore' as const, stderr }
}
const AUTH_SERVERS = [
  authServer('node scripts/auth/provider.mjs', 'http://127.0.0.1:18110/.well-known/openid-configuration', {
    OIDC_PORT: '18110',
    OIDC_APP_ORIGINS: `http://127.0.0.1:${APP_PORT},http://127.0.0.1:4317,http://127.0.0.1:5173,http://localhost:5173`,
  }, 'ignore'), // oidc-provider's development warnings on every start
  authServer('node scripts/auth/gateway.mjs', 'http://127.0.0.1:18111/health', { GATEWAY_PORT: '18111', OIDC_ISSUER: 'http://127.0.0.1:18110', FOREIGN_URL: 'http://127.0.0.1:18112' }),
  authServer('node scripts/auth/foreign.mjs', 'http://127.0.0.1:18112/__log', { FOREIGN_PORT: '18112' }),
]

// SAMP (scripts/samp): astropy's Web Profile hub on its fixed port 21012 and a Python client standing where TOPCAT
// would (control on 18121); both reused when running, so side-by-side runs share one hub
export const SAMP_CLIENT = 'http://127.0.0.1:18121'
const SAMP_ENV = { SAMP_LOCKFILE: process.env.SAMP_LOCKFILE ?? '/tmp/eso-samp-hub.lock', SAMP_CLIENT_PORT: '18121' }
const SAMP_SERVERS = [
  authServer('/usr/bin/python3 scripts/samp/hub.py', 'http://127.0.0.1:21012/crossdomain.xml', SAMP_ENV),
  authServer('/usr/bin/python3 scripts/samp/client.py', `${SAMP_CLIENT}/health`, SAMP_ENV),
]

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
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
    {
      // Sesame stand-in for the local profile (CDS is unreachable offline)
      command: 'node scripts/sesame-stub.mjs',
      url: 'http://127.0.0.1:18090/-oxp/SNV?NGC%206397',
      env: { SESAME_PORT: '18090' },
      reuseExistingServer: true,
      timeout: 10_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // a misbehaving TAP/UWS/DataLink service (scripts/faults): resets, truncation, HTTP errors, bad bodies, markup
      command: 'node scripts/faults/server.mjs',
      url: `http://127.0.0.1:${process.env.FAULTS_PORT ?? 18150}/__log`,
      env: { FAULTS_PORT: process.env.FAULTS_PORT ?? '18150' },
      reuseExistingServer: true,
      timeout: 10_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // authentication harness (scripts/auth): OpenID provider, token-verifying gateway before the archive, a "foreign host"
    ...AUTH_SERVERS,
    ...SAMP_SERVERS,
  ],
})
