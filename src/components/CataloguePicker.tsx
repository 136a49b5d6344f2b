/**
 * The catalogue to cone-search: a combobox (ARIA 1.2 pattern) that filters the service's catalogues as one types
 * (title, collection, table name, description), each option with its title, collection, table name, version and
 * description; arrows move, Enter picks, Escape closes.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { filterCatalogues, type Catalogue } from '../state/catalogues/catalogueList'

interface Props {
  catalogues: readonly Catalogue[] | undefined
  /** the chosen table name ('' for none) */
  value: string
  onChange: (table: string) => void
  error?: string
  loading?: boolean
}

const many = (n: number) => `${n.toLocaleString('en')} catalogue${n === 1 ? '' : 's'}`
const versionText = (c: Catalogue) => (c.version === undefined ? '' : `v${c.version}${c.latest ? '' : ' (older version)'}`)

export function CataloguePicker({ catalogues, value, onChange, error, loading }: Props) {
  const id = useId()
  const listId = `${id}-list`
  const [typed, setTyped] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const list = useRef<HTMLUListElement>(null)
  const open = typed !== null
  const chosen = catalogues?.find((c) => c.table === value)
  const shown = useMemo(() => (open ? filterCatalogues(catalogues ?? [], typed) : []), [catalogues, typed, open])
  const activeIndex = Math.min(active, shown.length - 1)
  const optionId = (i: number) => `${id}-o${i}`

  const moveTo = (i: number) => {
    setActive(i)
    list.current?.querySelector(`#${CSS.escape(optionId(i))}`)?.scrollIntoView({ block: 'nearest' })
  }
  const pick = (c: Catalogue) => {
    onChange(c.table)
    setTyped(null)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!open) {
        setTyped('')
        setActive(0)
        return
      }
      const n = shown.length
      if (n) moveTo(e.key === 'ArrowDown' ? (activeIndex + 1) % n : (activeIndex - 1 + n) % n)
    } else if (e.key === 'Enter' && open) {
      // picks; never submits the search form
      e.preventDefault()
      const c = shown[activeIndex]
      if (c) pick(c)
    } else if (e.key === 'Escape' && open) {
      e.preventDefault()
      setTyped(null)
    }
  }
  const closedText = chosen ? `${chosen.title} — ${chosen.table}` : value
  return (
    <div className="search-field catalogue-picker">
      <label className="search-label" htmlFor={`${id}-input`}>
        Catalogue
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-label="Catalogue"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-invalid={!!error}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        className="catalogue-input"
        placeholder={loading ? 'loading the catalogues…' : `search ${many(catalogues?.length ?? 0)}: title, collection, table, description`}
        value={open ? typed : closedText}
        onChange={(e) => {
          setTyped(e.target.value)
          setActive(0)
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => !open && (setTyped(''), setActive(0))}
        onKeyDown={onKeyDown}
        onBlur={() => setTyped(null)}
      />
      <ul id={listId} role="listbox" aria-label="Catalogues" className="catalogue-list panel" hidden={!open || shown.length === 0} ref={list}>
        {shown.map((c, i) => (
          <li
            key={c.table}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className={c.table === value ? 'catalogue-option chosen' : 'catalogue-option'}
            // mousedown, not click: the input keeps the focus (its blur would close the list first)
            onMouseDown={(e) => {
              e.preventDefault()
              pick(c)
            }}
            onMouseMove={() => i !== activeIndex && setActive(i)}
          >
            <span className="catalogue-title">{c.title}</span>
            <span className="catalogue-meta">
              {[c.collection, c.table, versionText(c)].filter(Boolean).join(' · ')} · {c.ra}, {c.dec}
            </span>
            {c.description && c.description.replace(/\.\s*$/, '') !== c.title && <span className="catalogue-description">{c.description}</span>}
          </li>
        ))}
      </ul>
      {/* while the list is open: how many match; else the field's error, or what the chosen catalogue is */}
      <span id={`${id}-hint`} className={error && !open ? 'field-error' : 'muted small-print'} role={error && !open ? 'alert' : undefined}>
        {open
          ? loading && !catalogues
            ? 'loading the catalogues…'
            : `${shown.length} of ${many(catalogues?.length ?? 0)}`
          : (error ?? (chosen ? [chosen.collection, versionText(chosen), `positions ${chosen.ra}, ${chosen.dec}`].filter(Boolean).join(' · ') : ''))}
      </span>
      {!open && chosen?.releaseUrl && (
        <a className="small-print" href={chosen.releaseUrl} target="_blank" rel="noopener noreferrer">
          Release description
        </a>
      )}
    </div>
  )
}
