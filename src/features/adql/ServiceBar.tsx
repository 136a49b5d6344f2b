import { useState } from 'react'
import { useCapabilities } from '../../state/tapMetadata'
import { addCustomTap } from '../../state/addedTaps'
import type { TapChoice } from './services'
import { useFieldDraft } from '../../state/fieldDraft'

interface Props {
  choices: TapChoice[]
  service: TapChoice | undefined
  onSelect: (key: string) => void
  onAdded: (url: string) => void
}

/** Service picker, "add a TAP service by URL", and what the service offers (MAXREC limits, formats, upload). */
export function ServiceBar({ choices, service, onSelect, onAdded }: Props) {
  // a URL being typed survives a reload
  const [newTap, setNewTap] = useFieldDraft('add-tap-url', null)
  const [tapError, setTapError] = useState<string | null>(null)
  const caps = useCapabilities(service?.url)
  const c = caps.data
  return (
    <div className="toolbar service-bar">
      <label>
        Service{' '}
        <select aria-label="TAP service" value={service?.key ?? ''} onChange={(e) => onSelect(e.target.value)}>
          {choices.map((ch) => (
            <option key={ch.key} value={ch.key}>
              {ch.label}
            </option>
          ))}
        </select>
      </label>
      <span className="muted service-url" title="Service URL">
        {service?.url}
      </span>
      <span className="capabilities muted" data-testid="capabilities">
        {caps.isPending && service ? 'reading capabilities…' : null}
        {caps.error ? 'capabilities unavailable' : null}
        {c && (
          <>
            ADQL {c.adqlVersions.join(', ') || '?'} · MAXREC default {c.outputLimit.default?.toLocaleString('en') ?? '—'}, limit{' '}
            {c.outputLimit.hard?.toLocaleString('en') ?? '—'} · {c.uploadMethods.length ? 'upload' : 'no upload'} · {c.outputFormats.length} formats
            {c.udfs.length ? ` · ${c.udfs.length} UDFs` : ''}
          </>
        )}
      </span>
      <form
        className="add-tap"
        onSubmit={(e) => {
          e.preventDefault()
          try {
            const url = addCustomTap(newTap)
            setTapError(null)
            setNewTap('')
            onAdded(url)
          } catch (err) {
            setTapError((err as Error).message)
          }
        }}
      >
        <input aria-label="Add a TAP service by URL" placeholder="https://…/tap" value={newTap} onChange={(e) => setNewTap(e.target.value)} />
        <button type="submit">Add TAP service</button>
        {tapError && (
          <span role="alert" className="field-error">
            {tapError}
          </span>
        )}
      </form>
    </div>
  )
}

/** The service's MAXREC default, for the placeholder of the MAXREC field. */
export function useMaxrecDefault(serviceUrl: string | undefined): number | undefined {
  return useCapabilities(serviceUrl).data?.outputLimit.default
}
