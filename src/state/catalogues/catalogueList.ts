/**
 * The catalogues of a TAP service as a user picks them: title, collection, version and description from
 * TAP_SCHEMA.tables (ESO's tap_cat adds collection, title, version, rel_descr_url to the standard columns), with
 * the main position columns found by UCD. Only the columns the service's TAP_SCHEMA.tables has are asked for;
 * what a plain service lacks is derived (title from the description, version from a `_V<n>` name suffix,
 * collection from the schema).
 */
/** A catalogue table and its main position columns. */
export interface CatalogueColumns {
  table: string
  ra: string
  dec: string
}

/** What TAP_SCHEMA.tables has as columns (its name is written both ways by services). */
export const TABLES_COLUMNS_QUERY =
  "SELECT column_name FROM TAP_SCHEMA.columns WHERE table_name = 'TAP_SCHEMA.tables' OR table_name = 'tap_schema.tables'"

/** The main RA and Dec columns of every table. */
export const POSITIONS_QUERY =
  "SELECT table_name, column_name, ucd FROM TAP_SCHEMA.columns WHERE ucd LIKE 'pos.eq.ra;meta.main%' OR ucd LIKE 'pos.eq.dec;meta.main%'"

/** The TAP_SCHEMA.tables columns a catalogue's description is read from, in the order asked for (table_name is always there). */
const WANTED = ['table_name', 'schema_name', 'description', 'collection', 'title', 'version', 'rel_descr_url'] as const
type Wanted = (typeof WANTED)[number]

/** The query for the tables' descriptions: only the wanted columns this service's TAP_SCHEMA.tables has. */
export function catalogueTablesQuery(columns: readonly string[]): { query: string; columns: Wanted[] } {
  const has = new Set(columns.map((c) => c.toLowerCase()))
  const asked = WANTED.filter((c) => c === 'table_name' || has.has(c))
  return { query: `SELECT ${asked.join(', ')} FROM TAP_SCHEMA.tables`, columns: asked }
}

export interface Catalogue extends CatalogueColumns {
  /** the service's title, else the description's first sentence, else the table name */
  title: string
  description?: string
  /** the service's collection, else the schema */
  collection?: string
  /** the service's version, else a `_V<n>` name suffix */
  version?: number
  /** the highest version of its catalogue (same collection and title); true when it has no version */
  latest: boolean
  /** the release description (ESO's rel_descr_url) */
  releaseUrl?: string
}

/** One TAP_SCHEMA.tables row, by column name (values as read: strings, numbers or null). */
export type TableRow = Partial<Record<Wanted, unknown>>

const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v).trim() || undefined)
const bare = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase()

/** The first sentence of a description, at most ~90 characters (a word boundary, with an ellipsis when cut). */
export function titleOfDescription(description: string): string {
  const first = description.split(/(?<=[.!?])\s+|\n/)[0]!.replace(/\.$/, '').trim()
  if (first.length <= 90) return first
  const cut = first.slice(0, 90)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`
}

/** The catalogue list: the tables with both main position columns, described, sorted by collection and title, the latest version first. */
export function catalogueList(positions: readonly CatalogueColumns[], rows: readonly TableRow[]): Catalogue[] {
  const byName = new Map<string, TableRow>()
  const byBare = new Map<string, TableRow>()
  for (const r of rows) {
    const name = text(r.table_name)
    if (!name) continue
    byName.set(name.toLowerCase(), r)
    byBare.set(bare(name), r)
  }
  const list = positions.map((p): Catalogue & { titled: boolean } => {
    // (ESO's tap_cat writes table names with and without their schema while it moves to TAP 1.1)
    const r = byName.get(p.table.toLowerCase()) ?? byBare.get(bare(p.table)) ?? {}
    const description = text(r.description)
    const suffix = /_v(\d+)$/i.exec(p.table)
    const version = Number(text(r.version) ?? suffix?.[1] ?? NaN)
    const schema = text(r.schema_name) ?? (p.table.includes('.') ? p.table.slice(0, p.table.indexOf('.')) : undefined)
    return {
      ...p,
      titled: !!text(r.title),
      title: text(r.title) ?? (description ? titleOfDescription(description) : p.table),
      description,
      collection: text(r.collection) ?? schema,
      version: Number.isFinite(version) ? version : undefined,
      latest: true,
      releaseUrl: text(r.rel_descr_url),
    }
  })
  // the versions of one catalogue: the same collection and title (ESO), else the same name but for its _V<n> suffix
  const family = (c: Catalogue & { titled: boolean }) => `${c.collection ?? ''}\u0000${(c.titled ? c.title : bare(c.table).replace(/_v\d+$/i, '')).toLowerCase()}`
  const highest = new Map<string, number>()
  for (const c of list) if (c.version !== undefined) highest.set(family(c), Math.max(highest.get(family(c)) ?? -Infinity, c.version))
  for (const c of list) c.latest = c.version === undefined || c.version >= highest.get(family(c))!
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const lower = (x: string | undefined) => (x ?? '').toLowerCase()
  const sorted = list.sort((a, b) => cmp(lower(a.collection), lower(b.collection)) || cmp(family(a), family(b)) || (b.version ?? 0) - (a.version ?? 0) || cmp(lower(a.table), lower(b.table)))
  return sorted.map(({ titled: _, ...c }) => c)
}

/** The catalogues whose title, collection, table name or description contain every word typed (case ignored). */
export function filterCatalogues(list: readonly Catalogue[], typed: string): Catalogue[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return [...list]
  return list.filter((c) => {
    const hay = [c.title, c.collection, c.table, c.description].filter(Boolean).join(' ').toLowerCase()
    return words.every((w) => hay.includes(w))
  })
}

/** The position columns by table from the POSITIONS_QUERY rows; ObsCore-like tables (which have their own searches) left out. */
export function positionColumns(rows: readonly { table: string; column: string; ucd: string }[]): CatalogueColumns[] {
  const byTable = new Map<string, Partial<CatalogueColumns>>()
  for (const r of rows) {
    const entry = byTable.get(r.table) ?? { table: r.table }
    if (r.ucd.toLowerCase().startsWith('pos.eq.ra')) entry.ra ??= r.column
    else entry.dec ??= r.column
    byTable.set(r.table, entry)
  }
  return [...byTable.values()].filter((e): e is CatalogueColumns => !!e.ra && !!e.dec && !/^(ivoa\.obscore|dbo\.raw)$/i.test(e.table!))
}
