/**
 * Builds the VOTable document tree from XML tokens; data sections go to the fast decoders.
 * Resumable: `feed` text as it arrives (streaming) or all at once (`parseVOTable`); both take the
 * same path, so a streamed document is the document `parseVOTable` reads.
 */
import type {
  CoordinateSystem, Group, Info, Link, Param, Resource, Values, ValuesOption, VOTableDocument,
} from './types'
import { VOTableError } from './errors'
import type { TextOrigin } from './errors'
import { BinaryStreamSection, TableDataSection, ensureColumns, finishParam } from './sections'
import type { DataSection } from './sections'
import { VOTableTable } from './table'
import { END, EOF, NEED_MORE, START, TEXT, XmlScanner } from './xml'

interface Frame {
  name: string
  /** offset of the start tag in the whole input */
  start: number
  /** location of the start tag, pinned before streaming drops its text */
  loc?: TextOrigin
  text: string
  skip?: number
  resource?: Resource
  table?: VOTableTable
  field?: Param
  isParam?: boolean
  group?: Group
  values?: Values
  option?: ValuesOption
  info?: Info
  binary2?: boolean
  /** RESOURCE that just closed in this frame (INFOs following it belong to its tables too) */
  afterResource?: Resource
}

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
  readonly feed: (text: string, final: boolean) => void
  readonly result: () => ParseResult
  /** the document so far (complete after the final feed) */
  readonly doc: VOTableDocument

  constructor(hooks: DocumentHooks = {}) {
    const sc = new XmlScanner('', false)
    const doc: VOTableDocument = {
      infos: [], params: [], groups: [], coordinateSystems: [], tables: [], resources: [], warnings: [],
    }
    const allInfos: Info[] = []
    const trailing = new Map<Resource, Info[]>()
    const valuesById = new Map<string, Values>()
    const warn = (m: string): void => {
      if (doc.warnings.length < MAX_WARNINGS) doc.warnings.push(m)
    }
    let sawData = false
    let truncatedData = false

    let stack: Frame[] = []
    let state: 'prolog' | 'body' | 'done' = 'prolog'
    let section: DataSection | null = null
    let sectionIndex = -1
    const announced = new Set<VOTableTable>()
    /** warnings of column decoders go through here (see `data`) */
    let columnWarn = warn
    const colWarn = (m: string): void => columnWarn(m)
    /** warnings already given for the row starting at input offset warnedRowAt */
    let warnedRowAt = -1
    let warnedRow = new Map<string, number>()
    const abs = (pos: number): number => sc.origin.position + pos
    const locOf = (f: Frame): TextOrigin => f.loc ?? sc.locate(f.start - sc.origin.position)
    const lineOf = (f: Frame): number => locOf(f).line
    const here = (pos: number) => (): TextOrigin => sc.locate(pos)

    /** the root element; false when the window ends first */
    const prolog = (): boolean => {
      for (;;) {
        const t = sc.next()
        if (t === NEED_MORE) return false
        if (t === START) break
        if (t === TEXT && sc.text.trim() !== '') {
          const p = sc.tokenStart + sc.text.search(/\S/)
          throw sc.error(`not XML: the input starts with "${sc.text.trim().slice(0, 40)}"`, p)
        }
        if (t === EOF) throw new VOTableError(sc.truncated ? 'not a VOTable: the input ends inside the XML prolog' : 'not a VOTable: the input is empty', abs(sc.s.length))
        if (t === END) throw sc.error('not XML: end tag before any element')
      }
      if (sc.name !== 'VOTABLE') throw sc.error(`not a VOTable: the root element is <${sc.s.slice(sc.attrStart, sc.attrStart + 40).split(/[\s/>]/)[0]}>, expected <VOTABLE>`)
      const rootAttrs = sc.attributes()
      if (rootAttrs.version !== undefined) doc.version = rootAttrs.version
      stack = [{ name: 'VOTABLE', start: abs(sc.tokenStart), text: '' }]
      if (sc.selfClosing) stack.pop()
      return true
    }

    const announce = (t: VOTableTable): void => {
      if (announced.has(t)) return
      announced.add(t)
      const r = t.resource
      t.infos = r ? [...t.ownInfos, ...r.infos] : t.ownInfos.slice()
      hooks.onTable?.(t, doc.tables.indexOf(t))
    }

    const startSection = (sec: DataSection): void => {
      section = sec
      sectionIndex = doc.tables.indexOf(sec.table)
      announce(sec.table)
    }

    const skipFrame = (name: string, start: number): Frame => ({ name, start: abs(start), text: '', skip: 1 })

    const newField = (a: Record<string, string>, isParam: boolean, index: number): Param => {
      const f: Param = { name: a.name ?? a.ID ?? `col${index + 1}`, datatype: a.datatype ?? '', value: null, rawValue: a.value ?? '' }
      if (a.arraysize !== undefined) f.arraysize = a.arraysize
      if (a.unit !== undefined) f.unit = a.unit
      if (a.ucd !== undefined) f.ucd = a.ucd
      if (a.utype !== undefined) f.utype = a.utype
      if (a.xtype !== undefined) f.xtype = a.xtype
      if (a.ID !== undefined) f.id = a.ID
      if (a.ref !== undefined) f.ref = a.ref
      if (a.width !== undefined) f.width = a.width
      if (a.precision !== undefined) f.precision = a.precision
      if (!isParam) {
        delete (f as Partial<Param>).value
        delete (f as Partial<Param>).rawValue
      }
      return f
    }

    /** TABLE ref="...": reuse the referenced table's FIELDs and PARAMs */
    const copyRef = (t: VOTableTable): void => {
      const src = doc.tables.find((o) => o.id === t.ref)
      if (!src) return warn(`TABLE ref="${t.ref}" does not name an earlier TABLE`)
      t.fields = src.fields.slice()
      if (t.params.length === 0) t.params = src.params.slice()
    }

    const label = (t: VOTableTable): string => t.name ?? t.id ?? String(doc.tables.indexOf(t))

    // ---- element handlers
    const onStart = (name: string, selfClosing: boolean): void => {
      const top = stack[stack.length - 1]
      const start = sc.tokenStart
      if (top.skip !== undefined) {
        if (!selfClosing) top.skip++
        return
      }
      if (name !== 'INFO') top.afterResource = undefined
      const frame: Frame = { name, start: abs(start), text: '' }
      const a = sc.attributes()
      const parent = top.name
      switch (name) {
        case 'RESOURCE': {
          const r: Resource = { infos: [], params: [], groups: [], links: [], coordinateSystems: [], tables: [], resources: [] }
          r.type = a.type ?? 'results'
          if (a.utype !== undefined) r.utype = a.utype
          if (a.ID !== undefined) r.id = a.ID
          if (a.name !== undefined) r.name = a.name
          if (top.resource) top.resource.resources.push(r)
          else doc.resources.push(r)
          frame.resource = r
          break
        }
        case 'TABLE': {
          const t = new VOTableTable()
          if (a.name !== undefined) t.name = a.name
          if (a.ID !== undefined) t.id = a.ID
          if (a.ref !== undefined) t.ref = a.ref
          if (a.ucd !== undefined) t.ucd = a.ucd
          if (a.utype !== undefined) t.utype = a.utype
          if (a.nrows !== undefined && /^\s*\d+\s*$/.test(a.nrows)) t.nrows = Number(a.nrows)
          t.resource = top.resource
          top.resource?.tables.push(t)
          doc.tables.push(t)
          frame.table = t
          break
        }
        case 'FIELD':
        case 'PARAM': {
          const isParam = name === 'PARAM'
          const holder = top.table ?? top.group ?? top.resource
          if (!isParam && !top.table) {
            stack.push(skipFrame(name, start))
            if (selfClosing) stack.pop()
            return
          }
          frame.field = newField(a, isParam, top.table ? top.table.fields.length : 0)
          frame.isParam = isParam
          if (!isParam) top.table!.fields.push(frame.field)
          else if (top.group) top.group.params.push(frame.field)
          else if (holder) holder.params.push(frame.field)
          else doc.params.push(frame.field)
          break
        }
        case 'GROUP': {
          const g: Group = { params: [], fieldRefs: [], paramRefs: [], groups: [] }
          if (a.name !== undefined) g.name = a.name
          if (a.ID !== undefined) g.id = a.ID
          if (a.ref !== undefined) g.ref = a.ref
          if (a.ucd !== undefined) g.ucd = a.ucd
          if (a.utype !== undefined) g.utype = a.utype
          ;(top.group?.groups ?? (top.table ?? top.resource ?? doc).groups).push(g)
          frame.group = g
          break
        }
        case 'FIELDref':
        case 'PARAMref':
          if (top.group && a.ref !== undefined) (name === 'FIELDref' ? top.group.fieldRefs : top.group.paramRefs).push(a.ref)
          frame.skip = 1
          break
        case 'VALUES':
          if (top.field) {
            const v: Values = {}
            if (a.null !== undefined) {
              v.null = a.null
              top.field.nullValue = a.null
            }
            if (a.ref !== undefined) {
              v.ref = a.ref
              const src = valuesById.get(a.ref)
              if (src && v.null === undefined && src.null !== undefined) {
                v.null = src.null
                top.field.nullValue = src.null
              }
            }
            if (a.ID !== undefined) valuesById.set(a.ID, v)
            top.field.values = v
            frame.values = v
          } else frame.skip = 1
          break
        case 'MIN':
        case 'MAX':
          if (top.values && a.value !== undefined) {
            const incl = a.inclusive === undefined ? undefined : a.inclusive !== 'no' && a.inclusive !== 'false'
            if (name === 'MIN') {
              top.values.min = a.value
              if (incl !== undefined) top.values.minInclusive = incl
            } else {
              top.values.max = a.value
              if (incl !== undefined) top.values.maxInclusive = incl
            }
          }
          frame.skip = 1
          break
        case 'OPTION': {
          const o: ValuesOption = { value: a.value ?? '' }
          if (a.name !== undefined) o.name = a.name
          if (top.values) (top.values.options ??= []).push(o)
          else if (top.option) (top.option.options ??= []).push(o)
          frame.option = o
          break
        }
        case 'INFO': {
          const info: Info = { name: a.name ?? '', value: a.value ?? '' }
          if (a.ID !== undefined) info.id = a.ID
          allInfos.push(info)
          if (parent === 'VOTABLE') {
            doc.infos.push(info)
            if (top.afterResource) trailing.get(top.afterResource)!.push(info)
          } else if (parent === 'RESOURCE') {
            top.resource!.infos.push(info)
            if (top.afterResource) trailing.get(top.afterResource)!.push(info)
          } else if (parent === 'TABLE') top.table!.ownInfos.push(info)
          frame.info = info
          break
        }
        case 'DESCRIPTION':
          break
        case 'LINK': {
          const l: Link = {}
          if (a.href !== undefined) l.href = a.href
          if (a['content-role'] !== undefined) l.contentRole = a['content-role']
          if (a['content-type'] !== undefined) l.contentType = a['content-type']
          if (a.title !== undefined) l.title = a.title
          if (a.value !== undefined) l.value = a.value
          if (a.action !== undefined) l.action = a.action
          if (a.ID !== undefined) l.id = a.ID
          const owner = top.field ?? top.table ?? top.resource
          if (owner) (owner.links ??= []).push(l)
          frame.skip = 1
          break
        }
        case 'COOSYS':
        case 'TIMESYS': {
          const cs: CoordinateSystem = { kind: name, attributes: a }
          if (a.ID !== undefined) cs.id = a.ID
          doc.coordinateSystems.push(cs)
          top.resource?.coordinateSystems.push(cs)
          frame.skip = 1
          break
        }
        case 'DEFINITIONS':
          if (parent !== 'VOTABLE') frame.skip = 1
          else frame.resource = undefined
          break
        case 'DATA': {
          const t = top.table
          if (!t) frame.skip = 1
          else {
            sawData = true
            frame.table = t
            if (t.fields.length === 0 && !t.ref) {
              warn(`table ${t.name ?? t.id ?? doc.tables.length} has DATA but no FIELDs; data ignored`)
              frame.skip = 1
            } else if (t.fields.length === 0 && t.ref) copyRef(t)
          }
          break
        }
        case 'TABLEDATA':
          if (top.name === 'DATA' && top.table) {
            top.table.serialization = 'TABLEDATA'
            const cols = ensureColumns(top.table, here(start), colWarn)
            if (!selfClosing) startSection(new TableDataSection(top.table, cols, label(top.table)))
            return
          }
          frame.skip = 1
          break
        case 'BINARY':
        case 'BINARY2':
          if (top.name === 'DATA' && top.table) {
            top.table.serialization = name
            frame.table = top.table
            frame.binary2 = name === 'BINARY2'
          } else frame.skip = 1
          break
        case 'STREAM':
          if (top.table && (top.name === 'BINARY' || top.name === 'BINARY2')) {
            frame.skip = 1
            if (a.href !== undefined) warn(`table ${top.table.name ?? ''}: external STREAM href="${a.href}" not supported; no rows read`)
            else if (a.encoding !== undefined && a.encoding !== 'base64') warn(`table ${top.table.name ?? ''}: STREAM encoding "${a.encoding}" not supported; no rows read`)
            else if (!selfClosing) {
              const cols = ensureColumns(top.table, here(start), colWarn)
              startSection(new BinaryStreamSection(top.table, cols, top.binary2 === true, label(top.table)))
            }
          } else frame.skip = 1
          break
        case 'FITS':
        case 'PARQUET':
          if (top.table) {
            top.table.serialization = name
            warn(`table ${top.table.name ?? top.table.id ?? ''}: ${name} serialization not supported; no rows read`)
          }
          frame.skip = 1
          break
        default:
          frame.skip = 1
      }
      // carry context for children
      if (!frame.resource && name !== 'DEFINITIONS' && name !== 'TABLE') frame.resource = top.resource
      if (!frame.table && name !== 'RESOURCE') frame.table = top.table
      if (name === 'VALUES' || name === 'OPTION' || name === 'DESCRIPTION' || name === 'LINK') frame.field ??= top.field
      if (name === 'DESCRIPTION' || name === 'PARAM' || name === 'VALUES' || name === 'OPTION') frame.group ??= top.group
      if (name === 'OPTION') frame.values = undefined
      if (selfClosing) onEnd(frame)
      else stack.push(frame)
    }

    const onEnd = (f: Frame): void => {
      const parent = stack[stack.length - 1]
      switch (f.name) {
        case 'TABLE': {
          const t = f.table!
          if (t.fields.length === 0 && t.ref) copyRef(t)
          if (t.columns.length === 0) {
            ensureColumns(t, () => locOf(f), warn)
            for (const c of t.columns) c.finish(0)
          }
          announce(t)
          break
        }
        case 'RESOURCE':
          trailing.set(f.resource!, [])
          parent.afterResource = f.resource
          break
        case 'PARAM':
          if (f.field) finishParam(f.field, () => locOf(f), warn)
          break
        case 'INFO': {
          const c = f.text.trim()
          if (c !== '') f.info!.content = c
          break
        }
        case 'DESCRIPTION': {
          const d = f.text.trim()
          const owner = parent.field ?? (parent.name === 'GROUP' ? parent.group : undefined) ?? (parent.name === 'TABLE' ? parent.table : undefined) ??
            (parent.name === 'RESOURCE' ? parent.resource : undefined) ?? (parent.name === 'VOTABLE' ? doc : undefined)
          if (owner && d !== '') owner.description = d
          else if (parent.name === 'INFO' && d !== '' && parent.text.trim() === '') parent.text = d
          break
        }
      }
    }

    /** decode the open DATA section; false when the window ends first */
    const data = (sec: DataSection): boolean => {
      const before = sec.table.rowCount
      // a row cut by the end of the window is decoded again from the next one: give its warnings once
      let runAt = -1
      let runCounts = new Map<string, number>()
      columnWarn = (m) => {
        const at = abs(sec.rowStart)
        if (at !== runAt) {
          runAt = at
          runCounts = new Map()
        }
        const k = (runCounts.get(m) ?? 0) + 1
        runCounts.set(m, k)
        if (at === warnedRowAt && k <= (warnedRow.get(m) ?? 0)) return
        if (at !== warnedRowAt) {
          warnedRowAt = at
          warnedRow = new Map()
        }
        warnedRow.set(m, k)
        warn(m)
      }
      let over: boolean
      try {
        over = sec.run(sc, warn)
      } finally {
        columnWarn = warn
      }
      const t = sec.table
      if (over) {
        section = null
        if (sec.cut) truncatedData = true
        for (const c of sec.cols) c.finish(t.rowCount)
      }
      if (over || t.rowCount > before) hooks.onRows?.(t, sectionIndex, over)
      return over
    }

    /** process tokens until the window is used up; true at the end of the input */
    const run = (): boolean => {
      if (state === 'prolog') {
        if (!prolog()) return false
        state = 'body'
      }
      for (;;) {
        if (section !== null && !data(section)) return false
        const t = sc.next()
        if (t === START) onStart(sc.name, sc.selfClosing)
        else if (t === END) {
          const top = stack[stack.length - 1]
          if (!top) throw sc.error(`unexpected </${sc.name}> after the end of the VOTABLE element`)
          if (top.skip !== undefined && top.skip > 1) {
            top.skip--
            continue
          }
          if (top.name !== sc.name) throw sc.error(`mismatched end tag </${sc.name}>: expected </${top.name}> (opened at line ${lineOf(top)})`)
          stack.pop()
          onEnd(top)
        } else if (t === TEXT) {
          const top = stack[stack.length - 1]
          if (top && top.skip === undefined) top.text += sc.text
          else if (!top && sc.text.trim() !== '') throw sc.error('text after the end of the VOTABLE element')
        } else if (t === EOF) return true
        else if (t === NEED_MORE) return false
      }
    }

    const finish = (): void => {
      if (stack.length > 0) {
        const open = stack[stack.length - 1]
        if (!sawData && !truncatedData) {
          throw new VOTableError(`unexpected end of input: <${open.name}> opened at line ${lineOf(open)} is not closed`, ...locArgs(sc.locate(sc.s.length)))
        }
        if (!truncatedData) warn(`input ends before </VOTABLE> (inside <${open.name}>)`)
        // close what is open so that tables get their columns
        while (stack.length > 0) {
          const f = stack.pop()!
          if (f.name === 'TABLE' || f.name === 'PARAM') onEnd(f)
        }
      }
      for (const t of doc.tables) {
        const tt = t as VOTableTable
        const r = tt.resource
        tt.infos = r ? [...tt.ownInfos, ...r.infos, ...(trailing.get(r) ?? [])] : tt.ownInfos.slice()
      }
    }

    this.doc = doc
    this.feed = (text: string, final: boolean): void => {
      if (state === 'done') throw new Error('the document is complete; nothing more can be fed')
      // pin the location of open elements before their text is dropped
      if (sc.pos > 0) for (const f of stack) f.loc ??= locOf(f)
      sc.feed(text, final)
      if (run()) {
          state = 'done'
        finish()
      }
    }
    this.result = (): ParseResult => {
      if (state !== 'done') throw new Error('the document is not complete yet')
      return { doc, allInfos }
    }
  }
}

function locArgs(l: TextOrigin): [number, number, number] {
  return [l.position, l.line, l.column]
}
