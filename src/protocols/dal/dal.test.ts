import { describe, expect, it } from 'vitest'
import { HttpClient, HttpError } from '../http'
import { ProxyMap } from '../proxy'
import { runSync, fetchAsyncResult } from '../tap'
import { ssapQuery } from '../ssap'
import { fetchLinks } from '../datalink'
import { parseInWorker, parseVOTable, parseVOTableStream } from '../votable'
import { QueryError } from '../errors'
import {
  DalError, abortError, dalResult, errorPosition, isAbortError, notAVOTable, partialReason, readDalResponse, resultTable,
  serviceErrorMessage, toDalError, readInWorker, votableErrorMessage, markupToText, encodeQueryValue, type VOTableReader,
} from './index'
import { startsLikeVOTable } from './messages'

const TAP = 'http://archive.test/tap'
const FIELDS = '<FIELD name="id" datatype="int"/><FIELD name="name" datatype="char" arraysize="*"/>'
const row = (i: number) => `<TR><TD>${i}</TD><TD>row ${i}</TD></TR>`
const head = (status = 'OK') => `<?xml version="1.0"?><VOTABLE version="1.4"><RESOURCE type="results"><INFO name="QUERY_STATUS" value="${status}"/><TABLE>${FIELDS}<DATA><TABLEDATA>`
const votable = (rows: number, trailer = '') => `${head()}${Array.from({ length: rows }, (_, i) => row(i + 1)).join('')}</TABLEDATA></DATA></TABLE>${trailer}</RESOURCE></VOTABLE>`
const errorDoc = (message: string) => `<?xml version="1.0"?><VOTABLE version="1.4"><RESOURCE type="results"><INFO name="QUERY_STATUS" value="ERROR">${message}</INFO></RESOURCE></VOTABLE>`

function door(answer: () => Response, retries = 0): HttpClient {
  return new HttpClient({ proxy: new ProxyMap([], 'http://app.test'), fetchImpl: (async () => answer()) as typeof fetch, defaultRetries: retries, retryBaseDelayMs: 1, retryMaxDelayMs: 2 })
}

/** A body that sends `parts` and then breaks off (or ends, with `end`). */
function broken(parts: string[], end = false): ReadableStream<Uint8Array> {
  const enc = new TextEncoder()
  let i = 0
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < parts.length) c.enqueue(enc.encode(parts[i++]!))
      else if (end) c.close()
      else c.error(new TypeError('network connection was lost'))
    },
  })
}

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure') }, (e: unknown) => e as DalError)

