import { useEffect, useMemo, useRef, useState } from 'react'
import { useRuntime } from '../../state/runtime'
import { useRoute, useSetParams } from '../../state/route'
import { loadJson, saveJson } from '../../state/persist'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ResultGrid } from '../../components/ResultGrid'
import type { TapTable } from '../../protocols/tap'
import type { Table } from '../../protocols/votable'
import { tapChoices } from './services'
import { ServiceBar, useMaxrecDefault } from './ServiceBar'
import { SchemaBrowser } from './SchemaBrowser'
import { ExamplesMenu } from './ExamplesMenu'
import { loadHistory, rememberQuery, type HistoryEntry } from './history'
import { isTapResult, useAdqlRun, type RunMode } from './useAdqlRun'
import { JobResultPanel, ResultView } from './ResultPanel'
import { QueryEditor, type QueryEditorHandle } from './QueryEditor'
import { useCompletionSchema } from './useCompletionSchema'
import { AuthorisedQuerySwitch } from './AuthorisedQuerySwitch'
import { validateAdql } from '../../adql'
import { openingQuery, readDraft, type SavedDraft } from './draft'
import { SampTableResult, useIncomingTable } from './SampTable'


const DEFAULT_QUERY = 'SELECT TOP 10 * FROM ivoa.ObsCore'
const NO_ROWS: Table = { fields: [], params: [], groups: [], links: [], infos: [], rowCount: 0, truncated: false, value: () => null, column: () => { throw new RangeError('no columns') } }

