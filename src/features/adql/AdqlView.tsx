import { useEffect, useMemo, useRef, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useRuntime } from '../../app/runtime'
import { useRoute, useSetParams } from '../../app/router'
import { loadJson, saveJson } from '../../app/persist'
import { runSync, type TapResult } from '../../protocols/tap'
import { ResultGrid } from '../../components/ResultGrid'
import { ErrorNotice } from '../../components/ErrorNotice'
import { addCustomTap, tapChoices } from './services'

const DEFAULT_QUERY = 'SELECT TOP 10 * FROM ivoa.ObsCore'

export function AdqlView({ dark }: { dark: boolean }) {
  const rt = useRuntime()
  const { params } = useRoute()
  const setParams = useSetParams()
  const [customVersion, setCustomVersion] = useState(0)
  const choices = useMemo(() => tapChoices(rt), [rt, customVersion])
  const serviceKey = params.get('service') ?? choices[0]?.key ?? ''
  const service = choices.find((c) => c.key === serviceKey) ?? choices[0]
  const draftKey = `adql-draft:${rt.profile.id}:${serviceKey}`
  const [query, setQuery] = useState(() => params.get('q') ?? loadJson<string>(draftKey, DEFAULT_QUERY))
  const [maxrec, setMaxrec] = useState(params.get('maxrec') ?? '')
  const [newTap, setNewTap] = useState('')
  const [tapError, setTapError] = useState<string | null>(null)
  const abortRef = useRef<AbortController | null>(null)

  useEffect(() => saveJson(draftKey, query), [draftKey, query])

  const run = useMutation<TapResult, Error, { query: string; maxrec?: number }>({
    mutationFn: (vars) => {
      abortRef.current?.abort()
      const ac = new AbortController()
      abortRef.current = ac
      return runSync(rt.http, service!.url, vars, ac.signal)
    },
  })

  const submit = () => {
    if (!service || !query.trim()) return
    const m = maxrec.trim() === '' ? undefined : Number(maxrec)
    setParams({ q: query, maxrec: maxrec.trim() || undefined }, true)
    run.mutate({ query, maxrec: m !== undefined && Number.isFinite(m) && m >= 0 ? Math.floor(m) : undefined })
  }

  const maxrecInvalid = maxrec.trim() !== '' && !(Number.isInteger(Number(maxrec)) && Number(maxrec) >= 0)

  return (
    <section className="view adql-view" aria-label="ADQL query">
      <div className="toolbar">
        <label>
          Service{' '}
          <select aria-label="TAP service" value={service?.key ?? ''} onChange={(e) => setParams({ service: e.target.value })}>
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted service-url" title="Service URL">{service?.url}</span>
        <form
          className="add-tap"
          onSubmit={(e) => {
            e.preventDefault()
            try {
              const url = addCustomTap(newTap)
              setTapError(null)
              setNewTap('')
              setCustomVersion((v) => v + 1)
              setParams({ service: url })
            } catch (err) {
              setTapError((err as Error).message)
            }
          }}
        >
          <input aria-label="Add a TAP service by URL" placeholder="https://…/tap" value={newTap} onChange={(e) => setNewTap(e.target.value)} />
          <button type="submit">Add TAP service</button>
          {tapError && <span role="alert" className="field-error">{tapError}</span>}
        </form>
      </div>
      <textarea
        className="adql-editor"
        aria-label="ADQL query"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            submit()
          }
        }}
      />
      <div className="toolbar">
        <button type="button" className="primary" onClick={submit} disabled={!service || run.isPending || maxrecInvalid} title="Ctrl+Enter">
          Run
        </button>
        {run.isPending && (
          <button type="button" onClick={() => abortRef.current?.abort()}>
            Cancel
          </button>
        )}
        <label>
          MAXREC{' '}
          <input aria-label="MAXREC" className="narrow" inputMode="numeric" placeholder="service default" value={maxrec} onChange={(e) => setMaxrec(e.target.value)} aria-invalid={maxrecInvalid} />
        </label>
        {maxrecInvalid && <span role="alert" className="field-error">MAXREC must be a whole number ≥ 0</span>}
        <span className="status" role="status" aria-live="polite">
          {run.isPending ? 'Running…' : run.data ? `${run.data.table.rowCount} rows` : ''}
        </span>
      </div>
      {run.error && <ErrorNotice error={run.error} />}
      {run.data?.overflow && (
        <div className="banner warning" role="status">
          The result is truncated at {run.data.table.rowCount} rows (the service's row limit). Raise MAXREC, or narrow the query, to get more.
        </div>
      )}
      {run.data && <ResultGrid table={run.data.table} dark={dark} />}
    </section>
  )
}
