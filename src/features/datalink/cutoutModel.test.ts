import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseServiceDescriptors, type ServiceDescriptor } from '../../protocols/datalink'
import { parseVOTable } from '../../protocols/votable'
import { cutoutOf, initialEntries, parseMjd, parsePos, parseVertices, widgetFor, widgetsOf } from './cutoutModel'

const descriptor = (path: string): ServiceDescriptor => parseServiceDescriptors(parseVOTable(readFileSync(new URL(path, import.meta.url))))[0]!
const cube = () => descriptor('../../protocols/datalink/__fixtures__/dachs-dlmeta-muse-cube.xml')
const eso = () => descriptor('../../protocols/datalink/__fixtures__/eso-links.xml')
const errors = (r: { problems: { severity: string; message: string }[] }) => r.problems.filter((p) => p.severity === 'error').map((p) => p.message)

describe('widgets from the descriptor', () => {
  it("gives each of DaCHS's cube parameters its widget", () => {
    const kinds = Object.fromEntries(widgetsOf(cube()).map((w) => [w.param.name, w.kind]))
    expect(kinds).toMatchObject({ ID: 'fixed', BAND: 'band', CIRCLE: 'circle', POLYGON: 'polygon', POS: 'pos', KIND: 'choice', SCALE: 'number', PIXEL_3: 'interval', RA: 'interval' })
  })
  it("ESO's descriptor: the fixed ID and the circle", () => {
    expect(widgetsOf(eso()).map((w) => w.kind)).toEqual(['fixed', 'circle'])
  })
  it('a parameter type it does not know becomes free text', () => {
    const p = { ...cube().inputParams[0]!, name: 'MOC', datatype: 'char', xtype: 'moc', fixedValue: undefined, defaultValue: undefined }
    expect(widgetFor(p).kind).toBe('text')
    const d = { ...cube(), inputParams: [...cube().inputParams, p] }
    expect(cutoutOf(d, { MOC: { text: ' 8/1234 ' } }).cutout.other).toEqual({ MOC: '8/1234' })
  })
  it('time and polarisation by name', () => {
    const base = cube().inputParams.find((p) => p.name === 'BAND')!
    expect(widgetFor({ ...base, name: 'TIME', ucd: 'time.epoch', unit: 'd' }).kind).toBe('time')
    expect(widgetFor({ ...base, name: 'POL', datatype: 'char', xtype: undefined, arraysize: '*' }).kind).toBe('pol')
  })
})

