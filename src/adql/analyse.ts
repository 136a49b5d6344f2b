/**
 * One look at a query: its parse tree, what validation says of it and its shape, from a single parse.
 * The editor's live check and Run ask for the same text with the same options, so Run reuses the
 * editor's analysis instead of parsing again.
 */
import type { Tree } from '@lezer/common'
import { parseQuery } from './parse'
import { queryShape, type QueryShape } from './shape'
import { validateAdql } from './validate'
import { treeHasError } from './checker'
import { checkSchema, type SchemaWarning } from './schemaCheck'
import { checkServiceRules } from './serviceRules'
import type { ValidateOptions, ValidationResult } from './diagnostics'

export interface QueryAnalysis {
  readonly text: string
  readonly tree: Tree
  /** syntax errors and broken ADQL rules (see `validateAdql`) */
  readonly validation: ValidationResult
  /** undefined when the query does not parse */
  readonly shape: QueryShape | undefined
  /** schema and service-rule warnings (never blocking; none while the query does not parse) */
  readonly warnings: readonly SchemaWarning[]
}

let last: { analysis: QueryAnalysis; options: ValidateOptions } | undefined

const sameOptions = (a: ValidateOptions, b: ValidateOptions) =>
  a.version === b.version && a.udfs === b.udfs && a.bitwise === b.bitwise && a.tables === b.tables && a.geometryFunctions === b.geometryFunctions && a.rules === b.rules

function warningsOf(text: string, tree: Tree, options: ValidateOptions): SchemaWarning[] {
  if (treeHasError(tree)) return []
  return [...checkSchema(text, tree, options), ...checkServiceRules(text, tree, options.rules)].sort((a, b) => a.from - b.from)
}

/** The analysis of `text`; the last one is kept, so asking again for the same text and options parses nothing. */
export function analyseQuery(text: string, options: ValidateOptions = {}): QueryAnalysis {
  if (last && last.analysis.text === text && sameOptions(last.options, options)) return last.analysis
  const tree = parseQuery(text)
  const analysis: QueryAnalysis = { text, tree, validation: validateAdql(text, options, tree), shape: queryShape(text, tree), warnings: warningsOf(text, tree, options) }
  last = { analysis, options: { ...options } }
  return analysis
}
