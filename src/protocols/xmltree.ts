/** A small element tree for the XML documents services return besides VOTables (UWS, VOSI, Sesame). */
import { END, EOF, START, TEXT, XmlScanner } from './votable/xml'

export interface XmlElement {
  /** Local name (namespace prefix removed). */
  name: string
  attrs: Record<string, string>
  children: XmlElement[]
  /** Concatenated direct text content, trimmed. */
  text: string
}

/**
 * Parses XML into a tree. `lenient` accepts HTML-ish XHTML (unclosed void elements, mismatched end tags,
 * truncation) the way browsers do, for documents such as DALI examples pages.
 */
export function parseXml(text: string, options: { lenient?: boolean } = {}): XmlElement {
  const lenient = options.lenient ?? false
  const sc = new XmlScanner(text, true)
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' }
  const stack: { el: XmlElement; parts: string[] }[] = [{ el: root, parts: [] }]
  for (;;) {
    const t = sc.next()
    if (t === EOF) break
    const top = stack[stack.length - 1]!
    if (t === START) {
      const el: XmlElement = { name: sc.name, attrs: sc.attributes(), children: [], text: '' }
      top.el.children.push(el)
      if (!sc.selfClosing) stack.push({ el, parts: [] })
    } else if (t === END) {
      if (stack.length === 1 || top.el.name !== sc.name) {
        if (!lenient) throw sc.error(`malformed XML: unexpected </${sc.name}>`)
        // close the open elements up to a matching one; ignore a stray end tag
        const at = stack.map((s) => s.el.name).lastIndexOf(sc.name)
        if (at <= 0) continue
        while (stack.length > at) {
          const open = stack.pop()!
          open.el.text = open.parts.join('').trim()
        }
        continue
      }
      top.el.text = top.parts.join('').trim()
      stack.pop()
    } else if (t === TEXT) top.parts.push(sc.text)
  }
  if (lenient) while (stack.length > 1) {
    const open = stack.pop()!
    open.el.text = open.parts.join('').trim()
  }
  else if (sc.truncated || stack.length > 1) throw sc.error(`malformed XML: the document ends inside <${stack[stack.length - 1]!.el.name}>`, text.length)
  const first = root.children[0]
  if (!first) throw new Error('malformed XML: no element found')
  return first
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name)
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : []
}

export function childText(el: XmlElement | undefined, name: string): string | undefined {
  const c = child(el, name)
  return c ? c.text : undefined
}

/** Attribute by local name, whatever its prefix (e.g. `xlink:href` → `href`). */
export function attr(el: XmlElement, local: string): string | undefined {
  if (local in el.attrs) return el.attrs[local]
  for (const [k, v] of Object.entries(el.attrs)) if (k.endsWith(':' + local)) return v
  return undefined
}

/** All text inside an element, in document order (for mixed content such as XHTML). */
export function textContent(el: XmlElement): string {
  return el.children.length === 0 ? el.text : el.text + ' ' + el.children.map(textContent).join(' ')
}

/** Depth-first walk over an element and its descendants. */
export function* descendants(el: XmlElement): Generator<XmlElement> {
  for (const c of el.children) {
    yield c
    yield* descendants(c)
  }
}
