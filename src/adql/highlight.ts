/** Highlighting tags for the ADQL tree (attached to the parser through the grammar's propSource). */
import { styleTags, tags as t } from '@lezer/highlight'
import { GRAMMAR_KEYWORDS } from './keywords'

export const adqlHighlighting = styleTags({
  [GRAMMAR_KEYWORDS.filter((k) => !/^(AND|OR|NOT|NULL|DOUBLE|PRECISION)$/.test(k)).join(' ')]: t.keyword,
  'AND OR NOT': t.operatorKeyword,
  'NULL': t.null,
  'TypeName DOUBLE PRECISION': t.typeName,
  'FunctionKeyword AggregateKeyword': t.standard(t.function(t.variableName)),
  'FunctionCall/Identifier': t.function(t.variableName),
  Identifier: t.name,
  QuotedIdentifier: t.special(t.name),
  'Alias/Identifier Alias/QuotedIdentifier': t.definition(t.name),
  'TableName/Identifier TableName/QuotedIdentifier': t.namespace,
  StringPart: t.string,
  'Integer Number HexInteger': t.number,
  LineComment: t.lineComment,
  'CompareOp': t.compareOperator,
  'ArithOp BitOp': t.arithmeticOperator,
  ConcatOp: t.operator,
  '( )': t.paren,
  ', ;': t.separator,
  '.': t.derefOperator,
  Star: t.special(t.operator),
})
