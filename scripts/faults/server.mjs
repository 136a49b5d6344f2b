/**
 * A misbehaving TAP / UWS / DataLink / SSAP service for the tests, on loopback with CORS like a real service.
 * Every URL starts with the fault mode: http://127.0.0.1:PORT/<mode>/tap (sync, async, capabilities,
 * TAP_SCHEMA queries), /<mode>/datalink?ID=…, /<mode>/ssap?…, /<mode>/files/<name>. The metadata
 * (capabilities, TAP_SCHEMA) is sound in every mode but `schema-missing`, so the fault hits the user's query.
 * GET /__log lists the requests seen (DELETE clears it). Env: FAULTS_PORT (18150).
 *
 * Modes: ok, reset (connection reset after 100 of 200 rows), truncated (document ends inside row 2),
 * error-after-rows, http500, busy (503 Retry-After once per query, then fine), busy-forever, unauthorized
 * (plain-text 401), forbidden (plain-text 403), error-votable (200 with QUERY_STATUS=ERROR and a position),
 * not-votable (an HTML page with 200), empty (200 with no body), slow (sync answers after 20 s; async WAIT
 * is held), async-error, async-aborted, async-deleted (the job disappears after its creation), redirect-foreign
 * (302 to the foreign host), markup (markup in every text field), schema-missing (TAP_SCHEMA.tables without
 * table_name, keys without key_id), datalink-no-format (ObsCore rows whose access_url is a DataLink link, no
 * access_format column), async-trickle (the job's result: 500 of 20,000 rows at once, the rest held until a
 * POST to /__release, or for 60 s, then sent in pieces), trickle (the same for a sync query, 500 of 2,000 rows; a
 * MAXREC up to 100, as the app's one-screen preview, is answered at once with OVERFLOW), late (a preview at once
 * as in trickle, the whole 2,000 rows only once released).
 */
import http from 'node:http'
import { exitWhenIdle } from '../idle-exit.mjs'

const PORT = Number(process.env.FAULTS_PORT ?? 18150)
const FOREIGN = process.env.FOREIGN_URL ?? 'http://127.0.0.1:18112'
const MARKUP = `<img src=x onerror="document.title='PWNED'"><script>document.title='PWNED'</script>`
const VOTABLE_TYPE = 'application/x-votable+xml'

let log = []
/** results held back in async-trickle mode, sent on when /__release is posted */
const held = []
const busySeen = new Set()
const jobs = new Map()
let nextJob = 1

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function cors(req) {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Redirect-Mode',
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, HEAD, OPTIONS',
    'Access-Control-Expose-Headers': 'Location, Retry-After, Content-Disposition, WWW-Authenticate',
    'Cache-Control': 'no-store',
  }
}

const FIELDS = [
  ['obs_id', 'char', '*', 'meta.id;meta.main'],
  ['target_name', 'char', '*', 'meta.id;src'],
  ['s_ra', 'double', undefined, 'pos.eq.ra;meta.main'],
  ['s_dec', 'double', undefined, 'pos.eq.dec;meta.main'],
]

function head(fields, { markup = false, description } = {}) {
  const f = fields
    .map(([name, type, size, ucd]) => {
      const shown = markup && name === 'target_name' ? `target${MARKUP}` : name
      return `<FIELD name="${esc(shown)}" datatype="${type}"${size ? ` arraysize="${size}"` : ''} ucd="${ucd}">${markup ? `<DESCRIPTION>${esc(MARKUP)}</DESCRIPTION>` : ''}</FIELD>`
    })
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
<RESOURCE type="results">
<INFO name="QUERY_STATUS" value="OK">${markup ? esc(MARKUP) : ''}</INFO>
${description ? `<DESCRIPTION>${esc(description)}</DESCRIPTION>` : ''}
<TABLE>
${f}
<DATA><TABLEDATA>
`
}
const TAIL = `</TABLEDATA></DATA></TABLE>
</RESOURCE>
</VOTABLE>
`

function row(i, { markup = false } = {}) {
  const id = `FAULT.${String(i + 1).padStart(4, '0')}`
  return `<TR><TD>${id}</TD><TD>${markup ? esc(`NGC ${i}${MARKUP}`) : `NGC ${i}`}</TD><TD>${(10 + i * 0.01).toFixed(4)}</TD><TD>${(-30 - i * 0.01).toFixed(4)}</TD></TR>\n`
}

function rows(n, opts) {
  let s = ''
  for (let i = 0; i < n; i++) s += row(i, opts)
  return s
}

function errorVOTable(message) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><INFO name="QUERY_STATUS" value="ERROR">${esc(message)}</INFO></RESOURCE></VOTABLE>
`
}

