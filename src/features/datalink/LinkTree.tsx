/** The DataLink tree: sections in plain words, one entry per link with its type, size, description and actions. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { ErrorNotice } from '../../components/ErrorNotice'
import { safeHref } from '../../components/cellFormat'
import { descriptorFor, fetchLinks, isDataLinkDocument, type DataLinkResult, type DataLinkRow, type ServiceDescriptor } from '../../protocols/datalink'
import { CalSelectorLinks, ProgenitorCalibrations } from './Calibrations'
import { FitsHeaderView, offersHeader } from './FitsHeaderView'
import { isSameOrigin } from './download'
import { formatBytes } from '../../protocols/table'
import { linkedDpId, sectionsOf, type LinkEntry } from './groups'
import { SampFileSend } from '../../components/SampSendMenu'

/** Deeper sub-DataLinks are offered as links of their own rather than nested further. */
const MAX_DEPTH = 4

export interface TreeActions {
  /** Opens the cutout form for a SODA descriptor of the document. */
  onCutout?: (d: ServiceDescriptor, result: DataLinkResult) => void
}

export function LinkTree({ result, depth = 0, actions }: { result: DataLinkResult; depth?: number; actions: TreeActions }) {
  const sections = sectionsOf(result.rows, result.descriptors)
  // (an answer that broke off says so above: "no links" would be a claim it cannot make)
  if (sections.length === 0) return <p className="muted">{result.partial ? 'No links arrived.' : 'The service lists no links for this product.'}</p>
  return (
    <div className="dl-tree" data-depth={depth}>
      {sections.map((s) => (
        <section key={s.id} className={`dl-section dl-section-${s.id}`} role="group" aria-label={s.title}>
          <h4>
            {s.title} <span className="muted">({s.entries.length})</span>
          </h4>
          <ul className="dl-entries">
            {s.entries.map((e, i) => (
              <Entry key={i} entry={e} result={result} depth={depth} actions={actions} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

function isInlineImage(row: DataLinkRow): boolean {
  const ct = (row.contentType ?? '').toLowerCase()
  if (ct) return ct.startsWith('image/') && !ct.includes('fits')
  // no content type (DaCHS): judge by the path; DaCHS previews are the FITS path with ?preview=True
  try {
    const u = new URL(row.accessUrl ?? '')
    if (/\.(html?|pdf)$/i.test(u.pathname)) return false
    return !/\.(fits|fz)$/i.test(u.pathname) || /[?&]preview=/i.test(u.search)
  } catch {
    return false
  }
}

const isText = (row: DataLinkRow) => /^text\/plain\b/i.test(row.contentType ?? '')

function Entry({ entry, result, depth, actions }: { entry: LinkEntry; result: DataLinkResult; depth: number; actions: TreeActions }) {
  const rt = useRuntime()
  const { row, group } = entry
  const [open, setOpen] = useState<'links' | 'calibrations' | 'header' | 'text' | null>(null)
  const href = safeHref(row.accessUrl)
  const publicHref = href && rt.http.publicUrl(href)
  const isDocument = !!href && (isDataLinkDocument(row) || group === 'progenitor-list') && group !== 'calselector'
  // ESO's eso_datalink chains to the linked file's own DataLink (on #this it is the document itself)
  const subDataLink = isDocument ? href : group !== 'this' ? safeHref(row.esoDatalink) : undefined
  const isPage = /^text\/html\b/i.test(row.contentType ?? '')
  const descriptor = descriptorFor(result.descriptors, row.serviceDef)
  const dpId = group === 'progenitor' ? linkedDpId(row) : undefined
  const calselector = rt.endpoint('calselector')
  const toggle = (what: typeof open) => setOpen((o) => (o === what ? null : what))
  // a file without a known length (none given, or ESO's placeholder for previews) says so; documents and services show none
  const size = (row.contentLength ?? -1) >= 0 ? formatBytes(row.contentLength) : publicHref && !isDocument && group !== 'calselector' ? 'size unknown' : ''
  const subTree = (r: DataLinkResult) => <LinkTree result={r} depth={depth + 1} actions={actions} />

  if (group === 'error') {
    return (
      <li className="dl-entry dl-error">
        <strong>No link:</strong> {row.errorMessage}
      </li>
    )
  }
  return (
    <li className="dl-entry" data-semantics={row.semantics}>
      <div className="dl-entry-line">
        <span className="dl-description">{row.description ?? row.semantics}</span>
        <span className="dl-meta muted">
          {row.esoCategory && <span className="badge">{row.esoCategory}</span>}
          {row.contentType && <span className="dl-type">{row.contentType}</span>}
          {size && <span className="dl-size" title={isDocument || group === 'calselector' ? 'as the service estimates it' : undefined}>{isDocument || group === 'calselector' ? `≈ ${size}` : size}</span>}
        </span>
        <span className="dl-actions">
          {publicHref && !isDocument && group !== 'calselector' && (
            // a download attribute is ignored across origins: a new tab keeps the app from being navigated away
            <a className="button-link" href={publicHref} {...(isPage || !isSameOrigin(publicHref) ? { target: '_blank' } : { download: '' })} rel="noopener noreferrer">
              {isPage ? 'Open' : 'Download'}
            </a>
          )}
          {href && !isDocument && group !== 'calselector' && <SampFileSend url={href} contentType={row.contentType} name={row.description ?? row.semantics ?? href} />}
          {href && isText(row) && (
            <button type="button" aria-expanded={open === 'text'} onClick={() => toggle('text')}>
              Show
            </button>
          )}
          {subDataLink && depth < MAX_DEPTH && (
            <button type="button" aria-expanded={open === 'links'} onClick={() => toggle('links')}>
              {group === 'progenitor-list' ? 'Show the progenitors' : 'Show its links'}
            </button>
          )}
          {group === 'calselector' && href && (
            <button type="button" aria-expanded={open === 'calibrations'} onClick={() => toggle('calibrations')}>
              Show calibrations
            </button>
          )}
          {dpId && calselector && (
            <button type="button" aria-expanded={open === 'calibrations'} onClick={() => toggle('calibrations')} title={`calSelector for ${dpId}`}>
              Calibrations
            </button>
          )}
          {group === 'this' && offersHeader(result.descriptors) && (
            <button type="button" aria-expanded={open === 'header'} onClick={() => toggle('header')}>
              FITS header
            </button>
          )}
          {descriptor && (descriptor.kind === 'soda-sync' || descriptor.kind === 'other') && actions.onCutout && (
            <button type="button" className="primary" onClick={() => actions.onCutout!(descriptor, result)}>
              Cut out…
            </button>
          )}
        </span>
      </div>
      {group === 'preview' && publicHref && isInlineImage(row) && <PreviewImage src={publicHref} alt={row.description ?? 'Preview'} />}
      {open === 'text' && href && <TextFile url={href} />}
      {open === 'links' && subDataLink && <SubLinks url={subDataLink} depth={depth + 1} actions={actions} />}
      {open === 'calibrations' && group === 'calselector' && href && <CalSelectorLinks link={row} render={subTree} />}
      {open === 'calibrations' && dpId && calselector && <ProgenitorCalibrations dpId={dpId} endpoint={calselector} render={subTree} />}
      {open === 'header' && <FitsHeaderView descriptors={result.descriptors} />}
    </li>
  )
}

function PreviewImage({ src, alt }: { src: string; alt: string }) {
  const [failed, setFailed] = useState(false)
  if (failed) return <p className="muted dl-preview-failed">The preview image could not be loaded.</p>
  return <img className="dl-preview" src={src} alt={alt} loading="lazy" onError={() => setFailed(true)} />
}

/** A sub-DataLink (progenitor list, eso_datalink, a link whose content type is DataLink), fetched when opened. */
export function SubLinks({ url, depth, actions }: { url: string; depth: number; actions: TreeActions }) {
  const rt = useRuntime()
  const q = useQuery({
    queryKey: ['datalink', 'url', url],
    queryFn: ({ signal }) => fetchLinks(rt.http, { url }, { signal }),
    staleTime: 10 * 60_000,
  })
  if (q.isPending) return <p className="muted" role="status">Loading the links…</p>
  if (q.error) return <ErrorNotice error={q.error} />
  return <LinkTree result={q.data} depth={depth} actions={actions} />
}

const TEXT_LIMIT = 64 * 1024

/** A small text file (README, night log) shown as text, never as HTML. */
function TextFile({ url }: { url: string }) {
  const rt = useRuntime()
  const q = useQuery({
    queryKey: ['datalink', 'text', url],
    queryFn: async ({ signal }) => {
      const text = await rt.http.text(url, { signal })
      return text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}\n… (cut at 64 KiB; download for the rest)` : text
    },
    staleTime: 10 * 60_000,
  })
  if (q.isPending) return <p className="muted">Loading…</p>
  if (q.error) return <ErrorNotice error={q.error} />
  return <pre className="dl-text">{q.data}</pre>
}
