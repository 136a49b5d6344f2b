/**
 * The selected observation's conditions over time (an hour either side), with its exposure marked: one small line
 * chart per asm quantity (Paranal only), the computed airmass with the header's (measured) values as dots, and the
 * Moon at mid-exposure (computed).
 */
import type { AppRuntime } from '../../state/runtime'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatUtc } from '../../protocols/time'
import { SITES } from '../../protocols/ephemeris'
import type { Exposure, Samples } from './conditions'
import { useConditionSeries } from './useConditions'
import { airmassCurve, skySummaryOf } from './skyConditions'

const SERIES: { source: 'dimm' | 'meteo' | 'lhatpro'; column: string; label: string; scale?: number }[] = [
  { source: 'dimm', column: 'fwhm', label: 'Seeing [arcsec]' },
  { source: 'dimm', column: 'tau0', label: 'τ0 [ms]', scale: 1000 },
  { source: 'lhatpro', column: 'iwv', label: 'PWV [mm]' },
  { source: 'meteo', column: 'rhum_2m', label: 'Humidity [%]' },
  { source: 'meteo', column: 'wind_speed_10m', label: 'Wind [m/s]' },
]

const W = 300
const H = 90
const PAD = { l: 36, r: 6, t: 16, b: 16 }

interface ChartProps {
  s: Samples
  column: string
  label: string
  scale?: number
  exposure: Exposure
  from: number
  to: number
  /** measured values drawn as dots (the header's airmass at the exposure's start and end) */
  marks?: { t: number; v: number }[]
  /** what the samples are, for the chart's name */
  what?: string
}

