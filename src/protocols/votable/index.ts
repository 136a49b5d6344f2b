/**
 * VOTable reader (VOTable 1.1–1.5: TABLEDATA, BINARY, BINARY2) and writer.
 *
 * `parseVOTable` is synchronous and browser/worker/Node neutral (TextDecoder, DataView,
 * typed arrays only). Data are held by column; `table.value(row, col)` is O(1) and
 * `table.column(col)` exposes the typed storage and null mask.
 * Streaming: `VOTableStreamParser` (push) and `parseVOTableStream` (ReadableStream / Response)
 * hand on row batches while the body arrives; `parseInWorker` does the same in a Web Worker and
 * rebuilds growing tables on the calling thread. Export: `writeVOTable` (BINARY2, TABLEDATA), `writeCSV`.
 * `describeVOTable` is the text summary behind `npm run votable -- FILE`.
 */
import { parseBytes } from './bytes'
import { parseDocument } from './document'
import { VOTableError } from './errors'
import { registerStatusInfos } from './status'
import { textDecoderFor } from './text'
import type { VOTableDocument } from './types'

export { VOTableError } from './errors'
export type {
  Column, CoordinateSystem, Field, Group, Info, Link, Param, QueryStatus, QueryStatusValue, Resource,
  Serialization, Table, Value, Values, ValuesOption, VOTableDocument,
} from './types'

/** Decode bytes to text, honouring a BOM or the XML declaration's encoding. */
export function decodeText(bytes: Uint8Array): string {
  return textDecoderFor(bytes).decode(bytes)
}

/**
 * Parse a VOTable document.
 * @throws VOTableError (with position/line/column where known) when the input is not a readable VOTable.
 * A body cut short after a complete header gives the rows that arrived, `table.truncated = true`
 * and an entry in `doc.warnings`.
 */
export function parseVOTable(input: string | Uint8Array | ArrayBuffer): VOTableDocument {
  let text: string
  if (typeof input === 'string') text = input
  else if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
    const decoder = textDecoderFor(bytes)
    // large base64 STREAMs go from bytes to rows without becoming text
    const fast = parseBytes(bytes, decoder)
    if (fast !== undefined) {
      registerStatusInfos(fast.doc, fast.allInfos)
      return fast.doc
    }
    text = decoder.decode(bytes)
  } else throw new VOTableError('parseVOTable expects a string, Uint8Array or ArrayBuffer')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  // XML end-of-line normalization
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n')
  const { doc, allInfos } = parseDocument(text)
  registerStatusInfos(doc, allInfos)
  return doc
}

export { queryStatus } from './status'
export { VOTableStreamParser, parseVOTableStream } from './stream'
export type { RowBatch, StreamCallbacks, StreamOptions, StreamSource } from './stream'
export type { BatchColumn, BigIntCells } from './spec'
export { parseInWorker, startVOTableWorker } from './worker-client'
export type { WorkerParseOptions, WorkerSource } from './worker-client'
export { writeCSV, writeVOTable } from './writer'
export type { CsvOptions, TableLike, WriteOptions } from './writer'
export { describeVOTable } from './summary'
export type { SummaryOptions } from './summary'
