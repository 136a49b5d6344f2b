import { writeCSV, writeVOTable, type Table } from '../protocols/votable'
import { saveBlob } from '../state/downloads/saveFile'

function download(text: string, type: string, filename: string): void {
  saveBlob(text, filename, type)
}

function stamp(): string {
  return new Date().toISOString().replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z')
}

/**
 * Saves the current result as a VOTable (BINARY2, exact for every type) or CSV; both re-read by the app's reader.
 * An incomplete result says so in the file name and inside the file (an INFO in the VOTable, a comment line in CSV).
 */
export function ResultExport({ table, basename = 'result', partial }: { table: Table; basename?: string; partial?: { reason: string } }) {
  const name = partial ? `${basename}-partial` : basename
  const infos = partial ? [{ name: 'partial', value: 'true', content: `Partial result: ${partial.reason}; the rows here are not the whole answer` }] : []
  const csvNote = partial ? `# partial result (${table.rowCount} rows): ${partial.reason.replace(/[\r\n]+/g, ' ')}\n` : ''
  return (
    <span className="export-buttons">
      <button type="button" onClick={() => download(writeVOTable(table, { serialization: 'BINARY2', infos }), 'application/x-votable+xml', `${name}-${stamp()}.vot`)}>
        Save VOTable
      </button>
      <button type="button" onClick={() => download(csvNote + writeCSV(table), 'text/csv', `${name}-${stamp()}.csv`)}>
        Save CSV
      </button>
    </span>
  )
}
