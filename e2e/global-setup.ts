import { ensureServers } from '../scripts/e2e-servers.mjs'

// the helper servers every spec may use, shared with other runs on the machine (see scripts/e2e-servers.mjs)
export default async function globalSetup() {
  await ensureServers()
}
