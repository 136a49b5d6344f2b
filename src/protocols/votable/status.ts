/** TAP query status (INFO name="QUERY_STATUS") of a document. */
import type { Info, QueryStatus, QueryStatusValue, Resource, VOTableDocument } from './types'

const statusInfos = new WeakMap<VOTableDocument, Info[]>()

/** Remember the document's QUERY_STATUS INFOs in document order (as the parser met them). */
export function registerStatusInfos(doc: VOTableDocument, allInfos: Info[]): void {
  statusInfos.set(
    doc,
    allInfos.filter((i) => i.name === 'QUERY_STATUS'),
  )
}

/** QUERY_STATUS INFOs in document order, where known. */
export function statusInfosOf(doc: VOTableDocument): Info[] {
  return statusInfos.get(doc) ?? collectInfos(doc)
}

function collectInfos(doc: VOTableDocument): Info[] {
  const out: Info[] = [...doc.infos]
  const walk = (r: Resource): void => {
    out.push(...r.infos)
    for (const t of r.tables) out.push(...t.infos)
    r.resources.forEach(walk)
  }
  doc.resources.forEach(walk)
  return out.filter((i) => i.name === 'QUERY_STATUS')
}

/**
 * TAP query status from the INFO named QUERY_STATUS, wherever it is; the last one in document
 * order wins (DaCHS writes OK before the TABLE and OVERFLOW after it).
 */
export function queryStatus(doc: VOTableDocument): QueryStatus {
  let result: QueryStatus = { status: undefined }
  for (const i of statusInfosOf(doc)) {
    const v = i.value.trim().toUpperCase()
    if (v !== 'OK' && v !== 'OVERFLOW' && v !== 'ERROR') continue
    result = { status: v as QueryStatusValue }
    if (i.content) result.message = i.content
  }
  return result
}
