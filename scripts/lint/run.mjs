#!/usr/bin/env node
// `npm run lint`: ESLint over the repository with this folder's own packages (installed here when missing).
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
if (!existsSync(`${here}node_modules/.bin/eslint`)) {
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', here], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const r = spawnSync(`${here}node_modules/.bin/eslint`, ['-c', `${here}eslint.config.mjs`, '--max-warnings', '0', ...process.argv.slice(2), '.'], { stdio: 'inherit' })
process.exit(r.status ?? 1)
