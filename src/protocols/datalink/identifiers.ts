/** ESO identifiers: dp_id ⇄ publisher DID, and DataLink URLs written the way ESO writes them. */

/** ESO's publisher DID template; a profile may give another (the local archive uses `ivo://eso.localtest/ID?{dp_id}`). */
export const ESO_ID_TEMPLATE = 'ivo://eso.org/ID?{dp_id}'

/** The publisher DID (DataLink/SODA `ID`) of a dp_id, e.g. `ivo://eso.org/ID?ADP.2021-05-10T12:00:01.001`. */
export function publisherDid(dpId: string, template: string = ESO_ID_TEMPLATE): string {
  if (!template.includes('{dp_id}')) throw new Error(`The ID template "${template}" has no {dp_id} placeholder`)
  return template.replace('{dp_id}', dpId.trim())
}

/** The dp_id inside a publisher DID (`ivo://…/ID?<dp_id>` → `<dp_id>`), or undefined when it has no `?`. */
export function dpIdOf(publisherDid: string): string | undefined {
  const q = publisherDid.indexOf('?')
  return q >= 0 && q < publisherDid.length - 1 ? publisherDid.slice(q + 1) : undefined
}

