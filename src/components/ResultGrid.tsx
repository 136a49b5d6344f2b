/** The only component that touches AG Grid: shows a VOTable table, column-stored, with units and descriptions. */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import { AgGridReact } from 'ag-grid-react'
import * as grid from 'ag-grid-community'
import { ModuleRegistry, themeQuartz, colorSchemeDark, type CellKeyDownEvent, type ColDef, type GridApi, type IRowNode, type ICellRendererParams, type IHeaderParams } from 'ag-grid-community'
import { isNumericScalar } from '../protocols/table'
import type { Table, Value } from '../protocols/votable'
import { formatCell, rowsAsTsv, safeHref } from './cellFormat'
import { ColumnChooser } from './ColumnChooser'
import { columnDisplays, useColumnLayout, useTimesAs, type ColumnDisplay, type ColumnLayout, type ColumnOrderSource, type ExtraColumn } from './gridColumns'
import { GridSorter, keepOrder } from './gridSort'
import { withExtraColumns } from './gridExtras'
import { useGrowingRows } from './growingRows'
import { PAGED_ROWS, PAGE_ROWS, RowSource, usePagedRows } from './gridInfinite'
import { useGridSelection } from './gridSelection'
import { columnsSignature, useCarriedSettings } from './gridCarry'

// only the features used here, each named once
ModuleRegistry.registerModules([
  grid.ClientSideRowModelModule,
  grid.ClientSideRowModelApiModule,
  grid.InfiniteRowModelModule,
  grid.TextFilterModule,
  grid.NumberFilterModule,
  grid.RowSelectionModule,
  grid.RowApiModule,
  grid.ScrollApiModule,
  grid.RenderApiModule,
  grid.RowStyleModule,
  grid.ColumnApiModule,
  ...(import.meta.env.DEV ? [grid.ValidationModule] : []),
])

const lightTheme = themeQuartz
const darkTheme = themeQuartz.withPart(colorSchemeDark)

/** A plain-DOM cell renderer (much cheaper than a React cell while scrolling); text only, never HTML from the service. */
class LinkCell {
  private gui: HTMLElement = document.createElement('span')
  init(p: ICellRendererParams): void {
    const href = safeHref(p.value)
    const text = formatCell(p.value)
    if (!href) {
      this.gui.textContent = text
      return
    }
    const a = document.createElement('a')
    a.href = href
    a.target = '_blank'
    a.rel = 'noopener noreferrer'
    a.title = href
    a.textContent = text
    // a view may take the click over (a DataLink URL opens the app's panel instead of a tab)
    const onLinkClick = (p.colDef?.cellRendererParams as { onLinkClick?: { current?: (href: string, row: number) => boolean } } | undefined)?.onLinkClick
    a.addEventListener('click', (e) => {
      if (p.data && onLinkClick?.current?.(href, (p.data as { i: number }).i)) e.preventDefault()
    })
    this.gui = a
  }
  getGui(): HTMLElement {
    return this.gui
  }
  refresh(): boolean {
    return false
  }
}

/** A plain-DOM cell whose text may differ from its whole value (an identifier cut in the middle, a time as ISO): the whole in the title. */
class TitledCell {
  private gui = document.createElement('span')
  init(p: ICellRendererParams & { display?: ColumnDisplay }): void {
    const d = p.display
    const v = p.value as Value
    const full = d ? d.full(v) : formatCell(v)
    this.gui.textContent = d ? d.shown(v) : full
    const title = d?.title?.(v) ?? (this.gui.textContent !== full ? full : undefined)
    if (title) this.gui.title = title
  }
  getGui(): HTMLElement {
    return this.gui
  }
  refresh(): boolean {
    return false
  }
}

/**
 * A column's label with its description, UCD and type as the browser's own tooltip. AG Grid's tooltip module would
 * do this too, but it also builds a tooltip object for every cell drawn while scrolling (5% of what a scroll allocates).
 */
class HeaderLabel {
  private gui = document.createElement('span')
  init(p: IHeaderParams & { title?: string }): void {
    this.refresh(p)
  }
  getGui(): HTMLElement {
    return this.gui
  }
  refresh(p: IHeaderParams & { title?: string }): boolean {
    this.gui.textContent = p.displayName
    if (p.title) this.gui.title = p.title
    return true
  }
}

