/** DALI examples ({service}/examples): XHTML+RDFa with named example queries and continuation pages. */
import type { HttpClient } from '../http'
import { attr, descendants, parseXml, textContent, type XmlElement } from '../xmltree'

export interface TapExample {
  id?: string
  name: string
  query: string
  /** Tables the example names (property="table"), if the service says. */
  tables: string[]
}

function props(el: XmlElement): string[] {
  return (el.attrs.property ?? '').split(/\s+/).filter(Boolean)
}

function hasType(el: XmlElement, type: string): boolean {
  return (el.attrs.typeof ?? '').split(/\s+/).includes(type)
}

/** Reads examples and continuation links from an examples document. */
export function parseExamples(xhtml: string, baseUrl: string): { examples: TapExample[]; continuations: string[] } {
  const root = parseXml(xhtml, { lenient: true })
  const examples: TapExample[] = []
  const continuations: string[] = []
  for (const el of descendants(root)) {
    if (hasType(el, 'example')) {
      let name = ''
      let query = ''
      const tables: string[] = []
      for (const d of descendants(el)) {
        const p = props(d)
        if (p.includes('name') && !name) name = textContent(d).replace(/\s+/g, ' ').trim()
        if (p.includes('query') && !query) query = textContent(d).trim()
        if (p.includes('table')) tables.push(textContent(d).trim())
      }
      if (query) examples.push({ id: el.attrs.id ?? el.attrs.resource?.replace(/^#/, ''), name: name || el.attrs.id || 'Example', query, tables })
    } else if (props(el).includes('continuation')) {
      const href = attr(el, 'href') ?? el.attrs.resource
      if (href) continuations.push(new URL(href, baseUrl).href)
    }
  }
  return { examples, continuations }
}

/** Fetches the examples of a service, following continuation links (at most `maxPages`). */
export async function fetchExamples(http: HttpClient, serviceUrl: string, opts: { signal?: AbortSignal; maxPages?: number } = {}): Promise<TapExample[]> {
  const start = `${serviceUrl.replace(/\/+$/, '')}/examples`
  const seen = new Set<string>()
  const queue = [start]
  const all: TapExample[] = []
  while (queue.length && seen.size < (opts.maxPages ?? 5)) {
    const url = queue.shift()!
    if (seen.has(url)) continue
    seen.add(url)
    const page = parseExamples(await http.text(url, { signal: opts.signal }), url)
    all.push(...page.examples)
    queue.push(...page.continuations)
  }
  return all
}
