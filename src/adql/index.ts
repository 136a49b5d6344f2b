/**
 * ADQL language core: the Lezer grammar (for highlighting, validation and completion in
 * CodeMirror 6), syntax validation, function and keyword catalogues, and a formatter.
 */
export { parser } from './parser'
export { validateAdql } from './validate'
export type { AdqlError, ValidateOptions, ValidationResult } from './validate'
export { adqlFunctions, builtinFunction, ADQL_FUNCTIONS, ADQL_AGGREGATES } from './functions'
export type { AdqlFunction, ArgKind, FunctionCategory } from './functions'
export { adqlKeywords, isReservedWord, ADQL_RESERVED_WORDS, SQL_RESERVED_WORDS } from './keywords'
export { parseUdf, hasFunctionPrefix } from './udf'
export type { UdfDeclaration, UdfSpec } from './udf'
export { formatAdql } from './format'
export { firstRowsAreCheap, cheapFirstRows, queryShape } from './shape'
export type { QueryShape } from './shape'
export { parseQuery } from './parse'
export { analyseQuery } from './analyse'
export type { QueryAnalysis } from './analyse'
export { tablesInScope } from './scope'
export type { TableInScope } from './scope'
export { adqlCompletions, adqlHover } from './completion'
export type { CompletionOption, CompletionResult, CompletionSchema, SchemaColumn, SchemaTable } from './completion'
export { adqlHighlighting } from './highlight'

import { adqlFunctions as functionList } from './functions'
import { adqlKeywords as keywordList, ADQL_RESERVED_WORDS as adqlReserved, SQL_RESERVED_WORDS as sqlReserved } from './keywords'

/** Everything completion and highlighting need in one place. */
export const adqlTokens = {
  keywords: keywordList,
  functions: functionList,
  reservedWords: [...adqlReserved, ...sqlReserved] as readonly string[],
}
export { checkSchema, columnType } from './schemaCheck'
export type { SchemaWarning, SchemaFix, SchemaCheckOptions } from './schemaCheck'
export { checkServiceRules, TAP_CAT_RULES } from './serviceRules'
export type { ServiceRules } from './serviceRules'
export { closestNames, editDistance } from './suggest'
