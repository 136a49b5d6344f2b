import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseLinks } from '../../protocols/datalink'
import { parseVOTable } from '../../protocols/votable'
import { readHeaderText, primaryHduBytes, axes } from './fitsHeader'
import { calSelectorStyleOf, linkedDpId, sectionsOf } from './groups'

const links = (path: string) => parseLinks(parseVOTable(readFileSync(new URL(path, import.meta.url))))

describe('sections of a DataLink document', () => {
  it("puts ESO's links into plain-words sections, the progenitor list under provenance", () => {
    const r = links('../../protocols/datalink/__fixtures__/eso-links.xml')
    const s = sectionsOf(r.rows, r.descriptors)
    expect(s.map((x) => [x.title, x.entries.length])).toEqual([
      ['The file itself', 1], ['Previews', 2], ['Provenance: the files it was made from', 1], ['Ancillary files', 1], ['Documentation', 1], ['Cutouts and processing', 1],
    ])
    expect(s[2]!.entries[0]!.group).toBe('progenitor-list')
    expect(s[5]!.entries[0]!.group).toBe('cutout')
  })
  it("DaCHS's cube: #proc with a SODA descriptor counts as a cutout; error rows get their own section", () => {
    const r = links('../../protocols/datalink/__fixtures__/dachs-dlmeta-muse-cube.xml')
    expect(sectionsOf(r.rows, r.descriptors).find((x) => x.id === 'cutout')!.entries[0]!.group).toBe('cutout')
    const err = sectionsOf([{ id: 'x', semantics: '#this', errorMessage: 'NotFoundFault: No product with this ID' }], [])
    expect(err.map((x) => x.title)).toEqual(['Errors'])
  })
})

describe('helpers', () => {
  it('finds the dp_id of a linked raw frame in the description or the file name', () => {
    expect(linkedDpId({ description: 'File used to generate the requested file (processing provenance): FORS2.2021-05-04T05:10:01.000' })).toBe('FORS2.2021-05-04T05:10:01.000')
    expect(linkedDpId({ accessUrl: 'http://h/eso/q/files/static/raw/MUSE.2020-02-15T03_49_32.000.fits' })).toBe('MUSE.2020-02-15T03:49:32.000')
    expect(linkedDpId({ description: 'Product README', accessUrl: 'http://h/aux/README.txt' })).toBeUndefined()
  })
  it("tells ESO's calSelector from a DataLink-style one", () => {
    expect(calSelectorStyleOf('https://archive.eso.org/calselector/v1/associations')).toBe('eso')
    expect(calSelectorStyleOf('http://127.0.0.1:18080/eso/q/calselector/dlmeta')).toBe('datalink')
  })
})

describe('FITS header of a cutout (KIND=HEADER)', () => {
  const card = (s: string) => s.padEnd(80)
  const header = (cards: string[]) => new TextEncoder().encode([...cards, 'END'].map(card).join('').padEnd(2880))
  it('reads the axes and the size of the primary HDU', () => {
    const h = readHeaderText(header(['SIMPLE  =                    T', 'BITPIX  =                  -32', 'NAXIS   =                    3', 'NAXIS1  =                   50', 'NAXIS2  =                   50', 'NAXIS3  =                    8']))
    expect(axes(h.header)).toEqual([50, 50, 8])
    expect(h.lines).toHaveLength(7)
    expect(h.lines.at(-1)).toBe('END')
    expect(primaryHduBytes(h)).toBe(2880 + Math.ceil((50 * 50 * 8 * 4) / 2880) * 2880)
  })
  it('refuses what is not a FITS header', () => {
    expect(() => readHeaderText(new TextEncoder().encode('UsageError: Field SCALE'.padEnd(2880)))).toThrow(/Not a FITS header/)
  })
})
