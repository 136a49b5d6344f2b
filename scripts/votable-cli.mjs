#!/usr/bin/env node
// Loads scripts/votable-cli.ts through Vite's module runner (Node 20 cannot run TypeScript) and runs it.
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, watch: null, hmr: false },
  optimizeDeps: { noDiscovery: true, include: [] },
})
let code = 1
try {
  const cli = await vite.ssrLoadModule('/scripts/votable-cli.ts')
  code = cli.main(process.argv.slice(2))
} finally {
  await vite.close()
}
process.exitCode = code
