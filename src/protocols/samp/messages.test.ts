import { describe, expect, it } from 'vitest'
import {
  fileMessageKind,
  loadImageMessage,
  loadSpectrumMessage,
  loadTableMessage,
  newTableId,
  pointAtSkyMessage,
  readHighlightRow,
  readLoadTable,
  readRowIndex,
  readRowList,
  readSkyPosition,
  readTableRef,
  refersTo,
  sampFloat,
  selectRowsMessage,
  subscribes,
} from './messages'

describe('messages the app sends', () => {
  it('table.load.votable carries the URL, the table-id and the name', () => {
    expect(loadTableMessage('http://h/tap/sync?QUERY=x', 't-1', 'ADQL result')).toEqual({
      'samp.mtype': 'table.load.votable',
      'samp.params': { url: 'http://h/tap/sync?QUERY=x', 'table-id': 't-1', name: 'ADQL result' },
    })
  })
  it('leaves out parameters that are not given', () => {
    expect(loadTableMessage('http://h/t.vot', 't-1')['samp.params']).toEqual({ url: 'http://h/t.vot', 'table-id': 't-1' })
  })
  it('table.select.rowList sends 0-based indices as SAMP integers (strings)', () => {
    expect(selectRowsMessage('t-1', 'http://h/t.vot', [0, 3, 12])).toEqual({
      'samp.mtype': 'table.select.rowList',
      'samp.params': { 'table-id': 't-1', url: 'http://h/t.vot', 'row-list': ['0', '3', '12'] },
    })
    expect(selectRowsMessage('t-1', 'u', [])['samp.params']['row-list']).toEqual([])
  })
  it('spectrum, image and sky position messages', () => {
    expect(loadSpectrumMessage('http://h/spec.fits', { 'Access.Format': 'application/fits' }, 'ADP.1')).toEqual({
      'samp.mtype': 'spectrum.load.ssa-generic',
      'samp.params': { url: 'http://h/spec.fits', meta: { 'Access.Format': 'application/fits' }, 'spectrum-id': 'http://h/spec.fits', name: 'ADP.1' },
    })
    expect(loadImageMessage('http://h/cut.fits')).toEqual({ 'samp.mtype': 'image.load.fits', 'samp.params': { url: 'http://h/cut.fits', 'image-id': 'http://h/cut.fits' } })
    expect(pointAtSkyMessage(10.5, -33.25)).toEqual({ 'samp.mtype': 'coord.pointAt.sky', 'samp.params': { ra: '10.5', dec: '-33.25' } })
    expect(sampFloat(0.1 + 0.2)).toBe('0.30000000000000004')
  })
  it('picks the message for a file by its content type', () => {
    expect(fileMessageKind('application/fits')).toBe('image')
    expect(fileMessageKind('image/fits;content=cube')).toBe('image')
    expect(fileMessageKind('application/x-votable+xml;content=datalink')).toBe('table')
    expect(fileMessageKind('image/png')).toBeUndefined()
    expect(fileMessageKind(undefined)).toBeUndefined()
  })
  it('table ids are unique by sequence number', () => {
    expect(newTableId('app', 1)).not.toBe(newTableId('app', 2))
  })
})

describe('messages the app reads', () => {
  it('reads a table to load; a message without url is none', () => {
    expect(readLoadTable({ url: 'http://h/x', 'table-id': 'topcat-1', name: 'cat' })).toEqual({ url: 'http://h/x', tableId: 'topcat-1', name: 'cat' })
    expect(readLoadTable({ 'table-id': 'x' })).toBeUndefined()
  })
  it('maps SAMP row indices to table rows: valid, in range, once each', () => {
    expect(readRowIndex('7')).toBe(7)
    expect(readRowIndex(' 7 ')).toBe(7)
    expect(readRowIndex('-1')).toBeUndefined()
    expect(readRowIndex('1.5')).toBeUndefined()
    expect(readRowIndex(['1'])).toBeUndefined()
    expect(readRowList({ 'row-list': ['2', '0', '2', '9', 'x', '10'] }, 10)).toEqual([2, 0, 9])
    expect(readRowList({ 'row-list': 'oops' }, 10)).toEqual([])
    expect(readRowList({}, 10)).toEqual([])
  })
  it('reads a highlighted row within the table', () => {
    expect(readHighlightRow({ row: '4' }, 5)).toBe(4)
    expect(readHighlightRow({ row: '5' }, 5)).toBeUndefined()
  })
  it('matches row messages to a table by table-id, else by URL', () => {
    expect(refersTo(readTableRef({ 'table-id': 'a', url: 'u' }), 'a', 'other')).toBe(true)
    expect(refersTo(readTableRef({ 'table-id': 'b', url: 'u' }), 'a', 'u')).toBe(false)
    expect(refersTo(readTableRef({ url: 'u' }), 'a', 'u')).toBe(true)
    expect(refersTo(readTableRef({}), 'a', 'u')).toBe(false)
  })
  it('reads a sky position; out-of-range or missing values are none', () => {
    expect(readSkyPosition({ ra: '10.5', dec: '-33.25' })).toEqual({ ra: 10.5, dec: -33.25 })
    expect(readSkyPosition({ ra: '-10', dec: '0' })).toEqual({ ra: 350, dec: 0 })
    expect(readSkyPosition({ ra: '1', dec: '91' })).toBeUndefined()
    expect(readSkyPosition({ ra: '', dec: '1' })).toBeUndefined()
    expect(readSkyPosition({ ra: 'x', dec: '1' })).toBeUndefined()
  })
  it('knows who subscribes to an MType, wildcards included', () => {
    expect(subscribes({ 'table.load.votable': {} }, 'table.load.votable')).toBe(true)
    expect(subscribes({ 'table.*': {} }, 'table.load.votable')).toBe(true)
    expect(subscribes({ 'table.*': {} }, 'tablex.load')).toBe(false)
    expect(subscribes({ '*': {} }, 'image.load.fits')).toBe(true)
    expect(subscribes({ 'image.load.fits': {} }, 'table.load.votable')).toBe(false)
    expect(subscribes(undefined, 'table.load.votable')).toBe(false)
  })
})
