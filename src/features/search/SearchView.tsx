/**
 * Search by position, wavelength and time: the form writes the URL (shareable, back/forward), the
 * URL drives the query, and the results show in the grid and on the sky side by side, linked.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { useSurvey } from '../../state/survey'
import { navigate, useRoute, useSetParams } from '../../state/route'
import { ErrorNotice } from '../../components/ErrorNotice'
import { BulkDownload } from '../../components/BulkDownload'
import { ResultGrid } from '../../components/lazyParts'
import { SkyView, type ColourOption, type SkyCone } from '../../components/sky/SkyView'
import { footprintsOfTable, labelsOf } from '../../components/sky/tableFootprints'
import { runSync } from '../../protocols/tap'
import type { Table } from '../../protocols/votable'
import { buildAdql, circleToForm, countAdql, formFromParams, formToParams, polygonToForm, type SearchForm } from './adql'
import { SearchFormPanel } from './SearchFormPanel'
import { decodeIds, encodeIds, idsOfRows, rowsOfIds } from './selection'
import { useCatalogues } from './useCatalogues'
import { useDebounced, useTarget } from '../../state/target'
import { DATALINK_PARAM, DATALINK_REGION_PARAM, dataLinkTargetOfRow, formatDataLinkRegion, opensDataLink } from '../../state/datalinkTarget'

const DEFAULT_MAXREC = 5000
/** The most rows the page offers to fetch in one go. */
const MAX_MAXREC = 100_000

