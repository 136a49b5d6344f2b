/**
 * Access-enforcing gateway in front of the local DaCHS archive, for the authentication tests.
 * A Bearer id_token is verified against the OpenID provider's JWKS (jose); members of the authorised group get
 * their tap_obs queries routed to priv.obscore_all (ObsCore plus the private rows) and the embargoed files
 * (fetched from DaCHS with the archive's Basic credentials). Basic credentials are passed through to DaCHS.
 * Everything else is forwarded unchanged. Env: GATEWAY_PORT (18111), OIDC_ISSUER, ARCHIVE_URL, FOREIGN_URL,
 * GATEWAY_CLOCK_OFFSET_S (tests only: the gateway's clock runs ahead).
 */
import http from 'node:http'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { APP_CLIENT_ID, AUTHORISED_GROUP, ESO_CLIENT_ID, idleIfTaken } from './accounts.mjs'
import { exitWhenIdle } from '../idle-exit.mjs'

const PORT = Number(process.env.GATEWAY_PORT ?? 18111)
const SELF = `http://127.0.0.1:${PORT}`
const ISSUER = process.env.OIDC_ISSUER ?? 'http://127.0.0.1:18110'
const ARCHIVE = process.env.ARCHIVE_URL ?? 'http://127.0.0.1:18080'
const FOREIGN = process.env.FOREIGN_URL ?? 'http://127.0.0.1:18112'
const ARCHIVE_BASIC = 'Basic ' + Buffer.from(`esoteam:${process.env.ESOTEAM_PW ?? 's3cret'}`).toString('base64')
const REALM = 'Bearer realm="eso-archive-test"'
// tests of expiry run a gateway whose clock is ahead (seconds), instead of waiting 8 hours
const CLOCK_OFFSET_MS = Number(process.env.GATEWAY_CLOCK_OFFSET_S ?? 0) * 1000

const jwks = createRemoteJWKSet(new URL(`${ISSUER}/jwks`))

/** Who is asking: anonymous, a verified token's claims, Basic (left to DaCHS), or a rejected token. */
async function caller(req) {
  const h = req.headers.authorization
  if (!h) return { kind: 'anonymous' }
  if (/^Basic /i.test(h)) return { kind: 'basic' }
  const m = /^Bearer\s+(\S+)$/i.exec(h)
  if (!m) return { kind: 'invalid', reason: 'unsupported Authorization scheme' }
  try {
    const { payload } = await jwtVerify(m[1], jwks, { issuer: ISSUER, audience: [APP_CLIENT_ID, ESO_CLIENT_ID], currentDate: new Date(Date.now() + CLOCK_OFFSET_MS) })
    const groups = Array.isArray(payload.groups) ? payload.groups : []
    return { kind: 'token', sub: payload.sub, authorised: groups.includes(AUTHORISED_GROUP) }
  } catch (e) {
    return { kind: 'invalid', reason: e.code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid' }
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...cors(res.req), ...headers })
  res.end(text)
}

function cors(req) {
  const origin = req.headers.origin
  if (!origin || !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) return {}
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'Authorization, Content-Type',
    'access-control-allow-methods': 'GET, POST, HEAD, DELETE',
    'access-control-expose-headers': 'Content-Disposition, WWW-Authenticate, Location',
    vary: 'Origin',
  }
}

const PRIVATE_TABLE = /\bpriv\s*\.\s*\w+/i
const OBSCORE = /\bivoa\s*\.\s*obscore\b/gi

/** The TAP request with its QUERY routed for this caller; null when the caller may not run it. */
function routeTap(params, who) {
  const q = params.get('QUERY') ?? params.get('query')
  if (q === null) return params
  if (PRIVATE_TABLE.test(q)) return null
  const key = params.has('QUERY') ? 'QUERY' : 'query'
  if (who.kind === 'token' && who.authorised) params.set(key, q.replace(OBSCORE, 'priv.obscore_all'))
  return params
}

function privateLinks(id) {
  const dp = id.replace(/^.*\?/, '')
  const row = (url, sem, desc) =>
    `<TR><TD>${id}</TD><TD>${url}</TD><TD></TD><TD></TD><TD>${sem}</TD><TD>${desc}</TD><TD>application/fits</TD><TD>1</TD></TR>`
  return `<?xml version="1.0" encoding="utf-8"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><TABLE>
<FIELD name="ID" datatype="char" arraysize="*" ucd="meta.id;meta.main"/>
<FIELD name="access_url" datatype="char" arraysize="*" ucd="meta.ref.url"/>
<FIELD name="service_def" datatype="char" arraysize="*" ucd="meta.ref"/>
<FIELD name="error_message" datatype="char" arraysize="*" ucd="meta.code.error"/>
<FIELD name="semantics" datatype="char" arraysize="*" ucd="meta.code"/>
<FIELD name="description" datatype="char" arraysize="*" ucd="meta.note"/>
<FIELD name="content_type" datatype="char" arraysize="*" ucd="meta.code.mime"/>
<FIELD name="content_length" datatype="long" unit="byte" ucd="phys.size;meta.file"/>
<DATA><TABLEDATA>
${row(`${SELF}/getproduct/eso/data/spec/ADP.2019-01-15T15_50_07.007.fits`, '#this', 'The private product')}
${row(`${FOREIGN}/file/${dp}.aux.fits`, '#auxiliary', 'A file on another host')}
${row(`${SELF}/moved/${dp}.progenitor.fits`, '#progenitor', 'Moved to another host')}
</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`
}

