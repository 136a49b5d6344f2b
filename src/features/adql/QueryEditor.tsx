import { forwardRef, useImperativeHandle, useRef } from 'react'

export interface QueryEditorHandle {
  /** Inserts text at the cursor (e.g. a column name from the schema browser). */
  insert(text: string): void
}

interface Props {
  value: string
  onChange: (value: string) => void
  onRun: () => void
}

/** The ADQL editor. Ctrl/Cmd+Enter runs the query. */
export const QueryEditor = forwardRef<QueryEditorHandle, Props>(function QueryEditor({ value, onChange, onRun }, ref) {
  const area = useRef<HTMLTextAreaElement>(null)
  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const el = area.current
      if (!el) return onChange(value + text)
      const { selectionStart: a, selectionEnd: b } = el
      onChange(value.slice(0, a) + text + value.slice(b))
      requestAnimationFrame(() => {
        el.focus()
        el.setSelectionRange(a + text.length, a + text.length)
      })
    },
  }))
  return (
    <textarea
      ref={area}
      className="adql-editor"
      aria-label="ADQL query"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault()
          onRun()
        }
      }}
    />
  )
})
