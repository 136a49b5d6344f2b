/**
 * What is laid over the sky map: the frame label, the N/E compass, the read-out (the pointer's position,
 * else the view centre and field of view), a live summary for screen readers, and the list of
 * footprints at the clicked point.
 */
import { useEffect, useState } from 'react'
import type { SkyEngine } from './engine'
import type { SkyViewState } from './skyCoords'
import { formatFov, formatPosition, type CoordFormat, type SkyFrame } from './skyCoords'
import { DENSITY_RAMP, type DensityStats } from './density'
import { pixelSize } from './healpix'
import { DENSITY_ABOVE } from './density'

const plural = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`

/** Frame label, compass and read-out, following the engine's view and pointer. */
export function SkyHud({ engine, frame, format, footprints }: { engine: SkyEngine; frame: SkyFrame; format: CoordFormat; footprints: number }) {
  const [view, setView] = useState<SkyViewState>()
  const [pointer, setPointer] = useState<[number, number]>()
  const [summary, setSummary] = useState('')
  useEffect(() => {
    engine.onView = setView
    engine.onPointer = setPointer
    engine.drawNow()
    return () => {
      engine.onView = undefined
      engine.onPointer = undefined
    }
  }, [engine])
  // what is under the centre, said once the view has settled
  useEffect(() => {
    if (!view) return
    const t = setTimeout(() => {
      const n = engine.hitsAtCentre().hits.length
      const where = `Centre ${formatPosition(view.ra, view.dec, frame, format)}, ${formatFov(view.fov)}`
      setSummary(footprints ? `${where}: ${n ? `${plural(n, 'footprint')} under the centre` : 'no footprint under the centre'}.` : `${where}.`)
    }, 500)
    return () => clearTimeout(t)
  }, [engine, view, frame, format, footprints])
  if (!view) return null
  const text = pointer ? `Pointer ${formatPosition(pointer[0], pointer[1], frame, format)}` : `Centre ${formatPosition(view.ra, view.dec, frame, format)} · ${formatFov(view.fov)}`
  return (
    <>
      <div className="sky-hud-top">
        <span className="sky-frame-label" data-testid="sky-frame-label">
          {frame}
        </span>
        <span className="sky-readout" data-testid="sky-readout">
          {text}
        </span>
      </div>
      <Compass north={view.north} east={view.east} />
      <div className="sr-only" aria-live="polite" data-testid="sky-summary">
        {summary}
      </div>
    </>
  )
}

/** Arrows to north and east (degrees clockwise from up on the screen). */
export function Compass({ north, east }: { north: number; east: number }) {
  const arm = (angle: number, length: number) => {
    const a = (angle * Math.PI) / 180
    return [Math.sin(a) * length, -Math.cos(a) * length] as const
  }
  const [nx, ny] = arm(north, 17)
  const [ex, ey] = arm(east, 13)
  const [nlx, nly] = arm(north, 25)
  const [elx, ely] = arm(east, 21)
  return (
    <svg className="sky-compass" data-testid="sky-compass" viewBox="-30 -30 60 60" width="60" height="60" role="img" aria-label={`Compass: north ${Math.round(north)}°, east ${Math.round(east)}° clockwise from up`}>
      <g strokeLinecap="round">
        <line x1="0" y1="0" x2={nx} y2={ny} className="sky-compass-n" />
        <line x1="0" y1="0" x2={ex} y2={ey} className="sky-compass-e" />
      </g>
      <text x={nlx} y={nly} textAnchor="middle" dominantBaseline="central">
        N
      </text>
      <text x={elx} y={ely} textAnchor="middle" dominantBaseline="central">
        E
      </text>
    </svg>
  )
}

/** The footprints at the clicked point: picking one selects just it. */
export function HitList({ hits, label, selected, onPick, onClose }: { hits: readonly number[]; label: (row: number) => string; selected: readonly number[]; onPick: (row: number) => void; onClose: () => void }) {
  const shown = hits.slice(0, 100)
  return (
    <div className="sky-hits" role="group" aria-label="Footprints at the clicked point" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
      <div className="sky-hits-head">
        <span>{plural(hits.length, 'footprint')} here</span>
        <button type="button" className="sky-hits-close" aria-label="Close the list of footprints here" onClick={onClose}>
          ×
        </button>
      </div>
      <ul>
        {shown.map((row) => (
          <li key={row}>
            <button type="button" aria-pressed={selected.length === 1 && selected[0] === row} onClick={() => onPick(row)}>
              {label(row)}
            </button>
          </li>
        ))}
      </ul>
      {hits.length > shown.length && <span className="muted small-print">and {hits.length - shown.length} more</span>}
    </div>
  )
}

/** Says that the sky shows a density map, not the footprints, and what its colours mean. */
export function DensityLegend({ density }: { density: DensityStats }) {
  const side = (pixelSize(density.order) * 180) / Math.PI
  const size = side >= 1 ? `${side.toFixed(1)}°` : `${(side * 60).toFixed(side * 60 >= 10 ? 0 : 1)}′`
  return (
    <p className="sky-density small-print" data-testid="sky-density">
      Density map: {density.positions.toLocaleString('en')} positions in view, more than the {DENSITY_ABOVE.toLocaleString('en')} drawn one by one, are counted in HEALPix cells of
      about {size} (order {density.order}). Fewer{' '}
      <span className="sky-density-ramp" aria-hidden="true">
        {DENSITY_RAMP.map((c) => (
          <span key={c} style={{ background: c }} />
        ))}
      </span>{' '}
      more (up to {density.max.toLocaleString('en')} a cell, log scale). Zoom in to see the footprints.
    </p>
  )
}
