/**
 * The sky explorer: Aladin Lite (lazy-loaded) with result footprints coloured by a category, a
 * legend, the search cone, and two-way linking with a grid (hover and selection by row index).
 * The only component that touches Aladin Lite (through SkyEngine).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react'
import { SkyEngine, type DrawMode } from './engine'
import { buildStore } from './footprintClient'
import type { FootprintInput, FootprintStore } from './footprints'
import { colourGroups } from './palette'
import { DensityLegend, HitList, SkyHud } from './SkyOverlays'
import { PreviewToggle, useSkyPreview, type SkyImage } from './SkyPreview'
import type { DensityStats } from './density'
import type { CoordFormat, SkyFrame } from './skyCoords'
import { useSamp } from '../../state/samp'
import type { HoverStore } from '../gridSkyLink'

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
  /** The hovered row, shared with the grid: followed here without rendering, set when the pointer is over a footprint. */
  hover?: HoverStore
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
  /** A row's name in the list of footprints at a clicked point (e.g. its product id); "row N" when absent. */
  rowLabel?: (row: number) => string
  /** The surveys to choose from (and none: the grid on black); the view shows `hips`. */
  surveys?: { list: readonly string[]; value: string | null; onChange: (survey: string | null) => void }
  /** The selected row's preview, drawn inside its footprint; a "Show previews on the sky" toggle when given. */
  skyImage?: SkyImage | null
}

/** The footprints at a point the user clicked (or picked with Enter), and that point. */
type SkyPick = { hits: number[]; at: { ra: number; dec: number } }

const NO_ROWS: readonly number[] = []

type EngineState = { status: 'loading' } | { status: 'ready'; engine: SkyEngine } | { status: 'failed'; message: string }

export function SkyView({ footprints, colourBy = [], selected = NO_ROWS, hover, onSelect, focus, cone, centre, hips, height = 480, onDrawCircle, onDrawPolygon, polygon, rowLabel, surveys, skyImage }: SkyViewProps) {
  const host = useRef<HTMLDivElement>(null)
  const [store, setStore] = useState<{ input: FootprintInput; store: FootprintStore; ms: number } | undefined>()
  const [colourIndex, setColourIndex] = useState(0)
  const [stats, setStats] = useState('')
  const selectedRef = useRef(selected)
  selectedRef.current = selected
  const [drawing, setDrawing] = useState<DrawMode | null>(null)
  const [pick, setPick] = useState<SkyPick>()
  const [gridChoice, setGrid] = useState<boolean>()
  const grid = gridChoice ?? hips === null // no survey: the grid gives the sky its bearings
  const [frameName, setFrameName] = useState<SkyFrame>('ICRS')
  const [format, setFormat] = useState<CoordFormat>('sexagesimal')
  const state = useSkyEngine(host, hips, centre, selectedRef, { hover, onSelect, onDrawCircle, onDrawPolygon, onPick: setPick }, setDrawing)
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
  const density = useDensity(engine)
  useEffect(() => {
    if (!engine) return
    engine.setData(store && { store: store.store, regions: store.input.regions, group: groups.group, colours: groups.colours })
    engine.setSelection(selectedRef.current)
    if (store && !centreRef.current) frame(engine, store.store)
    if (store) setStats(`${engine.stats.footprints.toLocaleString('en')} ${engine.stats.footprints === 1 ? 'footprint' : 'footprints'} · indexed in ${Math.round(store.ms)} ms`)
  }, [engine, store, groups])
  useEffect(() => engine?.setSelection(selected), [engine, selected])
  useEffect(() => setPick(undefined), [store])
  useEffect(() => engine?.setMarker(pick?.at ?? null), [engine, pick])
  useEffect(() => engine?.setGrid(grid), [engine, grid])
  useEffect(() => engine?.setFrame(frameName), [engine, frameName])
  const keys = useSkyKeys(engine, onSelect, setPick)
  const keysHelp = useId()
  useEffect(() => {
    if (!engine || !hover) return
    const follow = () => engine.setHovered(hover.get())
    follow()
    return hover.subscribe(follow)
  }, [engine, hover])
  useEffect(() => engine?.setCone(cone ?? null), [engine, cone])
  useEffect(() => engine?.setDrawing(drawing), [engine, drawing])
  useEffect(() => engine?.setPolygon(polygon ?? null), [engine, polygon])
  useDrawKeys(drawing, engine, setDrawing)
  const preview = useSkyPreview(engine, host, skyImage, store?.input.regions)
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
      <div className="toolbar sky-toolbar" role="toolbar" aria-label="Sky tools">
        {surveys && (
          <select aria-label="Sky survey" value={surveys.value ?? ''} onChange={(e) => surveys.onChange(e.target.value || null)}>
            {surveys.list.map((s) => (
              <option key={s} value={s}>
                {surveyName(s)}
              </option>
            ))}
            <option value="">No survey (grid only)</option>
          </select>
        )}
        <button type="button" aria-pressed={grid} className={grid ? 'sky-tool-on' : undefined} disabled={!engine} onClick={() => setGrid(!grid)}>
          Grid
        </button>
        <select aria-label="Coordinate frame" value={frameName} onChange={(e) => setFrameName(e.target.value as SkyFrame)}>
          <option value="ICRS">ICRS</option>
          <option value="Galactic">Galactic</option>
        </select>
        <select aria-label="Coordinate format" value={format} onChange={(e) => setFormat(e.target.value as CoordFormat)}>
          <option value="sexagesimal">h m s / ° ′ ″</option>
          <option value="decimal">degrees</option>
        </select>
        {skyImage !== undefined && <PreviewToggle {...preview} />}
        {(onDrawCircle || onDrawPolygon) && <DrawTools circle={!!onDrawCircle} polygon={!!onDrawPolygon} drawing={drawing} onDrawing={setDrawing} disabled={!engine} />}
      </div>
      <div className="sky-frame" style={{ height }} role="application" aria-roledescription="sky map" aria-label="Sky map" aria-describedby={keysHelp} tabIndex={0} onKeyDown={keys}>
        <div className="sky-host" ref={host} />
        {engine && <SkyHud engine={engine} frame={frameName} format={format} footprints={store?.store.count ?? 0} />}
        {pick && <HitList hits={pick.hits} label={rowLabel ?? ((r) => `row ${r + 1}`)} selected={selected} onPick={(row) => onSelect?.([row])} onClose={() => setPick(undefined)} />}
        <span id={keysHelp} hidden>
          Arrow keys pan, plus and minus zoom, Enter selects the footprints under the centre.
        </span>
      </div>
      {state.status === 'loading' && <div className="sky-message muted">Loading the sky viewer…</div>}
      {state.status === 'failed' && (
        <div className="sky-message banner error" role="alert">
          The sky viewer stopped: {state.message}
        </div>
      )}
      {density && <DensityLegend density={density} />}
      <Legend colourBy={colourBy} colourIndex={colourIndex} onColourIndex={setColourIndex} legend={groups.legend} stats={stats} selectable={!!onSelect} />
    </div>
  )
}

