/**
 * Search by position, wavelength and time: the form writes the URL (shareable, back/forward), the
 * URL drives the query, and the results show in the grid and on the sky side by side, linked.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../app/runtime'
import { navigate, useRoute, useSetParams } from '../../app/router'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ResultGrid } from '../../components/ResultGrid'
import { SkyView, type ColourOption } from '../../components/sky/SkyView'
import { footprintsOfTable, labelsOf } from '../../components/sky/tableFootprints'
import { runSync } from '../../protocols/tap'
import type { Table } from '../../protocols/votable'
import { buildAdql, formFromParams, formToParams, type SearchForm } from './adql'
import { SearchFormPanel } from './SearchFormPanel'
import { decodeIds, encodeIds, idsOfRows, rowsOfIds } from './selection'
import { useCatalogues } from './useCatalogues'
import { useDebounced, useTarget } from './useTarget'

const DEFAULT_MAXREC = 5000

export function SearchView() {
  const rt = useRuntime()
  const { params } = useRoute()
  const setParams = useSetParams()
  const committed = useMemo(() => formFromParams(params), [params])
  const committedKey = JSON.stringify(formToParams(committed))
  const [draft, setDraft] = useState<SearchForm>(committed)
  // back/forward and shared links replace what is being edited
  useEffect(() => setDraft(committed), [committedKey]) // eslint-disable-line react-hooks/exhaustive-deps

  const draftTarget = useTarget(rt, useDebounced(draft.target, 400))
  const target = useTarget(rt, committed.target)
  const catalogues = useCatalogues(rt, draft.kind === 'catalogue' || committed.kind === 'catalogue')
  const columnsOf = (f: SearchForm) => catalogues.data?.find((c) => c.table === f.table)
  const draftBuilt = buildAdql(draft, draftTarget.status === 'ok' ? draftTarget.position : undefined, columnsOf(draft))
  const built = buildAdql(committed, target.status === 'ok' ? target.position : undefined, columnsOf(committed))

  const go = params.get('go') === '1'
  const maxrec = Number(params.get('maxrec')) > 0 ? Number(params.get('maxrec')) : DEFAULT_MAXREC
  const serviceUrl = rt.endpoint(committed.kind === 'catalogue' ? 'tap_cat' : 'tap_obs')
  const targetReady = committed.target.trim() === '' ? committed.kind !== 'catalogue' : target.status === 'ok'
  const ready = go && !!serviceUrl && targetReady && Object.keys(built.errors).length === 0
  const result = useQuery({
    queryKey: ['search', serviceUrl, built.adql, maxrec],
    queryFn: ({ signal }) => runSync(rt.http, serviceUrl!, { query: built.adql, maxrec }, signal),
    enabled: ready,
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
  const coneKey = cone ? `${cone.ra},${cone.dec},${cone.radius}` : ''
  const centre = useMemo(() => (cone ? { ra: cone.ra, dec: cone.dec, fov: Math.max(cone.radius * 3, 0.15) } : undefined), [coneKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const skyCone = useMemo(() => (cone && cone.radius > 0 ? cone : null), [coneKey]) // eslint-disable-line react-hooks/exhaustive-deps

  const submit = () => {
    if (Object.keys(draftBuilt.errors).length) return
    setParams({ ...formToParams(draft), go: '1', sel: undefined })
  }
  const dark = document.documentElement.dataset.theme === 'dark'
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
          {!go ? 'Fill in the form and press Search' : result.isFetching ? 'Searching…' : table ? `${table.rowCount} rows${result.data?.overflow ? ` (truncated at ${maxrec}; narrow the search)` : ''}` : target.status === 'resolving' ? 'Resolving the target…' : ''}
        </span>
        {hoverText && <span className="muted search-hover">{hoverText}</span>}
      </div>
      {result.error && <ErrorNotice error={result.error} />}
      <div className="search-split">
        <div
          className="search-results"
          onMouseOver={(e) => {
            const row = (e.target as HTMLElement).closest('.ag-row')?.getAttribute('row-id')
            setHovered(row != null ? Number(row) : -1)
          }}
          onMouseLeave={() => setHovered(-1)}
        >
          {table ? (
            <ResultGrid key={gridKey} table={table} dark={dark} height={520} selected={selected} onSelectionChange={onGridSelection} />
          ) : (
            <p className="muted">{go ? '' : 'Results appear here and on the sky.'}</p>
          )}
        </div>
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
          hips={rt.profile.hips}
          height={520}
        />
      </div>
    </section>
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
