/**
 * Search by position, wavelength and time: the form writes the URL (shareable, back/forward), the
 * URL drives the query, and the results show in the grid and on the sky side by side, linked.
 */
import { useEffect, useMemo, useState } from 'react'
import { useRuntime } from '../../state/runtime'
import { useSurvey } from '../../state/survey'
import { navigate, useRoute, useSetParams } from '../../state/route'
import { ErrorNotice } from '../../components/ErrorNotice'
import { BulkDownload } from '../../components/BulkDownload'
import { ResultGrid } from '../../components/ResultGrid'
import { SkyView, type SkyCone } from '../../components/sky/SkyView'
import { footprintsOfTable } from '../../components/sky/tableFootprints'
import type { Table } from '../../protocols/votable'
import { buildAdql, circleToForm, formFromParams, formToParams, polygonToForm, type SearchForm } from './searchQuery'
import { SearchFormPanel } from './SearchFormPanel'
import { SearchStatus } from './SearchStatus'
import { useLinkedSelection } from './useLinkedSelection'
import { useSearchRun } from './useSearchRun'
import { colourOptionsOf, useSkyFrame } from './skyFrame'
import { useCatalogues } from './useCatalogues'
import { useDebounced, useTarget } from '../../state/target'
import { DATALINK_PARAM, DATALINK_REGION_PARAM, dataLinkTargetOfRow, formatDataLinkRegion, opensDataLink } from '../../state/datalinkTarget'

const DEFAULT_MAXREC = 5000

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
  const { ready, count, matching, result, table } = useSearchRun(rt, committed, built, target, go, maxrec)

  // selection: rows here, product ids in the URL
  const { selected, gridKey, hovered, setHovered, focus, onGridSelection, onSkySelection } = useLinkedSelection(table, params.get('sel'), setParams)

  const footprints = useMemo(() => (table ? footprintsOfTable(table) : undefined), [table])
  const colourBy = useMemo(() => colourOptionsOf(table), [table])
  const { centre, skyCone, skyPolygon } = useSkyFrame(go ? built : undefined, draftBuilt)

  // a region drawn on the sky is searched at once
  const searchDrawn = (next: SearchForm) => {
    setDraft(next)
    setParams({ ...formToParams(next), go: '1', sel: undefined })
  }
  const onDrawPolygon = (vertices: [number, number][]) => searchDrawn(polygonToForm(draft, vertices))
  const onDrawCircle = (c: SkyCone) => searchDrawn(circleToForm(draft, c))
  const dataLinkTarget = table && selected.length === 1 ? dataLinkTargetOfRow(table, selected[0]!) : undefined
  // the cutout form starts from the search region
  const searchRegion = () => {
    const region = built.polygon && go ? { shape: 'polygon' as const, vertices: built.polygon.map(([a, d]) => [a, d] as [number, number]) } : built.cone && go && built.cone.radius > 0 ? { shape: 'circle' as const, ...built.cone } : undefined
    return region && formatDataLinkRegion(region)
  }
  const openDataLink = () => setParams({ [DATALINK_PARAM]: dataLinkTarget, [DATALINK_REGION_PARAM]: searchRegion() })
  // services flag overflow whenever MAXREC rows came back; the count tells whether more exist
  const overflow = !!table && !!result.data?.overflow && (matching === undefined || matching > table.rowCount)

  const submit = () => {
    if (Object.keys(draftBuilt.errors).length) return
    setParams({ ...formToParams(draft), go: '1', sel: undefined })
  }
  const hoverText = table && hovered >= 0 && hovered < table.rowCount ? describeRow(table, hovered) : ''

  return (
    <section className="view search-view" aria-label="Search">
      <SearchFormPanel form={draft} onChange={setDraft} onSubmit={submit} target={draftTarget} built={draftBuilt} catalogues={catalogues.data} busy={result.isFetching} />
      <AdqlPreview adql={draftBuilt.adql} service={draft.kind === 'catalogue' ? 'tap_cat' : 'tap_obs'} profileId={rt.profile.id} />
      <SearchStatus
        go={go}
        counting={ready && count.isFetching}
        searching={result.isFetching}
        resolving={target.status === 'resolving'}
        table={table}
        overflow={overflow}
        maxrec={maxrec}
        matching={matching}
        hoverText={hoverText}
        dataLinkTarget={dataLinkTarget}
        onOpenDataLink={openDataLink}
        onRaise={(n) => setParams({ maxrec: String(n), sel: undefined })}
      />
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


/** The query the form sends, with a way to take it to the ADQL editor. */
function AdqlPreview({ adql, service, profileId }: { adql: string; service: string; profileId: string }) {
  return (
    <details className="search-adql panel" open>
      <summary>ADQL sent to {service}</summary>
      <pre data-testid="search-adql" aria-label="ADQL query preview">{adql}</pre>
      <button type="button" onClick={() => navigate('adql', { q: adql, profile: profileId })}>
        Open in ADQL editor
      </button>
    </details>
  )
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
