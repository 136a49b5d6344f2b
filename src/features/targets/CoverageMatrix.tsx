/** The coverage matrix: a row per target, a column per instrument (or collection), the count of rows in each cell. */
import { useState } from 'react'
import type { CoverageMatrix as Matrix, PlacedTarget } from '../../protocols/targets'

interface Props {
  matrix: Matrix
  targets: readonly PlacedTarget[]
  /** Targets whose chunk is done (others show as pending). */
  done: ReadonlySet<number>
  /** What a column counts, e.g. "instrument_name". */
  groupLabel: string
}

const PAGE = 500

export function CoverageMatrix({ matrix, targets, done, groupLabel }: Props) {
  const [onlyHits, setOnlyHits] = useState(false)
  const [shown, setShown] = useState(PAGE)
  const rows = onlyHits ? targets.filter((t) => matrix.counts.has(t.index)) : targets
  const hit = targets.filter((t) => matrix.counts.has(t.index)).length
  return (
    <section className="panel targets-matrix" aria-label="Coverage matrix">
      <div className="toolbar">
        <span className="muted">
          {hit.toLocaleString('en')} of {targets.length.toLocaleString('en')} targets have rows · columns: {groupLabel}
        </span>
        <label>
          <input type="checkbox" checked={onlyHits} onChange={(e) => setOnlyHits(e.target.checked)} /> Only targets with rows
        </label>
      </div>
      <div className="targets-matrix-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Rows per target and {groupLabel}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Target</th>
              {matrix.groups.map((g) => (
                <th scope="col" key={g}>
                  {g}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((t) => {
              const counts = matrix.counts.get(t.index)
              const pending = !done.has(t.index)
              const total = counts ? [...counts.values()].reduce((a, b) => a + b, 0) : 0
              return (
                <tr key={t.index} data-testid="matrix-row">
                  <td>{t.index + 1}</td>
                  <th scope="row">{t.name}</th>
                  {matrix.groups.map((g) => (
                    <td key={g} className="num">
                      {pending ? '…' : (counts?.get(g) ?? 0)}
                    </td>
                  ))}
                  <td className="num">{pending ? '…' : total}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more targets
        </button>
      )}
    </section>
  )
}
