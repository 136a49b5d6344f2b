/** Wire model of a DataLink {links} response (DataLink 1.1 columns plus ESO's eso_* columns). */
import type { VOTableDocument } from '../votable'
import type { ServiceDescriptor } from './descriptor'

/** One row of a DataLink table. Empty cells are left out. */
export interface DataLinkRow {
  /** The identifier the link belongs to (ESO: `ivo://eso.org/ID?<dp_id>`). */
  id: string
  accessUrl?: string
  /** ID of the service descriptor RESOURCE this row refers to (SODA cutouts, `#proc`). */
  serviceDef?: string
  /** Why there is no link (e.g. DaCHS `NotFoundFault: …`, ESO "no access permissions"). */
  errorMessage?: string
  /** A term of the IVOA DataLink vocabulary (`#this`, full URI) or an ESO URI. */
  semantics: string
  description?: string
  contentType?: string
  /** Bytes (ESO writes rough placeholders such as 1000000 for previews and 500000 for calSelector). */
  contentLength?: number
  /** ESO product category, e.g. `SCIENCE.CUBE.IFS`, `ANCILLARY.README`, `ASSOCIATION_TREE`. */
  esoCategory?: string
  /** Original file name at ESO. */
  esoOrigfile?: string
  /** DataLink URL of the linked file itself, for chaining. */
  esoDatalink?: string
  localSemantics?: string
  /** DataLink 1.1 content_qualifier (a product type such as `image`, `cube`). */
  contentQualifier?: string
}

/** A parsed DataLink document: its rows and the service descriptors (SODA, …) it carries. */
export interface DataLinkResult {
  rows: DataLinkRow[]
  descriptors: ServiceDescriptor[]
  document: VOTableDocument
  /** Service URL that answered (after redirects). */
  url: string
  /** Set when the document ended early: the rows that arrived are kept. */
  partial?: { reason: string }
}
