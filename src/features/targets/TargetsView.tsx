/**
 * Target-list coverage: a list of targets (names resolved through Sesame, or positions), and for each what lies
 * within a radius in ObsCore, the raw frames or a catalogue: a matrix of counts per instrument or collection, the
 * rows in the grid (the target's name and index first) and everything on the sky.
 */
import { useMemo, useRef, useState } from 'react'
import { useRuntime } from '../../state/runtime'
import { useCapabilities } from '../../state/tapMetadata'
import { useCatalogueTables } from '../../state/targets/catalogues'
import { resolveNames, type NameAnswer } from '../../state/targets/names'
import { namesToResolve, placeTargets, textOf, type Failure } from '../../state/targets/placement'
import { loadSession, saveSession } from '../../state/targets/session'
import {
  addToCoverage, cancelCoverage, planSettings, planTargets, resumeCoverage, runMatrix, runTable, startCoverage, targetsDone, useCoverageRun, type CoveragePlan, type CoverageRun,
} from '../../state/targets/coverage'
import { parseRadius } from '../../protocols/coords'
import {
  catalogueSource, offersInlineUpload, parseTargetList, OBSCORE_SOURCE, RAW_SOURCE, DEFAULT_LIMITS, type CoverageSource, type InputTarget, type ParsedList,
} from '../../protocols/targets'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ResultsWithSky } from '../../components/ResultsWithSky'
import { useGridSkyLink } from '../../components/gridSkyLink'
import { footprintsOfTable, labelsOf } from '../../components/sky/tableFootprints'
import type { ColourOption } from '../../components/sky/SkyView'
import type { Table } from '../../protocols/votable'
import { DEFAULT_FORM, TargetForm, type TargetFormState } from './TargetForm'
import { Failures } from './Failures'
import { CoverageMatrix } from './CoverageMatrix'

type Errors = Partial<Record<keyof TargetFormState, string>>

