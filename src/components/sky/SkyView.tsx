/**
 * The sky explorer: Aladin Lite (lazy-loaded) with result footprints coloured by a category, a
 * legend, the search cone, and two-way linking with a grid (hover and selection by row index).
 * The only component that touches Aladin Lite (through SkyEngine).
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { SkyEngine, type DrawMode } from './engine'
import { buildStore } from './footprintClient'
import type { FootprintInput, FootprintStore } from './footprints'
import { colourGroups } from './palette'
import { useSamp } from '../../state/samp'

export interface SkyCone {
  ra: number
  dec: number
  radius: number
}

export interface ColourOption {
  /** e.g. "collection" */
  name: string
  labels: readonly (string | null)[]
}

export interface SkyViewProps {
  footprints: FootprintInput | undefined
  /** Ways to colour the footprints; the legend lets the user pick one. */
  colourBy?: readonly ColourOption[]
  /** Selected rows (indexes into footprints); none when absent. */
  selected?: readonly number[]
  /** Row hovered in the grid, highlighted here. */
  hovered?: number
  onHover?: (row: number) => void
  /** A new selection made on the sky: every footprint containing the clicked point (added to the old with Ctrl/Shift). */
  onSelect?: (rows: number[]) => void
  /** Pans to this row whenever `seq` changes (e.g. a row selected in the grid). */
  focus?: { row: number; seq: number }
  cone?: SkyCone | null
  /** Where the view starts; when absent, the view frames the footprints. */
  centre?: { ra: number; dec: number; fov: number }
  hips: string | null
  height?: number | string
  /** When given, a "Draw circle" toggle lets the user press-drag a circle (centre, radius in degrees) on the sky. */
  onDrawCircle?: (circle: SkyCone) => void
  /** When given, a "Draw polygon" toggle lets the user click the vertices of a region (ICRS degrees). */
  onDrawPolygon?: (vertices: [number, number][]) => void
  /** The search polygon, outlined like the cone. */
  polygon?: readonly (readonly [number, number])[] | null
}

const NO_ROWS: readonly number[] = []

type EngineState = { status: 'loading' } | { status: 'ready'; engine: SkyEngine } | { status: 'failed'; message: string }

