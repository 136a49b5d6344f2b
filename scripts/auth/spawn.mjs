/** Starts the auth harness (provider, gateway, foreign host) on given ports for Node tests; returns a stop function. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const here = (f) => fileURLToPath(new URL(f, import.meta.url))

async function waitFor(url, child, ms = 45000) {
  const until = Date.now() + ms
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export async function startHarness({ provider = 18120, gateway = 18121, foreign = 18122, appOrigins = 'http://127.0.0.1:4431' } = {}) {
  const issuer = `http://127.0.0.1:${provider}`
  const env = { ...process.env, OIDC_PORT: String(provider), OIDC_APP_ORIGINS: appOrigins, GATEWAY_PORT: String(gateway), OIDC_ISSUER: issuer, FOREIGN_PORT: String(foreign), FOREIGN_URL: `http://127.0.0.1:${foreign}` }
  const children = ['provider.mjs', 'gateway.mjs', 'foreign.mjs'].map((f) => spawn(process.execPath, [here(f)], { env, stdio: 'ignore' }))
  const stop = () => children.forEach((c) => c.exitCode === null && c.kill())
  try {
    await waitFor(`${issuer}/.well-known/openid-configuration`, children[0])
    await waitFor(`http://127.0.0.1:${gateway}/health`, children[1])
    await waitFor(`http://127.0.0.1:${foreign}/__log`, children[2])
  } catch (e) {
    stop()
    throw e
  }
  return { issuer, gateway: `http://127.0.0.1:${gateway}`, foreign: `http://127.0.0.1:${foreign}`, stop }
}

/** Ports free on loopback right now (several test runs may share the machine: no fixed ports). */
export async function freePorts(n) {
  const { createServer } = await import('node:net')
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise((resolve) => {
      const s = createServer()
      s.listen(0, '127.0.0.1', () => resolve(s))
    })),
  )
  const ports = servers.map((s) => s.address().port)
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  return ports
}
