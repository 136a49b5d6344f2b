/**
 * Conformance: real VOTables from many archives (see __fixtures__/conformance/PROVENANCE.md),
 * compared with astropy's reading of each.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compareWithAstropy } from '../../test-support/votable/astropy-compare'
import type { AstropyDump } from '../../test-support/votable/astropy-compare'
import { VOTableError, parseVOTable, queryStatus } from './index'

const DIR = join(__dirname, '__fixtures__', 'conformance')
const manifest = readFileSync(join(DIR, 'MANIFEST.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { file: string; status: string })
  .filter((m) => m.file.startsWith('files/'))
  .map((m) => ({ name: m.file.slice('files/'.length), status: m.status }))
const withOracle = new Set(readdirSync(join(DIR, 'expected')).map((f) => f.replace(/\.json$/, '')))

function load(name: string): Uint8Array {
  const buf = readFileSync(join(DIR, 'files', name))
  return buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf
}

function expected(name: string): AstropyDump {
  return JSON.parse(readFileSync(join(DIR, 'expected', `${name}.json`), 'utf8')) as AstropyDump
}

describe('the whole conformance corpus', () => {
  it('holds every VOTable of the corpus, each one astropy reads with its dump', () => {
    expect(manifest.length).toBe(211)
    expect(manifest.filter((m) => m.status === 'ok').length).toBe(161)
    for (const m of manifest) if (m.status !== 'astropy-error') expect(withOracle.has(m.name), m.name).toBe(true)
  })

  // "ok": astropy reads it without repairs; "lenient": astropy repairs values (the comparison knows which);
  // "astropy-5.2.1-wrong" and two astropy-error files: compared with astropy 8.0.1's dump (see PROVENANCE.md)
  for (const { name, status } of manifest.filter((m) => withOracle.has(m.name))) {
    it(`matches astropy (${status}): ${name}`, () => {
      const doc = parseVOTable(load(name))
      expect(compareWithAstropy(doc, expected(name))).toEqual([])
    })
  }
})

describe('VALUES null on floating-point fields', () => {
  it('masks float and double array elements equal to the null value, as astropy does', () => {
    const xml = (rows: string) => `<?xml version="1.0"?><VOTABLE version="1.4"><RESOURCE><TABLE>
      <FIELD name="d" datatype="double" arraysize="*"><VALUES null="-1.0"/></FIELD>
      <FIELD name="f" datatype="float" arraysize="2"><VALUES null="-1"/></FIELD>
      <FIELD name="s" datatype="double"><VALUES null="-1"/></FIELD>
      <DATA><TABLEDATA>${rows}</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`
    const t = parseVOTable(xml('<TR><TD>1 -1 2.5</TD><TD>-1 0.5</TD><TD>-1</TD></TR>')).tables[0]
    expect(Array.from(t.value(0, 0) as ArrayLike<number>)).toEqual([1, NaN, 2.5])
    expect(Array.from(t.value(0, 1) as ArrayLike<number>)).toEqual([NaN, 0.5])
    expect(t.value(0, 2)).toBe(null)
  })
})

describe('the comparison can fail', () => {
  it('reports a changed cell, row count, field and QUERY_STATUS', () => {
    const name = 'votjl__test-binary2.vot'
    const doc = parseVOTable(load(name))
    const exp = expected(name)
    exp.tables[0].rows[0][1] = 12345.5
    exp.tables[0].fields[0].name = 'renamed'
    exp.infos.push({ name: 'QUERY_STATUS', value: 'ERROR', content: null })
    const d = compareWithAstropy(doc, exp)
    expect(d.some((x) => x.includes('row 0 col 1'))).toBe(true)
    expect(d.some((x) => x.includes('field 0 name'))).toBe(true)
    expect(d.some((x) => x.includes('QUERY_STATUS'))).toBe(true)
    const exp2 = expected(name)
    exp2.tables[0].row_count += 1
    expect(compareWithAstropy(doc, exp2).some((x) => x.includes('rows, astropy'))).toBe(true)
  })
})

describe('documents astropy cannot read', () => {
  const err = (name: string): VOTableError => {
    try {
      parseVOTable(load(name))
    } catch (e) {
      expect(e).toBeInstanceOf(VOTableError)
      return e as VOTableError
    }
    throw new Error(`${name} parsed without error`)
  }

  it('rejects an unknown datatype, naming field and line', () => {
    const e = err('astropy__io_votable__custom_datatype.xml')
    expect(e.message).toContain('"foo"')
    expect(e.message).toContain('"bar"')
    expect(e.line).toBe(10)
  })

  it('rejects a row with more cells than FIELDs', () => {
    const e = err('astropy__io_votable__too_many_columns.xml.gz')
    expect(e.message).toMatch(/row 1 has more cells than the 41 FIELDs/)
    expect(e.line).toBe(137)
    const e2 = err('cdsvotrs__mivot_snippets__test_rich_instance_ko_1_votable.xml')
    expect(e2.message).toMatch(/row 1 has more cells than the 1 FIELDs/)
  })

  it('rejects malformed XML (unescaped quote in an attribute)', () => {
    const e = err('astroquery__esa_hubble__J6FL25S4Q.vot.test')
    expect(e.message).toContain('<INFO> tag that starts at line 2')
    expect(e.line).toBeGreaterThan(2)
  })

  it('reads 2-D char arrays (arraysize "10x2", "5x2" unicodeChar, "10x4" UTF-8)', () => {
    const t = parseVOTable(load('cdsvotrs__unicode.vot')).tables[0]
    expect(t.rowCount).toBe(4)
    expect(t.value(0, 3)).toEqual(['A123456789', 'a123456789'])
    expect(t.value(1, 3)).toEqual(['Βητα..', 'beta......'])
    expect(t.value(2, 7)).toEqual(['Γꙮ...', 'ABCDE'])
    expect(t.value(3, 3)).toBe(null)
    const u = parseVOTable(load('cdsvotrs__vot_utf8_array_dt.xml')).tables[0]
    expect(u.value(1, 0)).toEqual(['Valletta..', 'Coll. Park', 'Görlitz..', 'Strasbourg'])
  })

  it('reads char arraysize "100x*" (ESA Euclid) as a list of strings', () => {
    const t = parseVOTable(load('astroquery__esa_euclid__test_get_scientific_product_list.vot')).tables[0]
    const col = t.fields.findIndex((f) => f.name === 'checksum_list')
    const v = t.value(0, col) as string[]
    expect(v).toHaveLength(4)
    expect(v[0]).toBe('cf3b5cecf7ed6c3ba30716291055592d')
  })

  it('reads STIL 2-D char and fixed arrays', () => {
    const t = parseVOTable(load('cdsvotrs__stilts_all_but_k_test.vot')).tables[0]
    const f = (n: string) => t.fields.findIndex((x) => x.name === n)
    expect(t.value(0, f('f_string'))).toEqual(['foo', '', 'zero'])
    expect(Array.from(t.value(1, f('m_double')) as ArrayLike<number>)).toEqual([1.25, 1.5, 1.75, -1.25, -1.5, -1.75])
    expect(t.value(1, f('f_byte'))).toBe(null)
  })
})

describe('TAP status in real documents', () => {
  it('OVERFLOW after the table (KOA) and ERROR messages', () => {
    expect(queryStatus(parseVOTable(load('cssearth__koa-empty-overflow.xml'))).status).toBe('OVERFLOW')
    expect(queryStatus(parseVOTable(load('pyvo__dal_query__overflowstatus.xml'))).status).toBe('OVERFLOW')
    const e = queryStatus(parseVOTable(load('pyvo__mivot__test.photcal_error.xml')))
    expect(e).toEqual({ status: 'ERROR', message: 'PhotCalID not found: zaada' })
  })
})
