/**
 * Reads what a DAL service said when it failed: a VOTable QUERY_STATUS=ERROR, plain text or an HTML page. Never markup.
 * On the first-load path (protocols/http), so it reads QUERY_STATUS with a light scan, not the VOTable parser.
 */

const MESSAGE_LIMIT = 500

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' }
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return Number.isFinite(code) ? String.fromCodePoint(code) : m
  })
}

/** The text of markup: scripts, styles and the head dropped, tags removed, entities decoded, spaces collapsed. */
export function markupToText(body: string): string {
  const text = body.replace(/<(script|style|title|head)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ')
  return decodeEntities(text).replace(/[<>]/g, ' ').replace(/\s+/g, ' ').trim()
}

function fromHtml(body: string): string {
  // DaCHS puts the reason in <div class="errmsg">
  const errmsg = /<div[^>]*class="errmsg"[^>]*>([\s\S]*?)<\/div>/i.exec(body)
  return markupToText(errmsg ? errmsg[1]! : body)
}

function clip(text: string): string {
  return text.length > MESSAGE_LIMIT ? text.slice(0, MESSAGE_LIMIT) + '…' : text
}

const VOTABLE_START = /^\s*(<\?xml[^>]*>\s*)?(<\?xml-stylesheet[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<VOTABLE/i

/** Whether a text starts the way a VOTable document does (declaration, stylesheet, comments, then <VOTABLE). */
export function startsLikeVOTable(text: string): boolean {
  return VOTABLE_START.test(text)
}

const looksLikeVOTable = (text: string, ct: string) => text.startsWith('<') && (ct.includes('votable') || startsLikeVOTable(text))

// comments and CDATA sections (skipped), INFO elements (read); attributes in either quote
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<INFO\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>([\s\S]*?)(?:<\/INFO\s*>|$))/gi
const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs)
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined
}
// an INFO's text: tags dropped, entities decoded, CDATA as written (as the parser reads it)
const infoText = (content: string): string =>
  content.split(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/).map((part, i) => (i % 2 ? part : decodeEntities(part.replace(/<[^>]*>/g, ' ')))).join('').replace(/\s+/g, ' ').trim()

/** The TAP status of a VOTable's text: the last INFO named QUERY_STATUS with a known value wins (as protocols/votable queryStatus). */
export function lightQueryStatus(text: string): { status?: 'OK' | 'OVERFLOW' | 'ERROR'; message?: string } {
  let result: { status?: 'OK' | 'OVERFLOW' | 'ERROR'; message?: string } = {}
  for (const m of text.matchAll(MARKUP)) {
    if (m[1] === undefined) continue
    if (attr(m[1], 'name') !== 'QUERY_STATUS') continue
    const v = (attr(m[1], 'value') ?? '').trim().toUpperCase()
    if (v !== 'OK' && v !== 'OVERFLOW' && v !== 'ERROR') continue
    result = { status: v }
    const message = m[3] === undefined ? '' : infoText(m[3])
    if (message) result.message = message
  }
  return result
}

/** The message of a VOTable error document (QUERY_STATUS=ERROR), or undefined when the body is no such document. */
export function votableErrorMessage(body: string, contentType?: string): string | undefined {
  const text = body.trim()
  if (!looksLikeVOTable(text, (contentType ?? '').toLowerCase())) return undefined
  const s = lightQueryStatus(text)
  if (s.status === 'ERROR') return clip(s.message?.trim() || 'the service reported an error without a message')
  return undefined
}

/**
 * The service's own message in an error body (VOTable QUERY_STATUS=ERROR, plain text, HTML page as text),
 * or undefined when the body says nothing readable. Never returns markup.
 */
export function serviceErrorMessage(body: string | undefined, contentType?: string): string | undefined {
  const text = (body ?? '').trim()
  if (!text) return undefined
  const ct = (contentType ?? '').toLowerCase()
  // a VOTable says its error in QUERY_STATUS; its other text (descriptions, cells) is no message
  if (looksLikeVOTable(text, ct)) return votableErrorMessage(text, contentType)
  if (ct.includes('html') || /^<(!doctype|html)/i.test(text)) return clip(fromHtml(text)) || undefined
  if (text.startsWith('<')) return clip(markupToText(text)) || undefined
  return clip(text)
}
