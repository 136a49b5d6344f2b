/** Reads what a DAL service said when it failed: a VOTable QUERY_STATUS=ERROR, plain text or an HTML error page. */
import { HttpError } from '../http'
import { QueryError, ServiceError } from '../errors'
import { parseVOTable, queryStatus } from '../votable'

function fromHtml(body: string): string {
  // DaCHS puts the reason in <div class="errmsg">
  const errmsg = /<div[^>]*class="errmsg"[^>]*>([\s\S]*?)<\/div>/i.exec(body)
  const text = (errmsg ? errmsg[1]! : body.replace(/<(script|style|title|head)[\s\S]*?<\/\1>/gi, ' ')).replace(/<[^>]*>/g, ' ')
  return decodeEntities(text).replace(/\s+/g, ' ').trim()
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return Number.isFinite(code) ? String.fromCodePoint(code) : m
  })
}

/** The service's own message in an error body, or undefined when the body says nothing readable. */
export function dalErrorMessage(body: string, contentType?: string): string | undefined {
  const text = body.trim()
  if (!text) return undefined
  const ct = (contentType ?? '').toLowerCase()
  if (ct.includes('votable') || /^(<\?xml[^>]*>\s*)?(<\?xml-stylesheet[^>]*>\s*)?<VOTABLE/i.test(text)) {
    try {
      const s = queryStatus(parseVOTable(text))
      if (s.status === 'ERROR') return s.message?.trim() || 'the service reported an error without a message'
    } catch {
      // fall through to the text forms
    }
  }
  if (ct.includes('html') || /^<(!doctype|html)/i.test(text)) return fromHtml(text) || undefined
  if (text.startsWith('<')) return undefined
  return text.length > 500 ? text.slice(0, 500) + '…' : text
}

/** Turns an HTTP failure into a QueryError (4xx: the request was refused) or ServiceError with the server's message. */
export function toServiceError(e: unknown, url: string, what: string): unknown {
  if (!(e instanceof HttpError) || e.kind !== 'http') return e
  // a refused login keeps the door's advice (log in / log in again / no permission)
  const said = e.status === 401 || e.status === 403 ? e.message : e.body ? dalErrorMessage(e.body, e.contentType) : undefined
  const message = `${what} failed (HTTP ${e.status})${said ? `: ${said}` : ''}`
  return e.status !== undefined && e.status >= 400 && e.status < 500
    ? new QueryError(message, url, { cause: e })
    : new ServiceError(message, url, { cause: e })
}