export function SkyView({ footprints, colourBy = [], selected = NO_ROWS, hovered = -1, onHover, onSelect, focus, cone, centre, hips, height = 480, onDrawCircle, onDrawPolygon, polygon }: SkyViewProps) {
  const host = useRef<HTMLDivElement>(null)
  const [store, setStore] = useState<{ input: FootprintInput; store: FootprintStore; ms: number } | undefined>()
  const [colourIndex, setColourIndex] = useState(0)
  const [stats, setStats] = useState('')
  const selectedRef = useRef(selected)
  selectedRef.current = selected
  const [drawing, setDrawing] = useState<DrawMode | null>(null)
  const state = useSkyEngine(host, hips, centre, selectedRef, { onHover, onSelect, onDrawCircle, onDrawPolygon }, setDrawing)
  const centreRef = useRef(centre)
  centreRef.current = centre

  // footprints → store (in a worker when large)
  useEffect(() => {
    if (!footprints) return setStore(undefined)
    let cancelled = false
    const t0 = performance.now()
    buildStore(footprints).then((s) => !cancelled && setStore({ input: footprints, store: s, ms: performance.now() - t0 }))
    return () => {
      cancelled = true
    }
  }, [footprints])

  const option = colourBy[Math.min(colourIndex, colourBy.length - 1)]
  const groups = useMemo(() => {
    const n = store?.store.count ?? 0
    return colourGroups(option && option.labels.length === n ? option.labels : new Array<null>(n).fill(null))
  }, [store, option])

  const engine = state.status === 'ready' ? state.engine : undefined
  useEffect(() => {
    if (!engine) return
    engine.setData(store && { store: store.store, regions: store.input.regions, group: groups.group, colours: groups.colours })
    engine.setSelection(selectedRef.current)
    if (store && !centreRef.current) frame(engine, store.store)
    if (store) setStats(`${engine.stats.footprints.toLocaleString('en')} footprints · indexed in ${Math.round(store.ms)} ms`)
  }, [engine, store, groups])
  useEffect(() => engine?.setSelection(selected), [engine, selected])
  useEffect(() => engine?.setHovered(hovered), [engine, hovered])
  useEffect(() => engine?.setCone(cone ?? null), [engine, cone])
  useEffect(() => engine?.setDrawing(drawing), [engine, drawing])
  useEffect(() => engine?.setPolygon(polygon ?? null), [engine, polygon])
  useEffect(() => {
    if (!drawing) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDrawing(null)
      else if (e.key === 'Enter' && drawing === 'polygon') engine?.finishPolygon()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [drawing, engine])
  useEffect(() => {
    if (engine && focus) engine.panToFootprint(focus.row)
  }, [engine, focus])
  useEffect(() => {
    if (engine && centre) engine.goTo(centre.ra, centre.dec, centre.fov)
  }, [engine, centre])
  // coord.pointAt.sky from another SAMP client: pan there (only to positions sent after this view opened)
  const pointAt = useSamp().pointAt
  const pointedBefore = useRef(pointAt?.seq)
  useEffect(() => {
    if (engine && pointAt && pointAt.seq !== pointedBefore.current) engine.goTo(pointAt.ra, pointAt.dec)
  }, [engine, pointAt])

  return (
    <div className="sky-view" data-testid="sky-view" data-state={state.status} data-footprints={store?.store.count ?? 0}>
      {(onDrawCircle || onDrawPolygon) && <DrawTools circle={!!onDrawCircle} polygon={!!onDrawPolygon} drawing={drawing} onDrawing={setDrawing} disabled={!engine} />}
      <div className="sky-host" ref={host} style={{ height }} aria-label="Sky view" role="region" />
      {state.status === 'loading' && <div className="sky-message muted">Loading the sky viewer…</div>}
      {state.status === 'failed' && (
        <div className="sky-message banner error" role="alert">
          The sky viewer stopped: {state.message}
        </div>
      )}
      <Legend colourBy={colourBy} colourIndex={colourIndex} onColourIndex={setColourIndex} legend={groups.legend} stats={stats} />
    </div>
  )
}

type EngineCallbacks = Pick<SkyViewProps, 'onHover' | 'onSelect' | 'onDrawCircle' | 'onDrawPolygon'>

/** One engine per mounted view (StrictMode mounts twice, so creation checks it is still wanted), a new one per survey. */
function useSkyEngine(host: RefObject<HTMLDivElement | null>, hips: string | null, centre: SkyViewProps['centre'], selectedRef: RefObject<readonly number[]>, handlers: EngineCallbacks, setDrawing: (mode: DrawMode | null) => void): EngineState {
  const [state, setState] = useState<EngineState>({ status: 'loading' })
  const callbacks = useRef(handlers)
  callbacks.current = handlers
  const initial = useRef(centre)
  useEffect(() => {
    let cancelled = false
    let engine: SkyEngine | undefined
    const c = initial.current ?? { ra: 0, dec: 0, fov: 180 }
    SkyEngine.create(host.current!, { hips, ra: c.ra, dec: c.dec, fov: c.fov }).then(
      (e) => {
        if (cancelled) return e.destroy()
        engine = e
        e.onHover = (f) => callbacks.current.onHover?.(f)
        e.onClick = (hits, additive) => {
          const rows = additive ? [...new Set([...selectedRef.current, ...hits])].sort((a, b) => a - b) : hits
          callbacks.current.onSelect?.(rows)
        }
        e.onFailure = (message) => setState({ status: 'failed', message })
        // one region per press of a toggle
        e.onCircle = (c) => {
          setDrawing(null)
          callbacks.current.onDrawCircle?.(c)
        }
        e.onPolygon = (v) => {
          setDrawing(null)
          callbacks.current.onDrawPolygon?.(v)
        }
        setState({ status: 'ready', engine: e })
      },
      (err: unknown) => !cancelled && setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) }),
    )
    return () => {
      cancelled = true
      engine?.destroy()
    }
  }, [hips, host, selectedRef, setDrawing]) // (the refs and the setter never change: the engine is made again for a new survey only)
  return state
}

