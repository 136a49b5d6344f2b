/** What validating ADQL reports, and the options it takes. */
import type { UdfSpec } from './udf'
import type { SchemaTable } from './completion'
import type { ServiceRules } from './serviceRules'

export interface AdqlError {
  /** Character offsets into the query. */
  from: number
  to: number
  message: string
}

export interface ValidationResult {
  ok: boolean
  errors: AdqlError[]
}

export interface ValidateOptions {
  /** ADQL version to check against (default 2.1, with all its optional features). */
  version?: '2.0' | '2.1'
  /**
   * User-defined functions the service declares (names or TAPRegExt `form` signatures). When given,
   * only these count as known UDFs. When absent, any function name with a provider prefix
   * (`ivo_…`, `gavo_…`, `eso_…`) is accepted, and other unknown names are errors.
   */
  udfs?: readonly UdfSpec[]
  /** Accept the bitwise operators & | ^ ~ and hex literals of the ADQL 2.1 drafts (not in the REC). */
  bitwise?: boolean
  /** The service's tables (TAP_SCHEMA) for the schema warnings; absent: none. */
  tables?: readonly SchemaTable[]
  /** The geometry functions the service declares. */
  geometryFunctions?: readonly string[]
  /** The service's own rules (e.g. tap_cat's CONTAINS(POINT, CIRCLE) = 1). */
  rules?: ServiceRules
}
