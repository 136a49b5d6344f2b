/**
 * User-defined functions as a TAP service declares them (TAPRegExt `features-udf`), e.g.
 * `ivo_healpix_index(hpxOrder INTEGER, long REAL, lat REAL) -> BIGINT`.
 */

export interface UdfDeclaration {
  /** Name as declared (compared case-insensitively). */
  name: string
  /** Number of parameters, or undefined when only a bare name was given (any arity accepted). */
  arity?: number
  /** Return type as written (upper-case), if declared. */
  returns?: string
  /** The declaration as given, for completion. */
  signature: string
}

/** A declared UDF: a bare name, a `form` signature, or an object with a `form` (as in cases.jsonl). */
export type UdfSpec = string | { form: string; description?: string }

const FORM = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*(?:->\s*(.+?))?\s*$/

/** Parses one declaration; returns undefined when it is not a function signature. */
export function parseUdf(spec: UdfSpec): UdfDeclaration | undefined {
  const signature = typeof spec === 'string' ? spec : spec.form
  const m = FORM.exec(signature)
  if (!m) return undefined
  const params = m[2]
  return {
    name: m[1]!,
    arity: params === undefined ? undefined : params.trim() === '' ? 0 : params.split(',').length,
    returns: m[3]?.trim().toUpperCase(),
    signature: signature.trim(),
  }
}

/** A provider prefix as the recommendation suggests (`ivo_`, `gavo_`, `wfau_`…): letters/digits then `_`. */
export function hasFunctionPrefix(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]$/.test(name)
}
