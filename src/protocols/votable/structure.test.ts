import { describe, expect, it } from 'vitest'
import { parseVOTable, queryStatus } from './index'
import { tabledata } from '../../test-support/votable/build'

const DATALINK = `<?xml version="1.0" encoding="UTF-8"?>
<VOTABLE version="1.3" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
  <INFO name="top" value="1"/>
  <RESOURCE type="results">
    <INFO name="QUERY_STATUS" value="OK"/>
    <COOSYS ID="sys" system="ICRS"/>
    <TIMESYS ID="ts" timeorigin="0" timescale="TT" refposition="BARYCENTER"/>
    <TABLE name="links" ID="t1">
      <DESCRIPTION>The links</DESCRIPTION>
      <FIELD name="ID" datatype="char" arraysize="*" ucd="meta.id;meta.main"><DESCRIPTION>identifier</DESCRIPTION>
        <LINK content-role="doc" href="http://x/doc"/></FIELD>
      <FIELD name="service_def" datatype="char" arraysize="*"/>
      <PARAM name="p" datatype="int" value="42" unit="s"/>
      <GROUP name="g"><FIELDref ref="ID"/><PARAM name="gp" datatype="double" arraysize="2" value="1 2"/></GROUP>
      <DATA><TABLEDATA><TR><TD>ivo://a</TD><TD>soda</TD></TR></TABLEDATA></DATA>
      <INFO name="inside" value="x"/>
    </TABLE>
    <INFO name="QUERY_STATUS" value="OVERFLOW">limit reached</INFO>
  </RESOURCE>
  <RESOURCE ID="soda" type="meta" utype="adhoc:service">
    <PARAM name="standardID" datatype="char" arraysize="*" value="ivo://ivoa.net/std/SODA#sync-1.0"/>
    <PARAM name="accessURL" datatype="char" arraysize="*" value="https://dataportal.eso.org/soda?a=1&amp;b=2"/>
    <GROUP name="inputParams">
      <PARAM name="ID" datatype="char" arraysize="*" ref="ID" value=""/>
      <PARAM name="CIRCLE" datatype="double" arraysize="3" xtype="circle" unit="deg" value="">
        <VALUES><MIN value="0 -90 0"/><MAX value="360 90 180" inclusive="no"/></VALUES></PARAM>
      <PARAM name="POL" datatype="char" arraysize="*" value="">
        <VALUES><OPTION name="Stokes I" value="I"/><OPTION value="Q"/></VALUES></PARAM>
    </GROUP>
    <RESOURCE name="nested"><TABLE name="inner"><FIELD name="x" datatype="short"/><DATA><TABLEDATA><TR><TD>3</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE>
  </RESOURCE>
  <RESOURCE><TABLE name="third"><FIELD name="y" datatype="int"/></TABLE></RESOURCE>
</VOTABLE>`

describe('document structure', () => {
  const doc = parseVOTable(DATALINK)

  it('lists every TABLE in document order and the RESOURCE tree', () => {
    expect(doc.version).toBe('1.3')
    expect(doc.tables.map((t) => t.name)).toEqual(['links', 'inner', 'third'])
    expect(doc.resources.map((r) => r.type)).toEqual(['results', 'meta', 'results'])
    expect(doc.resources[1].resources[0].name).toBe('nested')
    expect(doc.resources[1].resources[0].tables[0].value(0, 0)).toBe(3)
    expect(doc.tables[2].rowCount).toBe(0)
    expect(doc.infos).toEqual([{ name: 'top', value: '1' }])
  })

  it('reads FIELD, PARAM, GROUP, LINK, DESCRIPTION, COOSYS and TIMESYS', () => {
    const t = doc.tables[0]
    expect(t.id).toBe('t1')
    expect(t.description).toBe('The links')
    expect(t.fields[0]).toMatchObject({ name: 'ID', datatype: 'char', arraysize: '*', ucd: 'meta.id;meta.main', description: 'identifier' })
    expect(t.fields[0].links).toEqual([{ contentRole: 'doc', href: 'http://x/doc' }])
    expect(t.params[0]).toMatchObject({ name: 'p', value: 42, unit: 's' })
    expect(t.groups[0].fieldRefs).toEqual(['ID'])
    expect(Array.from(t.groups[0].params[0].value as Float64Array)).toEqual([1, 2])
    expect(doc.coordinateSystems.map((c) => [c.kind, c.id])).toEqual([['COOSYS', 'sys'], ['TIMESYS', 'ts']])
    expect(doc.resources[0].coordinateSystems[0].attributes.system).toBe('ICRS')
  })

  it('exposes DataLink service descriptors with inputParams and VALUES', () => {
    const sd = doc.resources[1]
    expect(sd).toMatchObject({ id: 'soda', type: 'meta', utype: 'adhoc:service' })
    expect(sd.params.map((p) => [p.name, p.value])).toEqual([
      ['standardID', 'ivo://ivoa.net/std/SODA#sync-1.0'],
      ['accessURL', 'https://dataportal.eso.org/soda?a=1&b=2'],
    ])
    const inp = sd.groups.find((g) => g.name === 'inputParams')!
    expect(inp.params.map((p) => p.name)).toEqual(['ID', 'CIRCLE', 'POL'])
    expect(inp.params[0]).toMatchObject({ ref: 'ID', value: '' })
    expect(inp.params[1].values).toEqual({ min: '0 -90 0', max: '360 90 180', maxInclusive: false })
    expect(inp.params[1].value).toBe(null)
    expect(inp.params[2].values?.options).toEqual([{ name: 'Stokes I', value: 'I' }, { value: 'Q' }])
  })

  it('gives a table the INFOs inside it and those of its RESOURCE, before or after it', () => {
    expect(doc.tables[0].infos.map((i) => i.name + '=' + i.value)).toEqual(['inside=x', 'QUERY_STATUS=OK', 'QUERY_STATUS=OVERFLOW'])
    expect(doc.resources[0].infos.map((i) => i.value)).toEqual(['OK', 'OVERFLOW'])
  })
})

