/**
 * Test support: compare a parsed document with astropy's reading of the same file
 * (the JSON dump format of the conformance corpus, see __fixtures__/conformance/PROVENANCE.md).
 * Returns a list of differences (empty = match). Rules follow the corpus README:
 * float columns compare as float32, astropy's masked char equals our "" or null,
 * astropy's masked float equals our NaN, integers beyond 2^53 are decimal strings.
 */
import { queryStatus } from '../../protocols/votable/index'
import type { Field, Info, Param, Resource, Table, Value, VOTableDocument } from '../../protocols/votable/types'

type J = null | boolean | number | string | J[] | { [k: string]: J }
interface JField { name: string; datatype: string | null; arraysize: string | null; unit: string | null; ucd: string | null; utype: string | null; xtype: string | null; value?: J }
interface JInfo { name: string; value: string; content: string | null }
interface JGroup { name: string | null; params: JField[]; groups: JGroup[] }
interface JResource { path: string; type: string | null; ID: string | null; name: string | null; utype: string | null; infos: JInfo[]; params: JField[]; groups: JGroup[] }
interface JTable { ID: string | null; name: string | null; row_count: number; fields: JField[]; infos: JInfo[]; params: JField[]; rows: J[][] }
export interface AstropyDump { votable_version: string | null; infos: JInfo[]; params: JField[]; resources: JResource[]; tables: JTable[]; warnings?: { code: string }[] }

/**
 * Value-changing repairs astropy announced for the file (see the corpus ERRORS.md):
 * W49 empty integer cell read as 0, W46/W47 char truncated to arraysize / to 1 character,
 * E02 array padded or truncated to arraysize.  Where astropy repaired, the reader
 * (which keeps what the file says) is compared leniently.
 */
export interface Repairs { w49: boolean; w46: boolean; e02: boolean }
const NONE: Repairs = { w49: false, w46: false, e02: false }

const isFloat32 = (dt: string) => dt === 'float' || dt === 'floatComplex'

function flatten(e: J): J[] {
  return Array.isArray(e) ? e.flatMap((x) => (Array.isArray(x) ? flatten(x) : [x])) : [e]
}

const INTS = new Set(['short', 'int', 'long', 'unsignedByte'])

function scalarMatch(e: J, v: Value, f: Field, rep: Repairs = NONE): boolean {
  const dt = f.datatype
  if (rep.w49 && v === null && e === 0 && INTS.has(dt)) return true
  if (rep.w46 && typeof v === 'string' && typeof e === 'string' && e !== '' && v.startsWith(e)) return true
  if (e === null) {
    if (v === null || v === '') return true
    if (typeof v === 'number' && Number.isNaN(v)) return true
    // astropy masks integer array elements equal to VALUES/@null (we keep the number; floats must be NaN)
    if (typeof v === 'number' && INTS.has(dt) && f.nullValue !== undefined && Number(f.nullValue) === v) return true
    if (typeof v === 'number' && (dt === 'boolean')) return false
    return false
  }
  if (typeof e === 'string') {
    if (e === 'NaN') return typeof v === 'number' && Number.isNaN(v)
    if (e === 'Infinity') return v === Infinity
    if (e === '-Infinity') return v === -Infinity
    if (typeof v === 'bigint') return String(v) === e
    if (typeof v === 'number' && /^-?\d+$/.test(e)) return BigInt(e) === BigInt(v)
    if (v === null) return e === ''
    return v === e
  }
  if (typeof e === 'boolean') return v === e || v === (e ? 1 : 0)
  if (typeof e === 'number') {
    if (typeof v === 'bigint') return BigInt(e) === v
    if (typeof v !== 'number') return false
    if (isFloat32(dt)) return Math.fround(e) === Math.fround(v)
    return e === v || Math.abs(e - v) <= 1e-15 * Math.abs(e)
  }
  return false
}

function isArrayLike(v: Value): v is Value[] | ArrayLike<number> {
  return v !== null && typeof v === 'object'
}

