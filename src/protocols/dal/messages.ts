/** Reads what a DAL service said when it failed: a VOTable QUERY_STATUS=ERROR, plain text or an HTML page. Never markup. */
import { parseVOTable, queryStatus } from '../votable'

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

/** The message of a VOTable error document (QUERY_STATUS=ERROR), or undefined when the body is no such document. */
export function votableErrorMessage(body: string, contentType?: string): string | undefined {
  const text = body.trim()
  if (!looksLikeVOTable(text, (contentType ?? '').toLowerCase())) return undefined
  try {
    const s = queryStatus(parseVOTable(text))
    if (s.status === 'ERROR') return clip(s.message?.trim() || 'the service reported an error without a message')
    return undefined
  } catch {
    // a broken document may still carry its status INFO
    const info = /<INFO\b(?=[^>]*\bname\s*=\s*["']QUERY_STATUS["'])(?=[^>]*\bvalue\s*=\s*["']ERROR["'])[^>]*?(\/>|>([\s\S]*?)<\/INFO>)/i.exec(text)
    if (!info) return undefined
    return clip(markupToText(info[2] ?? '') || 'the service reported an error without a message')
  }
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
