/**
 * The rules the ADQL grammar leaves to code, as a visitor over the Lezer tree: function arity and
 * argument kinds, unknown functions and UDFs, reserved words used as names, name depth, JOIN
 * specifications, derived-table aliases, tokens run together, and ADQL 2.0 vs 2.1 gating.
 */
import type { SyntaxNode, Tree } from '@lezer/common'
import { builtinFunction, type AdqlFunction, type ArgForm, type ArgKind } from './functions'
import { isReservedWord } from './keywords'
import { tokenAt } from './syntax'
import { hasFunctionPrefix, parseUdf, type UdfDeclaration } from './udf'
import type { AdqlError, ValidateOptions } from './diagnostics'

type Kind = 'numeric' | 'string' | 'geometry' | 'point' | 'primary' | 'null' | 'udf'

const EXPRESSIONS = new Set([
  'BinaryExpression', 'UnaryExpression', 'ParenExpression', 'Number', 'Integer', 'HexInteger', 'String',
  'Null', 'ColumnRef', 'FunctionCall', 'SetFunction', 'CastExpression',
])

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = []
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c)
  return out
}

function expressions(node: SyntaxNode): SyntaxNode[] {
  return children(node).filter((c) => EXPRESSIONS.has(c.name))
}

export function hasErrorInside(node: SyntaxNode): boolean {
  return treeHasError(node.toTree())
}

/** True if Lezer had to recover somewhere (the tree holds an error node). */
export function treeHasError(tree: Tree): boolean {
  let found = false
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) found = true
      return !found
    },
  })
  return found
}

export class Checker {
  readonly errors: AdqlError[] = []
  private readonly v20: boolean
  private readonly udfs: Map<string, UdfDeclaration> | undefined

  constructor(
    private readonly query: string,
    private readonly options: ValidateOptions,
  ) {
    this.v20 = options.version === '2.0'
    if (options.udfs) {
      this.udfs = new Map()
      for (const spec of options.udfs) {
        const udf = parseUdf(spec)
        if (udf) this.udfs.set(udf.name.toLowerCase(), udf)
      }
    }
  }

  private text(node: SyntaxNode): string {
    return this.query.slice(node.from, node.to)
  }

  private error(from: number, to: number, message: string): void {
    this.errors.push({ from, to, message })
  }

  private at(node: SyntaxNode, message: string): void {
    this.error(node.from, node.to, message)
  }

  private needs21(node: SyntaxNode, what: string): void {
    if (this.v20) this.at(node, `${what} needs ADQL 2.1 (validating as ADQL 2.0)`)
  }

  visit(node: SyntaxNode): void {
    if (node.type.isError) return
    const check = (this as unknown as Record<string, ((n: SyntaxNode) => void) | undefined>)['on' + node.name]
    if (check) check.call(this, node)
    for (let c = node.firstChild; c; c = c.nextSibling) this.visit(c)
  }

  // ---- names ----

  onIdentifier(node: SyntaxNode): void {
    const word = this.text(node)
    if (node.parent?.name === 'FunctionCall') return // checked as a call
    if (/^[_0-9]/.test(word)) {
      this.at(node, `'${word}' is not a valid name: names start with a letter (write "${word}" to quote it)`)
    } else if (isReservedWord(word)) {
      this.at(node, `'${word}' is a reserved word; write "${word}" (with double quotes) to use it as a name`)
    }
  }

  onQuotedIdentifier(node: SyntaxNode): void {
    if (node.to - node.from <= 2) this.at(node, 'A quoted name cannot be empty')
  }

  onColumnRef(node: SyntaxNode): void {
    const parts = children(node).filter((c) => c.name !== '.')
    const star = parts.findIndex((p) => p.name === 'Star')
    if (star >= 0) {
      if (star !== parts.length - 1) this.at(parts[star]!, "'*' can only end a qualified name, as in t.*")
      else if (node.parent?.name !== 'SelectItem' || node.nextSibling)
        this.at(node, `'${this.text(node)}' is only allowed as an item of the select list, without an alias`)
      if (parts.length > 4) this.at(node, 'A table qualifier has at most three parts (catalog.schema.table)')
    } else if (parts.length > 4) {
      this.at(node, 'A column reference has at most four parts (catalog.schema.table.column)')
    }
  }

