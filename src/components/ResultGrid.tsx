/** The only component that touches AG Grid: shows a VOTable table, column-stored, with units and descriptions. */
import { useMemo } from 'react'
import { AgGridReact } from 'ag-grid-react'
import { AllCommunityModule, ModuleRegistry, themeQuartz, colorSchemeDark, type ColDef, type ICellRendererParams } from 'ag-grid-community'
import type { Table } from '../protocols/votable'
import { formatCell } from './cellFormat'

ModuleRegistry.registerModules([AllCommunityModule])

const lightTheme = themeQuartz
const darkTheme = themeQuartz.withPart(colorSchemeDark)

/** Only http(s) URLs become links; anything else (javascript:, data:) stays text. */
export function safeHref(v: unknown): string | undefined {
  if (typeof v !== 'string' || !/^https?:\/\//i.test(v)) return undefined
  try {
    const u = new URL(v)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

function CellLink(p: ICellRendererParams) {
  const href = safeHref(p.value)
  const text = formatCell(p.value)
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
      {text}
    </a>
  ) : (
    text
  )
}

interface Props {
  table: Table
  dark?: boolean
  height?: number | string
}

export function ResultGrid({ table, dark, height = 480 }: Props) {
  // rows are indexes into the column store; cells are read with table.value(row, col)
  const rowData = useMemo(() => Array.from({ length: table.rowCount }, (_, i) => ({ i })), [table])
  const columnDefs = useMemo<ColDef<{ i: number }>[]>(
    () =>
      table.fields.map((f, c) => ({
        colId: `c${c}`,
        headerName: f.unit ? `${f.name} [${f.unit}]` : f.name,
        headerTooltip: [f.description, f.ucd && `UCD: ${f.ucd}`, `type: ${f.datatype}${f.arraysize ? `[${f.arraysize}]` : ''}`].filter(Boolean).join('\n'),
        valueGetter: (p) => (p.data ? table.value(p.data.i, c) : null),
        valueFormatter: (p) => formatCell(p.value),
        comparator: (a, b) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1),
        cellRenderer: (f.datatype === 'char' || f.datatype === 'unicodeChar') && /url|ref|link/i.test(`${f.ucd ?? ''} ${f.name}`) ? CellLink : undefined,
        filter: f.datatype === 'char' || f.datatype === 'unicodeChar' ? 'agTextColumnFilter' : 'agNumberColumnFilter',
        type: ['double', 'float', 'int', 'long', 'short', 'unsignedByte'].includes(f.datatype) && !f.arraysize ? 'rightAligned' : undefined,
        resizable: true,
        sortable: true,
        width: Math.min(320, Math.max(90, f.name.length * 9 + 40)),
      })),
    [table],
  )
  return (
    <div className="result-grid" style={{ height }} data-testid="result-grid">
      <AgGridReact
        theme={dark ? darkTheme : lightTheme}
        rowData={rowData}
        columnDefs={columnDefs}
        getRowId={(p) => String(p.data.i)}
        enableCellTextSelection
        // rows are virtualised anyway; all columns in the DOM keep find-in-page and screen readers working
        suppressColumnVirtualisation={table.fields.length <= 80}
        rowSelection={{ mode: 'multiRow', enableClickSelection: true, checkboxes: false, headerCheckbox: false }}
      />
    </div>
  )
}