describe('the door gives each HTTP failure its kind', () => {
  it('a plain-text 401 is needs-login, with the auth advice and the service words', async () => {
    const http = door(() => new Response('token expired', { status: 401, headers: { 'Content-Type': 'text/plain' } }))
    const e = await failure(runSync(http, TAP, { query: 'SELECT 1' }))
    expect(e).toBeInstanceOf(DalError)
    expect(e.kind).toBe('needs-login')
    expect(e.status).toBe(401)
    expect(e.message).toMatch(/needs a login for this/)
    expect(e.serviceMessage).toBe('token expired')
    expect(e).not.toBeInstanceOf(QueryError)
  })

  it('an HTML 403 is forbidden, and the service words carry no markup', async () => {
    const http = door(() => new Response('<html><head><title>x</title></head><body><h1>Forbidden</h1><p>no &amp; no</p></body></html>', { status: 403, headers: { 'Content-Type': 'text/html' } }))
    const e = await failure(fetchLinks(http, { url: 'http://archive.test/links?ID=x' }))
    expect(e.kind).toBe('forbidden')
    expect(e.message).toMatch(/You lack permission/)
    expect(e.serviceMessage).toBe('Forbidden no & no')
  })

  it('a VOTable 401 is needs-login too, never query-rejected', async () => {
    const http = door(() => new Response(errorDoc('Authentication required'), { status: 401, headers: { 'Content-Type': 'application/x-votable+xml' } }))
    const e = await failure(runSync(http, TAP, { query: 'SELECT 1' }))
    expect(e.kind).toBe('needs-login')
    expect(e.serviceMessage).toBe('Authentication required')
  })

  it('a 503 with Retry-After is busy, with the wait', async () => {
    const http = door(() => new Response('overloaded', { status: 503, headers: { 'Retry-After': '30' } }))
    const e = await failure(ssapQuery(http, 'http://archive.test/ssap', { pos: { ra: 1, dec: 2 }, size: 1 }))
    expect(e.kind).toBe('busy')
    expect(e.retryAfterMs).toBe(30_000)
    expect(e.message).toMatch(/busy.*30 s/)
  })

  it('our proxy saying it could not reach the origin is proxy-unreachable', async () => {
    let asked = 0
    const http = door(() => (asked++, new Response('The proxy cannot reach archive.eso.org (DNS lookup failed).', { status: 502, headers: { 'X-Proxy-Error': 'dns' } })), 2)
    const e = await failure(http.request('https://archive.eso.org/tap_obs/sync'))
    expect(e.kind).toBe('proxy-unreachable')
    expect(e.message).toBe('Cannot reach archive.eso.org (DNS lookup failed)')
    expect(toDalError(e, e.url!, 'The TAP query')).toBe(e)
    // a host that does not resolve will not resolve a second later: asked once, not retried
    expect(asked).toBe(1)
  })

  it('a proxy timeout is retried like any 502, and said in words', async () => {
    let asked = 0
    const http = door(() => (asked++, new Response('', { status: 502, headers: { 'X-Proxy-Error': 'timeout' } })), 2)
    const e = await failure(http.request('https://archive.eso.org/tap_obs/sync'))
    expect(e.message).toBe('Cannot reach archive.eso.org (no answer in time)')
    expect(asked).toBe(3)
  })

  it('any other status is http, with the status and an excerpt of the body', async () => {
    const http = door(() => new Response('<html><body><p>Internal trouble</p></body></html>', { status: 500, headers: { 'Content-Type': 'text/html' } }))
    const e = await failure(runSync(http, TAP, { query: 'SELECT 1' }))
    expect(e.kind).toBe('http')
    expect(e.status).toBe(500)
    expect(e.message).toBe('The TAP query failed (HTTP 500): Internal trouble')
  })
})