  onTableName(node: SyntaxNode): void {
    const parts = children(node).filter((c) => c.name !== '.')
    if (parts.length > 3) this.at(node, 'A table name has at most three parts (catalog.schema.table)')
  }

  // ---- literals and operators ----

  onInteger(node: SyntaxNode): void {
    this.checkRunTogether(node)
  }

  onNumber(node: SyntaxNode): void {
    this.checkRunTogether(node)
  }

  onHexInteger(node: SyntaxNode): void {
    this.checkRunTogether(node)
    if (!this.options.bitwise)
      this.at(node, 'Hexadecimal literals are not ADQL: they were dropped from ADQL 2.1 before it became a Recommendation')
  }

  /** SQL-92: a number must be separated from a following name or keyword (`89x`, `2desc`). */
  private checkRunTogether(node: SyntaxNode): void {
    const next = this.query[node.to]
    if (next && /[A-Za-z_]/.test(next)) {
      const [, to] = tokenAt(this.query, node.to)
      this.error(node.from, to, `Missing space between the number '${this.text(node)}' and '${this.query.slice(node.to, to)}'`)
    }
  }

  onBitOp(node: SyntaxNode): void {
    if (!this.options.bitwise)
      this.at(node, `The bitwise operator '${this.text(node)}' is not ADQL: bitwise operators were dropped from ADQL 2.1 before it became a Recommendation`)
  }

  onBinaryExpression(node: SyntaxNode): void {
    const [left, right] = expressions(node)
    const op = node.getChild('ArithOp') ?? node.getChild('BitOp')
    const ctx: ArgKind = op ? 'numeric' : 'string'
    const what = op ? `'${this.text(op)}'` : "'||'"
    for (const operand of [left, right]) if (operand) this.expect(operand, ctx, `operand of ${what}`)
  }

  onUnaryExpression(node: SyntaxNode): void {
    const [operand] = expressions(node)
    if (operand) this.expect(operand, 'numeric', 'operand of a sign')
  }

  onLike(node: SyntaxNode): void {
    this.needs21IfILike(node)
    for (const operand of expressions(node)) this.expect(operand, 'string', 'operand of LIKE')
  }

  private needs21IfILike(node: SyntaxNode): void {
    const ilike = node.getChild('ILIKE')
    if (ilike) this.needs21(ilike, 'ILIKE')
  }

  onIsNull(node: SyntaxNode): void {
    const [operand] = expressions(node)
    if (operand && operand.name !== 'ColumnRef') this.at(operand, 'IS [NOT] NULL applies to a column reference in ADQL')
  }

  // ---- functions ----

  onSetFunction(node: SyntaxNode): void {
    const name = node.getChild('AggregateKeyword')
    if (name && node.getChild('Star') && this.text(name).toUpperCase() !== 'COUNT')
      this.at(node, `${this.text(name).toUpperCase()}(*) is not allowed; only COUNT(*) is`)
  }

  onCastExpression(node: SyntaxNode): void {
    this.needs21(node.firstChild ?? node, 'CAST')
    const type = node.getChild('CastType')
    if (!type) return
    const fnType = type.getChild('FunctionKeyword')
    if (fnType && !/^(POINT|CIRCLE|POLYGON)$/i.test(this.text(fnType)))
      this.at(fnType, `Cannot CAST to '${this.text(fnType)}': not an ADQL type`)
    const typeName = type.getChild('TypeName')
    if (typeName && type.getChild('Integer') && !/^(VAR)?CHAR$/i.test(this.text(typeName)))
      this.at(type, `Only CHAR and VARCHAR take a length`)
  }

  onFunctionCall(node: SyntaxNode): void {
    const nameNode = node.firstChild
    const argList = node.getChild('ArgList')
    if (!nameNode || !argList) return
    const name = this.text(nameNode)
    const args = expressions(argList)
    const builtin = builtinFunction(name)
    if (builtin && nameNode.name === 'FunctionKeyword') return this.checkBuiltin(node, nameNode, builtin, args)
    this.checkUdf(nameNode, name, args)
  }

