/**
 * Syntax validation of ADQL: the Lezer tree's first error (with what was expected), then the rules
 * the grammar leaves to code: function arity and argument kinds (the BNF's numeric/string/geometry
 * categories), unknown functions, reserved words used as names, name depth, JOIN specifications,
 * derived-table aliases, tokens run together, and ADQL 2.0 vs 2.1 gating. No schema is consulted.
 */
import type { SyntaxNode, Tree } from '@lezer/common'
import { parseQuery } from './parse'
import { isReservedWord } from './keywords'
import { endBefore, firstSyntaxError } from './syntax'
import { Checker, hasErrorInside, treeHasError } from './checker'
import type { AdqlError, ValidateOptions, ValidationResult } from './diagnostics'

export type { AdqlError, ValidateOptions, ValidationResult } from './diagnostics'
export { treeHasError } from './checker'
/** Checks that `query` (parsed as `tree`) is syntactically valid ADQL (no schema is consulted). */
export function validateAdql(query: string, options: ValidateOptions = {}, tree: Tree = parseQuery(query)): ValidationResult {
  const checker = new Checker(query, options)
  const syntax = treeHasError(tree) ? firstSyntaxError(query, tree) : undefined
  const top = tree.topNode
  if (!syntax) {
    checker.visit(top)
  } else {
    // Only nodes before the first syntax error and free of error nodes: the rest is recovery noise.
    const visit = (node: SyntaxNode) => {
      if (node.to <= syntax.from && !hasErrorInside(node)) checker.visit(node)
      else for (let c = node.firstChild; c; c = c.nextSibling) if (c.from < syntax.from) visit(c)
    }
    visit(top)
  }
  const errors = syntax ? [refineSyntaxError(query, tree, syntax), ...checker.errors] : checker.errors
  errors.sort((a, b) => a.from - b.from || a.to - b.to)
  return { ok: errors.length === 0, errors }
}

/** Reserved words used as names show up as a missing '(' or an odd keyword: say so. */
const STRUCTURAL = /^(SELECT|FROM|WHERE|GROUP|BY|HAVING|ORDER|OFFSET|UNION|EXCEPT|INTERSECT|JOIN|ON|USING|AND|OR|NOT|BETWEEN|IN|LIKE|ILIKE|IS|AS|WITH|INNER|LEFT|RIGHT|FULL|OUTER|NATURAL|ASC|DESC)$/i

function refineSyntaxError(query: string, tree: Tree, e: AdqlError): AdqlError {
  const prev = tree.resolveInner(endBefore(query, e.from), -1)
  const word = query.slice(prev.from, prev.to)
  if (prev.to <= e.from && (prev.name === 'FunctionKeyword' || prev.name === 'AggregateKeyword') && /\bExpected '\('/.test(e.message)) {
    return {
      from: prev.from,
      to: prev.to,
      message: `'${word}' is a reserved word (the function ${word.toUpperCase()}); write "${word}" to use it as a name`,
    }
  }
  const found = query.slice(e.from, e.to)
  if (/^limit$/i.test(query.slice(prev.from, prev.to)))
    return { from: prev.from, to: e.to, message: 'ADQL has no LIMIT: write SELECT TOP n … instead' }
  if (/^with$/i.test(found)) return { ...e, message: `${e.message}: WITH is only allowed at the start of the whole query` }
  const foundNode = tree.resolveInner(e.from, 1)
  const wantsName = /a name|an expression|a condition/.test(e.message)
  if (wantsName && /^[A-Za-z]\w*$/.test(found) && isReservedWord(found) && !STRUCTURAL.test(found) && foundNode.name !== 'Identifier') {
    return { ...e, message: `${e.message} ('${found}' is a reserved word: write "${found}" to use it as a name)` }
  }
  return e
}
