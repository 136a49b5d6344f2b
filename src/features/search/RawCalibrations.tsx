/** "Calibrations for these frames": calSelector for every selected raw frame (a few at a time), one download script for all. */
import { useEffect, useMemo, useState } from 'react'
import { useRuntime } from '../../state/runtime'
import { fetchCalibrations } from '../../protocols/calselector'
import { downloadScript, mapLimited, totalSize } from '../../protocols/download'
import { cellText, findColumn, formatBytes } from '../../protocols/table'
import type { Table } from '../../protocols/votable'
import { saveBlob } from '../../state/downloads/saveFile'
import { archiveOrigins } from '../../components/BulkDownload'
import { summariseCalibrations, type FrameCalibrations } from './rawCalibrations'

const styleOf = (endpoint: string) => (/\/associations\/?$/.test(new URL(endpoint).pathname) ? 'eso' : 'datalink')

export function RawCalibrations({ table, rows }: { table: Table; rows: readonly number[] }) {
  const rt = useRuntime()
  const endpoint = rt.endpoint('calselector')
  const [open, setOpen] = useState(false)
  const [frames, setFrames] = useState<FrameCalibrations[] | undefined>()
  const [done, setDone] = useState(0)
  const idCol = findColumn(table, { names: ['dp_id'] })
  const ids = useMemo(() => rows.map((r) => cellText(table, r, idCol)).filter((x): x is string => !!x), [rows, table, idCol])
  const key = ids.join('|')
  useEffect(() => {
    if (!open || !endpoint || ids.length === 0) return
    const abort = new AbortController()
    setFrames(undefined)
    setDone(0)
    let n = 0
    void mapLimited(ids, 3, async (dpId): Promise<FrameCalibrations> => {
      try {
        const result = await fetchCalibrations(rt.http, { dpId, mode: 'Raw2Raw' }, { baseUrl: endpoint, style: styleOf(endpoint), idTemplate: rt.profile.idTemplate, signal: abort.signal })
        return { dpId, result }
      } catch (e) {
        return { dpId, error: e instanceof Error ? e.message : String(e) }
      } finally {
        if (!abort.signal.aborted) setDone(++n)
      }
    }).then((all) => !abort.signal.aborted && setFrames(all))
    return () => abort.abort()
  }, [open, key, endpoint]) // eslint-disable-line react-hooks/exhaustive-deps

  const summary = useMemo(() => (frames ? summariseCalibrations(frames) : undefined), [frames])
  const script = useMemo(
    () => (summary?.files.length ? downloadScript(summary.files, { flavour: 'curl', authOrigins: archiveOrigins(rt), generatedBy: `the ESO Archive Explorer (${rt.profile.label})`, generatedAt: new Date() }) : ''),
    [summary, rt],
  )
  if (idCol < 0) return null
  const size = summary ? totalSize(summary.files) : undefined
  return (
    <>
      <button type="button" disabled={!endpoint || ids.length === 0} onClick={() => setOpen(true)} title={endpoint ? 'calSelector: the raw calibration frames of the selected frames, in one script' : 'This archive has no calSelector'}>
        Calibrations for these frames{ids.length ? ` (${ids.length})` : ''}
      </button>
      {open && (
        <section className="bulk-download panel" role="dialog" aria-label="Calibrations for these frames">
          <div className="toolbar">
            <strong>Calibrations of {ids.length} selected {ids.length === 1 ? 'frame' : 'frames'} (calSelector, Raw2Raw)</strong>
            <button type="button" onClick={() => setOpen(false)} aria-label="Close calibrations">Close</button>
          </div>
          {!summary && (
            <p role="status">
              Asking calSelector {done}/{ids.length}… <progress max={ids.length} value={done} />
            </p>
          )}
          {summary && size && (
            <>
              <p role="status" data-testid="calibrations-summary">
                {summary.files.length} {summary.files.length === 1 ? 'file' : 'files'} (frames and calibrations, each once), about {formatBytes(size.bytes)}
                {size.unknown ? ` (${size.unknown} of unknown size)` : ''}
              </p>
              {summary.incomplete.length > 0 && <p className="banner warning small-print">calSelector found no complete calibration set for {summary.incomplete.join(', ')}.</p>}
              {summary.withoutFile.length > 0 && <p className="muted small-print">{summary.withoutFile.length} calibrations have no file here (metadata only): {summary.withoutFile.slice(0, 8).join(', ')}{summary.withoutFile.length > 8 ? ', …' : ''}</p>}
              {summary.failed.length > 0 && (
                <ul className="small-print" aria-label="calSelector failures">
                  {summary.failed.map((f) => <li key={f.dpId}>{f.dpId}: {f.error}</li>)}
                </ul>
              )}
            </>
          )}
          {script && (
            <>
              <div className="toolbar">
                <button type="button" onClick={() => saveBlob(script, 'eso-calibrations-curl.sh', 'text/x-shellscript')}>Save eso-calibrations-curl.sh</button>
              </div>
              <textarea className="bulk-script" readOnly value={script} aria-label="Calibrations download script" rows={12} spellCheck={false} />
            </>
          )}
        </section>
      )}
    </>
  )
}