describe('entries into a cutout', () => {
  it('converts a BAND typed in nm to metres, and refuses a bound past the dataset in nm', () => {
    const ok = cutoutOf(cube(), { BAND: { parts: ['640', '670'], unit: 'nm' } })
    expect(errors(ok)).toEqual([])
    expect(ok.cutout.band).toEqual([6.4e-7, 6.7e-7])
    const um = cutoutOf(cube(), { BAND: { parts: ['0.5', ''], unit: 'um' } })
    expect(um.cutout.band).toEqual([5e-7, Infinity])
    expect(errors(cutoutOf(cube(), { BAND: { parts: ['900', '1000'], unit: 'nm' } }))).toEqual(["BAND upper limit 1000 nm is above the dataset's maximum 930.4 nm"])
    expect(errors(cutoutOf(cube(), { BAND: { parts: ['abc', '670'] } }))).toEqual(['BAND lower limit "abc" is not a number'])
    expect(errors(cutoutOf(cube(), { BAND: { parts: ['670', '640'] } }))).toEqual(['BAND lower limit 670 nm is above the upper limit 640 nm'])
  })
  it('reads a circle with its radius unit and checks it against the footprint', () => {
    const r = cutoutOf(cube(), { CIRCLE: { parts: ['154.4035', '-46.4125', '3'], unit: 'arcsec' } })
    expect(errors(r)).toEqual([])
    expect(r.cutout.circle).toEqual({ ra: 154.4035, dec: -46.4125, radius: 3 / 3600 })
    expect(errors(cutoutOf(cube(), { CIRCLE: { parts: ['10', '10', '0.01'] } }))[0]).toMatch(/does not overlap the dataset/)
    expect(errors(cutoutOf(cube(), { CIRCLE: { parts: ['154.4', '', '0.01'] } }))).toEqual(['CIRCLE needs a centre (RA, Dec) and a radius'])
  })
  it('refuses numbers outside MIN/MAX, non-integers for int, and keeps empty fields out', () => {
    expect(errors(cutoutOf(cube(), { SCALE: { text: '100' } }))).toEqual(["SCALE 100 is above the dataset's maximum 32"])
    expect(errors(cutoutOf(cube(), { SCALE: { text: '2.5' } }))).toEqual(['SCALE must be a whole number'])
    expect(cutoutOf(cube(), { SCALE: { text: '4' }, PIXEL_3: { parts: ['10', '20'] } }).cutout.other).toEqual({ SCALE: '4', PIXEL_3: '10 20' })
    expect(errors(cutoutOf(cube(), { PIXEL_3: { parts: ['0', '20'] } }))).toEqual(["PIXEL_3 lower limit 0 is below the dataset's minimum 1"])
    expect(cutoutOf(cube(), { SCALE: { text: '  ' }, BAND: { parts: ['', ''] } }).cutout).toEqual({})
  })
  it('reads polygons, POS and options', () => {
    const poly = cutoutOf(cube(), { POLYGON: { text: '154.402 -46.413, 154.405 -46.413, 154.404 -46.412' } })
    expect(errors(poly)).toEqual([])
    expect(poly.cutout.polygon).toHaveLength(3)
    expect(errors(cutoutOf(cube(), { POLYGON: { text: '1 2 3' } }))).toEqual(['POLYGON needs at least three "RA Dec" pairs of numbers'])
    expect(cutoutOf(cube(), { POS: { text: 'RANGE 154.40 154.41 -Inf +Inf' } }).cutout.pos).toEqual({ shape: 'range', ra: [154.4, 154.41], dec: [-Infinity, Infinity] })
    expect(errors(cutoutOf(cube(), { POS: { text: 'BOX 1 2' } }))[0]).toMatch(/is not CIRCLE/)
    expect(cutoutOf(cube(), { KIND: { text: 'HEADER' } }).cutout.other).toEqual({ KIND: 'HEADER' })
  })
  it('starts from the search region', () => {
    expect(initialEntries(cube(), { shape: 'circle', ra: 154.4, dec: -46.41, radius: 0.001 })).toEqual({ CIRCLE: { parts: ['154.4', '-46.41', '0.001'], unit: 'deg' } })
    expect(initialEntries(eso(), { shape: 'polygon', vertices: [[1, 2], [3, 4], [5, 6]] })).toEqual({})
  })
})

describe('parsers', () => {
  it('MJD from numbers and dates', () => {
    expect(parseMjd('59338.5')).toBe(59338.5)
    expect(parseMjd('2021-05-04T12:00')).toBeCloseTo(59338.5, 9)
    expect(parseMjd('2021-05-04')).toBe(59338)
    expect(parseMjd('soon')).toBeNaN()
  })
  it('vertices and POS', () => {
    expect(parseVertices('1 2, 3 4; 5 6')).toEqual([[1, 2], [3, 4], [5, 6]])
    expect(parseVertices('1 2 3 4')).toBeUndefined()
    expect(parsePos('circle 1 2 0.5')).toEqual({ shape: 'circle', ra: 1, dec: 2, radius: 0.5 })
    expect(parsePos('POLYGON 1 2 3 4 5 6')).toEqual({ shape: 'polygon', vertices: [[1, 2], [3, 4], [5, 6]] })
    expect(parsePos('CIRCLE 1 2')).toBeUndefined()
  })
})