/** The draw toggles (one region per press) and how to draw. */
function DrawTools({ circle, polygon, drawing, onDrawing, disabled }: { circle: boolean; polygon: boolean; drawing: DrawMode | null; onDrawing: (mode: DrawMode | null) => void; disabled: boolean }) {
  return (
    <div className="toolbar sky-toolbar" role="toolbar" aria-label="Sky tools">
      {circle && (
        <button type="button" aria-pressed={drawing === 'circle'} className={drawing === 'circle' ? 'sky-tool-on' : undefined} disabled={disabled} onClick={() => onDrawing(drawing === 'circle' ? null : 'circle')}>
          Draw circle
        </button>
      )}
      {polygon && (
        <button type="button" aria-pressed={drawing === 'polygon'} className={drawing === 'polygon' ? 'sky-tool-on' : undefined} disabled={disabled} onClick={() => onDrawing(drawing === 'polygon' ? null : 'polygon')}>
          Draw polygon
        </button>
      )}
      {drawing === 'circle' && <span className="muted small-print">Press on the centre and drag out the radius; Esc cancels.</span>}
      {drawing === 'polygon' && <span className="muted small-print">Click each vertex; click the first one again, double-click or press Enter to close; Esc cancels.</span>}
    </div>
  )
}

/** The footprints' colours by category, the category chooser and the footprint count. */
function Legend({ colourBy, colourIndex, onColourIndex, legend, stats }: { colourBy: readonly ColourOption[]; colourIndex: number; onColourIndex: (i: number) => void; legend: ReturnType<typeof colourGroups>['legend']; stats: string }) {
  return (
    <div className="sky-legend" aria-label="Footprint colours">
      {colourBy.length > 1 && (
        <label>
          Colour by{' '}
          <select value={colourIndex} onChange={(e) => onColourIndex(Number(e.target.value))} aria-label="Colour footprints by">
            {colourBy.map((o, i) => (
              <option key={o.name} value={i}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <ul>
        {legend.map((g) => (
          <li key={g.label}>
            <span className="sky-swatch" style={{ borderColor: g.colour }} /> {g.label} <span className="muted">({g.count})</span>
          </li>
        ))}
      </ul>
      <span className="muted small-print" data-testid="sky-stats">
        {stats}
      </span>
      <span className="muted small-print">Click a footprint to select every observation covering that point (Ctrl/Shift adds).</span>
    </div>
  )
}

/** Frames all footprints: the mean direction of their centres and the largest distance from it. */
function frame(engine: SkyEngine, s: FootprintStore) {
  let x = 0, y = 0, z = 0, n = 0
  for (let f = 0; f < s.count; f++) {
    if (!s.kind[f]) continue
    x += s.cone[4 * f]!
    y += s.cone[4 * f + 1]!
    z += s.cone[4 * f + 2]!
    n++
  }
  const len = Math.hypot(x, y, z)
  if (!n || len < 1e-9) return engine.goTo(0, 0, 180)
  x /= len
  y /= len
  z /= len
  let r = 0
  for (let f = 0; f < s.count; f++) {
    if (!s.kind[f]) continue
    const d = Math.acos(Math.min(1, s.cone[4 * f]! * x + s.cone[4 * f + 1]! * y + s.cone[4 * f + 2]! * z)) + s.cone[4 * f + 3]!
    r = Math.max(r, d)
  }
  const ra = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360
  const dec = (Math.asin(z) * 180) / Math.PI
  engine.goTo(ra, dec, Math.min(180, Math.max(0.05, (r * 180) / Math.PI * 2.4)))
}
