/**
 * Stand-in for a foreign host (some other site a DataLink link, access_url or redirect may point at).
 * It answers every request and records which ones carried credentials; GET /__log returns the record as JSON,
 * DELETE /__log clears it. Env: FOREIGN_PORT (18112).
 */
import http from 'node:http'
import { idleIfTaken } from './accounts.mjs'
import { exitWhenIdle } from '../idle-exit.mjs'

const PORT = Number(process.env.FOREIGN_PORT ?? 18112)
let log = []

const server = http.createServer((req, res) => {
  if (req.url === '/__log') {
    if (req.method === 'DELETE') log = []
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
    return res.end(JSON.stringify(log))
  }
  log.push({
    method: req.method,
    url: req.url,
    authorization: req.headers.authorization ?? null,
    // a browser asking to send Authorization cross-origin says so in the preflight
    requestHeaders: req.headers['access-control-request-headers'] ?? null,
    cookie: req.headers.cookie ?? null,
  })
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'access-control-allow-origin': '*', 'content-disposition': 'attachment; filename="foreign.bin"' })
  res.end('a file on a foreign host\n')
})
server.on('error', idleIfTaken)
exitWhenIdle(server)
server.listen(PORT, '127.0.0.1', () => console.log(`foreign host on http://127.0.0.1:${PORT}`))
