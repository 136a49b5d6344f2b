/**
 * Search by position, wavelength and time: the form writes the URL (shareable, back/forward), the
 * URL drives the query, and the results show in the grid and on the sky side by side, linked.
 */
import { useId, useMemo, useState } from 'react'
import { useRuntime } from '../../state/runtime'
import { navigate } from '../../state/route'
import { useUrlForm } from '../../state/useUrlForm'
import { useServiceQuery } from '../../state/serviceQuery'
import { useStableValue } from '../../state/stable'
import { loadJson, saveJson } from '../../state/persist'
import { ErrorNotice } from '../../components/ErrorNotice'
import { BulkDownload } from '../../components/BulkDownload'
import { CopyAsMenu } from '../../components/CopyAsMenu'
import { ResultsWithSky } from '../../components/ResultsWithSky'
import { PartialRetry, rowCountText } from '../../components/PartialNotice'
import { useGridSkyLink, useHovered, type HoverStore } from '../../components/gridSkyLink'
import type { ColourOption, SkyCone } from '../../components/sky/SkyView'
import { footprintsOfTable, labelsOf } from '../../components/sky/tableFootprints'
import { runSync } from '../../protocols/tap'
import type { Table } from '../../protocols/votable'
import { buildAdql, circleToForm, countAdql, polygonToForm, SEARCH_URL_FORM, type SearchForm } from './searchQuery'
import { SearchFormPanel } from './SearchFormPanel'
import { RawCalibrations } from './RawCalibrations'
import { useObservationExtras } from './ObservationExtras'
import { decodeSelection, encodeSelection, selectionNoteOf } from './selection'
import { useCatalogues } from './useCatalogues'
import { positionOf, useFormTargets } from '../../state/target'
import { DATALINK_PARAM, DATALINK_REGION_PARAM, dataLinkTargetOfRow, formatDataLinkRegion, opensDataLink } from '../../state/datalinkTarget'

const DEFAULT_MAXREC = 5000
/** The most rows the page offers to fetch in one go. */
const MAX_MAXREC = 100_000

export function SearchView({ dark = false }: { dark?: boolean }) {
  const rt = useRuntime()
  const { committed, draft, setDraft, go, submit, params, setParams } = useUrlForm(SEARCH_URL_FORM)
  const { draftTarget, target } = useFormTargets(rt, draft.target, committed.target)
  const catalogues = useCatalogues(rt, draft.kind === 'catalogue' || committed.kind === 'catalogue')
  // a catalogue's position columns: undefined while the list is on its way, null when the service has no such table
  const columnsOf = (f: SearchForm) => (catalogues.data ? (catalogues.data.find((c) => c.table === f.table) ?? null) : undefined)
  const draftBuilt = buildAdql(draft, positionOf(draftTarget), columnsOf(draft))
  const built = buildAdql(committed, positionOf(target), columnsOf(committed))

  const maxrec = Number(params.get('maxrec')) > 0 ? Number(params.get('maxrec')) : DEFAULT_MAXREC
  const serviceUrl = rt.endpoint(committed.kind === 'catalogue' ? 'tap_cat' : 'tap_obs')
  // a drawn polygon replaces the target cone, so the target need not resolve
  const targetReady = committed.polygon.trim() !== '' || (committed.target.trim() === '' ? committed.kind !== 'catalogue' : target.status === 'ok')
  const ready = go && !!serviceUrl && targetReady && !built.pending && Object.keys(built.errors).length === 0
  // a cheap count first, so that the size of what is fetched (and any truncation) is known up front
  const counting = countAdql(built.adql)
  const count = useServiceQuery(['search-count', serviceUrl, counting], async (signal) => {
    const { table } = await runSync(rt.http, serviceUrl!, { query: counting }, signal)
    const n = Number(table.rowCount ? table.value(0, 0) : NaN)
    return Number.isFinite(n) ? n : undefined
  }, ready)
  const matching = ready && count.isSuccess ? count.data : undefined
  // a failed count does not stop the search itself
  const result = useServiceQuery(['search', serviceUrl, built.adql, maxrec], (signal) => runSync(rt.http, serviceUrl!, { query: built.adql, maxrec }, signal), ready && (count.isSuccess || count.isError))
  const table = ready ? result.data?.table : undefined

  // selection: rows here, ids or packed rows in the URL (or kept in the tab when too many for a link)
  const sel = params.get('sel')
  const decoded = useMemo(() => (table ? decodeSelection(table, sel) : undefined), [table, sel])
  const link = useGridSkyLink(table, {
    initial: () => decoded?.rows ?? [],
    onChange: (rows) => setParams({ sel: table && encodeSelection(table, rows) }, true),
  })
  const selected = link.selected
  const selectionNote = selectionNoteOf(selected.length, sel, decoded?.lost)
  const extras = useObservationExtras(rt, table, selected, ready && committed.kind !== 'catalogue')

  const footprints = useMemo(() => (table ? footprintsOfTable(table) : undefined), [table])
  const colourBy = useMemo(() => colourOptionsOf(table), [table])
  const cone = built.cone && go ? built.cone : draftBuilt.cone
  const polygon = built.polygon && go ? built.polygon : draftBuilt.polygon
  const centre = useStableValue(cone ? { ra: cone.ra, dec: cone.dec, fov: Math.max(cone.radius * 3, 0.15) } : polygon ? polygonView(polygon) : undefined)
  const skyPolygon = useStableValue(polygon ?? null)
  const skyCone = useStableValue(cone && cone.radius > 0 ? cone : null)

  const onDrawPolygon = (vertices: [number, number][]) => submit(polygonToForm(draft, vertices), { sel: undefined })
  const onDrawCircle = (c: SkyCone) => submit(circleToForm(draft, c), { sel: undefined })
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

  const search = () => {
    if (Object.keys(draftBuilt.errors).length) return
    submit(draft, { sel: undefined })
  }

  return (
    <section className="view search-view" aria-label="Search">
      <SearchFormPanel form={draft} onChange={setDraft} onSubmit={search} target={draftTarget} built={draftBuilt} catalogues={catalogues.data} cataloguesLoading={catalogues.isLoading} busy={result.isFetching} />
      <AdqlPreview adql={draftBuilt.adql} service={draft.kind === 'catalogue' ? 'tap_cat' : 'tap_obs'} profileId={rt.profile.id} maxrec={maxrec} />
      <div className="toolbar">
        <span className="status" role="status" aria-live="polite" data-testid="search-status">
          {!go ? 'Fill in the form and press Search' : built.pending && Object.keys(built.errors).length === 0 ? `Looking up ${built.pending}…` : ready && count.isFetching ? 'Counting…' : result.isFetching ? 'Searching…' : table ? `${rowCountText(table.rowCount, result.data?.partial)}${overflow ? ` (truncated at ${maxrec}; narrow the search)` : ''}` : target.status === 'resolving' ? 'Resolving the target…' : ''}
        </span>
        {matching !== undefined && (
          <span className="search-count" data-testid="search-count">
            {matching.toLocaleString('en')} matching {matching === 1 ? 'row' : 'rows'}
          </span>
        )}
        {table && <HoverText table={table} hover={link.hover} />}
        {selectionNote && <span className="muted search-selection-note" data-testid="selection-note">{selectionNote}</span>}
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
      {catalogues.error && (draft.kind === 'catalogue' || committed.kind === 'catalogue') && <ErrorNotice error={catalogues.error} />}
      {result.error && <ErrorNotice error={result.error} />}
      {table && result.data?.partial && <PartialRetry partial={result.data.partial} rows={table.rowCount} onRetry={() => void result.refetch()} />}
      <ResultsWithSky
        partial={result.data?.partial} link={link} dark={dark} height={520} empty={go ? '' : 'Results appear here and on the sky.'}
        toolbar={(t) => <><BulkDownload table={t} rows={selected} />{committed.kind === 'raw' && <RawCalibrations table={t} rows={selected} />}</>}
        onLinkClick={(href, row) => !!table && opensDataLink(table, row, href) && (setParams({ [DATALINK_PARAM]: href, [DATALINK_REGION_PARAM]: searchRegion() }), true)}
        sky={{ footprints, colourBy, focus: link.focus, cone: skyCone, centre, onDrawCircle, onDrawPolygon, polygon: skyPolygon, skyImage: extras.skyImage }}
        drawn="footprints"
        extraColumns={extras.extraColumns}
        besideSky={extras.besideSky}
      />
      {extras.status}
      {extras.panel}
    </section>
  )
}

