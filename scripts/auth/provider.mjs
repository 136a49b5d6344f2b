/**
 * OpenID provider for the tests (node-oidc-provider on loopback): discovery, JWKS, Authorization Code + PKCE
 * for the app's registered client, and ESO's password grant (grant_type=password, the id_token is the Bearer).
 * ESO documents the password grant as a GET with the credentials in the query; this provider accepts that and POST.
 * Env: OIDC_PORT (18110), OIDC_APP_ORIGINS (comma-separated origins allowed to redirect back, loopback app ports).
 */
import http from 'node:http'
import Provider, { errors } from 'oidc-provider'
import { ACCOUNTS, APP_CLIENT_ID, ESO_CLIENT_ID, checkPassword, idleIfTaken } from './accounts.mjs'
import { exitWhenIdle } from '../idle-exit.mjs'

const PORT = Number(process.env.OIDC_PORT ?? 18110)
const ISSUER = `http://127.0.0.1:${PORT}`
// one provider serves every test run on the machine (scripts/e2e-servers.mjs): the loopback app ports the runs use
// (4300-4499 and 5100-5399, the dev and preview servers) are all registered, plus what OIDC_APP_ORIGINS adds
const loopback = (from, n) => Array.from({ length: n }, (_, i) => `http://127.0.0.1:${from + i}`)
const LOOPBACK_APPS = [...loopback(4300, 200), ...loopback(5100, 300), 'http://localhost:5173', 'http://127.0.0.1:4173']
const APP_ORIGINS = [...new Set([...LOOPBACK_APPS, ...(process.env.OIDC_APP_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)])]
const ID_TOKEN_TTL = 8 * 3600 // ESO's tokens last 8 hours

function claimsOf(id) {
  const a = ACCOUNTS[id]
  return { sub: id, name: a.name, preferred_username: id, email: a.email, groups: a.groups }
}

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: APP_CLIENT_ID,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token', 'password'],
      response_types: ['code'],
      redirect_uris: APP_ORIGINS.flatMap((o) => [`${o}/auth/callback`, `${o}/auth/silent`]),
      post_logout_redirect_uris: APP_ORIGINS.map((o) => `${o}/`),
    },
    {
      // ESO's documented public client id for the password grant (no secret, as in ESO's own script)
      client_id: ESO_CLIENT_ID,
      token_endpoint_auth_method: 'none',
      grant_types: ['password'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  async findAccount(_ctx, id) {
    if (!ACCOUNTS[id]) return undefined
    return { accountId: id, claims: async () => claimsOf(id) }
  },
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
  scopes: ['openid', 'profile', 'email', 'groups', 'offline_access'],
  pkce: { required: () => true },
  // the id_token is the Bearer the gateway checks: it must carry the groups claim itself
  conformIdTokenClaims: false,
  ttl: { IdToken: ID_TOKEN_TTL, AccessToken: ID_TOKEN_TTL, Session: ID_TOKEN_TTL, Grant: ID_TOKEN_TTL },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  clientBasedCORS: (_ctx, origin) => APP_ORIGINS.includes(origin),
  cookies: { keys: ['test-harness-only-cookie-key'] },
  // consent is implied for the test client: no consent screen after login
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId)
    if (grantId) return ctx.oidc.provider.Grant.find(grantId)
    if (!ctx.oidc.session.accountId) return undefined
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId })
    grant.addOIDCScope('openid profile email groups offline_access')
    grant.addOIDCClaims(['name', 'preferred_username', 'email', 'groups'])
    await grant.save()
    return grant
  },
})

// ESO's password grant: username + password -> access_token and id_token (the Bearer), 8 hours
provider.registerGrantType('password', async (ctx) => {
  const { username, password } = ctx.oidc.params
  if (!username || !password) throw new errors.InvalidRequest('username and password are required')
  if (!checkPassword(username, password)) throw new errors.InvalidGrant('wrong username or password')
  const client = ctx.oidc.client
  const at = new provider.AccessToken({ accountId: username, client, gty: 'password', scope: 'openid' })
  const accessToken = await at.save()
  const idToken = new provider.IdToken(claimsOf(username), { ctx })
  idToken.scope = 'openid profile email groups'
  ctx.body = {
    access_token: accessToken,
    id_token: await idToken.issue({ use: 'idtoken' }),
    token_type: 'bearer',
    expires_in: ID_TOKEN_TTL,
    scope: '',
  }
}, ['username', 'password', 'response_type', 'scope'])

provider.proxy = false
const callback = provider.callback()

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, ISSUER)
  if (url.pathname === '/health') return res.end('ok')
  if (req.method === 'GET' && url.pathname === '/token' && url.searchParams.get('grant_type') === 'password') {
    // ESO's documented form: the same request as a GET; replayed here as the POST the token endpoint expects
    const answer = await fetch(`${ISSUER}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(req.headers.origin ? { origin: req.headers.origin } : {}) },
      body: url.searchParams,
    })
    const headers = Object.fromEntries([...answer.headers].filter(([k]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)))
    res.writeHead(answer.status, headers)
    return res.end(await answer.text())
  }
  callback(req, res)
})
server.on('error', idleIfTaken)
exitWhenIdle(server)
server.listen(PORT, '127.0.0.1', () => console.log(`OpenID provider on ${ISSUER}`))
