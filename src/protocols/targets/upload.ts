/** TAP UPLOAD of a target list: the list as a VOTable and the multipart POST of a sync query that joins it. */
import type { HttpClient } from '../http'
import { readDalResponse, toDalError, type DalResult, type VOTableReader } from '../dal'
import { writeVOTable, type TableLike } from '../votable'
import { TARGET_INDEX_COLUMN, TARGET_NAME_COLUMN, type PlacedTarget } from './adql'

/** The uploaded table: target_name_in, target_index, ra, dec (ICRS degrees). */
export function targetsTable(targets: readonly PlacedTarget[]): TableLike {
  return {
    name: 'targets',
    fields: [
      { name: TARGET_NAME_COLUMN, datatype: 'char', arraysize: '*', ucd: 'meta.id;src' },
      { name: TARGET_INDEX_COLUMN, datatype: 'int', ucd: 'meta.record' },
      { name: 'ra', datatype: 'double', unit: 'deg', ucd: 'pos.eq.ra;meta.main' },
      { name: 'dec', datatype: 'double', unit: 'deg', ucd: 'pos.eq.dec;meta.main' },
    ],
    rowCount: targets.length,
    value: (row, col) => {
      const t = targets[row]!
      return col === 0 ? t.name : col === 1 ? t.index : col === 2 ? t.ra : t.dec
    },
  }
}

/** The targets as VOTable text (TABLEDATA: what every service reads). */
export function targetsVOTable(targets: readonly PlacedTarget[]): string {
  return writeVOTable(targetsTable(targets), { serialization: 'TABLEDATA' })
}

/** Whether a service's capabilities (uploadMethods) offer inline upload. */
export const offersInlineUpload = (uploadMethods: readonly string[]): boolean => uploadMethods.some((m) => /#upload-inline$/i.test(m))

/** The multipart form of a sync query with one inline upload named `name`. */
export function uploadForm(query: string, votable: string, name = 'targets', maxrec?: number): FormData {
  const form = new FormData()
  form.append('REQUEST', 'doQuery')
  form.append('LANG', 'ADQL')
  form.append('QUERY', query)
  if (maxrec !== undefined) form.append('MAXREC', String(maxrec))
  form.append('UPLOAD', `${name},param:${name}`)
  form.append(name, new Blob([votable], { type: 'application/x-votable+xml' }), `${name}.xml`)
  return form
}

/** Runs a sync TAP query with the targets uploaded as `TAP_UPLOAD.targets`, through the one door. */
export async function runSyncUpload(http: HttpClient, serviceUrl: string, query: string, targets: readonly PlacedTarget[], opts: { signal?: AbortSignal; maxrec?: number; read?: VOTableReader } = {}): Promise<DalResult> {
  const url = `${serviceUrl.replace(/\/+$/, '')}/sync`
  let res: Response
  try {
    res = await http.request(url, { form: uploadForm(query, targetsVOTable(targets), 'targets', opts.maxrec), idempotent: true, signal: opts.signal, timeoutMs: 10 * 60_000 })
  } catch (e) {
    throw toDalError(e, url, 'The TAP upload query')
  }
  return readDalResponse(res, { what: 'The TAP upload query', url, read: opts.read, signal: opts.signal })
}