/** A TAP_SCHEMA query answered soundly (or, in `schema-missing`, with columns left out). */
function schemaAnswer(query, mode) {
  const table = /TAP_SCHEMA\.(\w+)/i.exec(query)?.[1]?.toLowerCase()
  const t = (cols, data) => head(cols.map((c) => [c, 'char', '*', 'meta.id'])) + data.map((r) => `<TR>${r.map((v) => `<TD>${esc(v)}</TD>`).join('')}</TR>\n`).join('') + TAIL
  const missing = mode === 'schema-missing'
  switch (table) {
    case 'schemas':
      return t(['schema_name', 'description'], [['ivoa', 'The IVOA-defined tables']])
    case 'tables':
      return missing ? t(['schema_name', 'name', 'description'], [['ivoa', 'ivoa.obscore', 'Observations']]) : t(['schema_name', 'table_name', 'table_type', 'description'], [['ivoa', 'ivoa.obscore', 'table', 'Observations']])
    case 'columns':
      return t(['table_name', 'column_name', 'datatype', 'unit', 'ucd', 'description'], FIELDS.map(([n, d, , u]) => ['ivoa.obscore', n, d, n.startsWith('s_') ? 'deg' : '', u, `the ${n}`]))
    case 'keys':
      return missing ? t(['id', 'from_table'], [['k1', 'ivoa.obscore']]) : t(['key_id', 'from_table', 'target_table'], [])
    case 'key_columns':
      return t(['key_id', 'from_column', 'target_column'], [])
    default:
      return undefined
  }
}

const CAPABILITIES = (base) => `<?xml version="1.0" encoding="UTF-8"?>
<vosi:capabilities xmlns:vosi="http://www.ivoa.net/xml/VOSICapabilities/v1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:vr="http://www.ivoa.net/xml/VOResource/v1.0" xmlns:tr="http://www.ivoa.net/xml/TAPRegExt/v1.0">
<capability standardID="ivo://ivoa.net/std/TAP" xsi:type="tr:TableAccess">
<interface xsi:type="vs:ParamHTTP" role="std" xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"><accessURL use="base">${base}</accessURL></interface>
<language><name>ADQL</name><version ivo-id="ivo://ivoa.net/std/ADQL#v2.0">2.0</version></language>
<outputFormat><mime>application/x-votable+xml</mime><alias>votable</alias></outputFormat>
<outputLimit><default unit="row">2000</default><hard unit="row">100000</hard></outputLimit>
</capability>
</vosi:capabilities>
`

async function body(req) {
  const chunks = []
  for await (const c of req) chunks.push(c)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res, status, headers, text) {
  res.writeHead(status, headers)
  res.end(text)
}

