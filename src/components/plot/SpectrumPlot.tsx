/**
 * Flux against wavelength for one or more spectra (uPlot): each as a line with its ±1σ error band,
 * axis labels with the file's units, drag or wheel to zoom, Shift-drag or buttons to pan, double-click to reset.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { shiftDragPan, stepX, wheelZoom } from './interaction'
import { alignSpectra, prettyUnit, spectrumColour, type PlotSpectrum } from './spectrumData'

interface Props {
  spectra: readonly PlotSpectrum[]
  height?: number
  dark?: boolean
}

function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}

/** Tick labels that stay short for tiny fluxes (1e-13 erg/s/cm²/Å) and huge counts alike. */
function tickValues(_u: uPlot, splits: number[]): string[] {
  const big = Math.max(...splits.map(Math.abs))
  if (big !== 0 && (big < 1e-3 || big >= 1e6)) return splits.map((v) => (v === 0 ? '0' : v.toExponential(1)))
  return splits.map((v) => String(Number(v.toPrecision(6))))
}

export function SpectrumPlot({ spectra, height = 420, dark }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const readout = useRef<HTMLSpanElement>(null)
  const [range, setRange] = useState<[number, number] | null>(null)
  const aligned = useMemo(() => alignSpectra(spectra), [spectra])
  const first = spectra[0]
  const xLabel = `Wavelength${aligned.wavelengthUnit ? ` [${prettyUnit(aligned.wavelengthUnit)}]` : ''}`
  const yLabel = `Flux${first?.fluxUnit ? ` [${prettyUnit(first.fluxUnit)}]` : ''}`

  useEffect(() => {
    const el = box.current
    if (!el || spectra.length === 0) return
    const axis = { stroke: dark ? '#cfd6de' : '#333', grid: { stroke: dark ? '#2c3440' : '#e3e7ec' }, ticks: { stroke: dark ? '#2c3440' : '#e3e7ec' } }
    const series: uPlot.Series[] = [{ label: xLabel }]
    const bands: uPlot.Band[] = []
    spectra.forEach((s, k) => {
      const colour = spectrumColour(k, dark)
      const base = 1 + k * 3
      series.push(
        { label: s.label, stroke: colour, width: 1.25, spanGaps: true, points: { show: false } },
        { label: `${s.label} +1σ`, stroke: withAlpha(colour, 0.35), width: 0.5, spanGaps: true, points: { show: false } },
        { label: `${s.label} −1σ`, stroke: withAlpha(colour, 0.35), width: 0.5, spanGaps: true, points: { show: false } },
      )
      if (s.error) bands.push({ series: [base + 1, base + 2], fill: withAlpha(colour, dark ? 0.3 : 0.22) })
    })
    const u = new uPlot(
      {
        width: el.clientWidth || 800,
        height,
        scales: { x: { time: false } },
        axes: [
          { ...axis, label: xLabel, values: tickValues },
          { ...axis, label: yLabel, values: tickValues, size: 78 },
        ],
        series,
        bands,
        cursor: { drag: { x: true, y: true, uni: 30 } },
        legend: { show: false },
        plugins: [wheelZoom(), shiftDragPan()],
        hooks: {
          setScale: [(p, key) => key === 'x' && setRange([p.scales.x.min ?? NaN, p.scales.x.max ?? NaN])],
          // the values under the cursor, written straight into the DOM (no React render per mouse move)
          setCursor: [(p) => {
            const out = readout.current
            if (!out) return
            const i = p.cursor.idx
            if (i === null || i === undefined) return void (out.textContent = '')
            const w = (p.data[0] as ArrayLike<number>)[i]!
            const parts = spectra.map((sp, k) => {
              const v = (p.data[1 + k * 3] as ArrayLike<number | null>)[i]
              const hi = (p.data[2 + k * 3] as ArrayLike<number | null>)[i]
              if (v === null || v === undefined) return ''
              const err = sp.error && hi !== null && hi !== undefined ? ` ± ${Number((hi - v).toPrecision(3))}` : ''
              return `${sp.label.split(' · ')[0]}: ${Number(v.toPrecision(4))}${err}`
            })
            out.textContent = `λ ${Number(w.toPrecision(7))} ${prettyUnit(aligned.wavelengthUnit)}  ${parts.filter(Boolean).join('  ')}`
          }],
        },
      },
      aligned.data as unknown as uPlot.AlignedData,
      el,
    )
    plot.current = u
    setRange([u.scales.x.min ?? NaN, u.scales.x.max ?? NaN])
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      u.destroy()
      plot.current = null
    }
  }, [aligned, spectra, xLabel, yLabel, height, dark])

  const x = aligned.data[0] as Float64Array
  const reset = () => plot.current?.setData(aligned.data as unknown as uPlot.AlignedData, true)
  return (
    <div className="spectrum-plot-wrap">
      <div className="toolbar spectrum-plot-tools" role="group" aria-label="Zoom and pan">
        <button type="button" onClick={() => plot.current && stepX(plot.current, { zoom: 0.5 })}>Zoom in</button>
        <button type="button" onClick={() => plot.current && stepX(plot.current, { zoom: 2 })}>Zoom out</button>
        <button type="button" onClick={() => plot.current && stepX(plot.current, { pan: -0.25 })} aria-label="Pan to shorter wavelengths">◀</button>
        <button type="button" onClick={() => plot.current && stepX(plot.current, { pan: 0.25 })} aria-label="Pan to longer wavelengths">▶</button>
        <button type="button" onClick={reset}>Reset zoom</button>
        <span className="muted" data-testid="spectrum-range">
          {range && Number.isFinite(range[0]) ? `${Number(range[0].toPrecision(6))} – ${Number(range[1].toPrecision(6))} ${prettyUnit(aligned.wavelengthUnit)}` : ''}
        </span>
        <span className="muted">drag: zoom · Shift+drag: pan · wheel: zoom · double-click: reset</span>
      </div>
      <div className="muted spectrum-cursor" style={{ minHeight: '1.4em', fontSize: 12 }} data-testid="spectrum-cursor"><span ref={readout} /></div>
      {(aligned.unconverted.length > 0 || aligned.mixedFluxUnits) && (
        <p className="banner warning" role="status">
          {aligned.unconverted.length > 0 && `Wavelengths of ${aligned.unconverted.join(', ')} are in a unit that cannot be converted to ${aligned.wavelengthUnit ?? 'the first spectrum’s'}; plotted as they are. `}
          {aligned.mixedFluxUnits && 'The spectra have different flux units; the axis shows the first one’s.'}
        </p>
      )}
      <div ref={box} className="spectrum-plot" data-testid="spectrum-plot" data-points={x.length} aria-label={`${yLabel} against ${xLabel}`} role="img" />
    </div>
  )
}
