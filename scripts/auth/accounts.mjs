/** Test accounts shared by the provider and the gateway (test harness only; never a real credential). */
export const ACCOUNTS = {
  // member of the programme: sees the private rows and may download the embargoed file
  esoteam: { password: 's3cret', name: 'ESO Team', email: 'esoteam@eso.localtest', groups: ['esoteam'] },
  // a logged-in user without special permissions: sees the same records as anonymous users
  visitor: { password: 'visitor', name: 'Vera Visitor', email: 'visitor@eso.localtest', groups: [] },
}
export const APP_CLIENT_ID = 'eso-archive-explorer'
export const ESO_CLIENT_ID = 'clientid'
/** The group whose members may see private metadata and embargoed files. */
export const AUTHORISED_GROUP = 'esoteam'

export function checkPassword(username, password) {
  const a = ACCOUNTS[username]
  return Boolean(a && a.password === password)
}

/**
 * Several test runs may start the harness at once: when the port is already taken, another instance serves it,
 * so this process just waits (the test runner stops it) instead of failing the run.
 */
export function idleIfTaken(e) {
  if (e.code !== 'EADDRINUSE') throw e
  console.error(`${e.address}:${e.port} is taken, presumably by another harness instance; idling`)
  setInterval(() => {}, 1 << 30)
}
