/** Selected rows kept in the URL by product id, so that a shared link selects the same observations. */
import { idColumn } from '../../protocols/table'
import type { Table } from '../../protocols/votable'

/** Longer selections are not put in the URL. */
export const MAX_URL_SELECTION = 50

export function rowsOfIds(table: Table, ids: readonly string[]): number[] {
  const c = idColumn(table)
  if (c < 0 || ids.length === 0) return []
  const wanted = new Set(ids)
  const rows: number[] = []
  for (let i = 0; i < table.rowCount; i++) if (wanted.has(String(table.value(i, c)))) rows.push(i)
  return rows
}

export function idsOfRows(table: Table, rows: readonly number[]): string[] | undefined {
  const c = idColumn(table)
  if (c < 0 || rows.length > MAX_URL_SELECTION) return undefined
  return rows.map((r) => String(table.value(r, c)))
}

/** URL form: ids joined by a character that product ids do not contain. */
export const encodeIds = (ids: readonly string[]) => ids.join('|')
export const decodeIds = (text: string | null) => (text ? text.split('|').filter(Boolean) : [])
