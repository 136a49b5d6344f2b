#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs (or those named on the command line) and prints
// `name: value unit` lines. Benchmarks are never part of the tests' pass/fail.
import { readdirSync } from 'node:fs'

const only = process.argv.slice(2)
const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.bench.mjs')).sort()
const env = process.env.NODE_ENV
for (const f of files) {
  if (only.length && !only.some((o) => f.includes(o))) continue
  const mod = await import(new URL(f, import.meta.url).href)
  try {
    await mod.default()
  } catch (e) {
    console.error(`${f}: ${e instanceof Error ? e.message : e}`)
    process.exitCode = 1
  } finally {
    // Vite's createServer (the benches that load src/ through it) sets NODE_ENV=development in this process: the
    // builds the next benches spawn would inherit it and measure React's development build
    if (env === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = env
  }
}
