/** DataLink 1.1 {links} client with ESO's extensions (eso_* columns, ESO semantics URIs). Modelled on pyvo's dal/adhoc.py. */
export type { DataLinkRow, DataLinkResult } from './types'
export { fetchLinks, linksUrl, parseLinks, parseLinksBody, readLinkRows, linkErrors, type DataLinkTarget, type FetchLinksOptions } from './links'
export {
  classifySemantics, semanticsTerm, isDataLinkDocument, ESO_SEMANTICS, IVOA_DATALINK_VOCABULARY, ESO_DATALINK_VOCABULARY,
  type SemanticsGroup,
} from './semantics'
export {
  parseServiceDescriptors, parseServiceDescriptor, descriptorFor, bindInputParams, userParams, inputParam, kindOf, formatValue,
  type ServiceDescriptor, type InputParam, type ServiceKind,
} from './descriptor'
export { publisherDid, dpIdOf, ESO_ID_TEMPLATE } from './identifiers'
// the query-string writers live in dal/ (SSAP, SODA and calSelector use them too)
export { encodeQueryValue, withParams } from '../dal/params'