const COLOUR_COLUMNS: [string, string[]][] = [
  ['collection', ['obs_collection']],
  ['instrument', ['instrument_name', 'instrument']],
  ['product type', ['dataproduct_type', 'dp_cat']],
]

/** What the footprints can be coloured by: the columns of the table that label rows (collection, instrument, product type). */
function colourOptionsOf(table: Table | undefined): ColourOption[] {
  if (!table) return []
  return COLOUR_COLUMNS.flatMap(([name, cols]) => {
    const labels = labelsOf(table, cols)
    return labels ? [{ name, labels }] : []
  })
}

/**
 * The query the form sends, with a way to take it to the ADQL editor: on one line (cut to fit) unless opened, so
 * that it never takes the results' room; opened or not is remembered. Its text is always there (read, copied).
 */
function AdqlPreview({ adql, service, profileId, maxrec }: { adql: string; service: 'tap_obs' | 'tap_cat'; profileId: string; maxrec: number }) {
  const serviceUrl = useRuntime().endpoint(service)
  const [open, setOpen] = useState(() => loadJson<boolean>('search-adql-open', false) === true)
  const id = useId()
  const toggle = () => {
    setOpen(!open)
    saveJson('search-adql-open', !open)
  }
  return (
    <div className={open ? 'search-adql panel open' : 'search-adql panel'}>
      <button type="button" className="search-adql-toggle" aria-expanded={open} aria-controls={id} onClick={toggle} title={open ? 'Show the query on one line' : 'Show the whole query'}>
        ADQL sent to {service}
      </button>
      <pre id={id} data-testid="search-adql" aria-label="ADQL query preview" tabIndex={0}>
        {adql}
      </pre>
      <span className="search-adql-actions">
        <button type="button" onClick={() => navigate('adql', { q: adql, profile: profileId })}>
          Open in ADQL editor
        </button>
        {serviceUrl && <CopyAsMenu source={{ kind: 'tap', serviceUrl, query: adql, maxrec, mode: 'sync' }} />}
      </span>
    </div>
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

/** The hovered row in words; the only part of the view that renders again when the hovered row changes. */
function HoverText({ table, hover }: { table: Table; hover: HoverStore }) {
  const row = useHovered(hover)
  const text = row >= 0 && row < table.rowCount ? describeRow(table, row) : ''
  return text ? <span className="muted search-hover">{text}</span> : null
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
