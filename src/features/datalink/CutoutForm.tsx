/**
 * The SODA cutout form, generated from the service descriptor: one field per input parameter, the
 * region drawn and adjusted on the sky over the product's footprint, and the download of the result.
 */
import { useMemo, useState } from 'react'
import { useRuntime, type AppRuntime } from '../../state/runtime'
import { ErrorNotice } from '../../components/ErrorNotice'
import { CopyAsMenu } from '../../components/CopyAsMenu'
import { SkyView, type SkyCone } from '../../components/sky/SkyView'
import type { ServiceDescriptor } from '../../protocols/datalink'
import { buildSodaRequest, fetchCutout, footprint, type SodaCutout } from '../../protocols/soda'
import type { DataLinkRegion } from '../../state/datalinkTarget'
import { useStableValue } from '../../state/stable'
import { CutoutField } from './CutoutFields'
import { cutoutOf, initialEntries, widgetsOf, type FieldEntry, type FieldProblem, type FormEntries, type Widget } from './cutoutModel'
import { isSameOrigin, saveResponse, saveServiceUrl } from './download'
import { axes, primaryHduBytes } from './fitsHeader'
import { fetchFitsHeader, headerDescriptor } from './FitsHeaderView'
import { formatBytes } from '../../protocols/table'
import { MTYPES, loadImageMessage } from '../../protocols/samp'
import { sampSend } from '../../state/samp'
import { SampSendMenu } from '../../components/SampSendMenu'

// positions to 1e-6° (a few mas), radii to 4 significant digits: what a drawn region can mean
const fmt = (n: number) => String(Number(n.toFixed(6)))
const fmtRadius = (n: number) => String(Number(n.toPrecision(4)))

/** The product's footprint as STC-S for the sky: the POLYGON MAX, else the CIRCLE MAX of the descriptor. */
function footprintRegion(d: ServiceDescriptor): string | undefined {
  const poly = d.inputParams.find((p) => p.name.toUpperCase() === 'POLYGON')?.max
  if (poly && poly.length >= 6) return `Polygon ICRS ${poly.join(' ')}`
  const c = footprint(d)
  return c ? `Circle ICRS ${c.ra} ${c.dec} ${c.radius}` : undefined
}

type Outcome = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'failed'; error: Error }

/** Asks the service for the cutout and saves it, saying how it goes. */
async function downloadCutout(rt: AppRuntime, descriptor: ServiceDescriptor, cutout: SodaCutout, report: (o: Outcome) => void): Promise<void> {
  let req
  try {
    req = buildSodaRequest(descriptor, cutout)
  } catch (e) {
    return report({ kind: 'failed', error: e as Error })
  }
  const href = rt.http.publicUrl(req.url)
  try {
    const headerService = headerDescriptor([descriptor])
    if (headerService && isSameOrigin(href)) {
      // the header costs the service little and shows errors before the browser downloads the data itself
      report({ kind: 'busy', text: 'Checking the cutout with the service…' })
      const h = await fetchFitsHeader(rt.http, descriptor, cutout)
      await saveServiceUrl(rt, href)
      report({ kind: 'done', text: `Download started: ${axes(h.header).join(' × ')} pixels, about ${formatBytes(primaryHduBytes(h))}; the browser saves it under the name the service gives.` })
    } else {
      report({ kind: 'busy', text: 'Cutting out…' })
      const r = await fetchCutout(rt.http, req)
      const length = Number(r.response.headers.get('Content-Length') ?? NaN)
      report({ kind: 'busy', text: `Receiving ${r.filename}${Number.isFinite(length) ? ` (${formatBytes(length)})` : ''}…` })
      const bytes = await saveResponse(r.response, r.filename)
      report({ kind: 'done', text: `Saved ${r.filename} (${formatBytes(bytes)}).` })
    }
  } catch (e) {
    report({ kind: 'failed', error: e as Error })
  }
}

/** One input parameter: its name and unit, its field, its help and what is wrong with its value. */
function CutoutFieldRow({ widget: w, entry, onChange, problems }: { widget: Widget; entry: FieldEntry; onChange: (e: FieldEntry) => void; problems: FieldProblem[] }) {
  return (
    <div className="dl-field" data-kind={w.kind}>
      <label className="dl-field-name" title={w.param.ucd}>
        {w.param.name}
        {w.param.unit && w.kind !== 'band' ? <span className="muted"> [{w.param.unit}]</span> : null}
      </label>
      <CutoutField widget={w} entry={entry} onChange={onChange} invalid={problems.some((p) => p.severity === 'error')} />
      {w.param.description && <span className="muted small-print dl-field-help">{w.param.description}</span>}
      {problems.map((p, i) => (
        <span key={i} className={p.severity === 'error' ? 'field-error small-print' : 'muted small-print'}>
          {p.message}
        </span>
      ))}
    </div>
  )
}

