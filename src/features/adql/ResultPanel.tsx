import { useCallback, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { fetchAsyncResult, type TapResult } from '../../protocols/tap'
import { getJob } from '../../protocols/uws'
import { DalError } from '../../protocols/dal'
import { formatUtc } from '../../protocols/time'
import { abortStoredJob, adoptJob, isActive, jobElapsed, profileTapServices, useJob, useNow } from '../../state/jobs'
import { tapKeys } from '../../state/queryKeys'
import { ResultGrid } from '../../components/lazyParts'
import { ResultPlot } from '../../components/lazyParts'
import { ResultExport } from '../../components/ResultExport'
import { PartialNotice, rowCountText } from '../../components/PartialNotice'
import { columnOrderOf, type RunMode } from './useAdqlRun'
import { carriedRows } from '../../components/gridCarry'
import type { ColumnOrderSource } from '../../components/gridColumns'
import { useArrivingRows } from './arrivingRows'
import { ErrorNotice, useAction } from '../../components/ErrorNotice'
import { BulkDownload } from '../../components/BulkDownload'
import { useSetParams } from '../../state/route'
import { DATALINK_PARAM, dataLinkTargetOfRow, opensDataLink } from '../../state/datalinkTarget'
import { publishSampSelection, useSampRowsIn } from '../../state/samp'
import { SampPositionSend, SampTableSend } from '../../components/SampSendMenu'

const NO_ROWS: number[] = []
/** What a job's result shows while it loads: no rows yet, in the grid made meanwhile (the first rows then only fill it). */
const LOADING: ShownResult = {
  table: { fields: [], params: [], groups: [], links: [], infos: [], rowCount: 0, truncated: false, value: () => null, column: () => { throw new RangeError('no columns') } },
  overflow: false,
}

type ShownResult = Pick<TapResult, 'table' | 'overflow' | 'partial' | 'fetchUrl'>

/**
 * A result in a grid or a plot; `onRerun` offers Retry (and Run as async job, unless `asJob` says it already was one);
 * `name` is what other programs (SAMP) call the table. `rowsSoFar`: the result is still arriving, with this many rows
 * so far (the same grid then grows as rows come and stays when the result is whole; the tools wait for the whole).
 */
export function ResultView({ result, dark, onRerun, asJob = false, name = 'ADQL result', rowsSoFar, columnOrder }: { result: ShownResult; dark: boolean; onRerun?: (mode: RunMode) => void; asJob?: boolean; name?: string; rowsSoFar?: number; columnOrder?: ColumnOrderSource }) {
  const [tab, setTab] = useState<'table' | 'plot'>('table')
  // the selection belongs to one table: the whole result replacing a preview keeps the rows picked on the preview
  // (found by their values), a new run starts with none (a new ResultView)
  const [picked, setPicked] = useState<{ table: ShownResult['table']; rows: number[] }>({ table: result.table, rows: NO_ROWS })
  if (picked.table !== result.table) setPicked({ table: result.table, rows: picked.rows.length ? carriedRows(picked.table, picked.rows, result.table) : NO_ROWS })
  const selected = picked.table === result.table ? picked.rows : NO_ROWS
  const setSelected = useCallback((rows: number[]) => setPicked({ table: result.table, rows }), [result.table])
  // rows selected in TOPCAT & co. for this table follow here, and the grid's go there
  useSampRowsIn(result.table, setSelected)
  const setParams = useSetParams()
  const dataLink = selected.length === 1 ? dataLinkTargetOfRow(result.table, selected[0]!) : undefined
  return (
    <>
      <div role="tablist" aria-label="Result views" className="tabs">
        {(['table', 'plot'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {t === 'table' ? 'Table' : 'Plot'}
          </button>
        ))}
      </div>
      {result.partial && (
        <PartialNotice
          partial={result.partial}
          rows={result.table.rowCount}
          actions={
            onRerun && (
              <>
                <button type="button" onClick={() => onRerun('sync')}>
                  Retry
                </button>
                {!asJob && (
                  <>
                    {' '}
                    <button type="button" onClick={() => onRerun('async')}>
                      Run as async job
                    </button>
                  </>
                )}
              </>
            )
          }
        />
      )}
      {result.overflow && (
        <div className="banner warning" role="status">
          The result is truncated at {result.table.rowCount.toLocaleString('en')} rows (the row limit, MAXREC). Raise MAXREC up to the service's limit, run it
          as an async job, or narrow the query to get the rest.
        </div>
      )}
      {tab === 'table' ? <ResultGrid
          table={result.table}
          rows={rowsSoFar}
          partial={result.partial}
          dark={dark}
          columnOrder={columnOrder}
          selected={selected}
          onSelectionChange={(rows) => {
            setSelected(rows)
            publishSampSelection(result.table, rows)
          }}
          onLinkClick={(href, row) => opensDataLink(result.table, row, href) && (setParams({ [DATALINK_PARAM]: href }), true)}
          toolbar={
            rowsSoFar === undefined && <>
              <ResultExport table={result.table} partial={result.partial} />
              <SampTableSend table={result.table} url={result.fetchUrl} name={name} />
              <button type="button" disabled={!dataLink} title={dataLink ? `DataLink of ${dataLink}` : 'Select one row with an access_url, datalink_url or dp_id'} onClick={() => setParams({ [DATALINK_PARAM]: dataLink })}>
                Open DataLink
              </button>
              <BulkDownload table={result.table} rows={selected} />
              <SampPositionSend table={result.table} rows={selected} />
            </>
          }
        /> : <ResultPlot table={result.table} dark={dark} partial={result.partial} />}
    </>
  )
}

/** Status and, once completed, the result of an async job from the job store. */
export function JobResultPanel({ jobUrl, dark }: { jobUrl: string; dark: boolean }) {
  const rt = useRuntime()
  const job = useJob(jobUrl)
  const now = useNow(!!job && isActive(job))
  const { error: actionError, run: act } = useAction()
  const completed = job?.phase === 'COMPLETED'
  // the result streams through the VOTable worker: its rows show as they arrive, in the grid that then shows the whole
  const { arriving, reader } = useArrivingRows(jobUrl)
  const result = useQuery({
    queryKey: tapKeys.jobResult(jobUrl),
    queryFn: async ({ signal }) => {
      const r = reader(jobUrl)
      try {
        return await fetchAsyncResult(rt.http, jobUrl, await getJob(rt.http, jobUrl, { signal }), signal, r.read)
      } finally {
        r.dispose()
      }
    },
    enabled: completed && !job?.gone,
    staleTime: Infinity,
  })
  const receiving = result.isFetching ? arriving : null
  const shown: ShownResult | undefined = receiving ? { table: receiving.table, overflow: false } : (result.data ?? (result.isFetching ? LOADING : undefined))
  const rowsSoFar = receiving ? receiving.rows : result.data ? undefined : 0
  // the job's result is gone: the service deleted the job under us
  const resultGone = result.error instanceof DalError && result.error.status === 404
  if (!job)
    return (
      <div className="banner warning" role="status" aria-label="Job status">
        <p>This job is not in this browser's list (a shared link, or a job started elsewhere).</p>
        <button type="button" onClick={() => act(() => adoptJob(rt.http, jobUrl, { services: profileTapServices(rt.endpoint), profileId: rt.profile.id }))}>
          Follow this job here
        </button>
        {actionError && <ErrorNotice error={actionError} />}
      </div>
    )
  return (
    <div className="job-result">
      <div className="toolbar" role="status" aria-label="Job status">
        <span className={`phase phase-${job.phase.toLowerCase()}`}>{job.phase}</span>
        <span className="muted">
          async job · {jobElapsed(job.startTime ?? job.createdAt, job.endTime, now)}
          {job.destruction ? ` · kept until ${formatUtc(job.destruction)}` : ''}
        </span>
        {isActive(job) && (
          <button type="button" onClick={() => act(() => abortStoredJob(rt.http, jobUrl))}>
            Abort job
          </button>
        )}
      </div>
      {actionError && <ErrorNotice error={actionError} />}
      {(job.gone || resultGone) && <div className="banner warning">The service no longer has this job (deleted or past its destruction time).</div>}
      {job.phase === 'ERROR' && (
        <div className="banner error" role="alert">
          <strong>The job failed</strong>
          <pre className="error-message">{job.errorMessage ?? 'no message from the service'}</pre>
        </div>
      )}
      {result.error && !resultGone && <ErrorNotice error={result.error} />}
      {(result.isFetching || shown) && (
        <p className="muted" role="status" aria-label="Result rows">
          {receiving ? `Receiving the result… ${receiving.rows.toLocaleString('en')} rows so far` : result.isFetching || !result.data ? 'Loading the result…' : rowCountText(result.data.table.rowCount, result.data.partial)}
        </p>
      )}
      {shown && <ResultView result={shown} rowsSoFar={rowsSoFar} dark={dark} asJob onRerun={() => void result.refetch()} columnOrder={columnOrderOf(job.query)} />}
    </div>
  )
}
