/**
 * Spectral search (SSAP): the form writes the URL, the URL drives the query; results in the grid and
 * as markers on the sky, linked; selected spectra are plotted and overlaid, and listed in the URL too.
 */
import { useEffect, useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { useRoute, useSetParams } from '../../state/route'
import { BulkDownload } from '../../components/BulkDownload'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ResultGrid } from '../../components/lazyParts'
import { SkyView } from '../../components/sky/SkyView'
import { ssapQuery, type SpectrumRecord } from '../../protocols/ssap'
import { useSurvey } from '../../state/survey'
import { useDebounced, useTarget } from '../../state/target'
import { DATALINK_PARAM } from '../../state/datalinkTarget'
import { buildSsapQuery, formFromParams, formToParams, type SpectraForm } from './form'
import { SpectraFormPanel } from './SpectraFormPanel'
import { SpectrumViewer, type PlottedSpectrum } from './SpectrumViewer'

/** The identifier a spectrum is known by in the URL (`plot=`): its publisher DID, else dp_id, else access URL. */
const idOf = (r: SpectrumRecord) => r.publisherDid ?? r.dpId ?? r.accessUrl ?? ''
const labelOf = (r: SpectrumRecord) => [r.dpId ?? r.publisherDid?.replace(/^.*\?/, ''), r.targetName, r.instrument].filter(Boolean).join(' · ') || r.title || idOf(r)
const splitIds = (s: string | null) => (s ? s.split('|').filter(Boolean) : [])

