/**
 * Builds the VOTable document tree from XML tokens; data sections go to the fast decoders.
 * Resumable: `feed` text as it arrives (streaming) or all at once (`parseVOTable`); both take the
 * same path, so a streamed document is the document `parseVOTable` reads.
 */
import type { Info, Resource, VOTableDocument } from './types'
import { VOTableError } from './errors'
import type { TextOrigin } from './errors'
import { BinaryStreamSection, TableDataSection, ensureColumns, finishParam } from './sections'
import type { DataSection } from './sections'
import type { VOTableTable } from './table'
import { closeText, inheritContext, openMetadata } from './elements'
import type { DocumentTree, Frame } from './elements'
import { END, EOF, NEED_MORE, START, TEXT, XmlScanner } from './xml'

export interface ParseResult {
  doc: VOTableDocument
  /** every INFO in document order */
  allInfos: Info[]
}

/** Streaming observers of the document being built. */
export interface DocumentHooks {
  /** a table's fields are known and its rows are about to come (or it has none: `rowCount` is final) */
  onTable?(table: VOTableTable, index: number): void
  /** the table now holds `table.rowCount` complete rows; `done`: its DATA section is over */
  onRows?(table: VOTableTable, index: number, done: boolean): void
}

const MAX_WARNINGS = 50

/** Parse a whole document held in a string. */
export function parseDocument(s: string): ParseResult {
  const p = new DocumentParser()
  p.feed(s, true)
  return p.result()
}

/** Builds a document from text fed in pieces; `feed(text, true)` ends the input. */
export class DocumentParser {
  /** the document so far (complete after the final feed) */
  readonly doc: VOTableDocument
  private readonly hooks: DocumentHooks
  private readonly sc = new XmlScanner('', false)
  private readonly tree: DocumentTree
  private stack: Frame[] = []
  private state: 'prolog' | 'body' | 'done' = 'prolog'
  private section: DataSection | null = null
  private sectionIndex = -1
  private readonly announced = new Set<VOTableTable>()
  private sawData = false
  private truncatedData = false
  /** warnings of column decoders go through here (see `decodeSection`) */
  private columnWarn: (m: string) => void
  /** warnings already given for the row starting at input offset warnedRowAt */
  private warnedRowAt = -1
  private warnedRow = new Map<string, number>()

  constructor(hooks: DocumentHooks = {}) {
    this.hooks = hooks
    this.doc = { infos: [], params: [], groups: [], coordinateSystems: [], tables: [], resources: [], warnings: [] }
    this.tree = { doc: this.doc, allInfos: [], trailing: new Map<Resource, Info[]>(), valuesById: new Map() }
    this.columnWarn = this.warn
  }

  feed(text: string, final: boolean): void {
    if (this.state === 'done') throw new Error('the document is complete; nothing more can be fed')
    // pin the location of open elements before their text is dropped
    if (this.sc.pos > 0) for (const f of this.stack) f.loc ??= this.locOf(f)
    this.sc.feed(text, final)
    if (this.run()) {
      this.state = 'done'
      this.finish()
    }
  }

  /**
   * At the end of the text fed so far, a base64 STREAM's content has begun: the section that takes
   * its decoded bytes instead of its text (see `skipStream`), or null when the parser is not at the
   * start of such content.
   */
  streamSink(): BinaryStreamSection | null {
    const sec = this.section
    if (this.state !== 'body' || !(sec instanceof BinaryStreamSection) || this.sc.pos !== this.sc.s.length) return null
    return sec
  }

  /** the STREAM content given to `streamSink` was `chars` characters of text, `lines` line ends, `tail` characters after the last one */
  skipStream(sec: BinaryStreamSection, chars: number, lines: number, tail: number): void {
    this.sc.skip(chars, lines, tail)
    this.hooks.onRows?.(sec.table, this.sectionIndex, false)
  }

  /** The rows `t` holds were handed on: its columns forget them (its row count stays; see VOTableTable.released). */
  releaseRows(t: VOTableTable): void {
    if (this.section?.table === t) return this.section.release()
    for (const c of t.columns) c.reset()
    t.released = t.rowCount
  }

  result(): ParseResult {
    if (this.state !== 'done') throw new Error('the document is not complete yet')
    return { doc: this.doc, allInfos: this.tree.allInfos }
  }

  private readonly warn = (m: string): void => {
    if (this.doc.warnings.length < MAX_WARNINGS) this.doc.warnings.push(m)
  }

  private readonly colWarn = (m: string): void => this.columnWarn(m)

  private abs(pos: number): number {
    return this.sc.origin.position + pos
  }

  private locOf(f: Frame): TextOrigin {
    return f.loc ?? this.sc.locate(f.start - this.sc.origin.position)
  }

  private lineOf(f: Frame): number {
    return this.locOf(f).line
  }

  private here(pos: number): () => TextOrigin {
    return () => this.sc.locate(pos)
  }

