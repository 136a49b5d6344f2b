/**
 * The grammar's external specializer: case-insensitive keywords. Lezer's built-in @specialize is
 * case-sensitive, so identifiers are lower-cased here and looked up in a table of term ids.
 */
import type { Stack } from '@lezer/lr'
import * as terms from './parser.terms'
import { AGGREGATE_NAMES, FUNCTION_KEYWORDS, GRAMMAR_KEYWORDS, TYPE_NAMES } from './keywords'

const termIds = terms as unknown as Record<string, number>

const table = new Map<string, number>()
for (const word of GRAMMAR_KEYWORDS) table.set(word.toLowerCase(), termIds[word]!)
for (const word of TYPE_NAMES) table.set(word.toLowerCase(), terms.TypeName)
for (const word of AGGREGATE_NAMES) table.set(word.toLowerCase(), terms.AggregateKeyword)
for (const word of FUNCTION_KEYWORDS) table.set(word.toLowerCase(), terms.FunctionKeyword)

/**
 * Probe for syntax messages: when the probe word is met, records which of `terms` the parse
 * stack could shift there (stacks are mutated as parsing goes on, so this is checked at once).
 */
export const probe = {
  word: 'zzq_probe_qzz',
  terms: [] as readonly number[],
  accepted: null as Set<number> | null,
}

/** Maps an Identifier token to a keyword term, or -1 to keep it an identifier. */
export function specializeWord(value: string, stack?: Stack): number {
  if (probe.accepted && stack && value === probe.word) {
    for (const term of probe.terms) if (stack.canShift(term)) probe.accepted.add(term)
  }
  return table.get(value.toLowerCase()) ?? -1
}