export function SearchView({ dark = false }: { dark?: boolean }) {
  const rt = useRuntime()
  const survey = useSurvey()
  const { params } = useRoute()
  const setParams = useSetParams()
  const committed = useMemo(() => formFromParams(params), [params])
  const committedKey = JSON.stringify(formToParams(committed))
  const [draft, setDraft] = useState<SearchForm>(committed)
  // back/forward and shared links replace what is being edited
  useEffect(() => setDraft(committed), [committedKey]) // eslint-disable-line react-hooks/exhaustive-deps

  // typing is debounced; a target that arrives from the URL (a link, a drawn circle) shows at once
  const debouncedTarget = useDebounced(draft.target, 400)
  const draftTarget = useTarget(rt, draft.target === committed.target ? committed.target : debouncedTarget)
  const target = useTarget(rt, committed.target)
  const catalogues = useCatalogues(rt, draft.kind === 'catalogue' || committed.kind === 'catalogue')
  const columnsOf = (f: SearchForm) => catalogues.data?.find((c) => c.table === f.table)
  const draftBuilt = buildAdql(draft, draftTarget.status === 'ok' ? draftTarget.position : undefined, columnsOf(draft))
  const built = buildAdql(committed, target.status === 'ok' ? target.position : undefined, columnsOf(committed))

  const go = params.get('go') === '1'
  const maxrec = Number(params.get('maxrec')) > 0 ? Number(params.get('maxrec')) : DEFAULT_MAXREC
  const serviceUrl = rt.endpoint(committed.kind === 'catalogue' ? 'tap_cat' : 'tap_obs')
  // a drawn polygon replaces the target cone, so the target need not resolve
  const targetReady = committed.polygon.trim() !== '' || (committed.target.trim() === '' ? committed.kind !== 'catalogue' : target.status === 'ok')
  const ready = go && !!serviceUrl && targetReady && Object.keys(built.errors).length === 0
  // a cheap count first, so that the size of what is fetched (and any truncation) is known up front
  const counting = countAdql(built.adql)
  const count = useQuery({
    queryKey: ['search-count', serviceUrl, counting],
    queryFn: async ({ signal }) => {
      const { table } = await runSync(rt.http, serviceUrl!, { query: counting }, signal)
      const n = Number(table.rowCount ? table.value(0, 0) : NaN)
      return Number.isFinite(n) ? n : undefined
    },
    enabled: ready,
    staleTime: 5 * 60_000,
    retry: false,
  })
  const matching = ready && count.isSuccess ? count.data : undefined
  const result = useQuery({
    queryKey: ['search', serviceUrl, built.adql, maxrec],
    queryFn: ({ signal }) => runSync(rt.http, serviceUrl!, { query: built.adql, maxrec }, signal),
    // a failed count does not stop the search itself
    enabled: ready && (count.isSuccess || count.isError),
    staleTime: 5 * 60_000,
    retry: false,
  })
  const table = ready ? result.data?.table : undefined

  // selection: rows here, product ids in the URL
  const [selected, setSelected] = useState<number[]>([])
  const [gridKey, setGridKey] = useState(0)
  const [hovered, setHovered] = useState(-1)
  const [focus, setFocus] = useState<{ row: number; seq: number }>()
  const selIds = params.get('sel')
  useEffect(() => {
    setSelected(table ? rowsOfIds(table, decodeIds(selIds)) : [])
    setGridKey((k) => k + 1)
    setHovered(-1)
  }, [table]) // eslint-disable-line react-hooks/exhaustive-deps
  const selectedRef = useRef(selected)
  selectedRef.current = selected
  const commitSelection = (rows: number[]) => {
    setSelected(rows)
    const ids = table && idsOfRows(table, rows)
    setParams({ sel: ids?.length ? encodeIds(ids) : undefined }, true)
  }
  const onGridSelection = (rows: number[]) => {
    const before = selectedRef.current
    if (rows.length === before.length && rows.every((r, i) => r === before[i])) return
    const added = rows.filter((r) => !before.includes(r))
    commitSelection(rows)
    if (added.length) setFocus((f) => ({ row: added[added.length - 1]!, seq: (f?.seq ?? 0) + 1 }))
  }
  const onSkySelection = (rows: number[]) => {
    commitSelection(rows)
    // ResultGrid reads `selected` when it mounts
    setGridKey((k) => k + 1)
  }

  const footprints = useMemo(() => (table ? footprintsOfTable(table) : undefined), [table])
  const colourBy = useMemo<ColourOption[]>(() => {
    if (!table) return []
    const options: [string, string[]][] = [
      ['collection', ['obs_collection']],
      ['instrument', ['instrument_name', 'instrument']],
      ['product type', ['dataproduct_type', 'dp_cat']],
    ]
    return options.flatMap(([name, cols]) => {
      const labels = labelsOf(table, cols)
      return labels ? [{ name, labels }] : []
    })
  }, [table])
  const cone = built.cone && go ? built.cone : draftBuilt.cone
  const polygon = built.polygon && go ? built.polygon : draftBuilt.polygon
  const coneKey = cone ? `${cone.ra},${cone.dec},${cone.radius}` : polygon ? JSON.stringify(polygon) : ''
  const centre = useMemo(() => (cone ? { ra: cone.ra, dec: cone.dec, fov: Math.max(cone.radius * 3, 0.15) } : polygon ? polygonView(polygon) : undefined), [coneKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const skyPolygon = useMemo(() => polygon ?? null, [coneKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const skyCone = useMemo(() => (cone && cone.radius > 0 ? cone : null), [coneKey]) // eslint-disable-line react-hooks/exhaustive-deps

  const onDrawPolygon = (vertices: [number, number][]) => {
    const next = polygonToForm(draft, vertices)
    setDraft(next)
    setParams({ ...formToParams(next), go: '1', sel: undefined })
  }
  const onDrawCircle = (c: SkyCone) => {
    const next = circleToForm(draft, c)
    setDraft(next)
    setParams({ ...formToParams(next), go: '1', sel: undefined })
  }
  const dataLinkTarget = table && selected.length === 1 ? dataLinkTargetOfRow(table, selected[0]!) : undefined
  // the cutout form starts from the search region
  const searchRegion = () => {
    const region = built.polygon && go ? { shape: 'polygon' as const, vertices: built.polygon.map(([a, d]) => [a, d] as [number, number]) } : built.cone && go && built.cone.radius > 0 ? { shape: 'circle' as const, ...built.cone } : undefined
    return region && formatDataLinkRegion(region)
  }
  const openDataLink = () => setParams({ [DATALINK_PARAM]: dataLinkTarget, [DATALINK_REGION_PARAM]: searchRegion() })
  const truncated = matching !== undefined && matching > maxrec
  // services flag overflow whenever MAXREC rows came back; the count tells whether more exist
  const overflow = !!table && !!result.data?.overflow && (matching === undefined || matching > table.rowCount)
  const raiseTo = matching !== undefined ? Math.min(matching, MAX_MAXREC) : maxrec

  const submit = () => {
    if (Object.keys(draftBuilt.errors).length) return
    setParams({ ...formToParams(draft), go: '1', sel: undefined })
  }
  const hoverText = table && hovered >= 0 && hovered < table.rowCount ? describeRow(table, hovered) : ''

  return (
    <section className="view search-view" aria-label="Search">
      <SearchFormPanel form={draft} onChange={setDraft} onSubmit={submit} target={draftTarget} built={draftBuilt} catalogues={catalogues.data} busy={result.isFetching} />
      <details className="search-adql panel" open>
        <summary>ADQL sent to {draft.kind === 'catalogue' ? 'tap_cat' : 'tap_obs'}</summary>
        <pre data-testid="search-adql" aria-label="ADQL query preview">{draftBuilt.adql}</pre>
        <button type="button" onClick={() => navigate('adql', { q: draftBuilt.adql, profile: rt.profile.id })}>
          Open in ADQL editor
        </button>
      </details>
      <div className="toolbar">
        <span className="status" role="status" aria-live="polite" data-testid="search-status">
          {!go ? 'Fill in the form and press Search' : ready && count.isFetching ? 'Counting…' : result.isFetching ? 'Searching…' : table ? `${table.rowCount} rows${overflow ? ` (truncated at ${maxrec}; narrow the search)` : ''}` : target.status === 'resolving' ? 'Resolving the target…' : ''}
        </span>
        {matching !== undefined && (
          <span className="search-count" data-testid="search-count">
            {matching.toLocaleString('en')} matching {matching === 1 ? 'row' : 'rows'}
          </span>
        )}
        {hoverText && <span className="muted search-hover">{hoverText}</span>}
        {table && (
          <button type="button" disabled={!dataLinkTarget} title={dataLinkTarget ? `DataLink of ${dataLinkTarget}` : 'Select one row to see its DataLink'} onClick={openDataLink}>
            Open DataLink
          </button>
        )}
      </div>
      {truncated && (
        <div className="banner warning search-truncation" role="alert" data-testid="search-truncation">
          {matching.toLocaleString('en')} rows match, more than the limit of {maxrec.toLocaleString('en')}: only the first {maxrec.toLocaleString('en')} are fetched and shown. Narrow the search
          {raiseTo > maxrec && (
            <>
              {' or '}
              <button type="button" onClick={() => setParams({ maxrec: String(raiseTo), sel: undefined })}>
                Fetch up to {raiseTo.toLocaleString('en')} rows
              </button>
            </>
          )}
          .
        </div>
      )}
      {result.error && <ErrorNotice error={result.error} />}
      <div className="search-split">
        <div className="search-results">
          {table ? (
            <ResultGrid
              key={gridKey}
              table={table}
              dark={dark}
              height={520}
              selected={selected}
              onSelectionChange={onGridSelection}
              onRowHover={(row) => setHovered(row ?? -1)}
              highlighted={hovered >= 0 ? hovered : undefined}
              onLinkClick={(href, row) => opensDataLink(table, row, href) && (setParams({ [DATALINK_PARAM]: href, [DATALINK_REGION_PARAM]: searchRegion() }), true)}
              toolbar={<BulkDownload table={table} rows={selected} />}
            />
          ) : (
            <p className="muted">{go ? '' : 'Results appear here and on the sky.'}</p>
          )}
        </div>
        <div className="search-sky-column">
        {survey.unreachable && (
          <p className="banner warning search-survey-note" role="status">
            The sky survey {survey.unreachable} cannot be reached; footprints are drawn on a plain background.
          </p>
        )}
        <SkyView
          footprints={footprints}
          colourBy={colourBy}
          selected={selected}
          hovered={hovered}
          onHover={setHovered}
          onSelect={onSkySelection}
          focus={focus}
          cone={skyCone}
          centre={centre}
          hips={survey.hips}
          height={520}
          onDrawCircle={onDrawCircle}
          onDrawPolygon={onDrawPolygon}
          polygon={skyPolygon}
        />
        </div>
      </div>
    </section>
  )
}

/** A view framing a polygon: the mean direction of its vertices and its widest extent from there. */
function polygonView(vertices: readonly (readonly [number, number])[]): { ra: number; dec: number; fov: number } {
  const R = Math.PI / 180
  const v = vertices.map(([a, d]) => [Math.cos(d * R) * Math.cos(a * R), Math.cos(d * R) * Math.sin(a * R), Math.sin(d * R)] as const)
  const m = [0, 1, 2].map((k) => v.reduce((s, x) => s + x[k]!, 0))
  const len = Math.hypot(m[0]!, m[1]!, m[2]!) || 1
  const c = m.map((x) => x / len)
  const r = Math.max(...v.map((x) => Math.acos(Math.min(1, x[0] * c[0]! + x[1] * c[1]! + x[2] * c[2]!)))) / R
  return { ra: ((Math.atan2(c[1]!, c[0]!) / R) + 360) % 360, dec: Math.asin(c[2]!) / R, fov: Math.min(180, Math.max(r * 2.6, 0.15)) }
}

function describeRow(table: Table, row: number): string {
  const pick = (names: string[]) => {
    const c = table.fields.findIndex((f) => names.includes(f.name.toLowerCase()))
    return c >= 0 ? table.value(row, c) : null
  }
  return [pick(['dp_id', 'obs_id']), pick(['obs_collection', 'instrument']), pick(['target_name', 'object']), pick(['dataproduct_type', 'dp_cat'])]
    .filter((v) => v !== null && v !== '')
    .join(' · ')
}
