import { useEffect, useMemo, useRef, useState } from 'react'
import { useRuntime } from '../../state/runtime'
import { useRoute, useSetParams } from '../../state/route'
import { loadJson, saveJson } from '../../state/persist'
import { ErrorNotice } from '../../components/ErrorNotice'
import { DalError } from '../../protocols/dal'
import type { TapTable } from '../../protocols/tap'
import { tapChoices } from './services'
import { loadCustomTaps } from '../../state/addedTaps'
import { ServiceBar, useMaxrecDefault } from './ServiceBar'
import { SchemaBrowser } from './SchemaBrowser'
import { ExamplesMenu } from './ExamplesMenu'
import { QueryLibrary } from './QueryLibrary'
import { loadHistory, rememberQuery, type HistoryEntry } from './history'
import { useAdqlRun, type RunMode } from './useAdqlRun'
import { RunBar, RunOutput } from './RunBar'
import type { QueryEditorHandle, ServiceErrorMark } from './QueryEditor'
import { QueryEditor } from './editorPart'
import { useCompletionSchema } from './useCompletionSchema'
import { AuthorisedQuerySwitch } from './AuthorisedQuerySwitch'
import { analyseQuery, TAP_CAT_RULES } from '../../adql'
import { openingQuery, readDraft, type SavedDraft } from './draft'
import { useFieldDraft } from '../../state/fieldDraft'
import { SampTableResult, useIncomingTable } from './SampTable'


const DEFAULT_QUERY = 'SELECT TOP 10 * FROM ivoa.ObsCore'

/** Where the service located its complaint about the query just run, for the editor to mark. */
function serviceMark(error: Error | null, query: string | undefined): ServiceErrorMark | undefined {
  if (!(error instanceof DalError) || error.kind !== 'query-rejected' || !error.position || query === undefined) return undefined
  return { ...error.position, message: error.serviceMessage ?? error.message, text: query }
}

export function AdqlView({ dark }: { dark: boolean }) {
  const rt = useRuntime()
  const { params } = useRoute()
  const setParams = useSetParams()
  const [added, setAdded] = useState(loadCustomTaps)
  const choices = useMemo(() => tapChoices(rt, added), [rt, added])
  const serviceKey = params.get('service') ?? choices[0]?.key ?? ''
  const service = choices.find((c) => c.key === serviceKey) ?? choices[0]
  const { query, setQuery, setAside, restore, dismiss } = useQueryDraft(`adql-draft:${rt.profile.id}:${serviceKey}`, params.get('q'))
  // typed and not yet run, kept over a reload like the query text
  const [maxrec, setMaxrec] = useFieldDraft(`adql-maxrec:${rt.profile.id}`, params.get('maxrec'))
  const [modeText, setMode] = useFieldDraft(`adql-mode:${rt.profile.id}`, params.get('mode'), 'sync')
  const mode: RunMode = modeText === 'async' ? 'async' : 'sync'
  const [history, setHistory] = useState<HistoryEntry[]>(loadHistory)
  const jobUrl = params.get('job') ?? undefined
  const editor = useRef<QueryEditorHandle>(null)
  const maxrecDefault = useMaxrecDefault(service?.url)
  const { mutation: run, partial, cancel } = useAdqlRun(rt, (url) => setParams({ job: url }))
  const { sampTable, hideSampTable } = useIncomingTable()
  const { schema, check: serviceCheck } = useCompletionSchema(service?.url)
  // ESO's catalogue service takes spatial constraints only as CONTAINS(POINT, CIRCLE) = 1: its rule rides on its key
  const check = useMemo(() => (service?.key === 'tap_cat' ? { ...serviceCheck, rules: TAP_CAT_RULES } : serviceCheck), [service?.key, serviceCheck])
  const [syntaxErrors, setSyntaxErrors] = useState<readonly { from: number; message: string }[]>([])
  const [warnings, setWarnings] = useState(0)
  const [blocked, setBlocked] = useState(false)
  const slow = useSlowSyncRun(run.isPending, mode)

  const mark = useMemo(() => serviceMark(run.error, run.variables?.query), [run.error, run.variables?.query])
  const maxrecInvalid = maxrec.trim() !== '' && !(Number.isInteger(Number(maxrec)) && Number(maxrec) >= 0)
  const submit = (anyway = false) => {
    if (!service || !query.trim() || maxrecInvalid) return
    // a query the validator rejects is not sent unless the user insists (the service may know better);
    // schema warnings never hold it back (TAP_SCHEMA may be behind the service, which has the last word)
    const analysis = analyseQuery(query, check)
    const { validation } = analysis
    setSyntaxErrors(validation.errors)
    if (!validation.ok && !anyway) return setBlocked(true)
    setBlocked(false)
    setParams({ q: query, maxrec: maxrec.trim() || undefined, mode: mode === 'async' ? 'async' : undefined, job: undefined }, true)
    setHistory(rememberQuery(query, service.url))
    hideSampTable()
    run.mutate({ query, shape: analysis.shape, maxrec: maxrec.trim() === '' ? undefined : Number(maxrec), mode, serviceUrl: service.url })
  }
  const pickQuery = (q: string, key?: string) => {
    setQuery(q)
    if (key) setParams({ service: key, job: undefined })
  }
  const startQueryOn = (t: TapTable) => setQuery(`SELECT TOP 100 *\nFROM ${t.name}`)

  return (
    <section className="view adql-view" aria-label="ADQL query">
      <ServiceBar
        choices={choices}
        service={service}
        onSelect={(key) => setParams({ service: key, job: undefined })}
        onAdded={(url) => {
          setAdded(loadCustomTaps())
          setParams({ service: url })
        }}
      />
      <div className="adql-layout">
        {service && <SchemaBrowser serviceUrl={service.url} onStartQuery={startQueryOn} onInsert={(text) => editor.current?.insert(text)} />}
        <div className="adql-main">
          <div className="toolbar">
            {service && <ExamplesMenu serviceKey={service.key} serviceUrl={service.url} history={history} onPick={pickQuery} />}
            {service && <QueryLibrary serviceKey={service.key} query={query} onPick={pickQuery} />}
          </div>
          {setAside !== undefined && <DraftSetAside onRestore={restore} onDismiss={dismiss} />}
          <QueryEditor ref={editor} value={query} onChange={setQuery} onRun={() => submit()} schema={schema} check={check} onValidation={(errors, found) => {
              setSyntaxErrors(errors)
              setWarnings(found.length)
            }} serviceError={mark} />
          {blocked && syntaxErrors.length > 0 && <SyntaxBlock query={query} error={syntaxErrors[0]!} onSendAnyway={() => submit(true)} />}
          <RunBar
            run={run}
            partial={partial}
            jobUrl={jobUrl}
            canRun={!!service && !maxrecInvalid}
            onRun={() => submit()}
            onFormat={() => editor.current?.format()}
            onCancel={cancel}
            syntaxErrors={syntaxErrors.length}
            warnings={warnings}
            mode={mode}
            onMode={setMode}
            maxrec={maxrec}
            onMaxrec={setMaxrec}
            maxrecInvalid={maxrecInvalid}
            maxrecDefault={maxrecDefault}
            codeSource={service && { kind: 'tap', serviceUrl: service.url, query, mode, maxrec: maxrecInvalid || maxrec.trim() === '' ? undefined : Number(maxrec) }}
          />
          {rt.profile.auth && service?.url === rt.endpoint('tap_obs') && <AuthorisedQuerySwitch profileId={rt.profile.id} />}
          {slow && <SlowRunNote />}
          {run.error && <ErrorNotice error={run.error} />}
          {sampTable && !jobUrl ? (
            <SampTableResult incoming={sampTable} dark={dark} />
          ) : (
            <RunOutput
              run={run}
              partial={partial}
              jobUrl={jobUrl}
              dark={dark}
              onRerun={(again) => {
                // the same request again, or as an async job (whose result is read to its end on the service's side)
                const last = run.variables
                if (!last) return
                if (again === 'async') {
                  setMode('async')
                  setParams({ mode: 'async' }, true)
                }
                run.mutate({ ...last, mode: again })
              }}
            />
          )}
        </div>
      </div>
    </section>
  )
}

