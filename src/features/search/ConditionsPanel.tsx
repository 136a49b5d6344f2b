/** The selected observation's conditions over time (an hour either side), with its exposure marked: one small line chart per quantity. */
import type { AppRuntime } from '../../state/runtime'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatUtc } from '../../protocols/time'
import type { Exposure, Samples } from './conditions'
import { useConditionSeries } from './useConditions'

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

function Chart({ s, column, label, scale = 1, exposure, from, to }: { s: Samples; column: string; label: string; scale?: number; exposure: Exposure; from: number; to: number }) {
  const pts = s.t.map((t, i) => [t, (s.values[column]?.[i] ?? NaN) * scale] as const).filter(([, v]) => Number.isFinite(v))
  if (!pts.length) return null
  let lo = Math.min(...pts.map((p) => p[1]))
  let hi = Math.max(...pts.map((p) => p[1]))
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1]
  const x = (t: number) => PAD.l + ((t - from) / (to - from)) * (W - PAD.l - PAD.r)
  const y = (v: number) => PAD.t + (1 - (v - lo) / (hi - lo)) * (H - PAD.t - PAD.b)
  const path = pts.map(([t, v], i) => `${i ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join('')
  const ex0 = x(exposure.start)
  const ex1 = Math.max(x(exposure.end), ex0 + 2)
  return (
    <svg className="conditions-chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`${label}: ${pts.length} samples, exposure marked`}>
      <rect className="conditions-exposure" x={ex0} y={PAD.t} width={ex1 - ex0} height={H - PAD.t - PAD.b} data-testid="exposure-interval" />
      <path d={path} className="conditions-line" fill="none" />
      <text x={PAD.l} y={11} className="conditions-label">{label}</text>
      <text x={PAD.l - 4} y={PAD.t + 8} textAnchor="end" className="conditions-tick">{hi.toFixed(hi < 10 ? 1 : 0)}</text>
      <text x={PAD.l - 4} y={H - PAD.b} textAnchor="end" className="conditions-tick">{lo.toFixed(lo < 10 ? 1 : 0)}</text>
      <text x={PAD.l} y={H - 3} className="conditions-tick">{formatUtc(new Date(from)).slice(11, 16)}</text>
      <text x={W - PAD.r} y={H - 3} textAnchor="end" className="conditions-tick">{formatUtc(new Date(to)).slice(11, 16)} UTC</text>
    </svg>
  )
}

export function ConditionsPanel({ rt, exposure, id }: { rt: AppRuntime; exposure: Exposure; id: string }) {
  const q = useConditionSeries(rt, exposure)
  const from = exposure.start - 3_600_000
  const to = exposure.end + 3_600_000
  const charts = q.data ? SERIES.map((c) => { const s = q.data.samples[c.source]; return s ? <Chart key={c.column} s={s} column={c.column} label={c.label} scale={c.scale} exposure={exposure} from={from} to={to} /> : null }).filter(Boolean) : []
  return (
    <section className="conditions-panel panel" aria-label="Observing conditions of the selected observation">
      <h2 className="small-heading">
        Conditions at Paranal around {id}: exposure {formatUtc(new Date(exposure.start))} – {formatUtc(new Date(exposure.end)).slice(11)}
      </h2>
      {q.isFetching && <p className="muted" role="status">Fetching the asm measurements…</p>}
      {q.error && <ErrorNotice error={q.error} />}
      {q.data && !charts.length && <p className="muted">No asm measurements around this exposure.</p>}
      <div className="conditions-charts">{charts}</div>
    </section>
  )
}
