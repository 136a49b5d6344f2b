import { useMemo } from 'react'
import type { SpectrumRecord, SsapResult } from '../../protocols/ssap'
import type { PlottedSpectrum } from './SpectrumViewer'

/** The identifier a spectrum is known by in the URL (`plot=`): its publisher DID, else dp_id, else access URL. */
export const idOf = (r: SpectrumRecord) => r.publisherDid ?? r.dpId ?? r.accessUrl ?? ''
const labelOf = (r: SpectrumRecord) => [r.dpId ?? r.publisherDid?.replace(/^.*\?/, ''), r.targetName, r.instrument].filter(Boolean).join(' · ') || r.title || idOf(r)
const splitIds = (s: string | null) => (s ? s.split('|').filter(Boolean) : [])

/** The spectra plotted, listed by id in the URL (`plot=`): those of this result, and the ids it does not have. */
export function usePlottedSpectra(data: SsapResult | undefined, plotParam: string | null, setParams: (changes: Record<string, string | undefined>) => void) {
  const plotIds = splitIds(plotParam)
  const plotted = useMemo<PlottedSpectrum[]>(() => {
    if (!data) return []
    return plotIds.flatMap((id) => {
      const rec = data.spectra.find((r) => idOf(r) === id)
      return rec ? [{ id, label: labelOf(rec), record: rec }] : []
    })
  }, [data, plotParam]) // eslint-disable-line react-hooks/exhaustive-deps
  const missing = data ? plotIds.filter((id) => !plotted.some((p) => p.id === id)) : []
  const setPlot = (ids: string[]) => setParams({ plot: ids.length ? [...new Set(ids)].join('|') : undefined })
  return { plotIds, plotted, missing, setPlot }
}