/** The answer to the user's own (non-metadata) query in a mode; `stream` modes write themselves. */
async function answerQuery(req, res, mode, query, base, maxrec) {
  const h = { ...cors(req), 'Content-Type': VOTABLE_TYPE }
  const key = `${mode} ${query}`
  switch (mode) {
    case 'reset': {
      res.writeHead(200, h)
      res.write(head(FIELDS) + rows(100))
      await new Promise((r) => setTimeout(r, 50))
      return res.socket?.destroy()
    }
    case 'truncated':
      return send(res, 200, h, head(FIELDS) + row(0) + '<TR><TD>FAULT.0002</TD><TD>NGC')
    case 'error-after-rows':
      return send(res, 200, h, head(FIELDS) + rows(100) + `</TABLEDATA></DATA></TABLE><INFO name="QUERY_STATUS" value="ERROR">Query cancelled: the time limit was reached after 100 rows</INFO></RESOURCE></VOTABLE>\n`)
    case 'http500':
      return send(res, 500, { ...cors(req), 'Content-Type': 'text/html' }, '<html><body><h1>Internal Server Error</h1><p>The server encountered an unexpected condition.</p></body></html>')
    case 'busy':
      if (!busySeen.has(key)) {
        busySeen.add(key)
        return send(res, 503, { ...cors(req), 'Content-Type': 'text/plain', 'Retry-After': '1' }, 'busy')
      }
      break
    case 'busy-forever':
      return send(res, 503, { ...cors(req), 'Content-Type': 'text/plain', 'Retry-After': '2' }, 'The service is overloaded')
    case 'unauthorized':
      return send(res, 401, { ...cors(req), 'Content-Type': 'text/plain' }, 'token expired')
    case 'forbidden':
      return send(res, 403, { ...cors(req), 'Content-Type': 'text/plain' }, 'You are not allowed to query this table')
    case 'error-votable':
      return send(res, 200, h, errorVOTable("Could not parse your query: Column 'foo_bar' is not known (at line 1, column 8)"))
    case 'not-votable':
      return send(res, 200, { ...cors(req), 'Content-Type': 'text/html' }, '<!DOCTYPE html><html><body><h1>Scheduled maintenance</h1><p>Back soon.</p></body></html>')
    case 'empty':
      return send(res, 200, h, '')
    case 'slow':
      await new Promise((r) => setTimeout(r, 20_000))
      break
    case 'trickle':
    case 'late': {
      // a small MAXREC (the app's one-screen preview) is answered at once, with OVERFLOW
      if (maxrec !== undefined && maxrec <= 100) return send(res, 200, h, head(FIELDS) + rows(maxrec) + `</TABLEDATA></DATA></TABLE><INFO name="QUERY_STATUS" value="OVERFLOW"/></RESOURCE></VOTABLE>\n`)
      if (mode === 'trickle') return trickle(req, res, 2000)
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 60_000)
        held.push(() => (clearTimeout(timer), resolve()))
      })
      return send(res, 200, h, head(FIELDS) + rows(2000) + TAIL)
    }
    case 'redirect-foreign':
      return send(res, 302, { ...cors(req), Location: `${FOREIGN}/tap/sync` }, '')
    case 'markup':
      return send(res, 200, h, head(FIELDS, { markup: true, description: MARKUP }) + rows(5, { markup: true }) + TAIL)
    case 'datalink-no-format': {
      const fields = [['dp_id', 'char', '*', 'meta.id;meta.main'], ['dataproduct_type', 'char', '*', 'meta.code.class'], ['access_url', 'char', '*', 'meta.ref.url'], ['access_estsize', 'long', undefined, 'phys.size;meta.file']]
      let data = ''
      for (let i = 0; i < 5; i++) {
        const id = `ADP.FAULT.${i + 1}`
        data += `<TR><TD>${id}</TD><TD>image</TD><TD>${base}/datalink?ID=${encodeURIComponent(id)}</TD><TD>2</TD></TR>\n`
      }
      return send(res, 200, h, head(fields).replace('<TABLE>', '<TABLE>').replace(/<FIELD name="access_estsize"[^>]*>/, '<FIELD name="access_estsize" datatype="long" unit="kbyte" ucd="phys.size;meta.file">') + data + TAIL)
    }
  }
  return send(res, 200, h, head(FIELDS) + rows(200) + TAIL)
}

/** A big result whose first rows come at once and the rest only once released (then in pieces, as a slow link). */
async function trickle(req, res, total = 20_000) {
  const first = 500
  res.writeHead(200, { ...cors(req), 'Content-Type': VOTABLE_TYPE })
  res.write(head(FIELDS) + rows(first))
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 60_000)
    held.push(() => (clearTimeout(timer), resolve()))
  })
  for (let i = first; i < total; i += 1000) {
    let s = ''
    for (let k = i; k < Math.min(total, i + 1000); k++) s += row(k)
    res.write(s)
    await new Promise((r) => setTimeout(r, 20))
  }
  res.end(TAIL)
}

