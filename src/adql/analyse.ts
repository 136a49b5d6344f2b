/**
 * One look at a query: its parse tree, what validation says of it and its shape, from a single parse.
 * The editor's live check and Run ask for the same text with the same options, so Run reuses the
 * editor's analysis instead of parsing again.
 */
import type { Tree } from '@lezer/common'
import { parseQuery } from './parse'
import { queryShape, type QueryShape } from './shape'
import { validateAdql } from './validate'
import type { ValidateOptions, ValidationResult } from './diagnostics'

export interface QueryAnalysis {
  readonly text: string
  readonly tree: Tree
  /** syntax errors and broken ADQL rules (see `validateAdql`) */
  readonly validation: ValidationResult
  /** undefined when the query does not parse */
  readonly shape: QueryShape | undefined
}

let last: { analysis: QueryAnalysis; options: ValidateOptions } | undefined

const sameOptions = (a: ValidateOptions, b: ValidateOptions) => a.version === b.version && a.udfs === b.udfs && a.bitwise === b.bitwise

/** The analysis of `text`; the last one is kept, so asking again for the same text and options parses nothing. */
export function analyseQuery(text: string, options: ValidateOptions = {}): QueryAnalysis {
  if (last && last.analysis.text === text && sameOptions(last.options, options)) return last.analysis
  const tree = parseQuery(text)
  const analysis: QueryAnalysis = { text, tree, validation: validateAdql(text, options, tree), shape: queryShape(text, tree) }
  last = { analysis, options: { ...options } }
  return analysis
}
