import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { pyString, shellString } from './quote'

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
const NASTY = [
  "SELECT * FROM t WHERE a = 'x' AND b = \"y\"",
  'line one\nline two\r\nthree\ttab',
  'echo $(rm -rf ~) `id` ${HOME} $HOME',
  "it's '' and ''' and \"\"\" and \\ and \\n and \\\"",
  'ends with a quote"',
  'ends with a backslash\\',
  '"""\nstarts and ends with triple quotes\n"""',
  'unicode: αβγ ☉ \u2028 sep \u0000 nul \u007f del \u0085 nel \u009f',
  'lone \ud800 surrogate',
  '',
]

describe('pyString', () => {
  it('writes one-line text as a plain literal and multi-line text triple-quoted', () => {
    expect(pyString("SELECT 'a'")).toBe(`"SELECT 'a'"`)
    expect(pyString('a "b"')).toBe('"a \\"b\\""')
    expect(pyString('SELECT *\nFROM t')).toBe('"""SELECT *\nFROM t"""')
    expect(pyString('back\\slash')).toBe('"back\\\\slash"')
  })

  it('Python reads back exactly the text given', () => {
    for (const s of NASTY) {
      // a lone surrogate cannot travel as UTF-8 through stdout: Python tells it by its code point
      const out = execFileSync(PYTHON, ['-c', `import json, sys\nsys.stdout.write(json.dumps(${pyString(s)}))`], { encoding: 'utf8' })
      expect(JSON.parse(out)).toBe(s)
    }
  })
})

describe('shellString', () => {
  it("closes, escapes and reopens a single quote", () => {
    expect(shellString("it's")).toBe(`'it'\\''s'`)
  })

  it('the shell passes the text through unexpanded', () => {
    for (const s of NASTY.filter((x) => !x.includes('\0') && !/\p{Cs}/u.test(x))) {
      const out = execFileSync('sh', ['-c', `printf %s ${shellString(s)}`], { encoding: 'utf8' })
      expect(out).toBe(s)
    }
  })
})
