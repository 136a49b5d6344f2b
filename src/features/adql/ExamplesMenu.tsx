import { useQuery } from '@tanstack/react-query'
import { useRuntime } from '../../state/runtime'
import { fetchExamples } from '../../protocols/tap'
import { useCapabilities } from '../../state/tapMetadata'
import { METADATA_STALE_MS, tapKeys } from '../../state/queryKeys'
import { EXAMPLE_LIBRARY } from './exampleLibrary'
import type { HistoryEntry } from './history'

interface Props {
  serviceKey: string
  serviceUrl: string
  history: HistoryEntry[]
  onPick: (query: string, serviceKey?: string) => void
}

/** One menu with the service's own /examples, ESO's classic queries, and the queries run before. */
export function ExamplesMenu({ serviceKey, serviceUrl, history, onPick }: Props) {
  const rt = useRuntime()
  const caps = useCapabilities(serviceUrl)
  // only services that announce DALI examples in their capabilities are asked for them
  const announced = caps.data?.endpoints.some((e) => e.standardId.startsWith('ivo://ivoa.net/std/DALI#examples')) ?? false
  const examples = useQuery({
    queryKey: tapKeys.examples(serviceUrl),
    queryFn: ({ signal }) => fetchExamples(rt.http, serviceUrl, { signal }),
    enabled: announced,
    staleTime: METADATA_STALE_MS,
    retry: false,
  })
  // ESO's library: those this profile's services can run (the ESO-only ones on ESO's own services)
  const builtins = EXAMPLE_LIBRARY.filter((b) => rt.endpoint(b.service) && (!b.esoOnly || rt.profile.id === 'eso'))
  const own = history.filter((h) => h.serviceUrl === serviceUrl).slice(0, 20)
  return (
    <select
      aria-label="Examples and history"
      value=""
      onChange={(e) => {
        const [kind, i] = e.target.value.split(':')
        const n = Number(i)
        if (kind === 's') onPick(examples.data![n]!.query)
        if (kind === 'b') onPick(builtins[n]!.query, builtins[n]!.service === serviceKey ? undefined : builtins[n]!.service)
        if (kind === 'h') onPick(own[n]!.query)
      }}
    >
      <option value="">Examples and history…</option>
      {examples.data && examples.data.length > 0 && (
        <optgroup label="This service's examples">
          {examples.data.map((x, i) => (
            <option key={`s${i}`} value={`s:${i}`}>
              {x.name}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label="ESO classics">
        {builtins.map((b, i) => (
          <option key={`b${i}`} value={`b:${i}`}>
            {b.title}
          </option>
        ))}
      </optgroup>
      {own.length > 0 && (
        <optgroup label="History">
          {own.map((h, i) => (
            <option key={`h${i}`} value={`h:${i}`} title={h.query}>
              {h.query.replace(/\s+/g, ' ').slice(0, 90)}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  )
}