function Chart({ s, column, label, scale = 1, exposure, from, to, marks = [], what = 'samples' }: ChartProps) {
  const pts = s.t.map((t, i) => [t, (s.values[column]?.[i] ?? NaN) * scale] as const).filter(([, v]) => Number.isFinite(v))
  if (!pts.length) return null
  let lo = Math.min(...pts.map((p) => p[1]), ...marks.map((m) => m.v))
  let hi = Math.max(...pts.map((p) => p[1]), ...marks.map((m) => m.v))
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1]
  const x = (t: number) => PAD.l + ((t - from) / (to - from)) * (W - PAD.l - PAD.r)
  const y = (v: number) => PAD.t + (1 - (v - lo) / (hi - lo)) * (H - PAD.t - PAD.b)
  const path = pts.map(([t, v], i) => `${i ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join('')
  const ex0 = x(exposure.start)
  const ex1 = Math.max(x(exposure.end), ex0 + 2)
  return (
    <svg className="conditions-chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`${label}: ${pts.length} ${what}${marks.length ? `, ${marks.length} measured` : ''}, exposure marked`}>
      <rect className="conditions-exposure" x={ex0} y={PAD.t} width={ex1 - ex0} height={H - PAD.t - PAD.b} data-testid="exposure-interval" />
      <path d={path} className="conditions-line" fill="none" />
      {marks.map((m) => <circle key={m.t} cx={x(m.t)} cy={y(m.v)} r={3} className="conditions-mark" data-testid="measured-airmass" />)}
      <text x={PAD.l} y={11} className="conditions-label">{label}</text>
      <text x={PAD.l - 4} y={PAD.t + 8} textAnchor="end" className="conditions-tick">{hi.toFixed(hi < 10 ? 1 : 0)}</text>
      <text x={PAD.l - 4} y={H - PAD.b} textAnchor="end" className="conditions-tick">{lo.toFixed(lo < 10 ? 1 : 0)}</text>
      <text x={PAD.l} y={H - 3} className="conditions-tick">{formatUtc(new Date(from)).slice(11, 16)}</text>
      <text x={W - PAD.r} y={H - 3} textAnchor="end" className="conditions-tick">{formatUtc(new Date(to)).slice(11, 16)} UTC</text>
    </svg>
  )
}

const pct = (x: number) => `${Math.round(x * 100)}%`
const deg = (x: number | undefined) => (x === undefined ? '–' : `${x.toFixed(1)}°`)

/** Airmass (header and computed) and the Moon at mid-exposure, each saying where it comes from. */
function SkyFacts({ exposure }: { exposure: Exposure }) {
  const s = skySummaryOf(exposure)
  if (!s) return null
  const hdr = [exposure.airmassStart, exposure.airmassEnd]
  return (
    <dl className="sky-facts" aria-label="Airmass and Moon of the selected observation">
      <dt>Airmass, measured (header TEL.AIRM.START → END)</dt>
      <dd data-testid="airmass-measured">{hdr.some((a) => a !== undefined) ? hdr.map((a) => (a === undefined ? '–' : a.toFixed(3))).join(' → ') : 'not in this row'}</dd>
      <dt>Airmass, computed (sec z at mid-exposure)</dt>
      <dd data-testid="airmass-computed">{s.computedAirmass !== undefined ? `${s.computedAirmass.toFixed(3)} (altitude ${deg(s.altitude)})` : s.altitude !== undefined ? `target below 5° (altitude ${deg(s.altitude)})` : 'no pointing in this row'}</dd>
      <dt>Moon, computed at mid-exposure</dt>
      <dd data-testid="moon-facts">
        {pct(s.moonIllumination)} illuminated, altitude {deg(s.moonAltitude)}
        {s.moonSeparation !== undefined ? `, ${deg(s.moonSeparation)} from the target` : ''}
      </dd>
    </dl>
  )
}

function AirmassChart({ exposure, from, to }: { exposure: Exposure; from: number; to: number }) {
  const c = airmassCurve(exposure, from, to)
  const marks = [
    { t: exposure.start, v: exposure.airmassStart },
    { t: exposure.end, v: exposure.airmassEnd },
  ].filter((m): m is { t: number; v: number } => m.v !== undefined)
  const s: Samples = { t: c.t, values: { airmass: c.airmass.map((a) => a ?? NaN) } }
  return <Chart s={s} column="airmass" label="Airmass (line computed, dots header)" exposure={exposure} from={from} to={to} marks={marks} what="computed points" />
}

export function ConditionsPanel({ rt, exposure, id }: { rt: AppRuntime; exposure: Exposure; id: string }) {
  const paranal = exposure.site === 'paranal'
  const q = useConditionSeries(rt, paranal ? exposure : undefined)
  const from = exposure.start - 3_600_000
  const to = exposure.end + 3_600_000
  const charts = q.data ? SERIES.map((c) => { const s = q.data.samples[c.source]; return s ? <Chart key={c.column} s={s} column={c.column} label={c.label} scale={c.scale} exposure={exposure} from={from} to={to} /> : null }).filter(Boolean) : []
  return (
    <section className="conditions-panel panel" aria-label="Observing conditions of the selected observation">
      <h2 className="small-heading">
        Conditions at {exposure.site ? SITES[exposure.site].name : 'the site'} around {id}: exposure {formatUtc(new Date(exposure.start))} – {formatUtc(new Date(exposure.end)).slice(11)}
      </h2>
      <SkyFacts exposure={exposure} />
      {paranal && q.isFetching && <p className="muted" role="status">Fetching the asm measurements…</p>}
      {q.error && <ErrorNotice error={q.error} />}
      {paranal && q.data && !charts.length && <p className="muted">No asm measurements around this exposure.</p>}
      {!paranal && <p className="muted small-print">No asm measurements here (the archive's asm tables used here are Paranal's).</p>}
      <div className="conditions-charts">
        <AirmassChart exposure={exposure} from={from} to={to} />
        {charts}
      </div>
      <p className="muted small-print">Measured: the asm series (site monitors) and the header airmass. Computed here: airmass from the pointing and the site, and the Moon (low-precision ephemeris, ~0.05°).</p>
    </section>
  )
}
