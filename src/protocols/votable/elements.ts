/**
 * The metadata elements of a VOTable (RESOURCE, TABLE, FIELD, PARAM, GROUP, VALUES, OPTION, INFO, LINK,
 * COOSYS...): each start tag builds its node from the attributes and hangs it on its parent's node.
 * The DATA elements and the open-element stack stay with the document parser (document.ts).
 */
import type {
  CoordinateSystem, Group, Info, Link, Param, Resource, Values, ValuesOption, VOTableDocument,
} from './types'
import type { TextOrigin } from './errors'
import { VOTableTable } from './table'

/** One open element and the nodes its children attach to. */
export interface Frame {
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

/** The document being built and the lookups its elements share. */
export interface DocumentTree {
  doc: VOTableDocument
  /** every INFO in document order */
  allInfos: Info[]
  /** INFOs that follow a closed RESOURCE (they belong to its tables too) */
  trailing: Map<Resource, Info[]>
  /** VALUES by ID, for VALUES ref="..." */
  valuesById: Map<string, Values>
}

type Attributes = Record<string, string>

/** Copy the attributes that are present, in the listed order (attribute name → property name). */
function copyAttributes(target: object, a: Attributes, names: readonly (readonly [string, string])[]): void {
  for (const [attr, prop] of names) if (a[attr] !== undefined) (target as Record<string, string>)[prop] = a[attr]
}

const FIELD_ATTRIBUTES = [
  ['arraysize', 'arraysize'], ['unit', 'unit'], ['ucd', 'ucd'], ['utype', 'utype'], ['xtype', 'xtype'],
  ['ID', 'id'], ['ref', 'ref'], ['width', 'width'], ['precision', 'precision'],
] as const
const TABLE_ATTRIBUTES = [['name', 'name'], ['ID', 'id'], ['ref', 'ref'], ['ucd', 'ucd'], ['utype', 'utype']] as const
const LINK_ATTRIBUTES = [
  ['href', 'href'], ['content-role', 'contentRole'], ['content-type', 'contentType'], ['title', 'title'],
  ['value', 'value'], ['action', 'action'], ['ID', 'id'],
] as const

export function newField(a: Attributes, isParam: boolean, index: number): Param {
  const f: Param = { name: a.name ?? a.ID ?? `col${index + 1}`, datatype: a.datatype ?? '', value: null, rawValue: a.value ?? '' }
  copyAttributes(f, a, FIELD_ATTRIBUTES)
  if (!isParam) {
    delete (f as Partial<Param>).value
    delete (f as Partial<Param>).rawValue
  }
  return f
}

function newResource(a: Attributes): Resource {
  const r: Resource = { infos: [], params: [], groups: [], links: [], coordinateSystems: [], tables: [], resources: [] }
  r.type = a.type ?? 'results'
  copyAttributes(r, a, [['utype', 'utype'], ['ID', 'id'], ['name', 'name']])
  return r
}

function newTable(a: Attributes): VOTableTable {
  const t = new VOTableTable()
  copyAttributes(t, a, TABLE_ATTRIBUTES)
  if (a.nrows !== undefined && /^\s*\d+\s*$/.test(a.nrows)) t.nrows = Number(a.nrows)
  return t
}

function newGroup(a: Attributes): Group {
  const g: Group = { params: [], fieldRefs: [], paramRefs: [], groups: [] }
  copyAttributes(g, a, TABLE_ATTRIBUTES)
  return g
}

/** VALUES of a FIELD/PARAM: its null value (possibly from the VALUES it refers to) becomes the field's. */
function openValues(tree: DocumentTree, field: Param, a: Attributes): Values {
  const v: Values = {}
  if (a.null !== undefined) {
    v.null = a.null
    field.nullValue = a.null
  }
  if (a.ref !== undefined) {
    v.ref = a.ref
    const src = tree.valuesById.get(a.ref)
    if (src && v.null === undefined && src.null !== undefined) {
      v.null = src.null
      field.nullValue = src.null
    }
  }
  if (a.ID !== undefined) tree.valuesById.set(a.ID, v)
  field.values = v
  return v
}

function setBound(values: Values, name: 'MIN' | 'MAX', a: Attributes): void {
  if (a.value === undefined) return
  const incl = a.inclusive === undefined ? undefined : a.inclusive !== 'no' && a.inclusive !== 'false'
  if (name === 'MIN') {
    values.min = a.value
    if (incl !== undefined) values.minInclusive = incl
  } else {
    values.max = a.value
    if (incl !== undefined) values.maxInclusive = incl
  }
}

function openInfo(tree: DocumentTree, top: Frame, a: Attributes): Info {
  const info: Info = { name: a.name ?? '', value: a.value ?? '' }
  if (a.ID !== undefined) info.id = a.ID
  tree.allInfos.push(info)
  if (top.name === 'VOTABLE') {
    tree.doc.infos.push(info)
    if (top.afterResource) tree.trailing.get(top.afterResource)!.push(info)
  } else if (top.name === 'RESOURCE') {
    top.resource!.infos.push(info)
    if (top.afterResource) tree.trailing.get(top.afterResource)!.push(info)
  } else if (top.name === 'TABLE') top.table!.ownInfos.push(info)
  return info
}

/** FIELD (only inside a TABLE) or PARAM, attached to the innermost TABLE, GROUP, RESOURCE or the document. */
function openField(tree: DocumentTree, top: Frame, frame: Frame, isParam: boolean, a: Attributes): void {
  if (!isParam && !top.table) {
    frame.skip = 1
    return
  }
  const field = newField(a, isParam, top.table ? top.table.fields.length : 0)
  frame.field = field
  frame.isParam = isParam
  const holder = top.table ?? top.group ?? top.resource
  if (!isParam) top.table!.fields.push(field)
  else if (top.group) top.group.params.push(field)
  else if (holder) holder.params.push(field)
  else tree.doc.params.push(field)
}

/**
 * Handle the start tag of a metadata element: build its node into `frame` and attach it under `top`
 * (or mark `frame` skipped). False when `name` is not a metadata element (DATA and its parts, unknown elements).
 */
export function openMetadata(tree: DocumentTree, top: Frame, frame: Frame, name: string, a: Attributes): boolean {
  switch (name) {
    case 'RESOURCE': {
      const r = newResource(a)
      if (top.resource) top.resource.resources.push(r)
      else tree.doc.resources.push(r)
      frame.resource = r
      return true
    }
    case 'TABLE': {
      const t = newTable(a)
      t.resource = top.resource
      top.resource?.tables.push(t)
      tree.doc.tables.push(t)
      frame.table = t
      return true
    }
    case 'FIELD':
    case 'PARAM':
      openField(tree, top, frame, name === 'PARAM', a)
      return true
    case 'GROUP': {
      const g = newGroup(a)
      ;(top.group?.groups ?? (top.table ?? top.resource ?? tree.doc).groups).push(g)
      frame.group = g
      return true
    }
    case 'FIELDref':
    case 'PARAMref':
      if (top.group && a.ref !== undefined) (name === 'FIELDref' ? top.group.fieldRefs : top.group.paramRefs).push(a.ref)
      frame.skip = 1
      return true
    case 'VALUES':
      if (top.field) frame.values = openValues(tree, top.field, a)
      else frame.skip = 1
      return true
    case 'MIN':
    case 'MAX':
      if (top.values) setBound(top.values, name, a)
      frame.skip = 1
      return true
    case 'OPTION': {
      const o: ValuesOption = { value: a.value ?? '' }
      if (a.name !== undefined) o.name = a.name
      if (top.values) (top.values.options ??= []).push(o)
      else if (top.option) (top.option.options ??= []).push(o)
      frame.option = o
      return true
    }
    case 'INFO':
      frame.info = openInfo(tree, top, a)
      return true
    case 'DESCRIPTION':
      return true
    case 'LINK': {
      const l: Link = {}
      copyAttributes(l, a, LINK_ATTRIBUTES)
      const owner = top.field ?? top.table ?? top.resource
      if (owner) (owner.links ??= []).push(l)
      frame.skip = 1
      return true
    }
    case 'COOSYS':
    case 'TIMESYS': {
      const cs: CoordinateSystem = { kind: name, attributes: a }
      if (a.ID !== undefined) cs.id = a.ID
      tree.doc.coordinateSystems.push(cs)
      top.resource?.coordinateSystems.push(cs)
      frame.skip = 1
      return true
    }
    case 'DEFINITIONS':
      if (top.name !== 'VOTABLE') frame.skip = 1
      else frame.resource = undefined
      return true
    default:
      return false
  }
}

/** The nodes an element's children attach to, inherited from its parent where it has none of its own. */
export function inheritContext(frame: Frame, top: Frame): void {
  const name = frame.name
  if (!frame.resource && name !== 'DEFINITIONS' && name !== 'TABLE') frame.resource = top.resource
  if (!frame.table && name !== 'RESOURCE') frame.table = top.table
  if (name === 'VALUES' || name === 'OPTION' || name === 'DESCRIPTION' || name === 'LINK') frame.field ??= top.field
  if (name === 'DESCRIPTION' || name === 'PARAM' || name === 'VALUES' || name === 'OPTION') frame.group ??= top.group
  if (name === 'OPTION') frame.values = undefined
}

/** Element text of a closed INFO or DESCRIPTION goes to its node. */
export function closeText(tree: DocumentTree, f: Frame, parent: Frame): void {
  if (f.name === 'INFO') {
    const c = f.text.trim()
    if (c !== '') f.info!.content = c
  } else if (f.name === 'DESCRIPTION') {
    const d = f.text.trim()
    const owner = parent.field ?? (parent.name === 'GROUP' ? parent.group : undefined) ?? (parent.name === 'TABLE' ? parent.table : undefined) ??
      (parent.name === 'RESOURCE' ? parent.resource : undefined) ?? (parent.name === 'VOTABLE' ? tree.doc : undefined)
    if (owner && d !== '') owner.description = d
    else if (parent.name === 'INFO' && d !== '' && parent.text.trim() === '') parent.text = d
  }
}
