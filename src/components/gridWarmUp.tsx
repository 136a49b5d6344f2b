/**
 * The grid's code warmed on idle, before the first result needs it: a few rows of a tiny table drawn once in a hidden
 * box, then removed. The first time AG Grid draws header cells and row cells, V8 compiles the code that does it: that
 * made the first result's columns and its first rows the two longest tasks of a result arriving (33 and 29 ms of CPU
 * each on the bench's 2-core machine, over 50 ms when the parsing worker and the server share the cores).
 */
import { createRoot } from 'react-dom/client'
import type { Column, Field, Table, Value } from '../protocols/votable'
import { ResultGrid } from './ResultGrid'

/** Cells of each kind the grid draws: an identifier (cut in the middle), a link, a number, a time shown as ISO 8601. */
const FIELDS: Field[] = [
  { name: 'obs_publisher_did', datatype: 'char', arraysize: '*', ucd: 'meta.ref.ivoid' },
  { name: 'access_url', datatype: 'char', arraysize: '*', ucd: 'meta.ref.url' },
  { name: 's_ra', datatype: 'double', unit: 'deg', ucd: 'pos.eq.ra' },
  { name: 't_min', datatype: 'double', unit: 'd', ucd: 'time.start;obs.exposure', xtype: 'mjd' },
  { name: 'target_name', datatype: 'char', arraysize: '*', ucd: 'meta.id;src' },
]
const ROWS = 3
const cell = (row: number, c: number): Value =>
  c === 0 ? `ivo://warm.up/obs?${row}` : c === 1 ? `https://warm.up/${row}` : c === 2 ? 10 + row : c === 3 ? 60000 + row : `T${row}`

function warmTable(): Table {
  const column = (c: number): Column => {
    const data = Array.from({ length: ROWS }, (_, r) => cell(r, c))
    return { kind: c === 2 || c === 3 ? 'number' : 'string', datatype: FIELDS[c]!.datatype, data: data as Value[], nulls: null, shape: [], get: (r) => data[r] ?? null }
  }
  return { fields: FIELDS, params: [], groups: [], links: [], infos: [], rowCount: ROWS, truncated: false, value: cell, column }
}

let warmed: Promise<void> | undefined

/** Draws the tiny grid off screen (hidden from sight, pointer and assistive technology) until its rows are in, then removes it. Once. */
export function warmUpGrid(): Promise<void> {
  return (warmed ??= new Promise<void>((resolve) => {
    const box = document.createElement('div')
    box.setAttribute('aria-hidden', 'true')
    box.inert = true
    box.style.cssText = 'position:fixed;left:-10000px;top:0;width:600px;height:200px;visibility:hidden;pointer-events:none;contain:strict'
    document.body.appendChild(box)
    const root = createRoot(box)
    const table = warmTable()
    let frames = 0
    const done = () => {
      root.unmount()
      box.remove()
      resolve()
    }
    // a table arriving (rows given): the same path as a result streaming in, columns first, then rows
    root.render(<ResultGrid table={table} rows={ROWS} height={160} />)
    // until a row is drawn (its cells compiled), or a second at most
    const check = () => (box.querySelector('.ag-cell') || ++frames > 60 ? done() : requestAnimationFrame(check))
    requestAnimationFrame(check)
  }))
}
