/** The FITS header of a product, where its SODA service offers KIND=HEADER (DaCHS does; ESO's does not). */
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { ErrorNotice } from '../../components/ErrorNotice'
import type { ServiceDescriptor } from '../../protocols/datalink'
import type { HttpClient } from '../../protocols/http'
import { buildSodaRequest, fetchCutout, type SodaCutout } from '../../protocols/soda'
import { readHeaderText, type HeaderText } from './fitsHeader'

/** The SODA descriptor whose KIND parameter offers HEADER, if any. */
export function headerDescriptor(descriptors: readonly ServiceDescriptor[]): ServiceDescriptor | undefined {
  return descriptors.find((d) => (d.kind === 'soda-sync' || d.kind === 'other') && d.inputParams.some((p) => p.name.toUpperCase() === 'KIND' && p.options?.some((o) => o.value.toUpperCase() === 'HEADER')))
}

export const offersHeader = (descriptors: readonly ServiceDescriptor[]) => headerDescriptor(descriptors) !== undefined

/** Fetches the header SODA would give for a cutout (or the whole product when the cutout is empty). */
export async function fetchFitsHeader(http: HttpClient, d: ServiceDescriptor, cutout: SodaCutout = {}, signal?: AbortSignal): Promise<HeaderText> {
  const req = buildSodaRequest(d, { ...cutout, other: { ...cutout.other, KIND: 'HEADER' } })
  const r = await fetchCutout(http, req, { signal, timeoutMs: 60_000 })
  return readHeaderText(new Uint8Array(await r.response.arrayBuffer()))
}

export function FitsHeaderView({ descriptors }: { descriptors: readonly ServiceDescriptor[] }) {
  const rt = useRuntime()
  const d = headerDescriptor(descriptors)
  const q = useQuery({
    queryKey: ['soda-header', d?.accessUrl, d?.inputParams.map((p) => p.fixedValue).join('|')],
    queryFn: ({ signal }) => fetchFitsHeader(rt.http, d!, {}, signal),
    enabled: !!d,
    staleTime: 10 * 60_000,
  })
  if (!d) return null
  if (q.isPending) return <p className="muted" role="status">Loading the FITS header…</p>
  if (q.error) return <ErrorNotice error={q.error} />
  return (
    <pre className="dl-text dl-fits-header" aria-label="FITS header">
      {q.data.lines.join('\n')}
    </pre>
  )
}
