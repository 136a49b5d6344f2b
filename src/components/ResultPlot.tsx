import { useMemo, useState } from 'react'
import type { Table } from '../protocols/votable'
import { columnValues, plotColumns } from '../protocols/table'
import { decimateMinMax, sortByX } from './plot/decimate'
import { XYPlot } from './plot/XYPlot'

/** Plot of any two numeric or time columns of a result; large results are decimated rather than freezing. */
export function ResultPlot({ table, dark, partial }: { table: Table; dark?: boolean; partial?: { reason: string } }) {
  const cols = useMemo(() => plotColumns(table), [table])
  const [xi, setXi] = useState(() => (cols.find((c) => c.time) ?? cols[0])?.index ?? -1)
  const [yi, setYi] = useState(() => cols.find((c) => c.index !== xi && !c.time)?.index ?? -1)
  const [mode, setMode] = useState<'points' | 'line'>('points')
  const xc = cols.find((c) => c.index === xi)
  const yc = cols.find((c) => c.index === yi)
  const data = useMemo(() => {
    if (!xc || !yc) return undefined
    const sorted = sortByX(columnValues(table, xc), columnValues(table, yc))
    const shown = decimateMinMax(sorted.x, sorted.y, 2000)
    return { series: { ...shown, label: yc.name }, total: sorted.x.length, drawn: shown.x.length }
  }, [table, xc, yc])

  if (cols.length < 2) return <p className="muted">This result has fewer than two numeric or time columns to plot.</p>
  const label = (c: typeof xc) => (c ? `${c.name}${c.unit ? ` [${c.unit}]` : ''}` : '')
  const select = (name: string, value: number, set: (i: number) => void) => (
    <label>
      {name}{' '}
      <select aria-label={`${name} column`} value={value} onChange={(e) => set(Number(e.target.value))}>
        {cols.map((c) => (
          <option key={c.index} value={c.index}>
            {label(c)}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <div className="result-plot">
      <div className="toolbar">
        {select('X', xi, setXi)}
        {select('Y', yi, setYi)}
        <label>
          <input type="checkbox" checked={mode === 'line'} onChange={(e) => setMode(e.target.checked ? 'line' : 'points')} /> connect points
        </label>
        {data && (
          <span className="muted" role="status">
            {data.total.toLocaleString('en')} points{partial ? ' of a partial result' : ''}{data.drawn < data.total ? `, ${data.drawn.toLocaleString('en')} drawn (min-max decimated)` : ''} · drag or wheel to zoom, Shift+drag to pan, double-click to reset
          </span>
        )}
      </div>
      {data && <XYPlot series={data.series} xLabel={label(xc)} yLabel={label(yc)} xTime={!!xc?.time} mode={mode} dark={dark} />}
    </div>
  )
}