  /** the root element; false when the window ends first */
  private prolog(): boolean {
    const sc = this.sc
    for (;;) {
      const t = sc.next()
      if (t === NEED_MORE) return false
      if (t === START) break
      if (t === TEXT && sc.text.trim() !== '') {
        const p = sc.tokenStart + sc.text.search(/\S/)
        throw sc.error(`not XML: the input starts with "${sc.text.trim().slice(0, 40)}"`, p)
      }
      if (t === EOF) throw new VOTableError(sc.truncated ? 'not a VOTable: the input ends inside the XML prolog' : 'not a VOTable: the input is empty', this.abs(sc.s.length))
      if (t === END) throw sc.error('not XML: end tag before any element')
    }
    if (sc.name !== 'VOTABLE') throw sc.error(`not a VOTable: the root element is <${sc.s.slice(sc.attrStart, sc.attrStart + 40).split(/[\s/>]/)[0]}>, expected <VOTABLE>`)
    const rootAttrs = sc.attributes()
    if (rootAttrs.version !== undefined) this.doc.version = rootAttrs.version
    this.stack = [{ name: 'VOTABLE', start: this.abs(sc.tokenStart), text: '' }]
    if (sc.selfClosing) this.stack.pop()
    return true
  }

  private announce(t: VOTableTable): void {
    if (this.announced.has(t)) return
    this.announced.add(t)
    const r = t.resource
    t.infos = r ? [...t.ownInfos, ...r.infos] : t.ownInfos.slice()
    this.hooks.onTable?.(t, this.doc.tables.indexOf(t))
  }

  private startSection(sec: DataSection): void {
    this.section = sec
    this.sectionIndex = this.doc.tables.indexOf(sec.table)
    this.announce(sec.table)
  }

  /** TABLE ref="...": reuse the referenced table's FIELDs and PARAMs */
  private copyRef(t: VOTableTable): void {
    const src = this.doc.tables.find((o) => o.id === t.ref)
    if (!src) return this.warn(`TABLE ref="${t.ref}" does not name an earlier TABLE`)
    t.fields = src.fields.slice()
    if (t.params.length === 0) t.params = src.params.slice()
  }

  private label(t: VOTableTable): string {
    return t.name ?? t.id ?? String(this.doc.tables.indexOf(t))
  }

  private onStart(name: string, selfClosing: boolean): void {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw this.sc.error(`unexpected <${name}> after the end of the VOTABLE element`)
    if (top.skip !== undefined) {
      if (!selfClosing) top.skip++
      return
    }
    if (name !== 'INFO') top.afterResource = undefined
    const start = this.sc.tokenStart
    const frame: Frame = { name, start: this.abs(start), text: '' }
    const a = this.sc.attributes()
    if (!openMetadata(this.tree, top, frame, name, a) && !this.openData(top, frame, a, start, selfClosing)) return
    inheritContext(frame, top)
    if (selfClosing) this.onEnd(frame)
    else this.stack.push(frame)
  }

  /**
   * Start tag of DATA or one of its parts (unknown elements are skipped); false when a data section
   * has started and the section, not the element stack, reads what follows.
   */
  private openData(top: Frame, frame: Frame, a: Record<string, string>, start: number, selfClosing: boolean): boolean {
    const name = frame.name
    const t = top.table
    switch (name) {
      case 'DATA':
        if (!t) frame.skip = 1
        else {
          this.sawData = true
          frame.table = t
          if (t.fields.length === 0 && !t.ref) {
            this.warn(`table ${t.name ?? t.id ?? this.doc.tables.length} has DATA but no FIELDs; data ignored`)
            frame.skip = 1
          } else if (t.fields.length === 0 && t.ref) this.copyRef(t)
        }
        return true
      case 'TABLEDATA':
        if (top.name === 'DATA' && t) {
          t.serialization = 'TABLEDATA'
          const cols = ensureColumns(t, this.here(start), this.colWarn)
          if (!selfClosing) this.startSection(new TableDataSection(t, cols, this.label(t)))
          return false
        }
        frame.skip = 1
        return true
      case 'BINARY':
      case 'BINARY2':
        if (top.name === 'DATA' && t) {
          t.serialization = name
          frame.table = t
          frame.binary2 = name === 'BINARY2'
        } else frame.skip = 1
        return true
      case 'STREAM':
        frame.skip = 1
        if (t && (top.name === 'BINARY' || top.name === 'BINARY2')) {
          if (a.href !== undefined) this.warn(`table ${t.name ?? ''}: external STREAM href="${a.href}" not supported; no rows read`)
          else if (a.encoding !== undefined && a.encoding !== 'base64') this.warn(`table ${t.name ?? ''}: STREAM encoding "${a.encoding}" not supported; no rows read`)
          else if (!selfClosing) {
            const cols = ensureColumns(t, this.here(start), this.colWarn)
            this.startSection(new BinaryStreamSection(t, cols, top.binary2 === true, this.label(t)))
          }
        }
        return true
      case 'FITS':
      case 'PARQUET':
        if (t) {
          t.serialization = name
          this.warn(`table ${t.name ?? t.id ?? ''}: ${name} serialization not supported; no rows read`)
        }
        frame.skip = 1
        return true
      default:
        frame.skip = 1
        return true
    }
  }