export function CutoutForm({ descriptor, productName, region, onClose }: { descriptor: ServiceDescriptor; productName: string; region?: DataLinkRegion; onClose: () => void }) {
  const rt = useRuntime()
  const widgets = useMemo(() => widgetsOf(descriptor), [descriptor])
  const [entries, setEntries] = useState<FormEntries>(() => initialEntries(descriptor, region))
  const [tried, setTried] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const { cutout, problems } = useMemo(() => cutoutOf(descriptor, entries), [descriptor, entries])
  const errors = problems.filter((p) => p.severity === 'error')
  // the request as the download would send it, for "Copy as" (none while the form has errors)
  const request = useMemo(() => {
    try {
      return errors.length ? undefined : buildSodaRequest(descriptor, cutout)
    } catch {
      return undefined
    }
  }, [descriptor, cutout, errors.length])
  const set = (name: string, e: FieldEntry) => setEntries((all) => ({ ...all, [name]: e }))

  const circleWidget = widgets.find((w) => w.kind === 'circle')
  const polygonWidget = widgets.find((w) => w.kind === 'polygon')
  const region0 = footprintRegion(descriptor)
  const footprints = useMemo(() => (region0 ? { regions: [region0] } : undefined), [region0])
  // the one outline is the dataset's: its legend names it
  const named = useMemo(() => [{ name: 'dataset', labels: [productName] }], [productName])
  const fp = footprint(descriptor)
  const centre = useStableValue(fp ? { ra: fp.ra, dec: fp.dec, fov: Math.max(fp.radius * 4, 0.01) } : undefined)
  const circle = cutout.circle ?? (cutout.pos?.shape === 'circle' ? cutout.pos : undefined)
  const cone = useStableValue<SkyCone | null>(circle ? { ra: circle.ra, dec: circle.dec, radius: circle.radius } : null)
  const polygon = useStableValue(cutout.polygon ?? null)

  const onDrawCircle = circleWidget && ((c: SkyCone) => set(circleWidget.param.name, { parts: [fmt(c.ra), fmt(c.dec), fmtRadius(c.radius)], unit: 'deg' }))
  const onDrawPolygon = polygonWidget && ((v: [number, number][]) => set(polygonWidget.param.name, { text: v.map(([a, b]) => `${fmt(a)} ${fmt(b)}`).join(', ') }))

  const download = async () => {
    setTried(true)
    // refused here: nothing is sent while a value is out of range or unreadable
    if (errors.length) return
    await downloadCutout(rt, descriptor, cutout, setOutcome)
  }

  const problemsOf = (name: string): FieldProblem[] => problems.filter((p) => p.param.toUpperCase() === name.toUpperCase())
  return (
    <section className="panel dl-cutout" aria-label="Cutout">
      <div className="toolbar">
        <h3>Cutout of {productName}</h3>
        <span className="muted small-print service-url">{descriptor.accessUrl}</span>
        <button type="button" className="dl-close" onClick={onClose}>
          Close the cutout form
        </button>
      </div>
      <div className="dl-cutout-split">
        <form
          className="dl-cutout-form"
          onSubmit={(e) => {
            e.preventDefault()
            void download()
          }}
        >
          {widgets.map((w) => (
            <CutoutFieldRow key={w.param.name} widget={w} entry={entries[w.param.name] ?? {}} onChange={(e) => set(w.param.name, e)} problems={problemsOf(w.param.name)} />
          ))}
          <div className="toolbar">
            <button type="submit" className="primary" disabled={outcome.kind === 'busy'}>
              Download cutout
            </button>
            {request && <CopyAsMenu source={{ kind: 'soda', accessUrl: request.accessUrl, params: request.params }} what="cutout" />}
            <SampSendMenu mtype={MTYPES.loadImage} what="cutout" send={(to) => sampSend(loadImageMessage(buildSodaRequest(descriptor, cutout).url, `Cutout of ${productName}`), to)} />
            {Object.keys(cutout).length === 0 && <span className="muted small-print">No constraint set: the service returns the whole dataset.</span>}
          </div>
          {tried && errors.length > 0 && (
            <div className="banner error" role="alert" data-testid="cutout-refused">
              <strong>Not sent: fix these first</strong>
              <ul>
                {errors.map((p, i) => <li key={i}>{p.message}</li>)}
              </ul>
            </div>
          )}
          {outcome.kind === 'busy' && <p className="muted" role="status">{outcome.text}</p>}
          {outcome.kind === 'done' && <p className="banner ok" role="status" data-testid="cutout-done">{outcome.text}</p>}
          {outcome.kind === 'failed' && <ErrorNotice error={outcome.error} />}
        </form>
        {(circleWidget || polygonWidget) && (
          <div className="dl-cutout-sky">
            <SkyView
              footprints={footprints}
              colourBy={named}
              centre={centre}
              cone={cone}
              polygon={polygon}
              hips={rt.profile.hips}
              height={380}
              onDrawCircle={onDrawCircle}
              onDrawPolygon={onDrawPolygon}
            />
          </div>
        )}
      </div>
    </section>
  )
}
