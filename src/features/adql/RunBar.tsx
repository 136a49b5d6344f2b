/** The ADQL view's run controls (Run, Format, validity, mode, MAXREC, status) and what a run shows below the editor. */
import type { UseMutationResult } from '@tanstack/react-query'
import type { TapResult } from '../../protocols/tap'
import type { Table } from '../../protocols/votable'
import { CopyAsMenu } from '../../components/CopyAsMenu'
import type { CodeSource } from '../../protocols/codegen'
import { rowCountText } from '../../components/PartialNotice'
import { JobResultPanel, ResultView } from './ResultPanel'
import { columnOrderOf, isTapResult, type PartialRows, type RunMode, type RunRequest } from './useAdqlRun'

type Run = UseMutationResult<TapResult | { jobUrl: string }, Error, RunRequest>

const NO_ROWS: Table = { fields: [], params: [], groups: [], links: [], infos: [], rowCount: 0, truncated: false, value: () => null, column: () => { throw new RangeError('no columns') } }

interface RunBarProps {
  run: Run
  partial: PartialRows | null
  jobUrl: string | undefined
  canRun: boolean
  onRun: () => void
  onFormat: () => void
  onCancel: () => void
  /** how many syntax errors the query has */
  syntaxErrors: number
  /** how many schema or service-rule warnings it has (they never stop Run) */
  warnings?: number
  mode: RunMode
  onMode: (mode: RunMode) => void
  maxrec: string
  onMaxrec: (maxrec: string) => void
  maxrecInvalid: boolean
  maxrecDefault: number | undefined
  /** the query as the Run button would send it, for "Copy as…" */
  codeSource?: CodeSource
}

export function RunBar({ run, partial, jobUrl, canRun, onRun, onFormat, onCancel, syntaxErrors, warnings = 0, mode, onMode, maxrec, onMaxrec, maxrecInvalid, maxrecDefault, codeSource }: RunBarProps) {
  return (
    <div className="toolbar">
      <button type="button" className="primary" onClick={onRun} disabled={!canRun || run.isPending} title="Ctrl+Enter">
        Run
      </button>
      <button type="button" onClick={onFormat} title="Pretty-print (Shift+Alt+F)">
        Format
      </button>
      {codeSource && <CopyAsMenu source={codeSource} />}
      <span className={syntaxErrors ? 'field-error' : 'muted'} data-testid="validation">
        {syntaxErrors ? `${syntaxErrors} syntax error${syntaxErrors > 1 ? 's' : ''}` : 'valid ADQL'}
        {warnings > 0 && ` · ${warnings} warning${warnings > 1 ? 's' : ''} (see the marks; Run still sends it)`}
      </span>
      {run.isPending && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      <fieldset className="mode" aria-label="Run mode">
        <label title="The result comes back in the answer; for queries under a minute">
          <input type="radio" name="mode" checked={mode === 'sync'} onChange={() => onMode('sync')} /> sync
        </label>
        <label title="A job on the server: survives reloads, for long queries (ESO recommends it beyond 60 s)">
          <input type="radio" name="mode" checked={mode === 'async'} onChange={() => onMode('async')} /> async job
        </label>
      </fieldset>
      <label>
        MAXREC{' '}
        <input
          aria-label="MAXREC"
          className="narrow"
          inputMode="numeric"
          placeholder={maxrecDefault !== undefined ? `default ${maxrecDefault}` : 'service default'}
          value={maxrec}
          onChange={(e) => onMaxrec(e.target.value)}
          aria-invalid={maxrecInvalid}
        />
      </label>
      {maxrecInvalid && (
        <span role="alert" className="field-error">
          MAXREC must be a whole number ≥ 0
        </span>
      )}
      <span className="status" role="status" aria-live="polite">
        {run.isPending
          ? run.variables?.mode === 'sync'
            ? partial && !partial.preview
              ? `Receiving… ${partial.rows.toLocaleString('en')} rows so far`
              : 'Running…'
            : 'Submitting job…'
          : isTapResult(run.data) && !jobUrl
            ? rowCountText(run.data.table.rowCount, run.data.partial)
            : ''}
      </span>
    </div>
  )
}

/**
 * The job's panel, or a sync run's result: one ResultView from Run to the end (one per run), so the grid the rows
 * arrive in is the grid of the whole result and what the user set meanwhile (sort, filters, columns, selection,
 * scroll) stays. The rows received are the result table itself, growing; a preview is another table, replaced.
 */
export function RunOutput({ run, partial, jobUrl, dark, onRerun }: { run: Run; partial: PartialRows | null; jobUrl: string | undefined; dark: boolean; onRerun?: (mode: RunMode) => void }) {
  // the columns in the order the query lists them, or curated for SELECT *
  const columnOrder = run.variables ? columnOrderOf(run.variables.query, run.variables.shape) : undefined
  if (jobUrl) return <JobResultPanel jobUrl={jobUrl} dark={dark} />
  const arriving = run.isPending && run.variables?.mode === 'sync'
  // (mounted at Run, so the grid is built while the service works and the first rows only fill it)
  const shown = arriving ? { table: partial?.table ?? NO_ROWS, overflow: false } : isTapResult(run.data) ? run.data : undefined
  if (!shown) return null
  return (
    <>
      {arriving && partial?.preview && (
        <div className="banner info" data-testid="result-preview">
          A preview: the first {partial.rows.toLocaleString('en')} rows, asked for on their own while the service prepares the whole result, which
          replaces them when it arrives. The sort, filters, columns and rows you select now stay.
        </div>
      )}
      <ResultView key={run.submittedAt} result={shown} rowsSoFar={arriving ? (partial?.rows ?? 0) : undefined} dark={dark} onRerun={onRerun} columnOrder={columnOrder} />
    </>
  )
}
