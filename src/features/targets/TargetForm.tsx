/** The target list and what to look for near each target: the table, the radius, how targets are sent. */
import { AppForm, Field } from '../../components/FormField'
import type { Catalogue } from '../../state/catalogues/catalogueList'
import { CataloguePicker } from '../../components/CataloguePicker'
import { MAX_TARGETS } from '../../protocols/targets'

export type SourceKind = 'obscore' | 'raw' | 'catalogue'
export type ModeChoice = 'auto' | 'batched' | 'upload'

export interface TargetFormState {
  text: string
  kind: SourceKind
  catalogue: string
  radius: string
  mode: ModeChoice
  /** Targets per batched query. */
  perQuery: string
}

export const DEFAULT_FORM: TargetFormState = { text: '', kind: 'obscore', catalogue: '', radius: '1 arcmin', mode: 'auto', perQuery: '150' }

interface Props {
  form: TargetFormState
  onChange: (f: TargetFormState) => void
  onSubmit: () => void
  catalogues: Catalogue[] | undefined
  cataloguesLoading?: boolean
  uploadOffered: boolean | undefined
  errors: Partial<Record<keyof TargetFormState, string>>
  /** What the parser understood, e.g. "CSV with a header: name, ra, dec · 6 targets". */
  understood: string
  busy: boolean
}

export function TargetForm({ form, onChange, onSubmit, catalogues, cataloguesLoading, uploadOffered, errors, understood, busy }: Props) {
  const set = <K extends keyof TargetFormState>(k: K, v: TargetFormState[K]) => onChange({ ...form, [k]: v })
  const load = async (file: File | undefined) => {
    if (file) onChange({ ...form, text: await file.text() })
  }
  return (
    <AppForm className="search-form panel targets-form" label="Target list form" onSubmit={onSubmit}>
      <Field label="Target list" error={errors.text} hint={understood || `Names, RA/Dec or both; CSV, TSV or VOTable; a header line is optional; up to ${MAX_TARGETS.toLocaleString('en')} targets`}>
        <textarea
          aria-label="Target list" className="targets-text" rows={7} spellCheck={false} value={form.text}
          placeholder={'name,ra,dec\nNGC 6397,,\nmy star,265.1,-53.6'}
          onChange={(e) => set('text', e.target.value)}
        />
      </Field>
      <div className="search-row">
        <label className="search-field">
          <span className="search-label">Load a list</span>
          <input type="file" aria-label="Load a target list file" accept=".csv,.tsv,.txt,.xml,.vot,.votable" onChange={(e) => void load(e.target.files?.[0])} />
        </label>
        <fieldset className="mode search-kind" aria-label="What to look for">
          {(['obscore', 'raw', 'catalogue'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="targets-kind" checked={form.kind === k} onChange={() => set('kind', k)} />{' '}
              {k === 'obscore' ? 'Products (ObsCore)' : k === 'raw' ? 'Raw frames' : 'Catalogue sources'}
            </label>
          ))}
        </fieldset>
        {form.kind === 'catalogue' && (
          <CataloguePicker catalogues={catalogues} value={form.catalogue} onChange={(t) => set('catalogue', t)} error={errors.catalogue} loading={cataloguesLoading} />
        )}
      </div>
      <div className="search-row">
        <Field label="Radius" error={errors.radius} hint="bare numbers are arcmin">
          <input aria-label="Radius" className="narrow" value={form.radius} onChange={(e) => set('radius', e.target.value)} aria-invalid={!!errors.radius} />
        </Field>
        <Field label="How targets are sent" hint={uploadOffered === false ? 'this service takes no table upload' : uploadOffered ? 'this service takes TAP UPLOAD' : undefined}>
          <select aria-label="How targets are sent" value={form.mode} onChange={(e) => set('mode', e.target.value as ModeChoice)}>
            <option value="auto">Automatic (upload where offered)</option>
            <option value="batched">Batched ADQL</option>
            <option value="upload" disabled={uploadOffered === false}>
              TAP upload
            </option>
          </select>
        </Field>
        <Field label="Targets per query" error={errors.perQuery} hint="one query per chunk of targets, 2 at a time">
          <input aria-label="Targets per query" type="number" min={1} max={1000} className="narrow" value={form.perQuery} onChange={(e) => set('perQuery', e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          Check coverage
        </button>
      </div>
    </AppForm>
  )
}
