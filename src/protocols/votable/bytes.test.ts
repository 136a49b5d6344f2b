import { describe, expect, it } from 'vitest'
import { decodeBase64Bytes, parseBytes } from './bytes'
import { VOTableError, parseVOTable } from './index'
import { textDecoderFor } from './text'
import { W, binary, snapshot } from '../../test-support/votable/build'

const enc = new TextEncoder()
const fields = [{ datatype: 'int' }, { datatype: 'double' }, { datatype: 'char', arraysize: '*' }]

function rows(n: number): Uint8Array {
  const w = new W()
  for (let i = 0; i < n; i++) {
    w.u8(i % 7 === 0 ? 0x40 : 0).i32(i).f64(i / 3)
    const s = `row ${i} ${'x'.repeat(i % 13)}`
    w.i32(s.length).ascii(s)
  }
  return w.data
}

/** parseVOTable of the bytes (byte path) and of the same text (text path), or the error each throws */
function both(text: string): [unknown, unknown] {
  const run = (input: string | Uint8Array): unknown => {
    try {
      return snapshot(parseVOTable(input))
    } catch (e) {
      if (!(e instanceof VOTableError)) throw e
      return [e.message, e.position, e.line, e.column]
    }
  }
  return [run(enc.encode(text)), run(text)]
}

describe('base64 STREAM content read from bytes', () => {
  it('decodes plain, wrapped and padded base64 like atob', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 100, 1001]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255)
      let b64 = btoa(String.fromCharCode(...data))
      for (const wrapped of [b64, b64.replace(/(.{60})/g, '$1\n'), b64.replace(/(.{16})/g, '$1\r\n  '), ` \t${b64}\n`]) {
        const u8 = enc.encode(wrapped)
        const r = decodeBase64Bytes(u8, 0, u8.length)
        expect(r && Array.from(r.bytes)).toEqual(Array.from(data))
      }
      b64 = ''
    }
  })

  it('counts characters and lines as the normalized text has them', () => {
    const u8 = enc.encode('QUJD\r\nREVG\rR0hJ\nSktM  ')
    const r = decodeBase64Bytes(u8, 0, u8.length)!
    expect([r.chars, r.lines, r.tail]).toEqual([u8.length - 1, 3, 6])
  })

  it('refuses what is not complete, plain base64', () => {
    for (const bad of ['QUJ', 'QU=D', 'QQ==QUJD', 'QUJD!', 'QUJDé', 'Q===']) {
      const u8 = enc.encode(bad)
      expect(decodeBase64Bytes(u8, 0, u8.length)).toBeNull()
    }
  })

  it('gives the document the text path gives', () => {
    const doc = binary(fields, rows(500))
    const u8 = enc.encode(doc)
    expect(parseBytes(u8, textDecoderFor(u8))).toBeDefined()
    const [a, b] = both(doc)
    expect(a).toEqual(b)
    expect(both(doc.replace(/\n/g, '\r\n'))[0]).toEqual(both(doc.replace(/\n/g, '\r\n'))[1])
  })

  it('gives the same errors and warnings (with their lines and columns) as the text path', () => {
    const good = binary(fields, rows(50))
    const cases = [
      good.replace('</TABLE>', '</TABEL>'), // error after the stream
      good.replace('</VOTABLE>', '</VOTABLE><x'), // error after the stream, on the same line
      good.replace('</STREAM>', '!</STREAM>'), // invalid base64
      good.replace('</STREAM>', 'QUJ</STREAM>'), // bytes after the last row
      good.replace('</STREAM></BINARY2></DATA></TABLE></RESOURCE></VOTABLE>', ''), // cut inside the stream
      good.replace('</RESOURCE>', '<PARAM name="p" datatype="nonsense" value="1"/></RESOURCE>'), // located warning after the stream
      good.replace('<STREAM encoding="base64">', '<!-- <STREAM> --><STREAM encoding="base64">'),
      good + good.replace(/^<\?xml[^>]*>/, ''),
    ]
    for (const doc of cases) {
      const [a, b] = both(doc)
      expect(a).toEqual(b)
    }
    // the located warning came from the byte path
    const u8 = enc.encode(cases[5])
    const r = parseBytes(u8, textDecoderFor(u8))
    expect(r?.doc.warnings.join()).toMatch(/line \d+, column \d+/)
  })

  it('decodes a stream of many blocks (rows and null flags across block ends, wrapped or not) as the text path does', () => {
    const doc = binary(fields, rows(30000))
    const wrapped = doc.replace(/(<STREAM[^>]*>)([^<]*)/, (_, tag: string, b64: string) => tag + b64.replace(/(.{76})/g, '$1\r\n'))
    for (const d of [doc, wrapped]) {
      const u8 = enc.encode(d)
      expect(u8.length).toBeGreaterThan(4 * (1 << 18))
      expect(parseBytes(u8, textDecoderFor(u8))?.doc.tables[0].rowCount).toBe(30000)
      const [a, b] = both(d)
      expect(a).toEqual(b)
    }
  })

  it('finds a STREAM with a namespace prefix', () => {
    const doc = binary(fields, rows(40)).replace(/<(\/?)([A-Z][A-Z0-9]*)/g, '<$1v:$2').replace('<v:VOTABLE', '<v:VOTABLE xmlns:v="http://www.ivoa.net/xml/VOTable/v1.3"')
    const u8 = enc.encode(doc)
    expect(parseBytes(u8, textDecoderFor(u8))?.doc.tables[0].rowCount).toBe(40)
    const [a, b] = both(doc)
    expect(a).toEqual(b)
  })

  it('reads several tables with streams', () => {
    const one = binary(fields, rows(30))
    const table = one.slice(one.indexOf('<TABLE>'), one.indexOf('</RESOURCE>'))
    const doc = one.replace('</RESOURCE>', table + table.replace(/row /g, 'row ') + '</RESOURCE>')
    const [a, b] = both(doc)
    expect(a).toEqual(b)
    expect(parseVOTable(enc.encode(doc)).tables.length).toBe(3)
  })
})
