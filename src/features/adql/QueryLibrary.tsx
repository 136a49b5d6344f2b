import { useMemo, useRef, useState } from 'react'
import { useRuntime } from '../../state/runtime'
import { saveBlob } from '../../state/downloads/saveFile'
import { EXAMPLE_LIBRARY, searchExamples, type LibraryExample } from './exampleLibrary'
import { exportSaved, importSaved, loadSaved, removeSaved, saveQuery, type SavedQuery } from './savedQueries'

interface Props {
  serviceKey: string
  /** The editor's text, for "Save current query". */
  query: string
  onPick: (query: string, serviceKey?: string) => void
}

/** ESO's example queries (searchable) and the user's saved queries (named, kept in the browser, exported and imported as JSON). */
export function QueryLibrary({ serviceKey, query, onPick }: Props) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Query library
      </button>
      {open && (
        <LibraryPanel
          serviceKey={serviceKey}
          query={query}
          onPick={(q, key) => {
            setOpen(false)
            onPick(q, key)
          }}
        />
      )}
    </>
  )
}

function LibraryPanel({ serviceKey, query, onPick }: Props) {
  const rt = useRuntime()
  const [search, setSearch] = useState('')
  const found = useMemo(() => searchExamples(EXAMPLE_LIBRARY, search), [search])
  // switch to the example's (or saved query's) service when this profile has it
  const pick = (q: string, key: string) => {
    const known = key.includes('/') || !!rt.endpoint(key as LibraryExample['service'])
    onPick(q, key !== serviceKey && known ? key : undefined)
  }
  return (
    <section className="query-library" aria-label="Query library">
      <div className="query-library-examples">
        <input type="search" aria-label="Search the library" placeholder="Search: seeing, cone, programme, tap_cat…" value={search} onChange={(e) => setSearch(e.target.value)} autoFocus />
        <ul aria-label="ESO examples">
          {found.map((x) => (
            <li key={x.id}>
              <button type="button" className="linklike" onClick={() => pick(x.query, x.service)}>
                {x.title}
              </button>
              <span className="badge">{x.service}</span>
              {x.esoOnly && (
                <span className="badge" title={x.esoOnly}>
                  ESO archive only
                </span>
              )}
              <div className="muted">{x.shows}</div>
            </li>
          ))}
          {found.length === 0 && <li className="muted">No example matches “{search}”.</li>}
        </ul>
      </div>
      <SavedQueries serviceKey={serviceKey} query={query} onOpen={(q) => pick(q.query, q.service)} />
    </section>
  )
}

function SavedQueries({ serviceKey, query, onOpen }: { serviceKey: string; query: string; onOpen: (q: SavedQuery) => void }) {
  const [saved, setSaved] = useState(loadSaved)
  const [name, setName] = useState('')
  const [note, setNote] = useState<string>()
  const file = useRef<HTMLInputElement>(null)
  const readFile = async (f: File) => {
    const r = importSaved(await f.text())
    if ('error' in r) return setNote(`Not imported: ${r.error}.`)
    setSaved(r.list)
    setNote(`Imported ${r.added} quer${r.added === 1 ? 'y' : 'ies'} from ${f.name}.`)
  }
  return (
    <div className="query-library-saved">
      <h3>Saved queries</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!name.trim() || !query.trim()) return
          setSaved(saveQuery(name, query, serviceKey))
          setNote(`Saved “${name.trim()}”.`)
          setName('')
        }}
      >
        <input aria-label="Name for the current query" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} />{' '}
        <button type="submit" disabled={!name.trim() || !query.trim()}>
          Save current query
        </button>
      </form>
      {saved.length > 0 ? (
        <ul aria-label="Saved queries">
          {saved.map((q) => (
            <li key={q.name}>
              <button type="button" className="linklike" title={q.query} onClick={() => onOpen(q)}>
                {q.name}
              </button>
              <span className="badge">{q.service.includes('/') ? 'added service' : q.service}</span>{' '}
              <button type="button" aria-label={`Delete ${q.name}`} onClick={() => setSaved(removeSaved(q.name))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet: name the query in the editor and save it.</p>
      )}
      <div className="toolbar">
        <button type="button" disabled={!saved.length} onClick={() => saveBlob(exportSaved(saved), 'adql-saved-queries.json', 'application/json')}>
          Export saved queries
        </button>
        <button type="button" onClick={() => file.current?.click()}>
          Import saved queries
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          aria-label="Saved queries file to import"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0]
            if (f) void readFile(f)
            e.target.value = ''
          }}
        />
      </div>
      {note && <p role="status">{note}</p>}
    </div>
  )
}
