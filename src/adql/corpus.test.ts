import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatAdql, validateAdql, type UdfSpec } from './index'

interface Case {
  id: string
  query: string
  expect: 'valid' | 'invalid'
  udfs: { form: string }[]
  ci_validated: boolean
  contested: boolean
  duplicate_of?: string
}

const cases: Case[] = readFileSync(new URL('./__fixtures__/lyonetia-cases.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Case)

const JOIN_SPEC =
  'JOIN without ON/USING: SQL-92 §7.5 requires a join specification unless NATURAL; lyonetia ivoa/2_from (CI) and VOLLT agree'
const RUN_TOGETHER = 'number run into a word: SQL-92 §5.2 needs a separator after a nondelimiter token; VOLLT agrees'

/** Contested cases where this validator sides with the recommendation (and VOLLT) against `expect`. */
const DECISIONS: Record<string, string> = {
  'gavo/simpleunit/5e700476-4458-11e6-96e2-28b2bdcff70b': RUN_TOGETHER + ' (SELECT 89x)',
  'gavo/simpleunit/ab9be5d0-4458-11e6-96e2-28b2bdcff70b': JOIN_SPEC,
  'gavo/simpleunit/b8823240-4458-11e6-96e2-28b2bdcff70b': JOIN_SPEC,
  'gavo/simpleunit/bdcc3002-4458-11e6-96e2-28b2bdcff70b': JOIN_SPEC,
  'gavo/simpleunit/c24cec5c-4458-11e6-96e2-28b2bdcff70b': JOIN_SPEC,
  'gavo/simpleunit/d4c3a72c-4458-11e6-96e2-28b2bdcff70b': JOIN_SPEC,
  'gavo/simpleunit/dbef92f4-4458-11e6-96e2-28b2bdcff70b': JOIN_SPEC,
  'gavo/simpleunit/9db41c44-450c-11e6-8564-332de33a5c03': JOIN_SPEC,
  'gavo/simpleunit/50cf9e14-4cfd-11e6-9064-032db3af9290': JOIN_SPEC,
  'gavo/subqueries/e257048e-450b-11e6-a621-b59840aabaf1': JOIN_SPEC,
  'gavo/subqueries/1f5d27dc-450c-11e6-8564-332de33a5c03': JOIN_SPEC,
  'gavo/whitespace/d4c3a72c-4458-11e6-96e2-28b2bdcff70b': JOIN_SPEC,
  'gavo/whitespace/dbef92f4-4458-11e6-96e2-28b2bdcff70b': JOIN_SPEC,
  'gavo/whitespace/1f5d27dc-450c-11e6-8564-332de33a5c03': JOIN_SPEC,
  'gavo/whitespace/a66c56e6-f18d-11e8-96df-28d244962af0': RUN_TOGETHER + ' (2desc)',
}

function udfsOf(c: Case): UdfSpec[] | undefined {
  // No declaration in the case: the default policy (prefixed names are UDFs) applies.
  return c.udfs.length ? c.udfs : undefined
}

function verdict(c: Case): 'valid' | 'invalid' {
  return validateAdql(c.query, { udfs: udfsOf(c) }).ok ? 'valid' : 'invalid'
}

describe('lyonetia ADQL conformance corpus', () => {
  it('has the 495 cases it was copied with', () => {
    expect(cases).toHaveLength(495)
  })

  it('agrees with every expectation except the listed contested decisions', () => {
    const disagreements = cases.filter((c) => verdict(c) !== c.expect).map((c) => c.id)
    expect(disagreements.sort()).toEqual(Object.keys(DECISIONS).sort())
    console.info(`ADQL corpus: ${cases.length - disagreements.length}/${cases.length} agree with expect`)
  })

  it('every decision concerns a contested case, never the CI-validated gate', () => {
    for (const key of Object.keys(DECISIONS)) {
      const c = cases.find((x) => x.id === key)
      expect(c, key).toBeDefined()
      expect(c!.contested, key).toBe(true)
      expect(c!.ci_validated, key).toBe(false)
    }
  })

  it('passes the gate: all CI-validated, uncontested cases', () => {
    const gate = cases.filter((c) => c.ci_validated && !c.contested)
    expect(gate).toHaveLength(180)
    expect(gate.filter((c) => verdict(c) !== c.expect).map((c) => c.id)).toEqual([])
  })

  it('gives each rejected case an error inside the query', () => {
    for (const c of cases.filter((x) => x.expect === 'invalid')) {
      const { errors } = validateAdql(c.query, { udfs: udfsOf(c) })
      expect(errors.length, c.id).toBeGreaterThan(0)
      for (const e of errors) {
        expect(e.from, c.id).toBeGreaterThanOrEqual(0)
        expect(e.to, c.id).toBeLessThanOrEqual(c.query.length)
        expect(e.from, c.id).toBeLessThanOrEqual(e.to)
        expect(e.message.length, c.id).toBeGreaterThan(10)
      }
    }
  })
})

describe('formatAdql on the corpus', () => {
  const valid = cases.filter((c) => c.expect === 'valid' && verdict(c) === 'valid')

  /** Tokens without whitespace and comments, keywords upper-cased: what the query means. */
  function meaning(q: string): string[] {
    const tokens = q
      .replace(/--[^\n]*/g, ' ')
      .match(/'(?:[^']|'')*'|"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*|\d*\.?\d+(?:[eE][+-]?\d+)?\.?|\|\||<>|!=|<=|>=|\S/g)
    return (tokens ?? []).map((t) => (/^[A-Za-z]/.test(t) ? t.toUpperCase() : t))
  }

  it('formats every valid case into valid ADQL with the same tokens, idempotently', () => {
    expect(valid.length).toBeGreaterThan(390)
    for (const c of valid) {
      const formatted = formatAdql(c.query)
      expect(validateAdql(formatted, { udfs: udfsOf(c) }).errors, c.id).toEqual([])
      expect(formatAdql(formatted), c.id).toBe(formatted)
      expect(meaning(formatted), c.id).toEqual(meaning(c.query))
    }
  })
})
