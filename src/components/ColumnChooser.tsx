/** The result grid's column chooser: which columns are shown (in the order shown), times as ISO or MJD, and back to the default. */
import { useId } from 'react'
import type { Table } from '../protocols/votable'
import type { ColumnLayout, TimesAs } from './gridColumns'

interface Props {
  fields: Table['fields']
  layout: ColumnLayout
  onHiddenChange: (hidden: ReadonlySet<number>) => void
  onReset: () => void
  timesAs: TimesAs
  onTimesAsChange: (t: TimesAs) => void
}

export function ColumnChooser({ fields, layout, onHiddenChange, onReset, timesAs, onTimesAsChange }: Props) {
  const { hidden, order } = layout
  const radioName = useId()
  return (
    <details className="column-chooser">
      <summary>
        Columns ({fields.length - hidden.size}/{fields.length})
      </summary>
      <div className="column-chooser-list" role="group" aria-label="Shown columns">
        <div className="toolbar">
          <button type="button" onClick={() => onHiddenChange(new Set())}>
            All
          </button>
          <button type="button" onClick={() => onHiddenChange(new Set(fields.map((_, c) => c)))}>
            None
          </button>
          <button type="button" onClick={onReset} disabled={!layout.custom} title="Show every column again, in the default order (forgets the order and choice kept for this table)">
            Reset columns
          </button>
          <span className="column-chooser-times" role="radiogroup" aria-label="Times as">
            <span className="muted">Times as</span>
            {(['iso', 'mjd'] as const).map((t) => (
              <label key={t} title={t === 'iso' ? 'ISO 8601, UTC (the MJD in the tooltip)' : 'as the service sent them (MJD numbers, ISO text)'}>
                <input type="radio" name={radioName} checked={timesAs === t} onChange={() => onTimesAsChange(t)} /> {t === 'iso' ? 'ISO (UTC)' : 'MJD'}
              </label>
            ))}
          </span>
        </div>
        {order.map((c) => {
          const f = fields[c]!
          return (
            <label key={c} title={f.description}>
              <input
                type="checkbox"
                checked={!hidden.has(c)}
                onChange={(e) => {
                  const next = new Set(hidden)
                  if (e.target.checked) next.delete(c)
                  else next.add(c)
                  onHiddenChange(next)
                }}
              />{' '}
              {f.name}
            </label>
          )
        })}
      </div>
    </details>
  )
}