/** While drawing: Esc cancels, Enter closes a polygon. */
function useDrawKeys(drawing: DrawMode | null, engine: SkyEngine | undefined, setDrawing: (mode: DrawMode | null) => void) {
  useEffect(() => {
    if (!drawing) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDrawing(null)
      else if (e.key === 'Enter' && drawing === 'polygon') engine?.finishPolygon()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [drawing, engine, setDrawing])
}

/** Whether the engine shows a density map instead of the footprints (and at which cell size). */
function useDensity(engine: SkyEngine | undefined): DensityStats | undefined {
  const [density, setDensity] = useState<DensityStats>()
  useEffect(() => {
    if (!engine) return
    engine.onDensity = setDensity
    return () => {
      engine.onDensity = undefined
    }
  }, [engine])
  return density
}

type EngineCallbacks = Pick<SkyViewProps, 'hover' | 'onSelect' | 'onDrawCircle' | 'onDrawPolygon'> & { onPick: (pick: SkyPick | undefined) => void }

const PAN_STEP = 0.1

/** Keys on the focused sky map: arrows pan, + and − zoom, Enter selects what is under the centre, Esc closes the list. */
function useSkyKeys(engine: SkyEngine | undefined, onSelect: SkyViewProps['onSelect'], setPick: (pick: SkyPick | undefined) => void) {
  return useCallback(
    (e: ReactKeyboardEvent<HTMLDivElement>) => {
      if (!engine || e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return
      const pan: Record<string, [number, number]> = { ArrowLeft: [-PAN_STEP, 0], ArrowRight: [PAN_STEP, 0], ArrowUp: [0, -PAN_STEP], ArrowDown: [0, PAN_STEP] }
      if (pan[e.key]) engine.panBy(...pan[e.key]!)
      else if (e.key === '+' || e.key === '=') engine.zoom('in')
      else if (e.key === '-' || e.key === '_') engine.zoom('out')
      else if (e.key === 'Escape') setPick(undefined)
      else if (e.key === 'Enter') {
        const { hits, at } = engine.hitsAtCentre()
        onSelect?.(hits)
        setPick(at && hits.length ? { hits, at } : undefined)
      } else return
      e.preventDefault()
    },
    [engine, onSelect, setPick],
  )
}

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
        e.onHover = (f) => callbacks.current.hover?.set(f)
        e.onClick = (hits, additive, at) => {
          const rows = additive ? [...new Set([...selectedRef.current, ...hits])].sort((a, b) => a - b) : hits
          callbacks.current.onSelect?.(rows)
          callbacks.current.onPick(at && hits.length ? { hits, at } : undefined)
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
    <>
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
    </>
  )
}

/** The footprints' colours by category, the category chooser and the footprint count. */
function Legend({ colourBy, colourIndex, onColourIndex, legend, stats, selectable }: { colourBy: readonly ColourOption[]; colourIndex: number; onColourIndex: (i: number) => void; legend: ReturnType<typeof colourGroups>['legend']; stats: string; selectable: boolean }) {
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
      {selectable && <span className="muted small-print">Click a footprint to select every observation covering that point (Ctrl/Shift adds).</span>}
    </div>
  )
}

/** A survey's short name: the path of its URL ("DSS/DSSColor"), else its id. */
const surveyName = (s: string) => (/^https?:\/\//i.test(s) ? new URL(s).pathname.replace(/^\/+|\/+$/g, '') || s : s)

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