  private onEnd(f: Frame): void {
    const parent = this.stack[this.stack.length - 1]
    switch (f.name) {
      case 'TABLE': {
        const t = f.table!
        if (t.fields.length === 0 && t.ref) this.copyRef(t)
        if (t.columns.length === 0) {
          ensureColumns(t, () => this.locOf(f), this.warn)
          for (const c of t.columns) c.finish(0)
        }
        this.announce(t)
        break
      }
      case 'RESOURCE':
        this.tree.trailing.set(f.resource!, [])
        parent.afterResource = f.resource
        break
      case 'PARAM':
        if (f.field) finishParam(f.field, () => this.locOf(f), this.warn)
        break
      case 'INFO':
      case 'DESCRIPTION':
        closeText(this.tree, f, parent)
        break
    }
  }

  /** decode the open DATA section; false when the window ends first */
  private decodeSection(sec: DataSection): boolean {
    const before = sec.table.rowCount
    // a row cut by the end of the window is decoded again from the next one: give its warnings once
    let runAt = -1
    let runCounts = new Map<string, number>()
    this.columnWarn = (m) => {
      const at = this.abs(sec.rowStart)
      if (at !== runAt) {
        runAt = at
        runCounts = new Map()
      }
      const k = (runCounts.get(m) ?? 0) + 1
      runCounts.set(m, k)
      if (at === this.warnedRowAt && k <= (this.warnedRow.get(m) ?? 0)) return
      if (at !== this.warnedRowAt) {
        this.warnedRowAt = at
        this.warnedRow = new Map()
      }
      this.warnedRow.set(m, k)
      this.warn(m)
    }
    let over: boolean
    try {
      over = sec.run(this.sc, this.warn)
    } finally {
      this.columnWarn = this.warn
    }
    const t = sec.table
    if (over) {
      this.section = null
      if (sec.cut) this.truncatedData = true
      for (const c of sec.cols) c.finish(t.rowCount - t.released)
    }
    if (over || t.rowCount > before) this.hooks.onRows?.(t, this.sectionIndex, over)
    return over
  }

  /** process tokens until the window is used up; true at the end of the input */
  private run(): boolean {
    const sc = this.sc
    if (this.state === 'prolog') {
      if (!this.prolog()) return false
      this.state = 'body'
    }
    for (;;) {
      if (this.section !== null && !this.decodeSection(this.section)) return false
      const t = sc.next()
      if (t === START) this.onStart(sc.name, sc.selfClosing)
      else if (t === END) this.onEndTag()
      else if (t === TEXT) {
        const top = this.stack[this.stack.length - 1]
        if (top && top.skip === undefined) top.text += sc.text
        else if (!top && sc.text.trim() !== '') throw sc.error('text after the end of the VOTABLE element')
      } else if (t === EOF) return true
      else if (t === NEED_MORE) return false
    }
  }

  private onEndTag(): void {
    const sc = this.sc
    const top = this.stack[this.stack.length - 1]
    if (!top) throw sc.error(`unexpected </${sc.name}> after the end of the VOTABLE element`)
    if (top.skip !== undefined && top.skip > 1) {
      top.skip--
      return
    }
    if (top.name !== sc.name) throw sc.error(`mismatched end tag </${sc.name}>: expected </${top.name}> (opened at line ${this.lineOf(top)})`)
    this.stack.pop()
    this.onEnd(top)
  }

  private finish(): void {
    const stack = this.stack
    if (stack.length > 0) {
      const open = stack[stack.length - 1]
      if (!this.sawData && !this.truncatedData) {
        throw new VOTableError(`unexpected end of input: <${open.name}> opened at line ${this.lineOf(open)} is not closed`, ...locArgs(this.sc.locate(this.sc.s.length)))
      }
      if (!this.truncatedData) this.warn(`input ends before </VOTABLE> (inside <${open.name}>)`)
      // close what is open so that tables get their columns
      while (stack.length > 0) {
        const f = stack.pop()!
        if (f.name === 'TABLE' || f.name === 'PARAM') this.onEnd(f)
      }
    }
    for (const t of this.doc.tables) {
      const tt = t as VOTableTable
      const r = tt.resource
      tt.infos = r ? [...tt.ownInfos, ...r.infos, ...(this.tree.trailing.get(r) ?? [])] : tt.ownInfos.slice()
    }
  }
}

function locArgs(l: TextOrigin): [number, number, number] {
  return [l.position, l.line, l.column]
}
