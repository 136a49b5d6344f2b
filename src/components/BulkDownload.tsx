/**
 * "Download script" for the selected rows of any result: resolves each row's DataLink to its #this
 * files (a few at a time, with progress), estimates the total size, and offers a curl, wget or Python script.
 */
import { useEffect, useMemo, useState } from 'react'
import { useRuntime, type AppRuntime } from '../state/runtime'
import type { EndpointName } from '../config/types'
import { downloadScript, downloadTargets, resolveFiles, totalSize, type Resolution, type ScriptFlavour } from '../protocols/download'
import { formatBytes } from '../protocols/table'
import type { Table } from '../protocols/votable'
import { saveBlob } from '../state/downloads/saveFile'
import { ErrorNotice } from './ErrorNotice'

// without an auth section, the archive's own services stand in (never the name resolver or the login service)
const ARCHIVE_ENDPOINTS: EndpointName[] = ['tap_obs', 'tap_cat', 'ssap', 'datalink', 'calselector', 'soda', 'file']

/** Origins that may receive the token in the script: the same as the app's credential policy (the profile's bearerOrigins). */
export function archiveOrigins(rt: Pick<AppRuntime, 'endpoint' | 'profile'>): string[] {
  if (rt.profile.auth) return [...rt.profile.auth.bearerOrigins]
  const out = new Set<string>()
  for (const name of ARCHIVE_ENDPOINTS) {
    const url = rt.endpoint(name)
    if (!url) continue
    try {
      out.add(new URL(url).origin)
    } catch {
      // a relative or broken endpoint gets no credentials
    }
  }
  return [...out]
}

const FLAVOURS: { id: ScriptFlavour; label: string; file: string }[] = [
  { id: 'curl', label: 'bash + curl', file: 'eso-download-curl.sh' },
  { id: 'wget', label: 'bash + wget', file: 'eso-download-wget.sh' },
  { id: 'python', label: 'Python 3', file: 'eso-download.py' },
]

type State = { status: 'idle' } | { status: 'resolving'; done: number; total: number } | { status: 'ready'; resolution: Resolution } | { status: 'failed'; error: Error }

export function BulkDownload({ table, rows }: { table: Table; rows: readonly number[] }) {
  const rt = useRuntime()
  const [open, setOpen] = useState(false)
  const [state, setState] = useState<State>({ status: 'idle' })
  const [flavour, setFlavour] = useState<ScriptFlavour>('curl')
  const key = rows.join(',')
  // (re)resolves whenever the panel is open and the table or the selection changes
  useEffect(() => {
    if (!open || rows.length === 0) {
      setState({ status: 'idle' })
      return
    }
    const abort = new AbortController()
    setState({ status: 'resolving', done: 0, total: rows.length })
    resolveFiles(rt.http, downloadTargets(table, rows), {
      baseUrl: rt.endpoint('datalink'),
      idTemplate: rt.profile.idTemplate,
      signal: abort.signal,
      onProgress: (done, total) => !abort.signal.aborted && setState({ status: 'resolving', done, total }),
    }).then(
      (resolution) => !abort.signal.aborted && setState({ status: 'ready', resolution }),
      (e: unknown) => !abort.signal.aborted && setState({ status: 'failed', error: e instanceof Error ? e : new Error(String(e)) }),
    )
    return () => abort.abort()
  }, [open, table, key]) // eslint-disable-line react-hooks/exhaustive-deps

  const script = useMemo(() => {
    if (state.status !== 'ready' || state.resolution.files.length === 0) return ''
    return downloadScript(
      state.resolution.files.map((f) => ({ url: f.url, size: f.size, contentType: f.contentType })),
      { flavour, authOrigins: archiveOrigins(rt), generatedBy: `the ESO Archive Explorer (${rt.profile.label})`, generatedAt: new Date() },
    )
  }, [state, flavour, rt])
  const chosen = FLAVOURS.find((f) => f.id === flavour)!
  const save = () => saveBlob(script, chosen.file, flavour === 'python' ? 'text/x-python' : 'text/x-shellscript')

  return (
    <>
      <button type="button" disabled={rows.length === 0} onClick={() => setOpen(true)} title={rows.length ? `A script that downloads the files of the ${rows.length} selected rows` : 'Select rows to download their files'}>
        Download script{rows.length ? ` (${rows.length.toLocaleString('en')})` : ''}
      </button>
      {open && (
        <section className="bulk-download panel" role="dialog" aria-label="Bulk download">
          <div className="toolbar">
            <strong>Download {rows.length} selected {rows.length === 1 ? 'row' : 'rows'}</strong>
            <button type="button" onClick={() => setOpen(false)} aria-label="Close bulk download">Close</button>
          </div>
          {state.status === 'resolving' && (
            <p role="status">
              Looking up the files (DataLink) {state.done}/{state.total}… <progress max={state.total} value={state.done} />
            </p>
          )}
          {state.status === 'failed' && <ErrorNotice error={state.error} />}
          {state.status === 'ready' && <ResolutionSummary resolution={state.resolution} />}
          {script && (
            <>
              <div className="toolbar">
                <label>
                  Script{' '}
                  <select value={flavour} onChange={(e) => setFlavour(e.target.value as ScriptFlavour)} aria-label="Script flavour">
                    {FLAVOURS.map((f) => (
                      <option key={f.id} value={f.id}>{f.label}</option>
                    ))}
                  </select>
                </label>
                <button type="button" onClick={save}>Save {chosen.file}</button>
                <button type="button" onClick={() => navigator.clipboard.writeText(script).catch(() => {})}>Copy</button>
              </div>
              <p className="muted">
                No password or token is written into the script: for proprietary files set <code>ESO_TOKEN</code> in the environment (sent only to{' '}
                {archiveOrigins(rt).join(', ') || 'no host'}) or use <code>~/.netrc</code>.
              </p>
              <textarea className="bulk-script" readOnly value={script} aria-label="Download script" rows={14} spellCheck={false} />
            </>
          )}
        </section>
      )}
    </>
  )
}

function ResolutionSummary({ resolution }: { resolution: Resolution }) {
  const { files, unresolved } = resolution
  const { bytes, unknown } = totalSize(files)
  return (
    <>
      <p role="status" data-testid="bulk-summary">
        {files.length} {files.length === 1 ? 'file' : 'files'}, about {formatBytes(bytes)}
        {unknown ? ` (${unknown} of unknown size)` : ''}
      </p>
      {unresolved.length > 0 && (
        <details className="bulk-unresolved" open={unresolved.length <= 5}>
          <summary>{unresolved.length} {unresolved.length === 1 ? 'row has' : 'rows have'} no file to download</summary>
          <ul>
            {unresolved.map((u) => (
              <li key={u.row}>
                {u.label}: {u.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}