async function forward(req, res, path, { body, headers }) {
  const upstream = await fetch(ARCHIVE + path, { method: req.method, headers, body: body?.length ? body : undefined, redirect: 'manual' })
  const out = {}
  for (const [k, v] of upstream.headers) {
    if (['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'access-control-allow-origin'].includes(k)) continue
    out[k] = k === 'location' ? v.replace(ARCHIVE, SELF) : v
  }
  let payload = Buffer.from(await upstream.arrayBuffer())
  // UWS documents name the archive's own URLs; the job's results must come back through here too
  if (/^\/(tap\/async|__system__\/tap\/run\/async)/.test(path) && /xml/.test(upstream.headers.get('content-type') ?? '')) {
    payload = Buffer.from(payload.toString('utf8').replaceAll(ARCHIVE + '/', SELF + '/'))
  }
  return { status: upstream.status, headers: out, payload }
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, SELF)
    if (req.method === 'OPTIONS') return send(res, 204, '')
    if (url.pathname === '/health') return send(res, 200, 'ok')
    const who = await caller(req)
    if (who.kind === 'invalid') {
      return send(res, 401, `Not authorised: ${who.reason}. Log in again.`, { 'www-authenticate': `${REALM}, error="invalid_token", error_description="${who.reason}"` })
    }
    if (url.pathname.startsWith('/moved/')) {
      return send(res, 302, 'moved', { location: `${FOREIGN}/file/${url.pathname.slice('/moved/'.length)}` })
    }
    const privateDl = url.pathname === '/eso/q/dl/dlmeta' && /ADP\.2025-07-01/.test(url.searchParams.get('ID') ?? '')
    if (privateDl && !(who.kind === 'token' && who.authorised)) return send(res, who.kind === 'token' ? 403 : 401, 'This product is private: log in with an account that may see it.', who.kind === 'token' ? {} : { 'www-authenticate': REALM })
    if (privateDl) {
      const id = url.searchParams.get('ID') ?? ''
      return send(res, 200, privateLinks(id), { 'content-type': 'application/x-votable+xml;content=datalink' })
    }
    const headers = { 'user-agent': req.headers['user-agent'] ?? 'auth-gateway' }
    if (req.headers['content-type']) headers['content-type'] = req.headers['content-type']
    let body = ['GET', 'HEAD'].includes(req.method) ? undefined : await readBody(req)
    let path = url.pathname + url.search
    if (url.pathname.startsWith('/tap/sync') || url.pathname === '/tap/async') {
      const params = body?.length && /x-www-form-urlencoded/.test(req.headers['content-type'] ?? '') ? new URLSearchParams(body.toString()) : url.searchParams
      const routed = routeTap(params, who)
      if (!routed) return send(res, 403, 'You lack permission for the private tables.')
      if (params === url.searchParams) path = url.pathname + (routed.size ? `?${routed}` : '')
      else body = Buffer.from(routed.toString())
    }
    const protectedFile = url.pathname.startsWith('/getproduct/')
    if (who.kind === 'basic') headers.authorization = req.headers.authorization
    else if (protectedFile && who.kind === 'token' && who.authorised) headers.authorization = ARCHIVE_BASIC
    const answer = await forward(req, res, path, { body, headers })
    if (protectedFile) {
      answer.headers['cache-control'] = 'private, no-store'
      if (answer.status === 401 && who.kind === 'token') return send(res, 403, 'You lack permission for this file.')
      if (answer.status === 401) answer.headers['www-authenticate'] = `${REALM}, ${answer.headers['www-authenticate'] ?? 'Basic realm="eso"'}`
    }
    res.writeHead(answer.status, { ...answer.headers, ...cors(req) })
    res.end(req.method === 'HEAD' ? undefined : answer.payload)
  } catch (e) {
    send(res, 502, `gateway: ${e instanceof Error ? e.message : String(e)}`)
  }
})
server.on('error', idleIfTaken)
exitWhenIdle(server)
server.listen(PORT, '127.0.0.1', () => console.log(`auth gateway on ${SELF} -> ${ARCHIVE}`))