describe('the DAL reader', () => {
  it('a VOTable ERROR with HTTP 200 is query-rejected, with the service message and position', async () => {
    const said = "Could not parse your query: Expected end of text, found 'FROMM' (at line 1, column 8)"
    const http = door(() => new Response(errorDoc(said), { headers: { 'Content-Type': 'application/x-votable+xml' } }))
    const e = await failure(runSync(http, TAP, { query: 'SELECT FROMM x' }))
    expect(e).toBeInstanceOf(QueryError)
    expect(e.kind).toBe('query-rejected')
    expect(e.message).toBe(said)
    expect(e.serviceMessage).toBe(said)
    expect(e.position).toEqual({ line: 1, column: 8 })
  })

  it('a VOTable ERROR with HTTP 400 is query-rejected', async () => {
    const http = door(() => new Response(errorDoc('Field query: no such table ivoa.nope, line 2, col 15'), { status: 400, headers: { 'Content-Type': 'application/x-votable+xml' } }))
    const e = await failure(runSync(http, TAP, { query: 'SELECT * FROM ivoa.nope' }))
    expect(e.kind).toBe('query-rejected')
    expect(e.status).toBe(400)
    expect(e.serviceMessage).toBe('Field query: no such table ivoa.nope, line 2, col 15')
    expect(e.message).toBe('Field query: no such table ivoa.nope, line 2, col 15')
    expect(e.position).toEqual({ line: 2, column: 15 })
  })

  it('an empty body is bad-response', async () => {
    const http = door(() => new Response('', { headers: { 'Content-Type': 'application/x-votable+xml' } }))
    const e = await failure(runSync(http, TAP, { query: 'SELECT 1' }))
    expect(e.kind).toBe('bad-response')
    expect(e.message).toBe('The TAP query got an empty answer instead of a VOTable')
  })

  it('an HTML page, plain text or other XML with HTTP 200 is bad-response that says what came', async () => {
    const html = await failure(runSync(door(() => new Response('<!DOCTYPE html><html><body>Maintenance</body></html>', { headers: { 'Content-Type': 'text/html' } })), TAP, { query: 'x' }))
    expect([html.kind, html.message]).toEqual(['bad-response', 'The TAP query got an HTML page instead of a VOTable: Maintenance'])
    const text = await failure(runSync(door(() => new Response('Service down for upgrade', { headers: { 'Content-Type': 'text/plain' } })), TAP, { query: 'x' }))
    expect([text.kind, text.message]).toEqual(['bad-response', 'The TAP query got text/plain instead of a VOTable: Service down for upgrade'])
    const xml = await failure(runSync(door(() => new Response('<foo><bar/></foo>', { headers: { 'Content-Type': 'application/xml' } })), TAP, { query: 'x' }))
    expect(xml.kind).toBe('bad-response')
    expect(xml.message).toMatch(/^The TAP query did not return a readable VOTable \(application\/xml\)/)
  })

  it('a VOTable sent as text/plain is still read', async () => {
    const r = await runSync(door(() => new Response(votable(2), { headers: { 'Content-Type': 'text/plain' } })), TAP, { query: 'x' })
    expect(r.table.rowCount).toBe(2)
  })

  it('a document that ends inside the table is partial, with the rows that arrived', async () => {
    const body = votable(3).slice(0, votable(3).indexOf(row(3)) + 12)
    const http = door(() => new Response(broken([body], true), { headers: { 'Content-Type': 'application/x-votable+xml' } }))
    const r = await runSync(http, TAP, { query: 'x' })
    expect(r.table.rowCount).toBe(2)
    expect(r.partial).toEqual({ reason: 'the document ends inside row 3' })
  })

  it('a connection that breaks while rows stream is partial, in words', async () => {
    const text = votable(100)
    const http = door(() => new Response(broken([text.slice(0, text.indexOf(row(3)))]), { headers: { 'Content-Type': 'application/x-votable+xml' } }))
    const r = await runSync(http, TAP, { query: 'x' })
    expect(r.table.rowCount).toBe(2)
    expect(r.partial).toEqual({ reason: 'the connection broke after 2 rows' })
  })

  it('a connection that breaks before any table is network', async () => {
    const http = door(() => new Response(broken(['<?xml version="1.0"?><VOTABLE>']), { headers: { 'Content-Type': 'application/x-votable+xml' } }))
    const e = await failure(runSync(http, TAP, { query: 'x' }))
    expect(e.kind).toBe('network')
  })

  it('a QUERY_STATUS ERROR after rows is partial with the reason; OVERFLOW is overflow', async () => {
    const late = votable(2, '<INFO name="QUERY_STATUS" value="ERROR">Query timed out</INFO>')
    const r = await runSync(door(() => new Response(late)), TAP, { query: 'x' })
    expect(r.table.rowCount).toBe(2)
    expect(r.partial).toEqual({ reason: 'the service reported an error after 2 rows: Query timed out' })
    const over = await runSync(door(() => new Response(votable(2, '<INFO name="QUERY_STATUS" value="OVERFLOW"/>'))), TAP, { query: 'x' })
    expect([over.overflow, over.partial]).toEqual([true, undefined])
  })

  it('cancel during the stream rejects with the one abort shape (in this thread and through the worker reader)', async () => {
    for (const read of [undefined, ((res, signal) => parseInWorker(res, { signal, worker: false })) as VOTableReader]) {
      const ac = new AbortController()
      const enc = new TextEncoder()
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          c.enqueue(enc.encode(head() + row(1)))
          ac.abort()
        },
      })
      const e = await failure(runSync(door(() => new Response(body)), TAP, { query: 'x' }, ac.signal, read))
      expect(e).toBeInstanceOf(DalError)
      expect(e.kind).toBe('aborted')
      expect(isAbortError(e)).toBe(true)
    }
  })

  it('cancel before the answer is the same shape from the door', async () => {
    const ac = new AbortController()
    ac.abort()
    const e = await failure(runSync(door(() => new Response(votable(1))), TAP, { query: 'x' }, ac.signal))
    expect([e.constructor, e.kind]).toEqual([DalError, 'aborted'])
  })

  it('reads an async job result through the reader it is given', async () => {
    let used = 0
    const read: VOTableReader = (res, signal) => (used++, parseVOTableStream(res, { signal }))
    const http = door(() => new Response(votable(4), { headers: { 'Content-Type': 'application/x-votable+xml' } }))
    const job = { jobId: 'j', phase: 'COMPLETED' as const, parameters: {}, results: [{ id: 'result', href: `${TAP}/async/j/results/result` }] }
    const r = await fetchAsyncResult(http, `${TAP}/async/j`, job, undefined, read)
    expect([r.table.rowCount, used, r.url]).toEqual([4, 1, `${TAP}/async/j/results/result`])
  })

  it('takes the table of the RESOURCE type="results"', () => {
    const doc = parseVOTable(`<VOTABLE><RESOURCE type="meta"><TABLE name="meta">${FIELDS}</TABLE></RESOURCE><RESOURCE type="results"><TABLE name="main">${FIELDS}</TABLE></RESOURCE></VOTABLE>`)
    expect(resultTable(doc)?.name).toBe('main')
    expect(dalResult(doc, { what: 'x', url: 'u' }).table.name).toBe('main')
    expect(() => dalResult(parseVOTable('<VOTABLE><RESOURCE/></VOTABLE>'), { what: 'The query', url: 'u' })).toThrow(/without a result table/)
  })

  it('says when the service announced more rows than it sent', () => {
    const doc = parseVOTable(`<VOTABLE><RESOURCE><TABLE nrows="5">${FIELDS}<DATA><TABLEDATA>${row(1)}</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`)
    expect(partialReason(doc, doc.tables[0]!)).toBe('the service announced 5 rows but sent 1')
  })

  it('readDalResponse reads a plain Response', async () => {
    const r = await readDalResponse(new Response(votable(1)), { what: 'The request', url: 'http://x/' })
    expect([r.table.rowCount, r.url, r.overflow]).toEqual([1, 'http://x/', false])
  })
})