/** Does our cell value v match astropy's e for field f? */
export function cellMatches(e: J, v: Value, f: Field, rep: Repairs = NONE): boolean {
  const complex = f.datatype === 'floatComplex' || f.datatype === 'doubleComplex'
  if (complex && Array.isArray(e) && e.length === 2 && !Array.isArray(e[0]) && isArrayLike(v) && v.length === 2 && !isArrayLike((v as Value[])[0])) {
    return scalarMatch(e[0], (v as Value[])[0] as Value, f, rep) && scalarMatch(e[1], (v as Value[])[1] as Value, f, rep)
  }
  if (e === null && complex && isArrayLike(v) && Array.from(v as ArrayLike<unknown>).some((x) => typeof x === 'number' && Number.isNaN(x))) return true
  if (!Array.isArray(e)) {
    if (isArrayLike(v) && typeof e !== 'string') {
      // astropy reads arraysize="1"-like cells as scalars sometimes
      return v.length === 1 && scalarMatch(e, (v as ArrayLike<Value>)[0], f, rep)
    }
    return scalarMatch(e, v, f, rep)
  }
  if (v === null) return e.length === 0 || rep.e02 || flatten(e).every((x) => x === null || x === '' || (rep.w49 && x === 0))
  if (!isArrayLike(v)) return false
  const fe = complex ? flatten(e) : flatten(e)
  const fv: Value[] = []
  for (let i = 0; i < v.length; i++) {
    const x = (v as ArrayLike<Value>)[i]
    if (isArrayLike(x)) for (let k = 0; k < x.length; k++) fv.push((x as ArrayLike<Value>)[k])
    else fv.push(x)
  }
  if (fe.length !== fv.length && !rep.e02) return false
  for (let i = 0; i < Math.min(fe.length, fv.length); i++) if (!scalarMatch(fe[i], fv[i], f, rep)) return false
  return true
}

/** Tables in astropy's order: a resource's own tables, then its child resources'. */
export function astropyTableOrder(doc: VOTableDocument): Table[] {
  const out: Table[] = []
  const walk = (r: Resource) => {
    out.push(...r.tables)
    r.resources.forEach(walk)
  }
  doc.resources.forEach(walk)
  for (const t of doc.tables) if (!out.includes(t)) out.push(t)
  return out
}

function s(x: string | undefined | null): string | null {
  return x === undefined || x === null ? null : x
}

function compareParams(where: string, exp: JField[], got: Param[], diffs: string[], rep: Repairs): void {
  if (exp.length !== got.length) {
    diffs.push(`${where}: ${got.length} params, astropy ${exp.length}`)
    return
  }
  exp.forEach((p, i) => {
    const g = got[i]
    if (p.name !== g.name || s(p.datatype) !== s(g.datatype || null)) diffs.push(`${where} param ${i}: ${g.name}/${g.datatype} vs ${p.name}/${p.datatype}`)
    // numeric params with value="" are zeros in astropy (E02): lenient
    else if (!cellMatches(p.value ?? null, g.value, g, rep) && !(g.rawValue.trim() === '' && g.value === null)) {
      diffs.push(`${where} param ${p.name}: value ${JSON.stringify(String(g.value))} vs ${JSON.stringify(p.value)}`)
    }
  })
}

function compareInfos(where: string, exp: JInfo[], got: Info[], diffs: string[], prefixOnly = false): void {
  if (prefixOnly ? got.length < exp.length : got.length !== exp.length) {
    diffs.push(`${where}: ${got.length} infos, astropy ${exp.length}`)
    return
  }
  exp.forEach((e, i) => {
    const g = got[i]
    if (e.name !== g.name || (e.value ?? '') !== g.value || (e.content ?? '').trim() !== (g.content ?? '')) {
      diffs.push(`${where} info ${i}: ${JSON.stringify([g.name, g.value, g.content])} vs ${JSON.stringify([e.name, e.value, e.content])}`)
    }
  })
}

