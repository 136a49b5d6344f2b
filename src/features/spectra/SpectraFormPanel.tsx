/** The spectral search form (SSAP queryData): target and size, wavelength band, time range, MAXREC. */
import { AppForm, Field, ResolvedPosition, TargetField } from '../../components/FormField'
import type { TargetState } from '../../state/target'
import { BAND_UNITS, BAND_UNIT_LABEL, type BandUnit, type BuiltSsap, type SpectraForm } from './form'

interface Props {
  form: SpectraForm
  onChange: (f: SpectraForm) => void
  onSubmit: () => void
  target: TargetState
  built: BuiltSsap
  busy: boolean
}

export function SpectraFormPanel({ form, onChange, onSubmit, target, built, busy }: Props) {
  const set = <K extends keyof SpectraForm>(k: K, v: SpectraForm[K]) => onChange({ ...form, [k]: v })
  const input = (k: Exclude<keyof SpectraForm, 'bandUnit' | 'target'>, label: string, className: string, placeholder?: string) => (
    <input aria-label={label} className={className} placeholder={placeholder} value={form[k]} onChange={(e) => set(k, e.target.value)} aria-invalid={!!built.errors[k]} />
  )
  return (
    <AppForm className="search-form spectra-form panel" label="Spectral search form" onSubmit={onSubmit}>
      <div className="search-row">
        <TargetField value={form.target} onChange={(t) => set('target', t)} target={target} placeholder="HD 10700 · 265.176 -53.674 · 01:44:04 -15:56:15" />
        <Field label="Diameter" error={built.errors.size} hint="bare numbers are arcmin">
          {input('size', 'Diameter', 'narrow')}
        </Field>
        <ResolvedPosition target={target} />
      </div>
      <div className="search-row">
        <Field label="Wavelength" error={built.errors.bandMin ?? built.errors.bandMax} hint="sent to SSAP as BAND in metres">
          <span className="search-range">
            {input('bandMin', 'Wavelength from', 'narrow')}–{input('bandMax', 'Wavelength to', 'narrow')}
            <select aria-label="Wavelength unit" value={form.bandUnit} onChange={(e) => set('bandUnit', e.target.value as BandUnit)}>
              {BAND_UNITS.map((u) => (
                <option key={u} value={u}>{BAND_UNIT_LABEL[u]}</option>
              ))}
            </select>
          </span>
        </Field>
        <Field label="Observed from" error={built.errors.timeStart} hint="date (UTC) or MJD">
          {input('timeStart', 'Observed from', 'narrow-wide', '2021-05-01')}
        </Field>
        <Field label="Observed until" error={built.errors.timeEnd} hint="date (UTC) or MJD">
          {input('timeEnd', 'Observed until', 'narrow-wide', '59400')}
        </Field>
        <Field label="MAXREC" error={built.errors.maxrec} hint="most rows to return">
          {input('maxrec', 'MAXREC', 'narrow')}
        </Field>
      </div>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>Search spectra</button>
      </div>
    </AppForm>
  )
}
