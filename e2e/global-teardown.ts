import { releaseServers } from '../scripts/e2e-servers.mjs'

// this run is done with the shared helper servers: the last run on the machine to leave stops them
export default async function globalTeardown() {
  await releaseServers()
}
