/** Calibrations from calSelector: Raw2Raw or Raw2Master, with whether the set is complete and certified. */
import { useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { ErrorNotice } from '../../components/ErrorNotice'
import { classifySemantics, type DataLinkResult, type DataLinkRow } from '../../protocols/datalink'
import { fetchCalibrations, fetchCalibrationsFromLink, type CalSelectorMode, type CalSelectorResult } from '../../protocols/calselector'
import { calSelectorStyleOf } from './groups'

type RenderTree = (result: DataLinkResult) => ReactNode

/** Follows a calSelector link of a raw frame's DataLink (the mode comes from the link). */
export function CalSelectorLinks({ link, render }: { link: DataLinkRow; render: RenderTree }) {
  const rt = useRuntime()
  const q = useQuery({
    queryKey: ['calselector', 'link', link.accessUrl],
    queryFn: ({ signal }) => fetchCalibrationsFromLink(rt.http, link, { signal }),
    staleTime: 10 * 60_000,
  })
  if (q.isPending) return <p className="muted" role="status">Asking calSelector…</p>
  if (q.error) return <ErrorNotice error={q.error} />
  return <CalibrationSet result={q.data} render={render} />
}

/** Asks the profile's calSelector for the calibrations of a raw frame (a progenitor), in the mode chosen. */
export function ProgenitorCalibrations({ dpId, endpoint, render }: { dpId: string; endpoint: string; render: RenderTree }) {
  const rt = useRuntime()
  const [mode, setMode] = useState<CalSelectorMode>('Raw2Raw')
  const style = calSelectorStyleOf(endpoint)
  const q = useQuery({
    queryKey: ['calselector', endpoint, dpId, mode],
    queryFn: ({ signal }) => fetchCalibrations(rt.http, { dpId, mode }, { baseUrl: endpoint, style, idTemplate: rt.profile.idTemplate, signal }),
    staleTime: 10 * 60_000,
  })
  return (
    <div className="dl-calibrations">
      <label className="small-print">
        Calibrations of {dpId}:{' '}
        <select aria-label={`calSelector mode for ${dpId}`} value={mode} onChange={(e) => setMode(e.target.value as CalSelectorMode)}>
          <option value="Raw2Raw">raw calibration frames (Raw2Raw)</option>
          <option value="Raw2Master">processed master calibrations (Raw2Master)</option>
        </select>
      </label>
      {q.isPending && <p className="muted" role="status">Asking calSelector…</p>}
      {q.error && <ErrorNotice error={q.error} />}
      {q.data && <CalibrationSet result={q.data} render={render} />}
    </div>
  )
}

function CalibrationSet({ result, render }: { result: CalSelectorResult; render: RenderTree }) {
  const c = result.cascade
  const flag = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? null : <span className={`badge ${v ? 'dl-ok' : 'dl-warn'}`}>{v ? yes : no}</span>)
  const rows = result.rows.filter((r) => classifySemantics(r) !== 'this')
  return (
    <div className="dl-calibration-set" data-testid="calibration-set">
      <p className="dl-cascade">
        {result.modeRun && <span className="badge">{result.modeRun}</span>}
        {flag(c?.complete, 'complete set', 'incomplete set')}
        {flag(c?.certified, 'certified', 'not certified')}
        <span className="muted">
          {' '}
          {result.calibrations.length} calibration {result.calibrations.length === 1 ? 'file' : 'files'}
        </span>
      </p>
      {result.fellBack && (
        <p className="banner warning small-print">Master calibrations were asked for, but calSelector found none and listed the raw calibration frames instead (Raw2Raw).</p>
      )}
      {c?.messages && <p className="small-print">calSelector says: {c.messages}</p>}
      {!c && <p className="muted small-print">calSelector gave no cascade summary (completeness unknown).</p>}
      {render({ ...result, rows })}
    </div>
  )
}