/**
 * Numbers are right-aligned in tabular figures. By the columns' ids in one stylesheet, not AG Grid's rightAligned
 * column type: that needs the cell style module, which evaluates class rules for every cell drawn while scrolling.
 */
function numericColumnsCss(scope: string, table: Table): string {
  const sel = table.fields.flatMap((f, c) => (isNumericScalar(f) ? [`[data-grid-scope="${scope}"] .ag-cell[col-id="c${c}"]`] : []))
  return sel.length ? `${sel.join(',\n')} { text-align: right; font-variant-numeric: tabular-nums; }` : ''
}

// grid options that never change are module constants: a new object on a render is a changed option to the grid
// clicks select through gridSelection (our set of rows is the selection; the grid's nodes mirror it)
const ROW_SELECTION = { mode: 'multiRow', enableClickSelection: false, checkboxes: false, headerCheckbox: false } as const
const rowId = (p: { data: { i: number } }) => String(p.data.i)
/** The grid is one tab stop: Tab leaves it (arrows move inside), instead of walking every cell. */
const leaveOnTab = () => false as const

type LinkClick = RefObject<((href: string, row: number) => boolean) | undefined>

/** The grid's columns in the layout's order: label with unit, tooltip, value from the column store, filter and width by datatype, link cells. */
function columnDefsOf(table: Table, layout: ColumnLayout, displays: readonly ColumnDisplay[], linkClick: LinkClick): ColDef<{ i: number }>[] {
  return layout.order.map((c) => {
    const f = table.fields[c]!
    const d = displays[c]!
    const unit = d.unit ?? f.unit
    const link = !d.identifier && (f.datatype === 'char' || f.datatype === 'unicodeChar') && /url|ref|link/i.test(`${f.ucd ?? ''} ${f.name}`)
    return {
    colId: `c${c}`,
    headerName: unit ? `${f.name} [${unit}]` : f.name,
    headerComponentParams: {
      innerHeaderComponent: HeaderLabel,
      innerHeaderComponentParams: { title: [f.description, f.ucd && `UCD: ${f.ucd}`, `type: ${f.datatype}${f.arraysize ? `[${f.arraysize}]` : ''}`].filter(Boolean).join('\n') },
    },
    valueGetter: (p) => (p.data ? table.value(p.data.i, c) : null),
    valueFormatter: (p) => d.full(p.value as Value),
    comparator: keepOrder,
    cellRenderer: link ? LinkCell : d.identifier || d.title ? TitledCell : undefined,
    cellRendererParams: link ? { onLinkClick: linkClick } : { display: d },
    filter: f.datatype === 'char' || f.datatype === 'unicodeChar' ? 'agTextColumnFilter' : 'agNumberColumnFilter',
    headerClass: isNumericScalar(f) ? 'ag-right-aligned-header' : undefined,
    resizable: true,
    sortable: true,
    width: d.width ?? Math.min(320, Math.max(110, (unit ? f.name.length + unit.length + 3 : f.name.length) * 8 + 48)),
    hide: layout.hidden.has(c),
    }
  })
}

/**
 * The highlighted row's class rule, following a hover store without rendering the grid again: only the rows whose
 * highlight changed are restyled (the rule object stays the same: a new one is a changed grid option).
 */
function useHighlightedRow(api: RefObject<GridApi<{ i: number }> | null>, highlight: HighlightSource | undefined) {
  const highlightedRef = useRef(-1)
  const rowClassRules = useMemo(() => ({ 'row-highlighted': (p: { data?: { i: number } }) => p.data?.i === highlightedRef.current }), [])
  useEffect(() => {
    if (!highlight) return
    const follow = () => {
      const g = api.current
      const next = highlight.get()
      const rows = [highlightedRef.current, next].filter((r) => r >= 0)
      highlightedRef.current = next
      const nodes = rows.map((r) => g?.getRowNode(String(r))).filter((n) => !!n)
      if (g && nodes.length) g.redrawRows({ rowNodes: nodes })
    }
    follow()
    return highlight.subscribe(follow)
  }, [api, highlight])
  return rowClassRules
}

