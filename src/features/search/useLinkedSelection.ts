import { useEffect, useRef, useState } from 'react'
import type { Table } from '../../protocols/votable'
import { decodeIds, encodeIds, idsOfRows, rowsOfIds } from './selection'

/**
 * The rows selected and hovered in the grid and on the sky, kept in step: the selection's product ids
 * go to the URL (`sel`), a new table starts from the ids there, and a row picked in the grid is focused on the sky.
 */
export function useLinkedSelection(table: Table | undefined, selIds: string | null, setParams: (changes: Record<string, string | undefined>, replace?: boolean) => void) {
  const [selected, setSelected] = useState<number[]>([])
  const [gridKey, setGridKey] = useState(0)
  const [hovered, setHovered] = useState(-1)
  const [focus, setFocus] = useState<{ row: number; seq: number }>()
  useEffect(() => {
    setSelected(table ? rowsOfIds(table, decodeIds(selIds)) : [])
    setGridKey((k) => k + 1)
    setHovered(-1)
  }, [table]) // eslint-disable-line react-hooks/exhaustive-deps
  const selectedRef = useRef(selected)
  selectedRef.current = selected
  const commitSelection = (rows: number[]) => {
    setSelected(rows)
    const ids = table && idsOfRows(table, rows)
    setParams({ sel: ids?.length ? encodeIds(ids) : undefined }, true)
  }
  const onGridSelection = (rows: number[]) => {
    const before = selectedRef.current
    if (rows.length === before.length && rows.every((r, i) => r === before[i])) return
    const added = rows.filter((r) => !before.includes(r))
    commitSelection(rows)
    if (added.length) setFocus((f) => ({ row: added[added.length - 1]!, seq: (f?.seq ?? 0) + 1 }))
  }
  const onSkySelection = (rows: number[]) => {
    commitSelection(rows)
    // ResultGrid reads `selected` when it mounts
    setGridKey((k) => k + 1)
  }
  return { selected, gridKey, hovered, setHovered, focus, onGridSelection, onSkySelection }
}