export function compareWithAstropy(doc: VOTableDocument, exp: AstropyDump, maxCellDiffs = 5): string[] {
  const diffs: string[] = []
  const codes = new Set((exp.warnings ?? []).map((w) => w.code))
  const rep: Repairs = { w49: codes.has('W49'), w46: codes.has('W46') || codes.has('W47'), e02: codes.has('E02') }
  if (doc.version !== undefined && doc.version.replace(/^v/, '') !== exp.votable_version && exp.votable_version !== null) diffs.push(`version ${doc.version} vs ${exp.votable_version}`)
  compareInfos('top', exp.infos, doc.infos, diffs)
  compareParams('top', exp.params, doc.params, diffs, rep)
  // resources depth-first
  const res: Resource[] = []
  const walk = (r: Resource) => {
    res.push(r)
    r.resources.forEach(walk)
  }
  doc.resources.forEach(walk)
  if (res.length !== exp.resources.length) diffs.push(`${res.length} resources, astropy ${exp.resources.length}`)
  else {
    exp.resources.forEach((er, i) => {
      const r = res[i]
      const w = `resource ${er.path}`
      if (s(r.type) !== er.type || s(r.id) !== er.ID || s(r.name) !== er.name || s(r.utype) !== er.utype) diffs.push(`${w}: attributes ${JSON.stringify([r.type, r.id, r.name, r.utype])} vs ${JSON.stringify([er.type, er.ID, er.name, er.utype])}`)
      compareInfos(w, er.infos, r.infos, diffs)
      compareParams(w, er.params, r.params, diffs, rep)
      if (er.groups.length !== r.groups.length) diffs.push(`${w}: ${r.groups.length} groups, astropy ${er.groups.length}`)
      else er.groups.forEach((g, k) => compareParams(`${w} group ${g.name}`, g.params, r.groups[k].params, diffs, rep))
    })
  }
  const tables = astropyTableOrder(doc)
  if (tables.length !== exp.tables.length) {
    diffs.push(`${tables.length} tables, astropy ${exp.tables.length}`)
    return diffs
  }
  exp.tables.forEach((et, ti) => {
    const t = tables[ti]
    const w = `table ${ti}`
    compareInfos(w, et.infos, t.infos, diffs, true)
    compareParams(w, et.params, t.params, diffs, rep)
    if (et.fields.length !== t.fields.length) {
      diffs.push(`${w}: ${t.fields.length} fields, astropy ${et.fields.length}`)
      return
    }
    et.fields.forEach((ef, k) => {
      const f = t.fields[k]
      for (const key of ['name', 'datatype', 'arraysize', 'unit', 'ucd', 'utype', 'xtype'] as const) {
        if (s(f[key]) !== ef[key]) diffs.push(`${w} field ${k} ${key}: ${f[key]} vs ${ef[key]}`)
      }
    })
    if (t.rowCount !== et.row_count) {
      diffs.push(`${w}: ${t.rowCount} rows, astropy ${et.row_count}`)
      return
    }
    let n = 0
    for (let r = 0; r < et.rows.length && n < maxCellDiffs; r++) {
      for (let c = 0; c < t.fields.length && n < maxCellDiffs; c++) {
        const v = t.value(r, c)
        if (!cellMatches(et.rows[r][c], v, t.fields[c], rep)) {
          n++
          const shown = typeof v === 'bigint' ? `${v}n` : isArrayLike(v) ? JSON.stringify(Array.from(v as ArrayLike<unknown>, (x) => (typeof x === 'bigint' ? String(x) : x))) : JSON.stringify(v)
          diffs.push(`${w} row ${r} col ${c} (${t.fields[c].name}, ${t.fields[c].datatype}${t.fields[c].arraysize ? '[' + t.fields[c].arraysize + ']' : ''}): ${shown} vs ${JSON.stringify(et.rows[r][c])}`)
        }
      }
    }
  })
  // QUERY_STATUS: the last one astropy saw, in (top, resources, tables) order
  const all: JInfo[] = [...exp.infos, ...exp.resources.flatMap((r) => r.infos), ...exp.tables.flatMap((t) => t.infos)]
  const st = all.filter((i) => i.name === 'QUERY_STATUS').map((i) => i.value.trim().toUpperCase()).filter((v) => v === 'OK' || v === 'OVERFLOW' || v === 'ERROR')
  const ours = queryStatus(doc).status
  if (st.length > 0 && !(st as (string | undefined)[]).includes(ours)) diffs.push(`QUERY_STATUS ${ours} vs astropy ${st.join(',')}`)
  if (st.length === 0 && ours !== undefined) diffs.push(`QUERY_STATUS ${ours}, astropy none`)
  return diffs
}