/** A row to highlight (-1 for none) that can change without a render (gridSkyLink's HoverStore). */
export interface HighlightSource {
  get(): number
  subscribe(listener: () => void): () => void
}

interface Props {
  table: Table
  /** Rows to show (default all): a table still arriving shows the rows received so far. */
  rows?: number
  dark?: boolean
  height?: number | string
  /** Rows (indexes into the table) selected elsewhere, e.g. on the sky. */
  selected?: readonly number[]
  onSelectionChange?: (rows: number[]) => void
  /** The row under the pointer changed (undefined: none). */
  onRowHover?: (row: number | undefined) => void
  /** The row to highlight (e.g. the footprint hovered on the sky), followed without rendering the grid again. */
  highlight?: HighlightSource
  /** Extra toolbar content (export buttons…). */
  toolbar?: ReactNode
  /** A link cell was clicked; return true to keep the browser from following it. */
  onLinkClick?: (href: string, row: number) => boolean
  /** The result did not arrive whole: the row count says "(partial)". */
  partial?: { reason: string }
  /** Columns a view adds (after the first), e.g. observing conditions and preview thumbnails. */
  extraColumns?: readonly ExtraColumn[]
  /** `query`: the columns are in the order the user's query listed them (shown so); default `curated` (see gridColumns). */
  columnOrder?: ColumnOrderSource
}

const NO_EXTRAS: readonly ExtraColumn[] = []

/** The grid has something set that a new grid would not have: a sort, a filter, a scroll position. */
function holdsUserState(g: GridApi<{ i: number }> | null): boolean {
  if (!g || g.isDestroyed()) return false
  return g.getColumnState().some((c) => c.sort) || g.isAnyFilterPresent() || g.getVerticalPixelRange().top > 0 || g.getHorizontalPixelRange().left > 0
}

/**
 * The grid's rows: large results, and results still arriving, page by page (gridInfinite); small ones whole (and a
 * whole table's sort through postSortRows). Sorting is ours either way, on the column store.
 */
function useRows(api: RefObject<GridApi<{ i: number }> | null>, table: Table, rows: number | undefined, extraColumns: readonly ExtraColumn[]) {
  const shownRows = rows ?? table.rowCount
  // a table that came page by page and ends small stays so when the user sorted, filtered or scrolled it meanwhile
  // (a new grid would start without them); else the whole is given to a new grid (all columns in the page, cell text
  // selectable). Decided once, as it ends: columns and selection are ours, the new grid takes them.
  const arriving = rows !== undefined
  const kept = useRef<{ table: Table; stay?: boolean } | undefined>(undefined)
  if (arriving || table.rowCount > PAGED_ROWS) kept.current = { table, stay: arriving ? undefined : true }
  else if (kept.current?.table === table && kept.current.stay === undefined) kept.current = { table, stay: holdsUserState(api.current) }
  const paged = arriving || table.rowCount > PAGED_ROWS || (kept.current?.table === table && kept.current.stay === true)
  const rowData = useGrowingRows(api, table, shownRows, !paged)
  // new extra values are read at the next sort
  const sorter = useMemo(() => new GridSorter(table), [table])
  // a table of other columns than the grid has (the first result, another query's) has its columns drawn first and
  // its rows from the next frame (two shorter tasks); a table of the same columns (a preview, then the whole) at once
  const columns = useMemo(() => columnsSignature(table), [table])
  const drawnColumns = useRef<string | undefined>(undefined)
  const source = useMemo(() => {
    if (!paged) return undefined
    const fresh = shownRows > 0 && drawnColumns.current !== columns
    return new RowSource(table, sorter, fresh ? 0 : shownRows, fresh)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the row count then follows the table (usePagedRows)
  }, [table, sorter, paged, columns])
  useEffect(() => {
    drawnColumns.current = columns
  }, [columns])
  usePagedRows(api, source, shownRows)
  // new values of the extra columns (conditions arrived): redraw the cells on screen
  useEffect(() => {
    sorter.setExtras(extraColumns)
    source?.setExtras(extraColumns)
    api.current?.refreshCells({ force: true })
  }, [api, sorter, source, extraColumns])
  return { paged, rowData, sorter, source }
}

