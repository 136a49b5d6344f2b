import { useMemo, useState } from 'react'
import type { TapTable } from '../../protocols/tap'
import { useTapSchema } from '../../state/tapMetadata'
import { ErrorNotice } from '../../components/ErrorNotice'

interface Props {
  serviceUrl: string
  onStartQuery: (table: TapTable) => void
  onInsert: (text: string) => void
}

/** Schemas → tables → columns of the service, searchable; click a table to query it, a column to insert it. */
export function SchemaBrowser({ serviceUrl, onStartQuery, onInsert }: Props) {
  const [filter, setFilter] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  const schema = useTapSchema(serviceUrl)
  const f = filter.trim().toLowerCase()
  const groups = useMemo(() => {
    const bySchema = new Map<string, TapTable[]>()
    for (const t of schema.data?.tables ?? []) {
      const match = !f || t.name.toLowerCase().includes(f) || (t.description ?? '').toLowerCase().includes(f) || t.columns.some((c) => c.name.toLowerCase().includes(f))
      if (!match) continue
      bySchema.set(t.schema, [...(bySchema.get(t.schema) ?? []), t])
    }
    return [...bySchema.entries()].sort(([a], [b]) => a.localeCompare(b))
  }, [schema.data, f])

  return (
    <aside className="schema-browser panel" aria-label="Schema browser">
      <input type="search" aria-label="Filter tables and columns" placeholder="Filter tables and columns" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {schema.isPending && <p className="muted">Loading tables…</p>}
      {schema.error && <ErrorNotice error={schema.error} />}
      {!!schema.data?.problems.length && (
        <div className="banner warning" role="status">
          <strong>This service's table list is incomplete</strong>
          <ul>
            {schema.data.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {groups.map(([name, tables]) => (
        <details key={name} open={!!f || groups.length === 1}>
          <summary className="schema-name">{name || '(no schema)'}</summary>
          <ul className="table-list">
            {tables.map((t) => (
              <li key={t.name}>
                <div className="table-row">
                  <button type="button" className="linklike" aria-expanded={open === t.name} onClick={() => setOpen(open === t.name ? null : t.name)} title={t.description}>
                    {t.name}
                  </button>
                  <button type="button" className="small" onClick={() => onStartQuery(t)} aria-label={`Start a query on ${t.name}`} title={`Start a query on ${t.name}`}>
                    query
                  </button>
                </div>
                {open === t.name && (
                  <ul className="column-list" aria-label={`Columns of ${t.name}`}>
                    {t.description && <li className="muted table-desc">{t.description}</li>}
                    {(schema.data?.keys ?? [])
                      .filter((k) => k.fromTable === t.name || k.targetTable === t.name)
                      .map((k) => (
                        <li key={k.keyId} className="muted foreign-key" title={k.description}>
                          {k.fromTable === t.name
                            ? `→ ${k.targetTable} (${k.columns.map((c) => `${c.from} = ${c.target}`).join(', ')})`
                            : `← ${k.fromTable} (${k.columns.map((c) => `${c.from} = ${c.target}`).join(', ')})`}
                        </li>
                      ))}
                    {t.columns
                      .filter((c) => !f || t.name.toLowerCase().includes(f) || c.name.toLowerCase().includes(f))
                      .map((c) => (
                        <li key={c.name}>
                          <button
                            type="button"
                            className="linklike column"
                            onClick={() => onInsert(c.name)}
                            title={[c.description, c.unit && `unit: ${c.unit}`, c.ucd && `UCD: ${c.ucd}`, c.datatype && `type: ${c.datatype}`].filter(Boolean).join('\n')}
                          >
                            {c.name}
                          </button>
                          {c.unit && <span className="muted"> [{c.unit}]</span>}
                          {c.indexed && <span className="badge" title="indexed: fast to constrain">idx</span>}
                        </li>
                      ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </details>
      ))}
      {schema.data && (
        <p className="muted small-print">
          {schema.data.tables.length} tables{schema.data.keys.length ? `, ${schema.data.keys.length} foreign keys` : ''}
        </p>
      )}
    </aside>
  )
}