describe('queryStatus', () => {
  it('takes the last QUERY_STATUS (DaCHS: OK before the table, OVERFLOW after)', () => {
    expect(queryStatus(parseVOTable(DATALINK))).toEqual({ status: 'OVERFLOW', message: 'limit reached' })
  })

  it('reads ERROR with its message, a status after </RESOURCE>, and none', () => {
    const err = parseVOTable('<VOTABLE><RESOURCE type="results"><INFO name="QUERY_STATUS" value="ERROR">  Table "foo" not found  </INFO></RESOURCE></VOTABLE>')
    expect(queryStatus(err)).toEqual({ status: 'ERROR', message: 'Table "foo" not found' })
    const after = parseVOTable(tabledata([{ datatype: 'int' }], [['1']]).replace('</VOTABLE>', '<INFO name="QUERY_STATUS" value="OVERFLOW"/></VOTABLE>'))
    expect(queryStatus(after).status).toBe('OVERFLOW')
    expect(after.tables[0].infos.map((i) => i.value)).toEqual(['OVERFLOW'])
    expect(queryStatus(parseVOTable(tabledata([{ datatype: 'int' }], [['1']])))).toEqual({ status: undefined })
  })

  it('works on a document built by hand', () => {
    const doc = parseVOTable('<VOTABLE/>')
    doc.infos.push({ name: 'QUERY_STATUS', value: 'ok' })
    expect(queryStatus({ ...doc }).status).toBe('OK')
  })
})

describe('XML features', () => {
  it('reads vot:-prefixed elements, comments, CDATA and entities', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE VOTABLE>
<!-- a comment -->
<vot:VOTABLE version="1.2" xmlns:vot="http://www.ivoa.net/xml/VOTable/v1.2">
 <vot:RESOURCE><vot:TABLE>
  <vot:FIELD name="a&amp;b" datatype="char" arraysize="*"/>
  <vot:FIELD name="n" datatype="int"/>
  <vot:DATA><vot:TABLEDATA>
   <!-- rows follow -->
   <vot:TR><vot:TD><![CDATA[<x> & y]]></vot:TD><vot:TD>1</vot:TD></vot:TR>
   <vot:TR><vot:TD>a<!-- c -->b&#65;</vot:TD><vot:TD/></vot:TR>
  </vot:TABLEDATA></vot:DATA>
 </vot:TABLE></vot:RESOURCE>
</vot:VOTABLE>`
    const t = parseVOTable(xml).tables[0]
    expect(t.fields[0].name).toBe('a&b')
    expect(t.value(0, 0)).toBe('<x> & y')
    expect(t.value(1, 0)).toBe('abA')
    expect(t.value(0, 1)).toBe(1)
    expect(t.value(1, 1)).toBe(null)
  })

  it('decodes bytes: UTF-8 with BOM, ISO-8859-1 declared, ArrayBuffer input, CRLF', () => {
    const xml = tabledata([{ datatype: 'char', arraysize: '*' }], [['Görlitz']])
    const utf8 = new TextEncoder().encode('\uFEFF' + xml)
    expect(parseVOTable(utf8).tables[0].value(0, 0)).toBe('Görlitz')
    expect(parseVOTable(utf8.buffer.slice(0)).tables[0].value(0, 0)).toBe('Görlitz')
    const latin = xml.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>')
    const bytes = Uint8Array.from(latin, (c) => c.charCodeAt(0))
    expect(parseVOTable(bytes).tables[0].value(0, 0)).toBe('Görlitz')
    const crlf = parseVOTable('<VOTABLE>\r\n<INFO name="a" value="x\r\ny">l1\r\nl2</INFO></VOTABLE>')
    expect(crlf.infos[0]).toEqual({ name: 'a', value: 'x y', content: 'l1\nl2' })
  })

  it('reads a TD with encoding="base64" (VOTable 1.1)', () => {
    const t = parseVOTable(tabledata([{ datatype: 'float' }], [['1']]).replace('<TD>1</TD>', '<TD encoding="base64">P4AAAA==</TD>')).tables[0]
    expect(t.value(0, 0)).toBe(1)
  })

  it('reuses FIELDs of TABLE ref and resolves VALUES ref', () => {
    const xml = `<VOTABLE><RESOURCE><TABLE ID="main"><FIELD name="a" datatype="int"><VALUES ID="nv" null="-1"/></FIELD>
      <FIELD name="b" datatype="int"><VALUES ref="nv"/></FIELD></TABLE>
      <TABLE ref="main"><DATA><TABLEDATA><TR><TD>-1</TD><TD>-1</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`
    const t = parseVOTable(xml).tables[1]
    expect(t.fields.map((f) => f.name)).toEqual(['a', 'b'])
    expect([t.value(0, 0), t.value(0, 1)]).toEqual([null, null])
  })
})