export function SpectraView({ dark = false }: { dark?: boolean }) {
  const rt = useRuntime()
  const survey = useSurvey()
  const { params } = useRoute()
  const setParams = useSetParams()
  const committed = useMemo(() => formFromParams(params), [params])
  const committedKey = JSON.stringify(formToParams(committed))
  const [draft, setDraft] = useState<SpectraForm>(committed)
  useEffect(() => setDraft(committed), [committedKey]) // eslint-disable-line react-hooks/exhaustive-deps

  const debouncedTarget = useDebounced(draft.target, 400)
  const draftTarget = useTarget(rt, draft.target === committed.target ? committed.target : debouncedTarget)
  const target = useTarget(rt, committed.target)
  const draftBuilt = buildSsapQuery(draft, draftTarget.status === 'ok' ? draftTarget.position : undefined)
  const built = buildSsapQuery(committed, target.status === 'ok' ? target.position : undefined)

  const go = params.get('go') === '1'
  const ssapUrl = rt.endpoint('ssap')
  const ready = go && !!ssapUrl && !!built.query
  const result = useQuery({
    queryKey: ['ssap', ssapUrl, built.query],
    queryFn: ({ signal }) => ssapQuery(rt.http, ssapUrl!, built.query!, { signal }),
    enabled: ready,
    staleTime: 5 * 60_000,
    retry: false,
  })
  const data = ready ? result.data : undefined
  const table = data?.table

  // selection by row; the plotted spectra by id in the URL
  const [selected, setSelected] = useState<number[]>([])
  const [gridKey, setGridKey] = useState(0)
  const [hovered, setHovered] = useState(-1)
  useEffect(() => {
    setSelected([])
    setHovered(-1)
    setGridKey((k) => k + 1)
  }, [table])
  const plotIds = splitIds(params.get('plot'))
  const plotted = useMemo<PlottedSpectrum[]>(() => {
    if (!data) return []
    return plotIds.flatMap((id) => {
      const rec = data.spectra.find((r) => idOf(r) === id)
      return rec ? [{ id, label: labelOf(rec), record: rec }] : []
    })
  }, [data, params.get('plot')]) // eslint-disable-line react-hooks/exhaustive-deps
  const missing = data ? plotIds.filter((id) => !plotted.some((p) => p.id === id)) : []
  const setPlot = (ids: string[]) => setParams({ plot: ids.length ? [...new Set(ids)].join('|') : undefined })
  // the DataLink panel (progenitors, README, spectral cutout) of one selected spectrum, by its publisher DID
  const dataLinkId = data && selected.length === 1 ? (data.spectra[selected[0]!]?.datalinkUrl ?? data.spectra[selected[0]!]?.publisherDid ?? data.spectra[selected[0]!]?.dpId) : undefined
  const plotSelected = () => data && setPlot([...plotIds, ...selected.map((r) => idOf(data.spectra[r]!)).filter(Boolean)])

  const footprints = useMemo(() => {
    if (!data) return undefined
    return {
      regions: data.spectra.map(() => null),
      ra: Float64Array.from(data.spectra, (r) => r.ra ?? NaN),
      dec: Float64Array.from(data.spectra, (r) => r.dec ?? NaN),
    }
  }, [data])
  const position = (go ? built.query?.pos : undefined) ?? draftBuilt.query?.pos
  const sizeDeg = (go ? built.query?.size : undefined) ?? draftBuilt.query?.size
  const posKey = position ? `${position.ra},${position.dec},${sizeDeg}` : ''
  const centre = useMemo(() => (position ? { ra: position.ra, dec: position.dec, fov: Math.max((sizeDeg ?? 0.03) * 3, 0.05) } : undefined), [posKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const cone = useMemo(() => (position && sizeDeg ? { ra: position.ra, dec: position.dec, radius: sizeDeg / 2 } : null), [posKey]) // eslint-disable-line react-hooks/exhaustive-deps

  const submit = () => {
    if (Object.keys(draftBuilt.errors).length) return
    setParams({ ...formToParams(draft), go: '1' })
  }
  const status = !go
    ? 'Fill in the form and press Search spectra'
    : !ssapUrl
      ? `The profile "${rt.profile.label}" has no SSAP service`
      : target.status === 'resolving'
        ? 'Resolving the target…'
        : result.isFetching
          ? 'Searching…'
          : table
            ? `${table.rowCount} ${table.rowCount === 1 ? 'spectrum' : 'spectra'}${data!.overflow ? ` (the service stopped at MAXREC = ${built.query!.maxrec}; raise it or narrow the search)` : ''}`
            : ''

  return (
    <section className="view spectra-view" aria-label="Spectra">
      <SpectraFormPanel form={draft} onChange={setDraft} onSubmit={submit} target={draftTarget} built={draftBuilt} busy={result.isFetching} />
      <div className="toolbar">
        <span className="status" role="status" aria-live="polite" data-testid="spectra-status">{status}</span>
      </div>
      {result.error && ready && <ErrorNotice error={result.error} />}
      <div className="search-split">
        <div className="search-results">
          {table ? (
            <ResultGrid
              key={gridKey}
              table={table}
              dark={dark}
              height={300}
              selected={selected}
              onSelectionChange={setSelected}
              onRowHover={(row) => setHovered(row ?? -1)}
              highlighted={hovered >= 0 ? hovered : undefined}
              toolbar={
                <>
                  <button type="button" className="primary" disabled={selected.length === 0} onClick={plotSelected}>
                    Plot selected
                  </button>
                  <button type="button" disabled={!dataLinkId} title={dataLinkId ? `DataLink of ${dataLinkId}` : 'Select one spectrum to see its DataLink'} onClick={() => setParams({ [DATALINK_PARAM]: dataLinkId })}>
                    Open DataLink
                  </button>
                  <BulkDownload table={table} rows={selected} />
                </>
              }
            />
          ) : (
            <p className="muted">{go ? '' : 'Spectra appear here and on the sky.'}</p>
          )}
        </div>
        <div className="search-sky-column">
          {survey.unreachable && <p className="banner warning" role="status">The sky survey {survey.unreachable} cannot be reached; positions are drawn on a plain background.</p>}
          <SkyView
            footprints={footprints}
            selected={selected}
            hovered={hovered}
            onHover={setHovered}
            onSelect={(rows) => {
              setSelected(rows)
              setGridKey((k) => k + 1)
            }}
            cone={cone}
            centre={centre}
            hips={survey.hips}
            height={300}
          />
        </div>
      </div>
      <section className="panel spectrum-section" aria-label="Spectrum viewer">
        <h3>Spectra plotted</h3>
        {missing.length > 0 && (
          <p className="banner warning" role="status">
            Not in this result, so not plotted: {missing.join(', ')}.{' '}
            <button type="button" onClick={() => setPlot(plotIds.filter((id) => !missing.includes(id)))}>Forget them</button>
          </p>
        )}
        <SpectrumViewer plotted={plotted} onRemove={(id) => setPlot(plotIds.filter((x) => x !== id))} dark={dark} />
      </section>
    </section>
  )
}
