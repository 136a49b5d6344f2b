import { writeCSV, writeVOTable, type Table } from '../protocols/votable'
import { saveBlob } from '../state/downloads/saveFile'

function download(text: string, type: string, filename: string): void {
  saveBlob(text, filename, type)
}

function stamp(): string {
  return new Date().toISOString().replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z')
}

/** Saves the current result as a VOTable (BINARY2, exact for every type) or CSV; both re-read by the app's reader. */
export function ResultExport({ table, basename = 'result' }: { table: Table; basename?: string }) {
  return (
    <span className="export-buttons">
      <button type="button" onClick={() => download(writeVOTable(table, { serialization: 'BINARY2' }), 'application/x-votable+xml', `${basename}-${stamp()}.vot`)}>
        Save VOTable
      </button>
      <button type="button" onClick={() => download(writeCSV(table), 'text/csv', `${basename}-${stamp()}.csv`)}>
        Save CSV
      </button>
    </span>
  )
}
