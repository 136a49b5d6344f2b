/** The mark of a result that did not arrive whole: what happened in words, and what the user can do about it. */
import type { ReactNode } from 'react'

export interface Partial {
  /** why the result is incomplete, e.g. "the connection broke after 100 rows" */
  reason: string
}

export function PartialNotice({ partial, rows, actions }: { partial: Partial; rows: number; actions?: ReactNode }) {
  return (
    <div className="banner error partial-notice" role="alert" aria-label="Partial result">
      {rows === 0 ? (
        <>
          <strong>Partial result: no rows arrived</strong> — {partial.reason}. The answer broke off before its first row.
        </>
      ) : (
        <>
          <strong>
            Partial result: only {rows.toLocaleString('en')} {rows === 1 ? 'row' : 'rows'} arrived
          </strong>{' '}
          — {partial.reason}. The rows shown are not the whole answer.
        </>
      )}
      {actions && <span className="partial-actions"> {actions}</span>}
    </div>
  )
}

/** "N rows", with the partial mark when the result is incomplete. */
export function rowCountText(rows: number, partial?: Partial): string {
  return `${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'}${partial ? ' (partial)' : ''}`
}

/** The partial mark with a Retry that asks the service again. */
export function PartialRetry({ partial, rows, onRetry }: { partial: Partial; rows: number; onRetry: () => void }) {
  return (
    <PartialNotice
      partial={partial}
      rows={rows}
      actions={
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      }
    />
  )
}
