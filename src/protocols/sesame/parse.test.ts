import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FormatError } from '../errors'
import { firstPosition, parseSesameXml } from './index'

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')

describe('parseSesameXml', () => {
  it('reads a SIMBAD answer: main name, position, type and aliases', () => {
    const [target] = parseSesameXml(fixture('m31-simbad.xml'))
    expect(target!.query).toBe('M31')
    expect(target!.resolutions).toHaveLength(1)
    const r = target!.resolutions[0]!
    expect(r).toMatchObject({
      resolver: 'Simbad',
      label: 'S=Simbad (via url): 1',
      name: 'M 31',
      ra: 10.684708333,
      dec: 41.26875,
      objectType: 'AGN',
      info: ['from cache'],
    })
    expect(r.aliases).toEqual(['NAME Andromeda Galaxy', 'NGC 224', 'UGC 454'])
  })

  it('reads a NED answer', () => {
    const hit = firstPosition(parseSesameXml(fixture('ngc4993-ned.xml'))[0])
    expect(hit).toMatchObject({ resolver: 'NED', name: 'NGC 4993', ra: 197.44875, dec: -23.383889, objectType: 'G', aliases: [] })
  })

  it('reads "Nothing found" resolvers as resolutions without a position', () => {
    const [target] = parseSesameXml(fixture('nothing-found.xml'))
    expect(target!.resolutions.map((r) => r.resolver)).toEqual(['Simbad', 'NED', 'VizieR'])
    expect(target!.resolutions.every((r) => r.ra === undefined && r.info[0] === '*** Nothing found ***')).toBe(true)
    expect(firstPosition(target)).toBeUndefined()
  })

  it('keeps target-level INFO and takes the first resolver that has a position', () => {
    const xml = `<?xml version="1.0"?><Sesame><Target option="SNV"><name>two</name><INFO>*** Nothing found ***</INFO>
      <Resolver name="S=Simbad (via url)"><INFO>*** Nothing found ***</INFO></Resolver>
      <Resolver name="V=VizieR (local):    1"><jradeg>1.5</jradeg><jdedeg>-2.5</jdedeg><oname>Star X</oname></Resolver>
      <Resolver name="N=NED:    1"><jradeg>9</jradeg><jdedeg>9</jdedeg></Resolver></Target></Sesame>`
    const [target] = parseSesameXml(xml)
    expect(target!.info).toEqual(['*** Nothing found ***'])
    expect(firstPosition(target)).toMatchObject({ resolver: 'VizieR', ra: 1.5, dec: -2.5, name: 'Star X' })
  })

  it('ignores resolvers with unreadable or impossible positions and unknown resolver names', () => {
    const xml = `<Sesame><Target><name>n</name>
      <Resolver name="S=Simbad"><jradeg>abc</jradeg><jdedeg>1</jdedeg></Resolver>
      <Resolver name="N=NED"><jradeg>1</jradeg><jdedeg>95</jdedeg></Resolver>
      <Resolver name="X=Other"><jradeg>1</jradeg><jdedeg>1</jdedeg></Resolver></Target></Sesame>`
    const [target] = parseSesameXml(xml)
    expect(target!.resolutions.map((r) => r.resolver)).toEqual(['Simbad', 'NED'])
    expect(firstPosition(target)).toBeUndefined()
  })

  it('rejects documents that are not Sesame XML', () => {
    expect(() => parseSesameXml('<html><body>Service unavailable</body></html>')).toThrow(FormatError)
    expect(() => parseSesameXml('<html><body>Service unavailable</body></html>')).toThrow(/root <html>/)
    expect(() => parseSesameXml('<Sesame><Target>')).toThrow(/not XML/)
    expect(parseSesameXml('<Sesame></Sesame>')).toEqual([])
  })
})
