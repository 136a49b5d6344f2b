/** One input per service parameter, chosen by cutoutModel.widgetFor; values stay text until the form is read. */
import { fromMetres, type WavelengthUnit } from '../../protocols/soda'
import { BAND_UNITS, POL_STATES, RADIUS_UNITS, type FieldEntry, type Widget } from './cutoutModel'

interface FieldProps {
  widget: Widget
  entry: FieldEntry
  onChange: (e: FieldEntry) => void
  invalid: boolean
}

const UNIT_LABEL: Record<string, string> = { nm: 'nm', um: 'µm', Angstrom: 'Å', m: 'm' }
const num = (n: number) => String(Number(n.toPrecision(8)))

function range(min: number[] | undefined, max: number[] | undefined, unit: string, convert: (x: number) => number = (x) => x): string {
  const lo = min?.[0]
  const hi = max?.[max.length - 1]
  if (lo === undefined && hi === undefined) return ''
  const f = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '…' : num(convert(x)))
  return `dataset: ${f(lo)} – ${f(hi)}${unit ? ` ${unit}` : ''}`
}

export function CutoutField({ widget, entry, onChange, invalid }: FieldProps) {
  const p = widget.param
  const parts = entry.parts ?? []
  const setPart = (i: number, v: string) => {
    const next = [...parts]
    next[i] = v
    onChange({ ...entry, parts: next })
  }
  const inv = invalid ? 'true' : undefined
  const part = (i: number, label: string, placeholder?: string) => (
    <input type="text" inputMode="decimal" className="dl-num" aria-label={`${p.name} ${label}`} aria-invalid={inv} placeholder={placeholder ?? label} value={parts[i] ?? ''} onChange={(e) => setPart(i, e.target.value)} />
  )
  switch (widget.kind) {
    case 'fixed':
      return <input type="text" readOnly className="dl-fixed" aria-label={p.name} value={p.fixedValue ?? (p.ref ? `from column ${p.ref}` : '')} />
    case 'circle':
      return (
        <span className="dl-inputs">
          {part(0, 'RA', 'RA (deg)')} {part(1, 'Dec', 'Dec (deg)')} {part(2, 'radius')}
          <select aria-label={`${p.name} radius unit`} value={entry.unit ?? 'deg'} onChange={(e) => onChange({ ...entry, unit: e.target.value })}>
            {Object.keys(RADIUS_UNITS).map((u) => <option key={u} value={u}>{u}</option>)}
          </select>
        </span>
      )
    case 'polygon':
      return <textarea className="dl-polygon" aria-label={`${p.name} vertices`} aria-invalid={inv} rows={2} placeholder="ra dec, ra dec, ra dec (deg)" value={entry.text ?? ''} onChange={(e) => onChange({ ...entry, text: e.target.value })} />
    case 'pos':
      return <input type="text" className="dl-wide" aria-label={p.name} aria-invalid={inv} placeholder="CIRCLE ra dec r | RANGE ra1 ra2 dec1 dec2 | POLYGON ra dec …" value={entry.text ?? ''} onChange={(e) => onChange({ ...entry, text: e.target.value })} />
    case 'band': {
      const metres = !p.unit || p.unit === 'm'
      const unit = (entry.unit ?? 'nm') as WavelengthUnit
      return (
        <span className="dl-inputs">
          {part(0, 'from')} – {part(1, 'to')}
          {metres ? (
            <select aria-label={`${p.name} unit`} value={unit} onChange={(e) => onChange({ ...entry, unit: e.target.value })}>
              {BAND_UNITS.map((u) => <option key={u} value={u}>{UNIT_LABEL[u]}</option>)}
            </select>
          ) : (
            <span>{p.unit}</span>
          )}
          <span className="muted small-print">{metres ? range(p.min, p.max, UNIT_LABEL[unit]!, (x) => fromMetres(x, unit)) : range(p.min, p.max, p.unit ?? '')}</span>
        </span>
      )
    }
    case 'time':
      return (
        <span className="dl-inputs">
          {part(0, 'from', 'MJD or 2021-05-04T05:10')} – {part(1, 'to', 'MJD or date')}
          <span className="muted small-print">{range(p.min, p.max, 'MJD')}</span>
        </span>
      )
    case 'interval':
      return (
        <span className="dl-inputs">
          {part(0, 'from')} – {part(1, 'to')} {p.unit && <span>{p.unit}</span>}
          <span className="muted small-print">{range(p.min, p.max, p.unit ?? '')}</span>
        </span>
      )
    case 'pol': {
      const states = p.options?.map((o) => o.value) ?? POL_STATES
      const sel = new Set(entry.selected ?? [])
      return (
        <span className="dl-inputs" role="group" aria-label={p.name}>
          {states.map((s) => (
            <label key={s} className="dl-check">
              <input
                type="checkbox"
                checked={sel.has(s)}
                onChange={(e) => {
                  const next = new Set(sel)
                  if (e.target.checked) next.add(s)
                  else next.delete(s)
                  onChange({ ...entry, selected: states.filter((x) => next.has(x)) })
                }}
              />
              {s}
            </label>
          ))}
        </span>
      )
    }
    case 'choice':
      return (
        <select aria-label={p.name} value={entry.text ?? ''} onChange={(e) => onChange({ ...entry, text: e.target.value })}>
          <option value="">(not set)</option>
          {p.options!.map((o) => <option key={o.value} value={o.value}>{o.name && o.name !== o.value ? `${o.name} (${o.value})` : o.value}</option>)}
        </select>
      )
    case 'number':
      return (
        <span className="dl-inputs">
          <input type="text" inputMode="decimal" className="dl-num" aria-label={p.name} aria-invalid={inv} value={entry.text ?? ''} onChange={(e) => onChange({ ...entry, text: e.target.value })} />
          {p.unit && <span>{p.unit}</span>}
          <span className="muted small-print">{range(p.min, p.max, p.unit ?? '')}</span>
        </span>
      )
    default:
      return (
        <span className="dl-inputs">
          <input type="text" className="dl-wide" aria-label={p.name} aria-invalid={inv} value={entry.text ?? ''} onChange={(e) => onChange({ ...entry, text: e.target.value })} />
          <span className="muted small-print">
            free text, sent as typed ({[p.datatype, p.arraysize && `[${p.arraysize}]`, p.xtype && `xtype ${p.xtype}`, p.unit].filter(Boolean).join(' ')})
          </span>
        </span>
      )
  }
}
