/** The ADQL editor: CodeMirror 6 over the project's ADQL grammar, with live validation, schema-aware completion and hover. */
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { EditorState, Compartment, type Extension } from '@codemirror/state'
import { EditorView, keymap, hoverTooltip, lineNumbers, placeholder, drawSelection, highlightActiveLine } from '@codemirror/view'
import { defaultKeymap, history, historyKeymap, toggleComment, indentWithTab } from '@codemirror/commands'
import { autocompletion, completionKeymap, closeBrackets, type CompletionContext } from '@codemirror/autocomplete'
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint'
import { LRLanguage, LanguageSupport, syntaxHighlighting, HighlightStyle, bracketMatching } from '@codemirror/language'
import { tags as t } from '@lezer/highlight'
import { adqlCompletions, adqlHover, analyseQuery, formatAdql, parser, type CompletionSchema, type ValidateOptions } from '../../adql'

export interface QueryEditorHandle {
  /** Inserts text at the cursor (e.g. a column name from the schema browser). */
  insert(text: string): void
  /** Pretty-prints the query (keywords upper case, one clause a line). */
  format(): void
}

interface Props {
  value: string
  onChange: (value: string) => void
  onRun: () => void
  schema: CompletionSchema
  /**
   * What the check knows of the service: its declared UDFs (absent: prefixed names are accepted), its tables and
   * geometry functions (schema warnings) and its own rules (tap_cat's). Keep the object stable (useMemo).
   */
  check?: ValidateOptions
  onValidation?: (errors: readonly { from: number; to: number; message: string }[], warnings: readonly { message: string }[]) => void
  /** Where the service said its query was wrong (line, column from 1), for the text it was given. */
  serviceError?: ServiceErrorMark
}

export interface ServiceErrorMark {
  line: number
  column: number
  message: string
  /** the query text the service answered for: the mark shows only while the editor holds that text */
  text: string
}

/** The document offset of a line and column (both from 1), clamped into the text. */
export function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n')
  const l = Math.min(Math.max(1, line), lines.length)
  let pos = 0
  for (let i = 0; i < l - 1; i++) pos += lines[i]!.length + 1
  return Math.min(pos + Math.max(0, column - 1), pos + lines[l - 1]!.length)
}

const adqlLanguage = LRLanguage.define({ name: 'adql', parser, languageData: { commentTokens: { line: '--' } } })

const editorTheme = EditorView.theme({
  '&': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)', borderRadius: '6px', minHeight: '140px' },
  '.cm-content': { fontFamily: "ui-monospace, 'Liberation Mono', monospace", fontSize: '13px', caretColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '&.cm-focused': { outline: '2px solid var(--accent)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 28%, transparent)',
  },
  '.cm-tooltip-hover': { padding: '4px 8px', whiteSpace: 'pre-wrap', maxWidth: '480px', fontSize: '12px' },
})

/**
 * The query's colours, ours rather than CodeMirror's default (whose greens and purples fall under 4.5:1 on the active
 * line, and under 2:1 on the dark panel): each a CSS variable of styles.css, one value per theme, every one at least
 * 4.5:1 against the panel, the page and the active line in its theme.
 */
const adqlHighlightStyle = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword], color: 'var(--code-keyword)' },
  { tag: [t.null, t.bool, t.atom], color: 'var(--code-atom)' },
  { tag: [t.number], color: 'var(--code-number)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--code-string)' },
  { tag: [t.namespace, t.typeName], color: 'var(--code-table)' },
  { tag: [t.function(t.variableName), t.standard(t.function(t.variableName))], color: 'var(--code-function)' },
  { tag: [t.definition(t.name), t.special(t.name)], color: 'var(--code-special)' },
  { tag: [t.lineComment, t.comment], color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [t.operator, t.compareOperator, t.arithmeticOperator, t.derefOperator, t.special(t.operator)], color: 'var(--code-operator)' },
  { tag: t.invalid, color: 'var(--err-fg)' },
])

/**
 * The editor's marks: what the ADQL check finds (the same analysis Run asks for, so Run does not parse again) and,
 * while the editor holds the query the service answered for, the place the service named.
 */
