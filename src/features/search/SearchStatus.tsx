import type { Table } from '../../protocols/votable'

/** The most rows the page offers to fetch in one go. */
const MAX_MAXREC = 100_000

interface Props {
  /** a search was asked for */
  go: boolean
  counting: boolean
  searching: boolean
  resolving: boolean
  table: Table | undefined
  /** the service stopped at MAXREC and more rows exist */
  overflow: boolean
  maxrec: number
  /** how many rows match (from the count query) */
  matching: number | undefined
  hoverText: string
  dataLinkTarget: string | undefined
  onOpenDataLink: () => void
  /** fetch up to this many rows */
  onRaise: (maxrec: number) => void
}

/** The search's status line (progress, row count, hovered row, Open DataLink) and the truncation warning. */
export function SearchStatus({ go, counting, searching, resolving, table, overflow, maxrec, matching, hoverText, dataLinkTarget, onOpenDataLink, onRaise }: Props) {
  const truncated = matching !== undefined && matching > maxrec
  const raiseTo = matching !== undefined ? Math.min(matching, MAX_MAXREC) : maxrec
  return (
    <>
      <div className="toolbar">
        <span className="status" role="status" aria-live="polite" data-testid="search-status">
          {!go ? 'Fill in the form and press Search' : counting ? 'Counting…' : searching ? 'Searching…' : table ? `${table.rowCount} rows${overflow ? ` (truncated at ${maxrec}; narrow the search)` : ''}` : resolving ? 'Resolving the target…' : ''}
        </span>
        {matching !== undefined && (
          <span className="search-count" data-testid="search-count">
            {matching.toLocaleString('en')} matching {matching === 1 ? 'row' : 'rows'}
          </span>
        )}
        {hoverText && <span className="muted search-hover">{hoverText}</span>}
        {table && (
          <button type="button" disabled={!dataLinkTarget} title={dataLinkTarget ? `DataLink of ${dataLinkTarget}` : 'Select one row to see its DataLink'} onClick={onOpenDataLink}>
            Open DataLink
          </button>
        )}
      </div>
      {truncated && (
        <div className="banner warning search-truncation" role="alert" data-testid="search-truncation">
          {matching.toLocaleString('en')} rows match, more than the limit of {maxrec.toLocaleString('en')}: only the first {maxrec.toLocaleString('en')} are fetched and shown. Narrow the search
          {raiseTo > maxrec && (
            <>
              {' or '}
              <button type="button" onClick={() => onRaise(raiseTo)}>
                Fetch up to {raiseTo.toLocaleString('en')} rows
              </button>
    </>
        )}
        .
      </div>
    )}
    </>
  )
}
