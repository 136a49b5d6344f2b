import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FormatError } from '../errors'
import { parseVOTable } from '../votable'
import { bindInputParams, descriptorFor, parseLinks, parseServiceDescriptors, userParams } from './index'

const read = (path: string) => parseVOTable(readFileSync(new URL(path, import.meta.url)))

describe('service descriptors', () => {
  it("reads ESO's SODA descriptor: fixed ID (meta.id;meta.dataset, no ref), CIRCLE default 0 0 0 is a placeholder, MAX is the footprint", () => {
    const doc = read('./__fixtures__/eso-links.xml')
    const [d] = parseServiceDescriptors(doc)
    expect(d).toMatchObject({
      id: 'ADP.2026-08-19T13:19:07.647_soda',
      accessUrl: 'https://dataportal.eso.org/dataPortal/soda/sync',
      standardId: 'ivo://ivoa.net/std/SODA#sync-1.0',
      kind: 'soda-sync',
    })
    const [id, circle] = d!.inputParams
    expect(id).toMatchObject({ name: 'ID', ucd: 'meta.id;meta.dataset', fixedValue: 'ivo://eso.org/ID?ADP.2026-08-19T13:19:07.647' })
    expect(id!.ref).toBeUndefined()
    expect(circle).toMatchObject({ name: 'CIRCLE', xtype: 'circle', unit: 'deg', arraysize: '3', datatype: 'double', max: [88.7929375, 7.40706500029762, 0.002048] })
    expect(circle!.fixedValue).toBeUndefined()
    expect(circle!.defaultValue).toBeUndefined()
    expect(userParams(d!).map((p) => p.name)).toEqual(['CIRCLE'])
    expect(bindInputParams(d!)).toEqual({ ID: 'ivo://eso.org/ID?ADP.2026-08-19T13:19:07.647' })
    const links = parseLinks(doc)
    expect(descriptorFor(links.descriptors, links.rows[1]!.serviceDef)).toBe(links.descriptors[0])
  })

  it("reads DaCHS's cube descriptor: intervals with MIN/MAX, options, polygon footprint", () => {
    const [d] = parseServiceDescriptors(read('./__fixtures__/dachs-dlmeta-muse-cube.xml'))
    const by = Object.fromEntries(d!.inputParams.map((p) => [p.name, p]))
    expect(d!.id).toBe('procsvc')
    expect(by.BAND).toMatchObject({ xtype: 'interval', unit: 'm', min: [4.75e-7], max: [9.304e-7] })
    expect(by.POLYGON!.max).toHaveLength(8)
    expect(by.KIND!.options?.map((o) => o.value)).toEqual(['HEADER', 'DATA'])
    expect(by.SCALE).toMatchObject({ datatype: 'int', min: [2], max: [32] })
    expect(by.POS!.defaultValue).toBeUndefined()
    expect(by.ID!.fixedValue).toBe('ivo://eso.localtest/ID?ADP.2020-03-01T10:20:04.004')
  })

  it('binds a row-bound ID (ref) from an SSAP result row', () => {
    const doc = read('../ssap/__fixtures__/dachs-ssap-xshooter.xml')
    const ds = parseServiceDescriptors(doc)
    expect(ds.map((d) => d.kind)).toEqual(['datalink', 'soda-sync'])
    const links = ds[0]!
    expect(links.inputParams[0]).toMatchObject({ name: 'ID', ref: 'ssa_pubDID' })
    expect(links.inputParams[0]!.fixedValue).toBeUndefined()
    expect(bindInputParams(links, { table: doc.tables[0]!, index: 0 })).toEqual({ ID: 'ivo://eso.localtest/ID?ADP.2021-05-20T14:40:06.006' })
    // without a row the row-bound param stays unbound
    expect(bindInputParams(links)).toEqual({})
  })

  it('reports a ref to a missing column', () => {
    const doc = read('../ssap/__fixtures__/dachs-ssap-xshooter.xml')
    const d = parseServiceDescriptors(doc)[0]!
    const broken = { ...d, inputParams: d.inputParams.map((p) => ({ ...p, ref: 'nope' })) }
    expect(() => bindInputParams(broken, { table: doc.tables[0]!, index: 0 })).toThrow(FormatError)
  })

  it('skips a descriptor without accessURL, keeps resourceIdentifier', () => {
    const doc = parseVOTable(`<VOTABLE>
      <RESOURCE type="meta" utype="adhoc:service" ID="a"><GROUP name="inputParams"/></RESOURCE>
      <RESOURCE type="meta" utype="adhoc:service" ID="b">
        <PARAM name="accessURL" datatype="char" arraysize="*" value="http://s/async"/>
        <PARAM name="standardID" datatype="char" arraysize="*" value="ivo://ivoa.net/std/SODA#async-1.0"/>
        <PARAM name="resourceIdentifier" datatype="char" arraysize="*" value="ivo://x/soda"/>
        <GROUP name="inputParams"><PARAM name="TIME" datatype="double" arraysize="2" xtype="interval" unit="d" value="">
        <VALUES><MIN value="-Inf"/><MAX value="60000"/></VALUES></PARAM></GROUP>
      </RESOURCE></VOTABLE>`)
    const ds = parseServiceDescriptors(doc)
    expect(ds).toHaveLength(1)
    expect(ds[0]).toMatchObject({ id: 'b', kind: 'soda-async', resourceIdentifier: 'ivo://x/soda' })
    expect(ds[0]!.inputParams[0]!.min).toEqual([-Infinity])
  })
})