function diagnosticsOf(text: string, opts: Pick<Props, 'check' | 'onValidation' | 'serviceError'>): Diagnostic[] {
  const analysis = analyseQuery(text, opts.check)
  const { errors } = analysis.validation
  opts.onValidation?.(errors, analysis.warnings)
  const len = text.length
  const span = (e: { from: number; to: number }) => {
    const from = Math.min(e.from, len)
    return { from, to: Math.min(Math.max(e.to, from), len) }
  }
  const marks: Diagnostic[] = errors.map((e) => ({ ...span(e), severity: 'error', message: e.message }))
  // schema and service-rule findings are warnings: they never stop Run (TAP_SCHEMA may be behind the service)
  for (const w of analysis.warnings) {
    marks.push({
      ...span(w),
      severity: 'warning',
      source: w.source === 'schema' ? 'TAP_SCHEMA' : w.source,
      message: w.message,
      actions: (w.fixes ?? []).map((f) => ({
        name: f.label,
        apply: (view: EditorView) => {
          if (view.state.doc.sliceString(w.from, w.to) !== text.slice(w.from, w.to)) return
          view.dispatch({ changes: { from: f.from, to: f.to, insert: f.insert } })
        },
      })),
    })
  }
  const said = opts.serviceError
  if (said && said.text === text) {
    const from = offsetOf(text, said.line, said.column)
    const word = /^[\w."']+/.exec(text.slice(from))?.[0].length ?? 1
    marks.push({ from, to: Math.min(len, from + Math.max(1, word)), severity: 'error', source: 'service', message: `The service: ${said.message}` })
  }
  return marks
}

export const QueryEditor = forwardRef<QueryEditorHandle, Props>(function QueryEditor({ value, onChange, onRun, schema, check, onValidation, serviceError }, ref) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  // the latest props, read by the editor's extensions without rebuilding it
  const latest = useRef({ onChange, onRun, schema, check, onValidation, serviceError })
  latest.current = { onChange, onRun, schema, check, onValidation, serviceError }
  const lintCompartment = useRef(new Compartment())
  const makeLint = useRef<() => Extension>(() => [])
  // the text the editor starts with; later values are applied as changes (keeping the undo history)
  const initialValue = useRef(value)

  useEffect(() => {
    const adqlLint = () => linter((v) => diagnosticsOf(v.state.doc.toString(), latest.current), { delay: 250 })
    makeLint.current = adqlLint
    const complete = (ctx: CompletionContext) => {
      const r = adqlCompletions(ctx.state.doc.toString(), ctx.pos, latest.current.schema, ctx.explicit)
      return r && { from: r.from, options: r.options.map((o) => ({ ...o, type: o.type === 'column' ? 'property' : o.type === 'table' ? 'class' : o.type === 'schema' ? 'namespace' : o.type })), validFor: /^[\w]*$/ }
    }
    const hover = hoverTooltip((v, pos) => {
      const h = adqlHover(v.state.doc.toString(), pos, latest.current.schema)
      if (!h) return null
      return {
        pos: h.from,
        end: h.to,
        above: true,
        create: () => {
          const dom = document.createElement('div')
          dom.className = 'adql-hover'
          dom.textContent = h.text // text only: service metadata is never rendered as HTML
          return { dom }
        },
      }
    })
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initialValue.current,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          closeBrackets(),
          new LanguageSupport(adqlLanguage),
          syntaxHighlighting(adqlHighlightStyle),
          autocompletion({ override: [complete], activateOnTyping: true }),
          lintCompartment.current.of(adqlLint()),
          lintGutter(),
          hover,
          placeholder('SELECT … FROM …   (Ctrl+Enter runs, Ctrl+Space completes)'),
          keymap.of([
            { key: 'Mod-Enter', run: () => (latest.current.onRun(), true) },
            { key: 'Mod-/', run: toggleComment },
            { key: 'Shift-Alt-f', run: (ed) => (formatInto(ed), true) },
            ...completionKeymap,
            ...historyKeymap,
            ...defaultKeymap,
            indentWithTab,
          ]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString())
          }),
          EditorView.contentAttributes.of({ 'aria-label': 'ADQL query', 'aria-multiline': 'true', 'aria-describedby': HINT_ID }),
          EditorView.lineWrapping,
          editorTheme,
        ],
      }),
    })
    view.current = v
    return () => {
      v.destroy()
      view.current = null
    }
    // the editor is built once; value changes from outside are applied below
  }, [])

  // a new answer from the service, or the service's schema arriving: mark now, not at the next keystroke (a fresh linter runs at once)
  useEffect(() => {
    view.current?.dispatch({ effects: lintCompartment.current.reconfigure(makeLint.current()) })
  }, [serviceError, check])

  // apply outside changes (examples, schema browser, history) without losing the undo history
  useEffect(() => {
    const v = view.current
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } })
  }, [value])

  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const v = view.current
      if (!v) return
      v.dispatch(v.state.replaceSelection(text))
      v.focus()
    },
    format() {
      if (view.current) formatInto(view.current)
    },
  }))

  return (
    <>
      <div ref={host} className="adql-editor-host" data-testid="adql-editor" />
      {/* Tab indents (indentWithTab); CodeMirror lets Escape then Tab (within 2 s) move focus on, and Ctrl+M toggles it */}
      <p className="editor-hint muted" id={HINT_ID} title="Ctrl+M switches Tab between indenting and moving to the next control">
        Tab indents. Esc, then Tab leaves the editor.
      </p>
    </>
  )
})

const HINT_ID = 'adql-editor-hint'

function formatInto(v: EditorView): void {
  const text = v.state.doc.toString()
  const pretty = formatAdql(text)
  if (pretty !== text) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: pretty } })
}