function readList(text: string): { list?: ParsedList; error?: string } {
  try {
    return { list: parseTargetList(text) }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

function radiusOf(text: string): number | string {
  try {
    return parseRadius(text, { defaultUnit: 'arcmin' })
  } catch (e) {
    return (e as Error).message
  }
}

export function TargetsView({ dark = false }: { dark?: boolean }) {
  const rt = useRuntime()
  const [form, setFormState] = useState<TargetFormState>(() => ({ ...DEFAULT_FORM, ...loadSession<Partial<TargetFormState>>('form', {}) }))
  const [fixes, setFixes] = useState<Record<number, string>>(() => loadSession('fixes', {}))
  const [failures, setFailures] = useState<Failure[]>(() => loadSession('failures', []))
  const [resolving, setResolving] = useState<{ done: number; total: number }>()
  const [problem, setProblem] = useState<Error>()
  const [errors, setErrors] = useState<Errors>({})
  const resolveAbort = useRef<AbortController>(undefined)
  const run = useCoverageRun()

  const setForm = (f: TargetFormState) => {
    setFormState(f)
    saveSession('form', f)
    if (f.text !== form.text) updateFixes({})
  }
  const updateFixes = (f: Record<number, string>) => {
    setFixes(f)
    saveSession('fixes', f)
  }
  const catalogues = useCatalogueTables(rt, form.kind === 'catalogue')
  const serviceUrl = rt.endpoint(form.kind === 'catalogue' ? 'tap_cat' : 'tap_obs')
  const caps = useCapabilities(serviceUrl)
  const uploadOffered = caps.data ? offersInlineUpload(caps.data.uploadMethods) : undefined
  const parsed = useMemo(() => readList(form.text), [form.text])
  const understood = parsed.list && parsed.list.targets.length
    ? `${parsed.list.format} · ${parsed.list.targets.length.toLocaleString('en')} targets${parsed.list.dropped ? ` (${parsed.list.dropped.toLocaleString('en')} more left out: at most 5,000)` : ''}`
    : ''

  /** Resolves the names among `targets` (a progress line meanwhile); undefined when stopped or failed. */
  const resolve = async (targets: readonly InputTarget[]): Promise<Map<string, NameAnswer> | undefined> => {
    const names = namesToResolve(targets, fixes)
    const resolverUrl = rt.endpoint('resolver')
    resolveAbort.current?.abort()
    const ac = new AbortController()
    resolveAbort.current = ac
    const answers = new Map<string, NameAnswer>()
    if (names.length && resolverUrl) {
      setResolving({ done: 0, total: names.length })
      try {
        return await resolveNames(rt.http, resolverUrl, names, { signal: ac.signal, onProgress: (done, total) => setResolving({ done, total }) })
      } catch (e) {
        if (!ac.signal.aborted) setProblem(e as Error)
        return undefined
      } finally {
        setResolving(undefined)
      }
    } else if (names.length) for (const n of names) answers.set(n, { error: `The profile "${rt.profile.label}" has no name resolver: give coordinates` })
    return answers
  }

  /** Checks the form, resolves the names and starts a run; a retry adds the corrected targets to the run instead (only they are asked). */
  const check = async (retry = false) => {
    const radius = radiusOf(form.radius)
    const perQuery = Number(form.perQuery)
    const cat = catalogues.data?.find((c) => c.table === form.catalogue)
    const errs: Errors = {}
    if (parsed.error) errs.text = parsed.error
    else if (!parsed.list?.targets.length) errs.text = 'Paste or load a list of targets'
    if (typeof radius === 'string') errs.radius = radius
    if (!(Number.isInteger(perQuery) && perQuery >= 1 && perQuery <= 1000)) errs.perQuery = 'A whole number from 1 to 1000'
    if (form.kind === 'catalogue' && !cat) errs.catalogue = 'Choose a catalogue'
    setErrors(errs)
    setProblem(undefined)
    if (Object.keys(errs).length || !serviceUrl || typeof radius === 'string') return
    const list = parsed.list!
    const source: CoverageSource = form.kind === 'obscore' ? OBSCORE_SOURCE : form.kind === 'raw' ? RAW_SOURCE : catalogueSource(cat!.table, cat!.ra, cat!.dec)
    const mode = form.mode === 'auto' ? (uploadOffered ? 'upload' : 'batched') : form.mode
    const plan: CoveragePlan = { serviceUrl, source, radius, mode, targets: [], limits: { maxQueryLength: mode === 'upload' ? Number.MAX_SAFE_INTEGER : DEFAULT_LIMITS.maxQueryLength, maxTargets: perQuery }, maxrec: 100_000 }
    // a retry on the same list and settings adds to the run: only the targets that had failed are resolved and asked
    const failed = new Set(failures.map((f) => f.index))
    const adding = retry && !!run && run.status !== 'running' && planSettings(run.plan) === planSettings(plan) && sameTargets(run.plan, list.targets, fixes)
    const targets = adding ? list.targets.filter((t) => failed.has(t.index)) : list.targets
    const answers = await resolve(targets)
    if (!answers) return
    const placed = placeTargets(targets, fixes, answers)
    setFailures(placed.failures)
    saveSession('failures', placed.failures)
    if (adding) addToCoverage(rt.http, placed.placed)
    else if (placed.placed.length) startCoverage(rt.http, { ...plan, targets: placed.placed })
  }
  const cancel = () => {
    resolveAbort.current?.abort()
    setResolving(undefined)
    cancelCoverage()
  }

  return (
    <section className="view search-view targets-view" aria-label="Target list">
      <TargetForm form={form} onChange={setForm} onSubmit={() => void check()} catalogues={catalogues.data} uploadOffered={uploadOffered} errors={errors} understood={understood} busy={!!resolving || run?.status === 'running'} />
      <Failures failures={failures} fixes={fixes} onFix={(i, t) => updateFixes({ ...fixes, [i]: t })} onRetry={() => void check(true)} busy={!!resolving || run?.status === 'running'} />
      <Progress run={run} resolving={resolving} onCancel={cancel} onResume={() => resumeCoverage(rt.http)} />
      {problem && <ErrorNotice error={problem} />}
      {run?.status === 'failed' && run.error instanceof Error && <ErrorNotice error={run.error} />}
      {run && <Results run={run} dark={dark} />}
    </section>
  )
}

/** Whether the run's targets are still the list's (same rows, same text): then corrected targets can join it. */
function sameTargets(plan: CoveragePlan, list: readonly InputTarget[], fixes: Readonly<Record<number, string>>): boolean {
  const byIndex = new Map(list.map((t) => [t.index, t]))
  return planTargets(plan).every((t) => {
    const x = byIndex.get(t.index)
    return !!x && textOf(x, fixes) === t.name
  })
}

function Progress({ run, resolving, onCancel, onResume }: { run: CoverageRun | undefined; resolving?: { done: number; total: number }; onCancel: () => void; onResume: () => void }) {
  const done = run ? Object.keys(run.done).length : 0
  const text = resolving
    ? `Resolving names: ${resolving.done} of ${resolving.total}`
    : run
      ? `${run.status === 'running' ? 'Searching' : run.status === 'done' ? 'Done' : run.status === 'cancelled' ? 'Stopped' : 'Failed'}: ${done} of ${run.chunkCount} ${run.chunkCount === 1 ? 'query' : 'queries'} done · ${run.queries} sent (${run.plan.mode === 'upload' ? 'TAP upload' : 'batched ADQL'}) · ${run.rows.toLocaleString('en')} rows · ${planTargets(run.plan).length.toLocaleString('en')} targets · ${(run.elapsedMs / 1000).toFixed(1)} s`
      : 'Paste a list and press Check coverage'
  const busy = !!resolving || run?.status === 'running'
  return (
    <div className="toolbar targets-progress">
      {run && !resolving && <progress aria-label="Coverage progress" max={run.chunkCount} value={done} />}
      <span className="status" role="status" aria-live="polite" data-testid="targets-status">
        {text}
      </span>
      {run?.overflow && <span className="field-error">A target reached the row limit: its counts are a lower bound.</span>}
      {busy && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {run && !busy && (run.status === 'cancelled' || run.status === 'failed') && done < run.chunkCount && (
        <button type="button" onClick={onResume}>
          Resume
        </button>
      )}
    </div>
  )
}

function Results({ run, dark }: { run: CoverageRun; dark: boolean }) {
  const groupBy = run.plan.source.groupBy
  const [picked, setPicked] = useState<string>()
  const group = picked && groupBy.includes(picked) ? picked : groupBy[0]
  const matrix = useMemo(() => runMatrix(run, group), [run, group])
  const done = useMemo(() => targetsDone(run), [run])
  const targets = useMemo(() => planTargets(run.plan), [run.plan])
  const table = useMemo(() => runTable(run), [run])
  const link = useGridSkyLink(table)
  const footprints = useMemo(() => (table ? footprintsOfTable(table) : undefined), [table])
  const colourBy = useMemo(() => colourOptionsOf(table), [table])
  return (
    <>
      {groupBy.length > 1 && (
        <label className="targets-group">
          Columns of the matrix{' '}
          <select aria-label="Count by" value={group} onChange={(e) => setPicked(e.target.value)}>
            {groupBy.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      )}
      <CoverageMatrix matrix={matrix} targets={targets} done={done} groupLabel={group ?? 'rows'} />
      <ResultsWithSky
        link={link} dark={dark} height={480} empty={run.status === 'running' ? 'Rows appear here as the queries come back.' : 'No rows near any target.'}
        sky={{ footprints, colourBy, focus: link.focus }}
        drawn={footprints?.regions.some((r) => r) ? 'footprints' : 'positions'}
      />
    </>
  )
}

function colourOptionsOf(table: Table | undefined): ColourOption[] {
  if (!table) return []
  const options: [string, string[]][] = [['target', ['target_name_in']], ['instrument', ['instrument_name', 'instrument']], ['collection', ['obs_collection']]]
  return options.flatMap(([name, cols]) => {
    const labels = labelsOf(table, cols)
    return labels ? [{ name, labels }] : []
  })
}
