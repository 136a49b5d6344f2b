/** What the search adds beside each observation: condition summaries and preview thumbnails as grid columns, and for the selected row its conditions over time and its preview. */
import { useEffect, useMemo, useState } from 'react'
import type { AppRuntime } from '../../state/runtime'
import { cellText, dataLinkTarget, findColumn, idColumn, knownTable } from '../../protocols/table'
import type { Table } from '../../protocols/votable'
import type { ExtraColumn } from '../../components/gridColumns'
import { ASM_SOURCES, type ConditionSummary } from './conditions'
import { useConditions } from './useConditions'
import { PreviewLoader, type Preview } from './previews'
import { ConditionsPanel } from './ConditionsPanel'

const COND: { id: keyof ConditionSummary; header: string; title: string; digits: number }[] = [
  { id: 'seeing', header: 'Seeing [arcsec]', title: 'Median DIMM seeing (asm.dimm_paranal fwhm) during the exposure', digits: 2 },
  { id: 'tau0', header: 'τ0 [ms]', title: 'Median coherence time (asm.dimm_paranal tau0) during the exposure', digits: 1 },
  { id: 'pwv', header: 'PWV [mm]', title: 'Median precipitable water vapour (asm.lhatpros_paranal iwv) during the exposure', digits: 2 },
  { id: 'humidity', header: 'Humidity [%]', title: 'Median relative humidity at 2 m (asm.meteo_paranal rhum_2m) during the exposure', digits: 0 },
  { id: 'wind', header: 'Wind [m/s]', title: 'Median wind speed at 10 m (asm.meteo_paranal wind_speed_10m) during the exposure', digits: 1 },
]

/** The column naming a row to a user: ESO's dp_id where there is one, else the table's identifier. */
function nameColumn(table: Table): number {
  const c = findColumn(table, { names: ['dp_id'] })
  return c >= 0 ? c : idColumn(table)
}

function previewColumn(table: Table, loader: PreviewLoader): ExtraColumn {
  const idc = nameColumn(table)
  return {
    id: 'preview',
    header: 'Preview',
    title: 'The DataLink #preview of the row (raster images only), loaded when the row is on screen',
    width: 110,
    render: (row, cell) => {
      const target = dataLinkTarget(table, row)
      const id = cellText(table, row, idc) ?? `row ${row + 1}`
      if (!target) return
      cell.textContent = '…'
      let live = true
      void loader.get(id, target).then((p) => live && showPreview(cell, p, id, 'grid-thumb'))
      return () => {
        live = false
      }
    },
  }
}

/** Puts a preview into an element: an <img> of a blob: URL, or the note (never markup from the service). */
export function showPreview(el: HTMLElement, p: Preview, id: string, className: string): void {
  if ('url' in p) {
    const img = document.createElement('img')
    img.src = p.url
    img.alt = `Preview of ${id}`
    img.className = className
    el.replaceChildren(img)
  } else {
    el.textContent = p.note
    el.title = p.note
  }
}

export function useObservationExtras(rt: AppRuntime, table: Table | undefined, selected: readonly number[], enabled: boolean) {
  const cond = useConditions(rt, table, enabled)
  const loader = useMemo(() => new PreviewLoader(rt.http, { baseUrl: rt.endpoint('datalink'), idTemplate: rt.profile.idTemplate }), [rt, table]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => loader.dispose(), [loader])
  const previews = !!table && knownTable(table.fields) === 'obscore'
  const { summaries, exposures } = cond
  const extraColumns = useMemo((): ExtraColumn[] => {
    if (!table) return []
    const cols: ExtraColumn[] = previews ? [previewColumn(table, loader)] : []
    if (exposures.length)
      cols.push(
        ...COND.map((c) => ({
          id: c.id,
          header: c.header,
          title: c.title,
          width: 120,
          // beside when the exposure was taken (raw frames: date_obs, exposure; products: t_min, t_max, t_exptime)
          after: ['t_exptime', 'exposure', 't_max', 't_min', 'date_obs'],
          value: (row: number) => summaries?.get(row)?.[c.id],
          format: (v: number | string | undefined) => (typeof v === 'number' ? v.toFixed(c.digits) : ''),
        })),
      )
    return cols
  }, [table, previews, loader, summaries, exposures])
  const one = selected.length === 1 ? selected[0] : undefined
  const exposure = one === undefined ? undefined : exposures.find((e) => e.row === one)
  const id = table && one !== undefined ? cellText(table, one, nameColumn(table)) : undefined
  const status = exposures.length ? (
    <p className="muted small-print" role="status" data-testid="conditions-status">
      Observing conditions (Paranal, {Object.values(ASM_SOURCES).map((s) => s.table).join(', ')}):{' '}
      {cond.pending ? 'fetching…' : cond.answer ? `${cond.answer.queries} queries for ${exposures.length} observations` : cond.error ? 'could not be fetched' : ''}
      {cond.answer?.failed.length ? ` · not available: ${cond.answer.failed.map((f) => ASM_SOURCES[f.source].table).join(', ')}` : ''}
    </p>
  ) : null
  const panel = exposure && id ? <ConditionsPanel rt={rt} exposure={exposure} id={id} /> : null
  const selectedPreview = useSelectedPreview(previews ? table : undefined, one, id, loader)
  const besideSky = previews && table && one !== undefined && id ? <SelectedPreview p={selectedPreview} id={id} /> : null
  // drawn inside the footprint on the sky (null: the sky offers the toggle, nothing to draw yet)
  const skyImage = !previews ? undefined : selectedPreview && 'blob' in selectedPreview && one !== undefined ? { row: one, blob: selectedPreview.blob } : null
  return { extraColumns, status, panel, besideSky, skyImage }
}

/** The selected row's preview (loaded once per row through the loader). */
function useSelectedPreview(table: Table | undefined, row: number | undefined, id: string | undefined, loader: PreviewLoader): Preview | undefined {
  const [p, setP] = useState<{ key: string; p: Preview }>()
  const key = table && row !== undefined && id ? `${row}:${id}` : ''
  useEffect(() => {
    const target = table && row !== undefined ? dataLinkTarget(table, row) : undefined
    if (!target || !id) return
    let live = true
    void loader.get(id, target).then((x) => live && setP({ key: `${row}:${id}`, p: x }))
    return () => {
      live = false
    }
  }, [table, row, id, loader])
  return p && p.key === key ? p.p : undefined
}

function SelectedPreview({ p, id }: { p: Preview | undefined; id: string }) {
  return (
    <figure className="selected-preview" aria-label="Preview of the selected row">
      {p && 'url' in p ? <img src={p.url} alt={`Preview of ${id}`} /> : <p className="muted">{p ? p.note : 'Loading the preview…'}</p>}
      <figcaption className="small-print">Preview (DataLink #preview) of {id}</figcaption>
    </figure>
  )
}
