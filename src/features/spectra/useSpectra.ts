/** Fetches spectra through the HTTP door (following a DataLink to its #this file when the row points to one) and reads them. */
import { useQueries } from '@tanstack/react-query'
import type { AppRuntime } from '../../state/runtime'
import { classifySemantics, fetchLinks } from '../../protocols/datalink'
import { toDalError } from '../../protocols/dal'
import { readSpectrum, type Spectrum } from '../../protocols/fits'
import { FormatError } from '../../protocols/errors'
import type { SpectrumRecord } from '../../protocols/ssap'

export interface LoadedSpectrum {
  spectrum: Spectrum
  /** the file as received, for saving */
  bytes: ArrayBuffer
  /** service URL of the file */
  url: string
}

/** The URL of the spectrum file of an SSAP record: its access reference, or the #this link of its DataLink. */
async function fileUrl(rt: AppRuntime, rec: SpectrumRecord, signal: AbortSignal): Promise<string> {
  const access = rec.accessUrl
  const viaDataLink = /content=datalink/i.test(rec.format ?? '') ? access : !access ? rec.datalinkUrl : undefined
  if (!viaDataLink) {
    if (!access) throw new FormatError('This result row has no access reference (accref / access_url) to fetch the spectrum from')
    return access
  }
  const links = await fetchLinks(rt.http, { url: viaDataLink }, { signal })
  const self = links.rows.find((r) => r.accessUrl && classifySemantics(r, links.descriptors) === 'this')
  if (!self) throw new FormatError(`The DataLink of ${rec.dpId ?? rec.publisherDid ?? 'this row'} lists no #this file`, viaDataLink)
  return self.accessUrl!
}

export async function loadSpectrum(rt: AppRuntime, rec: SpectrumRecord, signal: AbortSignal): Promise<LoadedSpectrum> {
  const url = await fileUrl(rt, rec, signal)
  let bytes: ArrayBuffer
  try {
    bytes = await (await rt.http.request(url, { signal, timeoutMs: 120_000 })).arrayBuffer()
  } catch (e) {
    throw toDalError(e, url, 'Fetching the spectrum')
  }
  try {
    return { spectrum: readSpectrum(bytes), bytes, url }
  } catch (e) {
    throw new FormatError(`The file at ${url} could not be read as a spectrum: ${(e as Error).message}`, url, { cause: e })
  }
}

/** One query per spectrum to plot; results are kept while they stay plotted. */
export function useSpectra(rt: AppRuntime, records: readonly { id: string; record: SpectrumRecord }[]) {
  return useQueries({
    queries: records.map(({ id, record }) => ({
      queryKey: ['spectrum-file', rt.profile.id, id, record.accessUrl ?? record.datalinkUrl],
      queryFn: ({ signal }: { signal: AbortSignal }) => loadSpectrum(rt, record, signal),
      staleTime: Infinity,
      gcTime: 10 * 60_000,
      retry: false,
    })),
  })
}