describe('error bodies and positions', () => {
  it('serviceErrorMessage reads VOTable, plain text and HTML, never markup', () => {
    expect(serviceErrorMessage(errorDoc('bad query'))).toBe('bad query')
    expect(serviceErrorMessage(votable(1))).toBeUndefined()
    expect(serviceErrorMessage('  plain words \n')).toBe('plain words')
    expect(serviceErrorMessage('<html><head><style>p{}</style></head><body><div class="errmsg">No <b>such</b> ID</div></body></html>', 'text/html')).toBe('No such ID')
    expect(serviceErrorMessage('<error><why>broken &lt;thing&gt;</why></error>')).toBe('broken thing')
    expect(serviceErrorMessage('<VOTABLE><RESOURCE><INFO name="QUERY_STATUS" value="ERROR">half</INFO><TABLE></VOTABLE>')).toBe('half')
    expect(serviceErrorMessage('')).toBeUndefined()
    expect(serviceErrorMessage(undefined)).toBeUndefined()
  })

  it('errorPosition reads the line and column forms services use', () => {
    expect(errorPosition("Expected end of text, found 'x' (at line 1, column 8)")).toEqual({ line: 1, column: 8 })
    expect(errorPosition('syntax error at line 3, col 12')).toEqual({ line: 3, column: 12 })
    expect(errorPosition('Line 2 Column 5: unexpected token')).toEqual({ line: 2, column: 5 })
    expect(errorPosition('no such column')).toBeUndefined()
    expect(errorPosition(undefined)).toBeUndefined()
  })

  it('abortError wraps the reason once; isAbortError also knows a DOMException', () => {
    const ac = new AbortController()
    ac.abort(new Error('user'))
    const e = abortError(ac.signal, 'http://x/')
    expect([e.kind, e.url, (e.cause as Error).message]).toEqual(['aborted', 'http://x/', 'user'])
    const again = new AbortController()
    again.abort(e)
    expect(abortError(again.signal)).toBe(e)
    expect(isAbortError(new DOMException('stop', 'AbortError'))).toBe(true)
    expect(isAbortError(new Error('x'))).toBe(false)
  })

  it('toDalError wraps what is not yet a DalError', () => {
    expect(toDalError(new TypeError('Failed to fetch'), 'u', 'The query').kind).toBe('network')
    expect(toDalError(new DOMException('stop', 'AbortError'), 'u', 'The query').kind).toBe('aborted')
    const refused = toDalError(new HttpError('http', 'h answered 422', 'u', 422, "UsageError: 'abc' is not valid", 'text/plain'), 'u', 'The cutout')
    expect([refused.kind, refused.message, refused.status]).toEqual(['query-rejected', "UsageError: 'abc' is not valid", 422])
  })

  it('notAVOTable turns a VOTable error body into query-rejected', () => {
    expect(notAVOTable(errorDoc('nope'), 'text/plain', { what: 'x', url: 'u' }).kind).toBe('query-rejected')
  })
})

