/** Labelled fields shared by the search forms: a field with its error or hint, and the target with its resolved position. */
import type { ReactNode } from 'react'
import { formatPosition } from '../protocols/coords'
import type { TargetState } from '../state/target'

export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <label className="search-field">
      <span className="search-label">{label}</span>
      {children}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="muted small-print">{hint}</span>
      ) : null}
    </label>
  )
}

/** An object name or coordinates; a target that cannot be read or resolved says why, before any other error of the position. */
export function TargetField({ value, onChange, target, error, placeholder }: { value: string; onChange: (text: string) => void; target: TargetState; error?: string; placeholder: string }) {
  return (
    <Field label="Target" error={target.status === 'error' ? target.message : error}>
      <input aria-label="Target" className="search-target" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  )
}

/** Where the target was found, and by whom (coordinates as typed, or the name resolver). */
export function ResolvedPosition({ target, sexagesimal = false }: { target: TargetState; sexagesimal?: boolean }) {
  return (
    <span className="search-resolved" role="status" aria-label="Resolved position">
      {target.status === 'resolving' && 'Resolving…'}
      {target.status === 'ok' && (
        <>
          {formatPosition(target.position.ra, target.position.dec, { decimals: 5 })}
          {sexagesimal && ` (${formatPosition(target.position.ra, target.position.dec, { format: 'sexagesimal', decimals: 2 })})`} · {target.position.source}
        </>
      )}
    </span>
  )
}

/** A form that runs `onSubmit` on Enter or its submit button instead of loading a page. */
export function AppForm({ className, label, onSubmit, children }: { className: string; label: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      className={className}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      {children}
    </form>
  )
}
