/** An x/y plot of two table columns with drag-to-zoom, wheel zoom, Shift-drag pan, double-click reset (uPlot; spectra have SpectrumPlot). */
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { formatUtc, utcTickLabels } from '../../protocols/time'
import { shiftDragPan, wheelZoom } from './interaction'

export interface XYSeries {
  x: Float64Array
  y: Float64Array
  label: string
}

interface Props {
  series: XYSeries
  xLabel: string
  yLabel: string
  xTime: boolean
  mode: 'points' | 'line'
  height?: number
  dark?: boolean
}

export function XYPlot({ series, xLabel, yLabel, xTime, mode, height = 380, dark }: Props) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    const stroke = dark ? '#7fb8ff' : '#0b5cad'
    const axis = { stroke: dark ? '#cfd6de' : '#333', grid: { stroke: dark ? '#2c3440' : '#e3e7ec' } }
    const plot = new uPlot(
      {
        width: el.clientWidth || 800,
        height,
        scales: { x: { time: xTime } },
        // observatory times are UTC, whatever the browser's zone
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        // time ticks in 24-hour UTC ISO dates, never the browser's "10pm 5/4/21"
        axes: [{ ...axis, label: xLabel, ...(xTime ? { values: (_u: uPlot, splits: number[], _a: number, _s: number, incr: number) => utcTickLabels(splits, incr) } : {}) }, { ...axis, label: yLabel }],
        series: [
          { label: xLabel, ...(xTime ? { value: (_u: uPlot, v: number | null) => (v === null ? '' : formatUtc(v * 1000)) } : {}) },
          {
            label: series.label,
            stroke,
            width: mode === 'line' ? 1 : 0,
            points: { show: mode === 'points', size: 3, fill: stroke, stroke },
            paths: mode === 'points' ? () => null : undefined,
          },
        ],
        cursor: { drag: { x: true, y: true, uni: 30 } },
        legend: { show: true },
        plugins: [wheelZoom(), shiftDragPan()],
      },
      [series.x as unknown as number[], series.y as unknown as number[]],
      el,
    )
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      plot.destroy()
    }
  }, [series, xLabel, yLabel, xTime, mode, height, dark])
  return <div ref={box} className="xy-plot" data-testid="xy-plot" />
}
