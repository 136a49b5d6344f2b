/** Everything related to one product, from its DataLink document: the tree, and the cutout form when asked for. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { ErrorNotice } from '../../components/ErrorNotice'
import { CopyAsMenu } from '../../components/CopyAsMenu'
import { PartialRetry } from '../../components/PartialNotice'
import { dpIdOf, linksUrl, type DataLinkResult, type ServiceDescriptor } from '../../protocols/datalink'
import { parseDataLinkRegion, parseDataLinkTarget } from '../../state/datalinkTarget'
import { fetchProductLinks } from '../../state/productLinks'
import { CutoutForm } from './CutoutForm'
import { LinkTree } from './LinkTree'

/** A readable name for the product: the dp_id the target or the document's ID holds, else the target as given. */
function productName(target: string, result?: DataLinkResult): string {
  const spec = parseDataLinkTarget(target)
  if (spec && 'dpId' in spec) return spec.dpId
  if (spec && 'id' in spec) return dpIdOf(spec.id) ?? spec.id
  try {
    const id = spec && 'url' in spec ? new URL(spec.url).searchParams.get('ID') : null
    if (id) return dpIdOf(id) ?? id
  } catch {
    // not a URL after all
  }
  const rowId = result?.rows[0]?.id
  return (rowId && dpIdOf(rowId)) ?? rowId ?? target
}

export function DataLinkPanel({ target, region, onClose }: { target: string; region?: string | null; onClose?: () => void }) {
  const rt = useRuntime()
  const spec = parseDataLinkTarget(target)
  const baseUrl = rt.endpoint('datalink')
  const q = useQuery({
    queryKey: ['datalink', rt.profile.id, target],
    queryFn: ({ signal }) => fetchProductLinks(rt, spec!, signal),
    enabled: !!spec,
    staleTime: 10 * 60_000,
  })
  const [cutout, setCutout] = useState<{ descriptor: ServiceDescriptor; name: string } | undefined>()
  const name = productName(target, q.data)
  // the URL that answered (a raw frame may come from another DataLink service than the one asked first)
  let requestUrl = q.data?.url ?? ''
  try {
    requestUrl ||= spec ? linksUrl(spec, { baseUrl, idTemplate: rt.profile.idTemplate }) : ''
  } catch {
    requestUrl = ''
  }
  return (
    <div className="dl-panel" data-testid="datalink-panel">
      <div className="toolbar dl-panel-head">
        <h3>
          DataLink of <span className="dl-product">{name}</span>
        </h3>
        {requestUrl && <span className="muted small-print service-url" title="The DataLink request">{requestUrl}</span>}
        {requestUrl && <CopyAsMenu source={{ kind: 'datalink', url: requestUrl }} what="DataLink request" />}
        {onClose && (
          <button type="button" className="dl-close" onClick={onClose} aria-label="Close the DataLink panel">
            ✕
          </button>
        )}
      </div>
      {!spec && <p className="banner warning">No product given.</p>}
      {spec && !('url' in spec) && !baseUrl && <p className="banner warning">This profile names no DataLink service.</p>}
      {q.isFetching && !q.data && <p className="muted" role="status">Loading the links…</p>}
      {q.error && <ErrorNotice error={q.error} />}
      {q.data?.partial && <PartialRetry partial={q.data.partial} rows={q.data.rows.length} onRetry={() => void q.refetch()} />}
      {cutout && <CutoutForm key={`${cutout.name} ${cutout.descriptor.id}`} descriptor={cutout.descriptor} productName={cutout.name} region={parseDataLinkRegion(region)} onClose={() => setCutout(undefined)} />}
      {q.data && <LinkTree result={q.data} actions={{ onCutout: (descriptor, result) => setCutout({ descriptor, name: productName(target, result) }) }} />}
    </div>
  )
}
