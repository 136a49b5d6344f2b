/**
 * AG Grid's column filter models (text and number, one condition or two joined by AND/OR) evaluated on the column
 * store, for a grid whose rows are given page by page (the infinite row model: the grid filters nothing itself).
 * The semantics follow AG Grid's own filters: text compared case-insensitively, "not …" conditions keep empty cells,
 * number ranges exclusive.
 */

interface Condition {
  filterType?: string
  type?: string | null
  filter?: unknown
  filterTo?: unknown
}
interface Joined {
  filterType?: string
  operator: 'AND' | 'OR'
  conditions: Condition[]
}
export type ColumnFilterModel = Condition | Joined

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))

function textTest(c: Condition): (v: unknown) => boolean {
  const f = String(c.filter ?? '').toLowerCase()
  const text = (v: unknown) => String(v).toLowerCase()
  switch (c.type) {
    case 'equals':
      return (v) => !isBlank(v) && text(v) === f
    case 'notEqual':
      return (v) => isBlank(v) || text(v) !== f
    case 'startsWith':
      return (v) => !isBlank(v) && text(v).startsWith(f)
    case 'endsWith':
      return (v) => !isBlank(v) && text(v).endsWith(f)
    case 'notContains':
      return (v) => isBlank(v) || !text(v).includes(f)
    default:
      // contains, and a condition with no type yet
      return (v) => !isBlank(v) && text(v).includes(f)
  }
}

function numberTest(c: Condition): (v: unknown) => boolean {
  const f = Number(c.filter)
  const to = Number(c.filterTo)
  const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number))
  switch (c.type) {
    case 'notEqual':
      return (v) => isBlank(v) || num(v) !== f
    case 'lessThan':
      return (v) => !isBlank(v) && num(v) < f
    case 'lessThanOrEqual':
      return (v) => !isBlank(v) && num(v) <= f
    case 'greaterThan':
      return (v) => !isBlank(v) && num(v) > f
    case 'greaterThanOrEqual':
      return (v) => !isBlank(v) && num(v) >= f
    case 'inRange':
      return (v) => !isBlank(v) && num(v) > Math.min(f, to) && num(v) < Math.max(f, to)
    default:
      return (v) => !isBlank(v) && num(v) === f
  }
}

/** One column's filter model as a test of a cell's value. */
export function filterTest(model: ColumnFilterModel): (v: unknown) => boolean {
  if ('conditions' in model && Array.isArray(model.conditions)) {
    const tests = model.conditions.map((c) => filterTest({ filterType: model.filterType, ...c }))
    return model.operator === 'OR' ? (v) => tests.some((t) => t(v)) : (v) => tests.every((t) => t(v))
  }
  const c = model as Condition
  // the same for text and numbers
  if (c.type === 'blank') return isBlank
  if (c.type === 'notBlank') return (v) => !isBlank(v)
  return c.filterType === 'number' ? numberTest(c) : textTest(c)
}

/**
 * The rows of `order` (or rows [0, n) when there is no order) whose cells pass every column's filter, in that order.
 * `cell(colId)` reads a column's cells by row (undefined: a column not known, its filter ignored).
 */
export function filterRows(
  order: Uint32Array | undefined,
  n: number,
  models: Record<string, ColumnFilterModel>,
  cell: (colId: string) => ((row: number) => unknown) | undefined,
): Uint32Array {
  const tests = Object.entries(models).flatMap(([colId, m]) => {
    const read = cell(colId)
    const test = filterTest(m)
    return read ? [(r: number) => test(read(r))] : []
  })
  const len = order ? order.length : n
  const out = new Uint32Array(len)
  let j = 0
  for (let k = 0; k < len; k++) {
    const r = order ? order[k]! : k
    if (r >= n) continue
    let ok = true
    for (const t of tests) if (!(ok = t(r))) break
    if (ok) out[j++] = r
  }
  return out.subarray(0, j)
}
