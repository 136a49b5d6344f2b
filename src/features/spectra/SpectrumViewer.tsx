/** The plotted spectra: a legend (colour, name, units, download, remove) over one SpectrumPlot that overlays them. */
import { useMemo } from 'react'
import { useRuntime } from '../../state/runtime'
import { ErrorNotice } from '../../components/ErrorNotice'
import { saveBlob } from '../../state/downloads/saveFile'
import { SpectrumPlot } from '../../components/lazyParts'
import { prettyUnit, spectrumColour, type PlotSpectrum } from '../../components/plot/spectrumData'
import { fileNameFor } from '../../protocols/download'
import type { SpectrumRecord } from '../../protocols/ssap'
import { useSpectra, type LoadedSpectrum } from './useSpectra'
import { MTYPES, loadSpectrumMessage } from '../../protocols/samp'
import { sampSend } from '../../state/samp'
import { SampSendMenu } from '../../components/SampSendMenu'

/** What SPLAT & co. are told of a spectrum (SSA utypes), besides its URL. */
function spectrumMeta(record: SpectrumRecord, url: string): Record<string, string> {
  const meta: Record<string, string> = { 'Access.Reference': url, 'Access.Format': record.format ?? 'application/fits' }
  if (record.targetName) meta['Target.Name'] = record.targetName
  if (record.ra !== undefined && record.dec !== undefined) meta['Target.Pos'] = `${record.ra} ${record.dec}`
  return meta
}

export interface PlottedSpectrum {
  id: string
  label: string
  record: SpectrumRecord
}

function save(loaded: LoadedSpectrum) {
  // the bytes already fetched are saved, so a protected file needs no second authorised request
  saveBlob(loaded.bytes, fileNameFor(loaded.url, undefined, 'application/fits'), 'application/fits')
}

export function SpectrumViewer({ plotted, onRemove, dark }: { plotted: readonly PlottedSpectrum[]; onRemove: (id: string) => void; dark: boolean }) {
  const rt = useRuntime()
  const queries = useSpectra(rt, plotted)
  const loaded = queries.map((q) => q.data)
  const key = loaded.map((l) => (l ? l.url : '')).join('|')
  const spectra = useMemo<PlotSpectrum[]>(
    () =>
      plotted.flatMap((p, k) => {
        const l = loaded[k]
        return l ? [{ id: p.id, label: p.label, wavelength: l.spectrum.wavelength, flux: l.spectrum.flux, error: l.spectrum.error, wavelengthUnit: l.spectrum.wavelengthUnit, fluxUnit: l.spectrum.fluxUnit }] : []
      }),
    [key, plotted], // eslint-disable-line react-hooks/exhaustive-deps
  )
  if (plotted.length === 0) return <p className="muted">Select spectra in the table (or on the sky) and press “Plot selected”.</p>
  let shown = 0
  return (
    <div className="spectrum-viewer">
      <ul className="spectrum-legend" aria-label="Plotted spectra">
        {plotted.map((p, k) => {
          const q = queries[k]!
          const colour = q.data ? spectrumColour(shown++, dark) : 'transparent'
          const s = q.data?.spectrum
          return (
            <li key={p.id} data-testid="spectrum-legend-item">
              <span className="spectrum-swatch" style={{ background: colour }} aria-hidden />
              <strong>{p.label}</strong>
              {q.isFetching && <span className="muted"> loading…</span>}
              {s && (
                <span className="muted">
                  {' '}
                  {s.wavelength.length.toLocaleString('en')} points · {prettyUnit(s.wavelengthUnit) || 'no wavelength unit'} · {prettyUnit(s.fluxUnit) || 'no flux unit'}
                  {s.error ? ' · with errors' : ''}
                </span>
              )}
              {q.data && (
                <button type="button" onClick={() => save(q.data!)} aria-label={`Download ${p.label}`}>
                  Download
                </button>
              )}
              {q.data && (
                <SampSendMenu
                  mtype={MTYPES.loadSpectrum}
                  what="spectrum"
                  label={`Send ${p.label} to SAMP client`}
                  send={(to) => sampSend(loadSpectrumMessage(q.data!.url, spectrumMeta(p.record, q.data!.url), p.label), to)}
                />
              )}
              {q.error && !q.isFetching && (
                <button type="button" onClick={() => void q.refetch()} aria-label={`Retry ${p.label}`}>
                  Retry
                </button>
              )}
              <button type="button" onClick={() => onRemove(p.id)} aria-label={`Remove ${p.label}`}>
                Remove
              </button>
              {q.error && <ErrorNotice error={q.error} />}
            </li>
          )
        })}
      </ul>
      {spectra.length > 0 && <SpectrumPlot spectra={spectra} dark={dark} />}
    </div>
  )
}