  private checkUdf(nameNode: SyntaxNode, name: string, args: SyntaxNode[]): void {
    if (this.udfs) {
      const udf = this.udfs.get(name.toLowerCase())
      if (!udf) {
        this.at(nameNode, `Unknown function '${name}': neither an ADQL function nor a user-defined function of this service`)
      } else if (udf.arity !== undefined && udf.arity !== args.length) {
        this.at(nameNode, `${udf.name} takes ${udf.arity} argument${udf.arity === 1 ? '' : 's'}, got ${args.length} (${udf.signature})`)
      }
    } else if (isReservedWord(name)) {
      this.at(nameNode, `'${name}' is a reserved word but not an ADQL function`)
    } else if (!hasFunctionPrefix(name)) {
      this.at(
        nameNode,
        `Unknown function '${name}': not an ADQL function, and user-defined functions need a provider prefix such as ivo_ (or to be declared)`,
      )
    }
  }

  private checkBuiltin(call: SyntaxNode, nameNode: SyntaxNode, f: AdqlFunction, args: SyntaxNode[]): void {
    if (f.since === '2.1') this.needs21(nameNode, `${f.name}()`)
    let forms = f.forms.filter((form) => (form.variadic ? args.length >= form.args.length : args.length === form.args.length))
    if (!forms.length) {
      const counts = [...new Set(f.forms.map((form) => form.args.length + (form.variadic ? '+' : '')))].sort()
      const expected = counts.length === 1 ? counts[0] : counts.slice(0, -1).join(', ') + ' or ' + counts[counts.length - 1]
      this.error(call.from, call.to, `${f.name} takes ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}: ${f.signature}`)
      return
    }
    if (f.forms.some((form) => form.args[0] === 'coordSys')) {
      // A leading string literal (or NULL) is the coordinate system, never a coordinate.
      const first = args[0]
      const leadingSys = !!first && (first.name === 'String' || first.name === 'Null')
      forms = forms.filter((form) => (form.args[0] === 'coordSys') === leadingSys)
      if (!forms.length) {
        this.error(call.from, call.to, `${f.name} does not take ${args.length} arguments ${leadingSys ? 'after a coordinate system' : 'without a coordinate system'}: ${f.signature}`)
        return
      }
    }
    let firstProblem: { node: SyntaxNode; message: string } | undefined
    for (const form of forms) {
      const problem = this.matchForm(f, form, args)
      if (!problem) {
        if (form.since === '2.1') this.needs21(call, `This form of ${f.name}`)
        return
      }
      firstProblem ??= problem
    }
    if (firstProblem) this.at(firstProblem.node, `${firstProblem.message} (${f.signature})`)
  }

  private matchForm(f: AdqlFunction, form: ArgForm, args: SyntaxNode[]): { node: SyntaxNode; message: string } | undefined {
    const kinds = args.map((_, i) => form.args[Math.min(i, form.args.length - 1)]!)
    if (f.name === 'POLYGON' && kinds.includes('numeric')) {
      const coords = args.length - (kinds[0] === 'coordSys' ? 1 : 0)
      if (coords % 2 !== 0) return { node: args[args.length - 1]!, message: 'POLYGON vertices come as coordinate pairs: the last one is incomplete' }
    }
    for (let i = 0; i < args.length; i++) {
      const message = this.mismatch(args[i]!, kinds[i]!)
      if (message) return { node: args[i]!, message: `Argument ${i + 1} of ${f.name}: ${message}` }
    }
    return undefined
  }

  // ---- argument kinds (the BNF's syntactic categories) ----

  private kindOf(node: SyntaxNode): Kind {
    switch (node.name) {
      case 'Null':
        return 'null'
      case 'BinaryExpression':
        return node.getChild('ConcatOp') ? 'string' : 'numeric'
      case 'UnaryExpression':
        return 'numeric'
      case 'FunctionCall': {
        const nameNode = node.firstChild
        const f = nameNode?.name === 'FunctionKeyword' ? builtinFunction(this.text(nameNode)) : undefined
        return f ? f.returns : 'udf'
      }
      default:
        return 'primary'
    }
  }