export function AdqlView({ dark }: { dark: boolean }) {
  const rt = useRuntime()
  const { params } = useRoute()
  const setParams = useSetParams()
  const [customVersion, setCustomVersion] = useState(0)
  const choices = useMemo(() => tapChoices(rt), [rt, customVersion])
  const serviceKey = params.get('service') ?? choices[0]?.key ?? ''
  const service = choices.find((c) => c.key === serviceKey) ?? choices[0]
  const draftKey = `adql-draft:${rt.profile.id}:${serviceKey}`
  const urlQ = params.get('q')
  const [opening] = useState(() => openingQuery(urlQ, readDraft(loadJson<unknown>(draftKey, undefined)), DEFAULT_QUERY))
  const [query, setQuery] = useState(opening.query)
  const [setAside, setSetAside] = useState(opening.setAside)
  const [maxrec, setMaxrec] = useState(params.get('maxrec') ?? '')
  const [mode, setMode] = useState<RunMode>(params.get('mode') === 'async' ? 'async' : 'sync')
  const [history, setHistory] = useState<HistoryEntry[]>(loadHistory)
  const jobUrl = params.get('job') ?? undefined
  const editor = useRef<QueryEditorHandle>(null)
  const maxrecDefault = useMaxrecDefault(service?.url)
  const { mutation: run, partial, cancel } = useAdqlRun(rt, (url) => setParams({ job: url }))
  const { sampTable, hideSampTable } = useIncomingTable()
  const { schema, udfs } = useCompletionSchema(service?.url)
  const [syntaxErrors, setSyntaxErrors] = useState<readonly { from: number; message: string }[]>([])
  const [blocked, setBlocked] = useState(false)
  // a sync query running for long is better as an async job (ESO recommends async beyond 60 s)
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    if (!run.isPending || mode !== 'sync') return setSlow(false)
    const t = setTimeout(() => setSlow(true), 20_000)
    return () => clearTimeout(t)
  }, [run.isPending, mode])

  useEffect(() => saveJson(draftKey, { text: query, fromQ: urlQ, aside: setAside } satisfies SavedDraft), [draftKey, query, urlQ, setAside])

  const maxrecInvalid = maxrec.trim() !== '' && !(Number.isInteger(Number(maxrec)) && Number(maxrec) >= 0)
  const submit = (anyway = false) => {
    if (!service || !query.trim() || maxrecInvalid) return
    // a query the validator rejects is not sent unless the user insists (the service may know better)
    const check = validateAdql(query, udfs ? { udfs } : undefined)
    setSyntaxErrors(check.errors)
    if (!check.ok && !anyway) return setBlocked(true)
    setBlocked(false)
    setParams({ q: query, maxrec: maxrec.trim() || undefined, mode: mode === 'async' ? 'async' : undefined, job: undefined }, true)
    setHistory(rememberQuery(query, service.url))
    hideSampTable()
    run.mutate({ query, maxrec: maxrec.trim() === '' ? undefined : Number(maxrec), mode, serviceUrl: service.url })
  }
  const startQueryOn = (t: TapTable) => setQuery(`SELECT TOP 100 *\nFROM ${t.name}`)

  return (
    <section className="view adql-view" aria-label="ADQL query">
      <ServiceBar
        choices={choices}
        service={service}
        onSelect={(key) => setParams({ service: key, job: undefined })}
        onAdded={(url) => {
          setCustomVersion((v) => v + 1)
          setParams({ service: url })
        }}
      />
      <div className="adql-layout">
        {service && <SchemaBrowser serviceUrl={service.url} onStartQuery={startQueryOn} onInsert={(text) => editor.current?.insert(text)} />}
        <div className="adql-main">
          <div className="toolbar">
            {service && (
              <ExamplesMenu
                serviceKey={service.key}
                serviceUrl={service.url}
                history={history}
                onPick={(q, key) => {
                  setQuery(q)
                  if (key) setParams({ service: key })
                }}
              />
            )}
          </div>
          {setAside !== undefined && (
            <div className="banner info" role="status">
              This link opened its own query; the text you were working on is kept.{' '}
              <button
                type="button"
                onClick={() => {
                  setQuery(setAside)
                  setSetAside(undefined)
                }}
              >
                Restore my draft
              </button>{' '}
              <button type="button" onClick={() => setSetAside(undefined)}>
                Keep the link's query
              </button>
            </div>
          )}
          <QueryEditor ref={editor} value={query} onChange={setQuery} onRun={() => submit()} schema={schema} udfs={udfs} onValidation={setSyntaxErrors} />
          {blocked && syntaxErrors.length > 0 && (
            <div className="banner error" role="alert">
              <strong>The query has a syntax error</strong> (line {query.slice(0, syntaxErrors[0]!.from).split('\n').length}): {syntaxErrors[0]!.message}. Fix it, or{' '}
              <button type="button" onClick={() => submit(true)}>
                send anyway
              </button>
            </div>
          )}
          <div className="toolbar">
            <button type="button" className="primary" onClick={() => submit()} disabled={!service || run.isPending || maxrecInvalid} title="Ctrl+Enter">
              Run
            </button>
            <button type="button" onClick={() => editor.current?.format()} title="Pretty-print (Shift+Alt+F)">
              Format
            </button>
            <span className={syntaxErrors.length ? 'field-error' : 'muted'} data-testid="validation">
              {syntaxErrors.length ? `${syntaxErrors.length} syntax error${syntaxErrors.length > 1 ? 's' : ''}` : 'valid ADQL'}
            </span>
            {run.isPending && (
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            )}
            <fieldset className="mode" aria-label="Run mode">
              <label title="The result comes back in the answer; for queries under a minute">
                <input type="radio" name="mode" checked={mode === 'sync'} onChange={() => setMode('sync')} /> sync
              </label>
              <label title="A job on the server: survives reloads, for long queries (ESO recommends it beyond 60 s)">
                <input type="radio" name="mode" checked={mode === 'async'} onChange={() => setMode('async')} /> async job
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
                onChange={(e) => setMaxrec(e.target.value)}
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
                  ? `${run.data.table.rowCount} rows`
                  : ''}
            </span>
          </div>
          {rt.profile.auth && service?.url === rt.endpoint('tap_obs') && <AuthorisedQuerySwitch profileId={rt.profile.id} />}
          {slow && (
            <div className="banner warning" role="status">
              This query is taking a while. Long queries are safer as an async job: it keeps running on the server and survives reloads. Cancel and choose “async job”.
            </div>
          )}
          {run.error && <ErrorNotice error={run.error} />}
          {jobUrl ? (
            <JobResultPanel jobUrl={jobUrl} dark={dark} />
          ) : sampTable ? (
            <SampTableResult incoming={sampTable} dark={dark} />
          ) : run.isPending && run.variables?.mode === 'sync' ? (
            <>
              {partial?.preview && (
                <div className="banner info" data-testid="result-preview">
                  A preview: the first {partial.rows.toLocaleString('en')} rows, asked for on their own while the service prepares the whole result, which
                  replaces them when it arrives.
                </div>
              )}
              {/* mounted at Run, so the grid is built while the service works and the first rows only fill it */}
              <ResultGrid table={partial?.table ?? NO_ROWS} rows={partial?.rows} dark={dark} />
            </>
          ) : (
            isTapResult(run.data) && <ResultView result={run.data} dark={dark} />
          )}
        </div>
      </div>
    </section>
  )
}