/**
 * The query text: the user's latest draft (kept across reloads), or the query a link brings, with the draft set
 * aside to restore (see draft.ts).
 */
function useQueryDraft(draftKey: string, urlQ: string | null) {
  const [opening] = useState(() => openingQuery(urlQ, readDraft(loadJson<unknown>(draftKey, undefined)), DEFAULT_QUERY))
  const [query, setQuery] = useState(opening.query)
  const [setAside, setSetAside] = useState(opening.setAside)
  useEffect(() => void saveJson(draftKey, { text: query, fromQ: urlQ, aside: setAside } satisfies SavedDraft), [draftKey, query, urlQ, setAside])
  const restore = () => {
    if (setAside !== undefined) setQuery(setAside)
    setSetAside(undefined)
  }
  return { query, setQuery, setAside, restore, dismiss: () => setSetAside(undefined) }
}

/** The query did not pass the check and was not sent: where, what, and the way to send it all the same. */
function SyntaxBlock({ query, error, onSendAnyway }: { query: string; error: { from: number; message: string }; onSendAnyway: () => void }) {
  return (
    <div className="banner error" role="alert">
      <strong>The query has a syntax error</strong> (line {query.slice(0, error.from).split('\n').length}): {error.message}. Fix it, or{' '}
      <button type="button" onClick={onSendAnyway}>
        send anyway
      </button>
    </div>
  )
}

function SlowRunNote() {
  return (
    <div className="banner warning" role="status">
      This query is taking a while. Long queries are safer as an async job: it keeps running on the server and survives reloads. Cancel and choose “async job”.
    </div>
  )
}

/** A sync query running for long is better as an async job (ESO recommends async beyond 60 s): true after 20 s. */
function useSlowSyncRun(pending: boolean, mode: RunMode): boolean {
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    if (!pending || mode !== 'sync') return setSlow(false)
    const t = setTimeout(() => setSlow(true), 20_000)
    return () => clearTimeout(t)
  }, [pending, mode])
  return slow
}

/** A link opened its own query: the user's draft is kept aside until restored or dismissed. */
function DraftSetAside({ onRestore, onDismiss }: { onRestore: () => void; onDismiss: () => void }) {
  return (
    <div className="banner info" role="status">
      This link opened its own query; the text you were working on is kept.{' '}
      <button type="button" onClick={onRestore}>
        Restore my draft
      </button>{' '}
      <button type="button" onClick={onDismiss}>
        Keep the link's query
      </button>
    </div>
  )
}
