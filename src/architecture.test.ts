// The import rules of README "Architecture", read from the code: imports only run downward, features never import
// each other, app/ is imported by main.tsx alone, and no source file outgrows 400 lines.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = __dirname
const LAYERS = ['config', 'protocols', 'adql', 'state', 'components', 'features', 'app'] as const
/** How low each layer stands: a file may import its own layer and the ones with a smaller number. */
const RANK: Record<string, number> = { config: 0, protocols: 1, adql: 1, state: 2, components: 3, features: 4, app: 5, main: 6 }

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === '__fixtures__' || f === 'test-support' ? [] : files(p)
    return /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : []
  })
}

const layerOf = (path: string): string => {
  const rel = relative(SRC, path).split('/')
  return rel.length === 1 ? (rel[0]!.startsWith('main.') ? 'main' : 'root') : rel[0]!
}
const featureOf = (path: string) => (layerOf(path) === 'features' ? relative(SRC, path).split('/')[1] : undefined)

/** Every relative import of the product code: [from file, to file]. */
const edges: [string, string][] = files(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8')
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1]!)
  return specs.map((s) => [file, resolve(dirname(file), s)] as [string, string])
})

describe('the import rules', () => {
  it('reads the imports of every layer', () => {
    for (const layer of LAYERS) expect(edges.some(([f]) => layerOf(f) === layer), layer).toBe(true)
  })

  it('imports only run downward (config → protocols, adql → state → components → features → app → main.tsx)', () => {
    const upward = edges.filter(([f, t]) => (RANK[layerOf(t)] ?? -1) > (RANK[layerOf(f)] ?? -1)).map(([f, t]) => `${relative(SRC, f)} → ${relative(SRC, t)}`)
    expect(upward).toEqual([])
  })

  it('app/ is imported by main.tsx alone', () => {
    const into = edges.filter(([f, t]) => layerOf(t) === 'app' && layerOf(f) !== 'app').map(([f]) => relative(SRC, f))
    expect([...new Set(into)]).toEqual(['main.tsx'])
  })

  it('features never import each other', () => {
    const across = edges.filter(([f, t]) => featureOf(f) && featureOf(t) && featureOf(f) !== featureOf(t)).map(([f, t]) => `${relative(SRC, f)} → ${relative(SRC, t)}`)
    expect(across).toEqual([])
  })

  it('protocols/ and adql/ know nothing of React', () => {
    const react = files(SRC).filter((f) => ['protocols', 'adql', 'config'].includes(layerOf(f)) && /from ['"]react(-dom)?['"]/.test(readFileSync(f, 'utf8')))
    expect(react.map((f) => relative(SRC, f))).toEqual([])
  })

  it('fetch is called in the HTTP door only', () => {
    const callers = files(SRC).filter((f) => /(^|[^.\w]|globalThis\.|window\.|self\.)fetch\(/.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\/|'[^'\n]*'|`[^`]*`/gm, '')))
    expect(callers.map((f) => relative(SRC, f))).toEqual(['protocols/http.ts'])
  })

  it('no source file over 400 lines (the generated parser aside)', () => {
    const long = files(SRC)
      .filter((f) => !f.endsWith('adql/parser.ts'))
      .map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 400)
    expect(long).toEqual([])
  })
})
