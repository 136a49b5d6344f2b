/** Targets without a position: why, and a box to correct each in place (a name or coordinates). */
import type { Failure } from '../../state/targets/placement'

interface Props {
  failures: Failure[]
  fixes: Readonly<Record<number, string>>
  onFix: (index: number, text: string) => void
  onRetry: () => void
  busy: boolean
}

export function Failures({ failures, fixes, onFix, onRetry, busy }: Props) {
  if (failures.length === 0) return null
  return (
    <section className="panel targets-failures" aria-label="Targets not resolved">
      <h2 className="small-heading">
        {failures.length} {failures.length === 1 ? 'target has' : 'targets have'} no position
      </h2>
      <ul>
        {failures.slice(0, 200).map((f) => (
          <li key={f.index}>
            <label>
              <span>Row {f.index + 1}</span>{' '}
              <input aria-label={`Name or position for row ${f.index + 1}`} value={fixes[f.index] ?? f.text} onChange={(e) => onFix(f.index, e.target.value)} />
            </label>{' '}
            <span className="field-error">{f.error}</span>
          </li>
        ))}
      </ul>
      {failures.length > 200 && <p className="muted">…and {failures.length - 200} more.</p>}
      <button type="button" onClick={onRetry} disabled={busy}>
        Retry the corrected targets
      </button>
    </section>
  )
}
