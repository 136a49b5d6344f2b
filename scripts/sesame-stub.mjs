#!/usr/bin/env node
// A stand-in for CDS Sesame on loopback, for the local profile and the tests: answers
// GET /-oxp/SNV?<name> (and /cgi-bin/nph-sesame/-oxp/SNV?<name>, any order of S/N/V) in Sesame's
// own XML for the archive's targets, and "Nothing found" otherwise. Port: SESAME_PORT (18090).
import { createServer } from 'node:http'
import { exitWhenIdle } from './idle-exit.mjs'

const TARGETS = [
  { names: ['NGC 6397', 'NGC6397'], oname: 'NGC  6397', otype: 'GlC', ra: 265.1754, dec: -53.6743, aliases: ['C 1736-536', 'Caldwell 86'] },
  { names: ['NGC 5139', 'NGC5139', 'Omega Cen', 'omega Centauri', 'ome Cen', 'ω Cen'], oname: 'NGC  5139', otype: 'GlC', ra: 201.6968, dec: -47.4795, aliases: ['NAME omega Cen', 'Caldwell 80'] },
  { names: ['30 Dor', '30 Doradus', 'NGC 2070', 'NGC2070', 'Tarantula Nebula'], oname: 'NAME 30 Dor', otype: 'HII', ra: 84.6765, dec: -69.1009, aliases: ['NGC  2070', 'NAME Tarantula Nebula'] },
  { names: ['NGC 3201', 'NGC3201'], oname: 'NGC  3201', otype: 'GlC', ra: 154.4034, dec: -46.4125, aliases: ['Caldwell 79'] },
  { names: ['eta Car', 'eta Carinae', 'η Car', 'HD 93308'], oname: '* eta Car', otype: 'LB*', ra: 161.2648, dec: -59.6845, aliases: ['HD  93308', 'NAME eta Carinae'] },
]

const norm = (s) => s.toLowerCase().replace(/\s+/g, '')
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function sexagesimal(ra, dec) {
  const f = (x, w) => String(Math.floor(x)).padStart(w, '0')
  const h = ra / 15
  const rs = ((h * 3600) % 60).toFixed(2).padStart(5, '0')
  const d = Math.abs(dec)
  const ds = ((d * 3600) % 60).toFixed(1).padStart(4, '0')
  return `${f(h, 2)}:${f((h * 60) % 60, 2)}:${rs} ${dec < 0 ? '-' : '+'}${f(d, 2)}:${f((d * 60) % 60, 2)}:${ds}`
}

export function sesameXml(name, order = 'SNV') {
  const t = TARGETS.find((x) => x.names.some((n) => norm(n) === norm(name)))
  const resolver = t
    ? `  <Resolver name="S=Simbad (via stub):    1">
    <otype>${t.otype}</otype>
    <jpos>${sexagesimal(t.ra, t.dec)}</jpos>
    <jradeg>${t.ra}</jradeg>
    <jdedeg>${t.dec}</jdedeg>
    <oname>${xml(t.oname)}</oname>
${t.aliases.map((a) => `    <alias>${xml(a)}</alias>`).join('\n')}
  </Resolver>`
    : `  <Resolver name="S=Simbad (via stub)">
    <INFO>*** Nothing found *** </INFO>
  </Resolver>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<Sesame xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<Target option="${xml(order)}">
  <name>${xml(name)}</name>
${resolver}
</Target>
</Sesame>
<!--- ====Done (stub)==== --->
`
}

export function startSesameStub(port = Number(process.env.SESAME_PORT ?? 18090), host = '127.0.0.1') {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    const m = /^(?:\/cgi-bin\/nph-sesame)?\/-ox?p?\/([SNV]{1,3})$/i.exec(url.pathname)
    if (req.method !== 'GET' || !m) {
      res.writeHead(404, { 'content-type': 'text/plain' })
      return res.end('not found: use /-oxp/SNV?<name>\n')
    }
    const name = decodeURIComponent(url.search.slice(1).replace(/\+/g, ' ')).trim()
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'access-control-allow-origin': '*' })
    res.end(sesameXml(name, m[1].toUpperCase()))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server))
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startSesameStub()
  exitWhenIdle(server)
  const { address, port } = server.address()
  console.log(`sesame stub on http://${address}:${port}/cgi-bin/nph-sesame`)
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)))
}
