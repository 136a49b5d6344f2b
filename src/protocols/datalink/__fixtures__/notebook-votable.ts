// Test helper: turns a table reconstructed from an ESO notebook output (derived_from_notebooks/*.json,
// see PROVENANCE.md) back into a TABLEDATA VOTable, so tests read it through the real parser.
// "--" (astropy's masked cell) becomes an empty cell; astropy dtypes map to VOTable datatypes.
import { readFileSync } from 'node:fs'

interface NotebookTable {
  request: string
  columns: { name: string; unit: string; astropy_dtype: string }[]
  rows: string[][]
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function datatype(dtype: string): string {
  if (dtype === 'int64') return 'datatype="long"'
  if (dtype === 'int32') return 'datatype="int"'
  if (dtype === 'float64') return 'datatype="double"'
  const arr = /^float64\[(\d+)\]$/.exec(dtype)
  if (arr) return `datatype="double" arraysize="${arr[1]}"`
  return 'datatype="char" arraysize="*"'
}

export function readNotebookTable(path: string | URL): NotebookTable {
  return JSON.parse(readFileSync(path, 'utf8')) as NotebookTable
}

/** The VOTable text; `fieldAttrs` adds attributes (e.g. ucd) to FIELDs by name, `extra` goes after the results RESOURCE. */
export function notebookVOTable(path: string | URL, fieldAttrs: Record<string, string> = {}, extra = ''): string {
  const t = readNotebookTable(path)
  const fields = t.columns
    .map((c) => `<FIELD name="${esc(c.name)}" ID="${esc(c.name)}" ${datatype(c.astropy_dtype)}${c.unit ? ` unit="${esc(c.unit)}"` : ''} ${fieldAttrs[c.name] ?? ''}/>`)
    .join('\n')
  const cell = (v: string, dtype: string) => {
    if (v === '--') return '<TD/>'
    // astropy shows a 2-element array as "first .. last"
    if (/^float64\[/.test(dtype)) return `<TD>${esc(v.replace(' .. ', ' '))}</TD>`
    return `<TD>${esc(v)}</TD>`
  }
  const rows = t.rows.map((r) => `<TR>${r.map((v, i) => cell(v, t.columns[i]!.astropy_dtype)).join('')}</TR>`).join('\n')
  return `<?xml version="1.0"?>
<VOTABLE version="1.3" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
<RESOURCE type="results"><INFO name="QUERY_STATUS" value="OK"/>
<TABLE>
${fields}
<DATA><TABLEDATA>
${rows}
</TABLEDATA></DATA></TABLE></RESOURCE>
${extra}
</VOTABLE>`
}
