/**
 * Test servers shared by every e2e run on the machine (scripts/e2e-servers.mjs) run detached, so no run's end takes
 * them away from another run still using them. Each ends itself after E2E_SERVER_IDLE_S seconds without a request
 * (unset: never, as when a person starts one by hand).
 */
export function exitWhenIdle(server, seconds = Number(process.env.E2E_SERVER_IDLE_S ?? 0)) {
  if (!(seconds > 0)) return
  let timer
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      console.log(`no request for ${seconds} s: exiting`)
      process.exit(0)
    }, seconds * 1000)
  }
  server.on('request', arm)
  arm()
}