  private mismatch(node: SyntaxNode, kind: ArgKind): string | undefined {
    const k = this.kindOf(node)
    const found: Record<Kind, string> = {
      numeric: 'a numeric expression',
      string: 'a string expression',
      geometry: 'a geometry',
      point: 'a point',
      primary: 'a value',
      null: 'NULL',
      udf: 'a function',
    }
    const want = (what: string, ok: Kind[]) => (ok.includes(k) ? undefined : `expected ${what}, found ${found[k]}`)
    switch (kind) {
      case 'numeric':
        return want('a number', ['numeric', 'primary', 'udf'])
      case 'string':
        return want('a string', ['string', 'primary', 'udf'])
      case 'geometry':
        return want('a geometry', ['geometry', 'point', 'primary', 'udf'])
      case 'value':
        return undefined
      case 'coordValue':
        if (node.name === 'ColumnRef' || k === 'point' || k === 'udf') return undefined
        if (node.name === 'CastExpression' && /^POINT$/i.test(this.text(node.getChild('CastType') ?? node))) return undefined
        return `expected a point (POINT(…), CENTROID(…) or a column), found '${this.text(node)}'`
      case 'coordSys':
        return node.name === 'String' || node.name === 'Null' ? undefined : 'the coordinate system must be a string literal'
      case 'stringLiteral':
        return node.name === 'String' ? undefined : `expected a string literal, found '${this.text(node)}'`
      case 'unsignedInteger':
        return node.name === 'Integer' ? undefined : `expected an unsigned integer literal, found '${this.text(node)}'`
      case 'signedInteger': {
        const inner = node.name === 'UnaryExpression' && node.getChild('ArithOp') ? expressions(node)[0] : node
        return inner?.name === 'Integer' ? undefined : `expected an integer literal, found '${this.text(node)}'`
      }
    }
  }

  private expect(node: SyntaxNode, kind: ArgKind, role: string): void {
    const message = this.mismatch(node, kind)
    if (message) this.at(node, `${role}: ${message}`.replace(/^./, (c) => c.toUpperCase()))
  }

  // ---- query structure ----

  onJoinedTable(node: SyntaxNode): void {
    const op = node.getChild('JoinOperator')
    if (!op) return
    const natural = !!op.getChild('NATURAL')
    const spec = node.getChild('JoinSpec')
    if (natural && spec) this.at(spec, 'A NATURAL JOIN takes no ON or USING')
    if (!natural && !spec)
      this.error(op.from, node.to, 'A JOIN needs ON <condition> or USING (<columns>), unless it is a NATURAL JOIN')
    if (/^CROSS$/i.test(this.text(op))) this.at(op, 'CROSS JOIN is not ADQL')
  }

  onDerivedTable(node: SyntaxNode): void {
    if (!node.getChild('Alias')) this.error(node.to - 1, node.to, 'A subquery in FROM needs a name: ( … ) AS name')
  }

  onWithClause(node: SyntaxNode): void {
    this.needs21(node.firstChild ?? node, 'WITH (common table expressions)')
  }

  onOffsetClause(node: SyntaxNode): void {
    this.needs21(node, 'OFFSET')
  }

  onSetOperation(node: SyntaxNode): void {
    const op = node.getChild('UNION') ?? node.getChild('EXCEPT') ?? node.getChild('INTERSECT')
    if (op) this.needs21(op, `${this.text(op).toUpperCase()} (set operations)`)
  }

  onParenQuery(node: SyntaxNode): void {
    this.needs21(node, 'A parenthesised query')
  }

  onGroupByClause(node: SyntaxNode): void {
    if (!this.v20) return
    for (const e of expressions(node)) if (e.name !== 'ColumnRef') this.needs21(e, 'Grouping by an expression')
  }

  onOrderItem(node: SyntaxNode): void {
    if (!this.v20) return
    const [e] = expressions(node)
    if (e && e.name !== 'ColumnRef' && e.name !== 'Integer') this.needs21(e, 'Ordering by an expression')
  }
}

