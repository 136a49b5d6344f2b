/** The search form: target and cone, then ObsCore (or raw/catalogue) constraints; plain controlled fields. */
import { AppForm, Field, ResolvedPosition, TargetField } from '../../components/FormField'
import { mjdToIso, toMjd, WAVELENGTH_LABEL, type BuiltQuery, type SearchForm, type WavelengthUnit } from './searchQuery'
import type { TargetState } from '../../state/target'
import type React from 'react'
import type { Catalogue } from '../../state/catalogues/catalogueList'
import { CataloguePicker } from '../../components/CataloguePicker'

interface Props {
  form: SearchForm
  onChange: (f: SearchForm) => void
  onSubmit: () => void
  target: TargetState
  built: BuiltQuery
  catalogues?: Catalogue[]
  cataloguesLoading?: boolean
  busy: boolean
}

/** Shows what a date/MJD field means in the other system. */
function timeHint(text: string): string | undefined {
  const mjd = toMjd(text)
  if (mjd === undefined) return undefined
  return /^[\d.]+$/.test(text.trim()) ? mjdToIso(mjd) : `MJD ${Number(mjd.toFixed(5))}`
}

export function SearchFormPanel({ form, onChange, onSubmit, target, built, catalogues, cataloguesLoading, busy }: Props) {
  const set = <K extends keyof SearchForm>(k: K, v: SearchForm[K]) => onChange({ ...form, [k]: v })
  const text = (k: keyof SearchForm, label: string, props: { placeholder?: string; hint?: string; className?: string } = {}) => (
    <Field label={label} error={built.errors[k]} hint={props.hint}>
      <input aria-label={label} className={props.className} placeholder={props.placeholder} value={form[k]} onChange={(e) => set(k, e.target.value as never)} aria-invalid={!!built.errors[k]} />
    </Field>
  )
  const obscore = form.kind === 'obscore'
  const raw = form.kind === 'raw'
  return (
    <AppForm className="search-form panel" label="Search form" onSubmit={onSubmit}>
      <fieldset className="mode search-kind" aria-label="What to search">
        {(['obscore', 'raw', 'catalogue'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="kind" checked={form.kind === k} onChange={() => set('kind', k)} />{' '}
            {k === 'obscore' ? 'Processed data (ObsCore)' : k === 'raw' ? 'Raw frames' : 'Catalogues'}
          </label>
        ))}
      </fieldset>
      <div className="search-row">
        <TargetField value={form.target} onChange={(t) => set('target', t)} target={target} error={built.errors.position} placeholder="NGC 6397 · 265.175 -53.674 · 17:40:42 -53:40:27 · l=338.2 b=-12" />
        {text('radius', 'Radius', { className: 'narrow', hint: 'bare numbers are arcmin' })}
        {obscore && (
          <fieldset className="mode search-spatial" aria-label="Spatial match">
            <label title="Footprints that meet the cone">
              <input type="radio" name="spatial" checked={form.spatial === 'intersects'} onChange={() => set('spatial', 'intersects')} /> footprint meets cone
            </label>
            <label title="Footprints that contain the target position">
              <input type="radio" name="spatial" checked={form.spatial === 'contains'} onChange={() => set('spatial', 'contains')} /> target inside footprint
            </label>
          </fieldset>
        )}
        {form.polygon.trim() !== '' && (
          <Field label="Polygon" error={built.errors.polygon} hint="ra dec ra dec … (deg); replaces the target cone">
            <span className="search-range">
              <input aria-label="Polygon" className="search-polygon" value={form.polygon} onChange={(e) => set('polygon', e.target.value)} aria-invalid={!!built.errors.polygon} />
              <button type="button" onClick={() => set('polygon', '')}>
                Clear
              </button>
            </span>
          </Field>
        )}
        <ResolvedPosition target={target} sexagesimal />
      </div>
      {form.kind === 'catalogue' ? (
        <div className="search-row">
          <CataloguePicker catalogues={catalogues} value={form.table} onChange={(t) => set('table', t)} error={built.errors.table} loading={cataloguesLoading} />
        </div>
      ) : (
        <div className="search-row">
          {obscore && text('collection', 'Collection', { placeholder: 'e.g. FORS2, MUSE', className: 'narrow-wide' })}
          {text('instrument', 'Instrument', { placeholder: 'e.g. HAWKI', className: 'narrow-wide' })}
          <Field label={raw ? 'Category' : 'Product type'}>
            <select aria-label={raw ? 'Category' : 'Product type'} value={form.dptype} onChange={(e) => set('dptype', e.target.value)}>
              <option value="">any</option>
              {(raw ? ['SCIENCE', 'CALIB', 'ACQUISITION'] : ['image', 'cube', 'spectrum', 'measurements', 'visibility', 'timeseries']).map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </Field>
          {obscore && (
            <Field label="Calibration level" error={built.errors.calib}>
              <select aria-label="Calibration level" value={form.calib} onChange={(e) => set('calib', e.target.value)}>
                <option value="">any</option>
                <option value="1">1 (raw, instrument format)</option>
                <option value="2">2 (calibrated)</option>
                <option value="3">3 (science-ready)</option>
                <option value="4">4 (analysis)</option>
              </select>
            </Field>
          )}
          <Field label="Wavelength" error={built.errors.wlmin ?? built.errors.wlmax}>
            <span className="search-range">
              <input aria-label="Wavelength from" className="narrow" value={form.wlmin} onChange={(e) => set('wlmin', e.target.value)} />
              –
              <input aria-label="Wavelength to" className="narrow" value={form.wlmax} onChange={(e) => set('wlmax', e.target.value)} />
              <select aria-label="Wavelength unit" value={form.wlunit} onChange={(e) => set('wlunit', e.target.value as WavelengthUnit)}>
                {(Object.keys(WAVELENGTH_LABEL) as WavelengthUnit[]).map((u) => (
                  <option key={u} value={u}>
                    {WAVELENGTH_LABEL[u]}
                  </option>
                ))}
              </select>
            </span>
          </Field>
          {text('tmin', 'Observed from', { placeholder: 'date or MJD', hint: timeHint(form.tmin), className: 'narrow-wide' })}
          {text('tmax', 'Observed until', { placeholder: 'date or MJD', hint: timeHint(form.tmax), className: 'narrow-wide' })}
          <Field label="Exposure (s)" error={built.errors.expmin ?? built.errors.expmax}>
            <span className="search-range">
              <input aria-label="Exposure from" className="narrow" value={form.expmin} onChange={(e) => set('expmin', e.target.value)} />
              –
              <input aria-label="Exposure to" className="narrow" value={form.expmax} onChange={(e) => set('expmax', e.target.value)} />
            </span>
          </Field>
          {text('since', 'Changed since', { placeholder: 'e.g. 2022-01-01', className: 'narrow-wide' })}
        </div>
      )}
      {raw && <RawFields text={text} />}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          Search
        </button>
      </div>
    </AppForm>
  )
}

type TextField = (k: keyof SearchForm, label: string, props?: { placeholder?: string; hint?: string; className?: string }) => React.ReactNode

/** dbo.raw's own fields, as ESO's raw-data query form offers them. */
function RawFields({ text }: { text: TextField }) {
  return (
    <fieldset className="search-row search-raw-fields" aria-label="Raw frame fields">
      {text('progid', 'Programme ID', { placeholder: 'e.g. 105.20AB.001', className: 'narrow-wide' })}
      {text('pi', 'PI/CoI', { placeholder: 'part of a name', className: 'narrow-wide' })}
      {text('obname', 'OB name', { placeholder: 'name or OB_*', className: 'narrow-wide' })}
      {text('obid', 'OB ID', { placeholder: 'e.g. 2000001', className: 'narrow-wide' })}
      {text('object', 'Object', { placeholder: 'as in the header (OBJECT)', className: 'narrow-wide' })}
      {text('period', 'Period', { placeholder: '105 or 104-107', className: 'narrow' })}
      {text('night', 'Night', { placeholder: 'YYYY-MM-DD', hint: 'noon to noon (UTC)', className: 'narrow-wide' })}
      {text('rawtype', 'Type', { placeholder: 'e.g. OBJECT, FLAT*', className: 'narrow-wide' })}
      {text('tech', 'Technique', { placeholder: 'e.g. IMAGE, ECHELLE', className: 'narrow-wide' })}
    </fieldset>
  )
}