function jobXml(job, base) {
  const results = job.phase === 'COMPLETED' ? `<uws:results><uws:result id="result" xlink:href="${base}/tap/async/${job.id}/results/result"/></uws:results>` : '<uws:results/>'
  const error = job.phase === 'ERROR' ? `<uws:errorSummary type="fatal" hasDetail="false"><uws:message>${esc(job.error)}</uws:message></uws:errorSummary>` : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<uws:job xmlns:uws="http://www.ivoa.net/xml/UWS/v1.0" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1">
<uws:jobId>${job.id}</uws:jobId><uws:runId/><uws:ownerId xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
<uws:phase>${job.phase}</uws:phase><uws:quote xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
<uws:creationTime>${job.created}</uws:creationTime><uws:startTime>${job.created}</uws:startTime><uws:endTime xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
<uws:executionDuration>3600</uws:executionDuration><uws:destruction>${new Date(Date.now() + 2 * 86400_000).toISOString()}</uws:destruction>
<uws:parameters><uws:parameter id="query">${esc(job.query)}</uws:parameter><uws:parameter id="lang">ADQL</uws:parameter></uws:parameters>
${results}${error}
</uws:job>
`
}

/** How a job moves on when asked about, in each mode. */
function advance(job) {
  if (job.phase !== 'EXECUTING' && job.phase !== 'QUEUED') return
  const age = Date.now() - job.started
  if (job.mode === 'slow') return
  if (age < 600) return
  if (job.mode === 'async-error') Object.assign(job, { phase: 'ERROR', error: "Query failed: relation \"ivoa.nothing\" does not exist (at line 1, column 15)" })
  else if (job.mode === 'async-aborted') job.phase = 'ABORTED'
  else job.phase = 'COMPLETED'
}

async function asyncRoute(req, res, mode, rest, base, params) {
  const h = cors(req)
  const xml = { ...h, 'Content-Type': 'text/xml' }
  if (rest === '' || rest === '/') {
    if (req.method === 'POST') {
      const id = `job${nextJob++}`
      jobs.set(id, { id, mode, query: params.get('QUERY') ?? '', phase: 'PENDING', created: new Date().toISOString(), started: Date.now() })
      return send(res, 303, { ...h, Location: `${base}/tap/async/${id}` }, '')
    }
    return send(res, 200, xml, '<uws:jobs xmlns:uws="http://www.ivoa.net/xml/UWS/v1.0"/>')
  }
  const [, id, sub] = /^\/([^/]+)(\/.*)?$/.exec(rest) ?? []
  const job = jobs.get(id)
  // async-deleted: the job runs, is looked at once, then the service forgets it
  if (!job || (job.mode === 'async-deleted' && (job.runSeen ?? 0) > 1)) return send(res, 404, { ...h, 'Content-Type': 'text/plain' }, `No such job: ${id}`)
  if (req.method === 'DELETE' || (req.method === 'POST' && params.get('ACTION') === 'DELETE')) {
    jobs.delete(id)
    return send(res, 303, { ...h, Location: `${base}/tap/async` }, '')
  }
  if (sub === '/phase' && req.method === 'POST') {
    const phase = (params.get('PHASE') ?? '').toUpperCase()
    if (phase === 'RUN' && job.phase === 'PENDING') Object.assign(job, { phase: 'EXECUTING', started: Date.now() })
    if (phase === 'ABORT') job.phase = 'ABORTED'
    return send(res, 303, { ...h, Location: `${base}/tap/async/${id}` }, '')
  }
  if (sub === '/results/result' && job.mode === 'async-trickle') return trickle(req, res)
  if (sub === '/results/result') return answerQuery(req, res, job.mode === 'async-result-reset' ? 'reset' : 'ok', job.query, base)
  if (sub === '/phase') {
    advance(job)
    if (job.phase !== 'PENDING') job.runSeen = (job.runSeen ?? 0) + 1
    return send(res, 200, { ...h, 'Content-Type': 'text/plain' }, job.phase)
  }
  if (sub === '/error') return send(res, 200, { ...h, 'Content-Type': 'text/plain' }, job.error ?? '')
  const wait = Number(params.get('WAIT') ?? 0)
  if (wait > 0 && (job.phase === 'EXECUTING' || job.phase === 'QUEUED')) await new Promise((r) => setTimeout(r, Math.min(wait, job.mode === 'slow' ? 30 : 1) * 1000))
  advance(job)
  if (job.phase !== 'PENDING') job.runSeen = (job.runSeen ?? 0) + 1
  return send(res, 200, xml, jobXml(job, base))
}

function dataLinkAnswer(req, res, mode, params, base) {
  const id = params.get('ID') ?? ''
  const fields = [['ID', 'char', '*', 'meta.id;meta.main'], ['access_url', 'char', '*', 'meta.ref.url'], ['service_def', 'char', '*', 'meta.ref'], ['error_message', 'char', '*', 'meta.code.error'], ['semantics', 'char', '*', 'meta.code'], ['description', 'char', '*', 'meta.note'], ['content_type', 'char', '*', 'meta.code.mime'], ['content_length', 'long', undefined, 'phys.size;meta.file']]
  const file = `${base}/files/${encodeURIComponent(id)}.fits`
  const text = head(fields) + `<TR><TD>${esc(id)}</TD><TD>${esc(file)}</TD><TD></TD><TD></TD><TD>#this</TD><TD>The file</TD><TD>application/fits</TD><TD>2880</TD></TR>\n` + TAIL
  return send(res, 200, { ...cors(req), 'Content-Type': `${VOTABLE_TYPE};content=datalink` }, text)
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${PORT}`)
  if (url.pathname === '/__log') {
    if (req.method === 'DELETE') log = []
    return send(res, 200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }, JSON.stringify(log))
  }
  if (url.pathname === '/__release') {
    const n = held.length
    for (const go of held.splice(0)) go()
    return send(res, 200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' }, `released ${n}`)
  }
  if (req.method === 'OPTIONS') return send(res, 204, cors(req), '')
  const [, mode, path] = /^\/([a-z0-9-]+)(\/.*)?$/.exec(url.pathname) ?? []
  const base = `http://127.0.0.1:${PORT}/${mode}`
  const raw = req.method === 'POST' ? await body(req) : ''
  const params = new URLSearchParams(url.search)
  for (const [k, v] of new URLSearchParams(raw)) params.set(k, v)
  const upper = new URLSearchParams()
  for (const [k, v] of params) upper.set(k.toUpperCase(), v)
  log.push({ method: req.method, path: url.pathname, query: upper.get('QUERY') ?? undefined, authorization: req.headers.authorization ?? null })
  try {
    if (!mode || !path) return send(res, 404, { ...cors(req), 'Content-Type': 'text/plain' }, 'no such path')
    if (path === '/tap/capabilities') return send(res, 200, { ...cors(req), 'Content-Type': 'text/xml' }, CAPABILITIES(`${base}/tap`))
    if (path === '/tap/examples') return send(res, 404, { ...cors(req), 'Content-Type': 'text/plain' }, 'no examples')
    if (path === '/tap/sync') {
      const query = upper.get('QUERY') ?? ''
      const schema = schemaAnswer(query, mode)
      if (schema) return send(res, 200, { ...cors(req), 'Content-Type': VOTABLE_TYPE }, schema)
      return await answerQuery(req, res, mode, query, base, upper.has('MAXREC') ? Number(upper.get('MAXREC')) : undefined)
    }
    if (path.startsWith('/tap/async')) return await asyncRoute(req, res, mode, path.slice('/tap/async'.length), base, upper)
    if (path === '/datalink') return dataLinkAnswer(req, res, mode, params, base)
    if (path.startsWith('/files/')) return send(res, 200, { ...cors(req), 'Content-Type': 'application/fits' }, 'SIMPLE  =                    T'.padEnd(2880, ' '))
    return send(res, 404, { ...cors(req), 'Content-Type': 'text/plain' }, `unknown path ${path}`)
  } catch (e) {
    if (!res.headersSent) send(res, 500, { ...cors(req), 'Content-Type': 'text/plain' }, String(e))
  }
})

server.on('error', (e) => {
  // another run's fault service on this port answers the same way: leave it to that one
  if (e.code === 'EADDRINUSE') {
    console.log(`faults: port ${PORT} already served; using that one`)
    setInterval(() => {}, 1 << 30)
  } else throw e
})
exitWhenIdle(server)
server.listen(PORT, '127.0.0.1', () => console.log(`fault service on http://127.0.0.1:${PORT}/<mode>/tap`))
