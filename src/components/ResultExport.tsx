import { writeCSV, writeVOTable, type Table } from '../protocols/votable'

function download(text: string, type: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
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