/** A page's new nodes are selected as the selection says (rows selected before their page was shown). */
function useSelectedPages(api: RefObject<GridApi<{ i: number }> | null>, source: RowSource | undefined, mirror: (g: GridApi<{ i: number }>, nodes?: IRowNode<{ i: number }>[]) => void) {
  useEffect(() => {
    if (source) source.onPage = (rows) => {
      const g = api.current
      if (g && !g.isDestroyed()) mirror(g, rows.flatMap((r) => g.getRowNode(String(r.i)) ?? []))
    }
  }, [api, source, mirror])
}

export function ResultGrid({ table, rows, dark, height = 480, selected, onSelectionChange, onRowHover, highlight, toolbar, onLinkClick, partial, extraColumns = NO_EXTRAS, columnOrder }: Props) {
  const linkClick = useRef(onLinkClick)
  linkClick.current = onLinkClick
  const api = useRef<GridApi<{ i: number }> | null>(null)
  const { layout, change, reset } = useColumnLayout(table, columnOrder)
  const [timesAs, setTimesAs] = useTimesAs()
  const [copied, setCopied] = useState<string | null>(null)
  /** Rows left by the column filters (undefined: no filter set). */
  const [filtered, setFiltered] = useState<number | undefined>(undefined)
  // rows are indexes into the column store; cells are read with table.value(row, col)
  const shownRows = rows ?? table.rowCount
  const scope = useId()
  const numericCss = useMemo(() => numericColumnsCss(scope, table), [scope, table])
  // a table still arriving grows in the grid by transactions; its columns are sized by the rows it came with (new
  // widths would be new column definitions: the grid redraws every cell)
  const { paged, rowData, sorter, source } = useRows(api, table, rows, extraColumns)
  // columns are sized by the rows there are when the grid first shows the table
  const sizedBy = useRef({ table, n: shownRows })
  if (sizedBy.current.table !== table) sizedBy.current = { table, n: shownRows }
  const displays = useMemo(() => columnDisplays(table, sizedBy.current.n, timesAs), [table, timesAs])
  const columnDefs = useMemo(() => {
    return withExtraColumns(table, columnDefsOf(table, layout, displays, linkClick), extraColumns, HeaderLabel)
  }, [table, layout, displays, extraColumns])
  const selection = useGridSelection(api, selected, onSelectionChange, source)
  const { mirror } = selection
  useSelectedPages(api, source, mirror)
  const rowClassRules = useHighlightedRow(api, highlight)
  // a table of the same columns replacing this one (a preview, then the whole result) keeps the sort and filters
  const carried = useCarriedSettings(api, table)
  // small results keep every column in the DOM and cell text selectable (find-in-page, screen readers, copying by mouse);
  // a result still arriving is not known to be small (a switch would redraw every row)
  const small = !paged && table.fields.length <= 80 && table.rowCount <= 5000
  /** Ctrl/Cmd+C on a focused cell copies its value as shown (unless text is selected: the browser copies that); Ctrl/Cmd+A selects every row shown. */
  const copyFocusedCell = (e: CellKeyDownEvent<{ i: number }>) => {
    const k = e.event as KeyboardEvent | null | undefined
    if (!k || !(k.ctrlKey || k.metaKey) || k.altKey || k.shiftKey) return
    if (k.key.toLowerCase() === 'a') return void (selection.selectAll(e.api), k.preventDefault())
    if (k.key.toLowerCase() !== 'c' || window.getSelection()?.toString()) return
    const c = Number(e.column.getColId().slice(1))
    navigator.clipboard.writeText(displays[c]?.full(e.value as Value) ?? formatCell(e.value)).then(
      () => setCopied(`${e.colDef.headerName ?? 'cell'} copied`),
      () => setCopied('The browser refused access to the clipboard'),
    )
  }
  const visibleColumns = () => layout.order.filter((c) => !layout.hidden.has(c))
  const copySelected = async () => {
    const rows = selection.rows()
    try {
      await navigator.clipboard.writeText(rowsAsTsv(table, rows, visibleColumns(), (c, v) => displays[c]!.full(v)))
      setCopied(`${rows.length.toLocaleString('en')} ${rows.length === 1 ? 'row' : 'rows'} copied`)
    } catch {
      setCopied('The browser refused access to the clipboard')
    }
  }
  return (
    <div className="result-grid-wrap">
      <div className="toolbar grid-toolbar">
        <ColumnChooser fields={table.fields} layout={layout} onHiddenChange={(hidden) => change({ hidden })} onReset={reset} timesAs={timesAs} onTimesAsChange={setTimesAs} />
        <button type="button" onClick={copySelected} disabled={selection.count === 0} title="Copy the selected rows as tab-separated text">
          Copy selected
        </button>
        <span className="muted">
          {filtered !== undefined ? `${filtered.toLocaleString('en')} of ` : ''}
          {shownRows.toLocaleString('en')} {shownRows === 1 ? 'row' : 'rows'}{partial ? <strong className="partial-mark" title={partial.reason}> (partial)</strong> : null}{filtered !== undefined ? ' (filtered)' : ''}{selection.count ? ` · ${selection.count.toLocaleString('en')} selected` : ''}
        </span>
        {copied && <span className="muted" role="status">{copied}</span>}
        {toolbar}
      </div>
      <div className="result-grid" style={{ height }} data-testid="result-grid" data-grid-scope={scope}>
      {numericCss && <style>{numericCss}</style>}
      <AgGridReact
        // a result that finishes small is given to the grid whole: a new grid (the row model is fixed at its start)
        key={paged ? 'paged' : 'whole'}
        onGridReady={(e) => {
          api.current = e.api
          carried.apply(e.api)
          mirror(e.api)
        }}
        onSortChanged={(e) => carried.record(e.api)}
        onFilterChanged={(e) => carried.record(e.api)}
        onRowDataUpdated={(e) => mirror(e.api)}
        onRowClicked={selection.onRowClicked}
        onSelectionChanged={selection.onSelectionChanged}
        onModelUpdated={(e) => setFiltered(e.api.isAnyFilterPresent() ? e.api.getDisplayedRowCount() : undefined)}
        onColumnMoved={(e) => {
          // the user dragged a header: remember the new order (the grid already shows it)
          if (!e.finished || !e.source.startsWith('ui')) return
          const order = e.api.getColumnState().filter((s) => s.colId.startsWith('c')).map((s) => Number(s.colId.slice(1)))
          if (order.length === table.fields.length && order.some((c, k) => c !== layout.order[k])) change({ order })
        }}
        // a header dragged off the grid stays (hiding is the column chooser's, which remembers it)
        suppressDragLeaveHidesColumns
        onCellMouseOver={(e) => onRowHover?.(e.data?.i)}
        onCellMouseOut={() => onRowHover?.(undefined)}
        rowClassRules={rowClassRules}
        theme={dark ? darkTheme : lightTheme}
        {...(source
          ? { rowModelType: 'infinite' as const, datasource: source, cacheBlockSize: PAGE_ROWS, maxConcurrentDatasourceRequests: -1 }
          : { rowData, postSortRows: sorter.postSortRows })}
        columnDefs={columnDefs}
        getRowId={rowId}
        // selecting text in cells makes the grid keep the DOM in row order and wrap every cell: a third of each
        // frame while scrolling 100k rows here (median 45 → 30 ms). Large results copy a cell with Ctrl+C instead.
        enableCellTextSelection={small}
        onCellKeyDown={copyFocusedCell}
        // no off-screen rows to build on each scroll step (the default is 10 above and below): on a 2-core machine
        // with software rendering this halves the median frame while scrolling 100k rows (39 → 22 ms; 2 was worse than 0)
        rowBuffer={0}
        // rows are virtualised anyway; for small results all columns in the DOM keep find-in-page and screen readers working
        suppressColumnVirtualisation={small}
        rowSelection={ROW_SELECTION}
        tabToNextCell={leaveOnTab}
        tabToNextHeader={leaveOnTab}
      />
      </div>
    </div>
  )
}
