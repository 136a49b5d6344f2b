/**
 * Spectral search (SSAP): the form writes the URL, the URL drives the query; results in the grid and
 * as markers on the sky, linked; selected spectra are plotted and overlaid, and listed in the URL too.
 */
import { useMemo } from 'react'
import { useRuntime } from '../../state/runtime'
import { useUrlForm } from '../../state/useUrlForm'
import { useServiceQuery } from '../../state/serviceQuery'
import { useStableValue } from '../../state/stable'
import { BulkDownload } from '../../components/BulkDownload'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ResultsWithSky } from '../../components/ResultsWithSky'
import { PartialRetry } from '../../components/PartialNotice'
import { useGridSkyLink } from '../../components/gridSkyLink'
import { ssapQuery, type SpectrumRecord } from '../../protocols/ssap'
import { readInWorker } from '../../protocols/dal'
import { positionOf, useFormTargets } from '../../state/target'
import { DATALINK_PARAM } from '../../state/datalinkTarget'
import { buildSsapQuery, SPECTRA_URL_FORM } from './form'
import { SpectraFormPanel } from './SpectraFormPanel'
import { SpectrumViewer, type PlottedSpectrum } from './SpectrumViewer'

/** The identifier a spectrum is known by in the URL (`plot=`): its publisher DID, else dp_id, else access URL. */
const idOf = (r: SpectrumRecord) => r.publisherDid ?? r.dpId ?? r.accessUrl ?? ''
const labelOf = (r: SpectrumRecord) => [r.dpId ?? r.publisherDid?.replace(/^.*\?/, ''), r.targetName, r.instrument].filter(Boolean).join(' · ') || r.title || idOf(r)
const splitIds = (s: string | null) => (s ? s.split('|').filter(Boolean) : [])

export function SpectraView({ dark = false }: { dark?: boolean }) {
  const rt = useRuntime()
  const { committed, draft, setDraft, go, submit, params, setParams } = useUrlForm(SPECTRA_URL_FORM)
  const { draftTarget, target } = useFormTargets(rt, draft.target, committed.target)
  const draftBuilt = buildSsapQuery(draft, positionOf(draftTarget))
  const built = buildSsapQuery(committed, positionOf(target))

  const ssapUrl = rt.endpoint('ssap')
  const ready = go && !!ssapUrl && !!built.query
  const result = useServiceQuery(['ssap', ssapUrl, built.query], (signal) => ssapQuery(rt.http, ssapUrl!, built.query!, { signal, read: readInWorker }), ready)
  const data = ready ? result.data : undefined
  const table = data?.table

  // selection by row; the plotted spectra by id in the URL
  const link = useGridSkyLink(table)
  const selected = link.selected
  const plotParam = params.get('plot')
  const plotIds = useMemo(() => splitIds(plotParam), [plotParam])
  const plotted = useMemo<PlottedSpectrum[]>(() => {
    if (!data) return []
    return plotIds.flatMap((id) => {
      const rec = data.spectra.find((r) => idOf(r) === id)
      return rec ? [{ id, label: labelOf(rec), record: rec }] : []
    })
  }, [data, plotIds])
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
  // the markers coloured by instrument, collection or target (those the service gives), as the other views' footprints
  const colourBy = useMemo(() => {
    if (!data) return []
    const options = [['instrument', (r: SpectrumRecord) => r.instrument], ['collection', (r: SpectrumRecord) => r.collection], ['target', (r: SpectrumRecord) => r.targetName]] as const
    return options.flatMap(([name, of]) => {
      const labels = data.spectra.map((r) => of(r) || null)
      return labels.some((l) => l !== null) ? [{ name, labels }] : []
    })
  }, [data])
  const position = (go ? built.query?.pos : undefined) ?? draftBuilt.query?.pos
  const sizeDeg = (go ? built.query?.size : undefined) ?? draftBuilt.query?.size
  const centre = useStableValue(position ? { ra: position.ra, dec: position.dec, fov: Math.max((sizeDeg ?? 0.03) * 3, 0.05) } : undefined)
  const cone = useStableValue(position && sizeDeg ? { ra: position.ra, dec: position.dec, radius: sizeDeg / 2 } : null)

  const search = () => {
    if (Object.keys(draftBuilt.errors).length) return
    submit(draft)
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
            ? `${table.rowCount} ${table.rowCount === 1 ? 'spectrum' : 'spectra'}${data!.partial ? ' (partial)' : ''}${data!.overflow ? ` (the service stopped at MAXREC = ${built.query!.maxrec}; raise it or narrow the search)` : ''}`
            : ''

  return (
    <section className="view spectra-view" aria-label="Spectra">
      <SpectraFormPanel form={draft} onChange={setDraft} onSubmit={search} target={draftTarget} built={draftBuilt} busy={result.isFetching} />
      <div className="toolbar">
        <span className="status" role="status" aria-live="polite" data-testid="spectra-status">{status}</span>
      </div>
      {result.error && ready && <ErrorNotice error={result.error} />}
      {table && data?.partial && <PartialRetry partial={data.partial} rows={table.rowCount} onRetry={() => void result.refetch()} />}
      <ResultsWithSky
        partial={data?.partial} link={link} dark={dark} height={300} empty={go ? '' : 'Spectra appear here and on the sky.'}
        toolbar={(t) => (
          <>
            <button type="button" className="primary" disabled={selected.length === 0} onClick={plotSelected}>
              Plot selected
            </button>
            <button type="button" disabled={!dataLinkId} title={dataLinkId ? `DataLink of ${dataLinkId}` : 'Select one spectrum to see its DataLink'} onClick={() => setParams({ [DATALINK_PARAM]: dataLinkId })}>
              Open DataLink
            </button>
            <BulkDownload table={t} rows={selected} />
          </>
        )}
        sky={{ footprints, colourBy, cone, centre }}
        drawn="positions"
      />
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
