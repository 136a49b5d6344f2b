import { useMemo } from 'react'
import type { Table } from '../../protocols/votable'
import type { ColourOption } from '../../components/sky/SkyView'
import { labelsOf } from '../../components/sky/tableFootprints'
import type { BuiltQuery } from './searchQuery'

/**
 * What the sky shows of the search region: the committed search's cone or polygon (`committed`, absent
 * before the first search), else the one being edited; the view is reframed only when the region changes.
 */
export function useSkyFrame(committed: BuiltQuery | undefined, draft: BuiltQuery) {
  const cone = committed?.cone ?? draft.cone
  const polygon = committed?.polygon ?? draft.polygon
  const coneKey = cone ? `${cone.ra},${cone.dec},${cone.radius}` : polygon ? JSON.stringify(polygon) : ''
  const centre = useMemo(() => (cone ? { ra: cone.ra, dec: cone.dec, fov: Math.max(cone.radius * 3, 0.15) } : polygon ? polygonView(polygon) : undefined), [coneKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const skyPolygon = useMemo(() => polygon ?? null, [coneKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const skyCone = useMemo(() => (cone && cone.radius > 0 ? cone : null), [coneKey]) // eslint-disable-line react-hooks/exhaustive-deps
  return { centre, skyCone, skyPolygon }
}

/** A view framing a polygon: the mean direction of its vertices and its widest extent from there. */
function polygonView(vertices: readonly (readonly [number, number])[]): { ra: number; dec: number; fov: number } {
  const R = Math.PI / 180
  const v = vertices.map(([a, d]) => [Math.cos(d * R) * Math.cos(a * R), Math.cos(d * R) * Math.sin(a * R), Math.sin(d * R)] as const)
  const m = [0, 1, 2].map((k) => v.reduce((s, x) => s + x[k]!, 0))
  const len = Math.hypot(m[0]!, m[1]!, m[2]!) || 1
  const c = m.map((x) => x / len)
  const r = Math.max(...v.map((x) => Math.acos(Math.min(1, x[0] * c[0]! + x[1] * c[1]! + x[2] * c[2]!)))) / R
  return { ra: ((Math.atan2(c[1]!, c[0]!) / R) + 360) % 360, dec: Math.asin(c[2]!) / R, fov: Math.min(180, Math.max(r * 2.6, 0.15)) }
}

const COLOUR_COLUMNS: [string, string[]][] = [
  ['collection', ['obs_collection']],
  ['instrument', ['instrument_name', 'instrument']],
  ['product type', ['dataproduct_type', 'dp_cat']],
]

/** What the footprints can be coloured by: the columns of the table that label rows (collection, instrument, product type). */
export function colourOptionsOf(table: Table | undefined): ColourOption[] {
  if (!table) return []
  return COLOUR_COLUMNS.flatMap(([name, cols]) => {
    const labels = labelsOf(table, cols)
    return labels ? [{ name, labels }] : []
  })
}