describe('small helpers', () => {
  it('readInWorker reads a body (on this thread where there is no Worker)', async () => {
    const doc = await readInWorker(new Response(votable(3)))
    expect(doc.tables[0]!.rowCount).toBe(3)
  })
  it('votableErrorMessage answers only for a VOTable error document', () => {
    expect(votableErrorMessage(errorDoc('x'))).toBe('x')
    expect(votableErrorMessage('x', 'text/plain')).toBeUndefined()
    expect(votableErrorMessage(votable(1))).toBeUndefined()
  })
  it('votableErrorMessage reads QUERY_STATUS without the parser: quotes, CDATA, comments, the last status wins', () => {
    const doc = (body: string) => `<?xml version="1.0"?><VOTABLE version="1.4"><RESOURCE type="results">${body}</RESOURCE></VOTABLE>`
    expect(votableErrorMessage(doc(`<INFO value='ERROR' name='QUERY_STATUS'><![CDATA[a < b & c]]></INFO>`))).toBe('a < b & c')
    expect(votableErrorMessage(doc(`<!-- <INFO name="QUERY_STATUS" value="ERROR">no</INFO> --><INFO name="QUERY_STATUS" value="OK"/>`))).toBeUndefined()
    expect(votableErrorMessage(doc(`<INFO name="QUERY_STATUS" value="OK"/><INFO name="QUERY_STATUS" value="ERROR">x &amp; y</INFO>`))).toBe('x & y')
    expect(votableErrorMessage(doc(`<INFO name="QUERY_STATUS" value="ERROR"/>`))).toBe('the service reported an error without a message')
    expect(votableErrorMessage(doc(`<INFO name="QUERY_STATUS" value="ERROR">cut sho`))).toBe('cut sho')
  })
  it('markupToText and startsLikeVOTable', () => {
    expect(markupToText('<p>a&nbsp;<script>x()</script><b>b</b> &#65;</p>')).toBe('a b A')
    expect(startsLikeVOTable('<?xml version="1.0"?>\n<!-- c -->\n<VOTABLE>')).toBe(true)
    expect(startsLikeVOTable('<html>')).toBe(false)
  })
  it('encodeQueryValue keeps an IVOA identifier readable', () => {
    expect(encodeQueryValue('ivo://eso.org/ID?ADP.1 &x')).toBe('ivo://eso.org/ID?ADP.1%20%26x')
  })
})

describe('a host our proxy cannot reach', () => {
  it('is asked at most 3 times a minute; the other requests fail at once with the same message', async () => {
    let asked = 0
    const http = new HttpClient({
      proxy: new ProxyMap([], 'http://app.test'),
      fetchImpl: (async () => (asked++, new Response('', { status: 502, headers: { 'X-Proxy-Error': 'dns' } }))) as typeof fetch,
      defaultRetries: 2,
      retryBaseDelayMs: 1,
    })
    const messages: string[] = []
    for (let i = 0; i < 6; i++) messages.push((await failure(http.request(`https://archive.eso.org/tap_obs/q${i}`))).message)
    expect(asked).toBe(3)
    expect(new Set(messages)).toEqual(new Set(['Cannot reach archive.eso.org (DNS lookup failed)']))
    // another host is not held back
    await failure(http.request('https://www.eso.org/sso'))
    expect(asked).toBe(4)
  })
})
