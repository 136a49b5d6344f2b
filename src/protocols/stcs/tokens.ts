/** Splitting a region string into words and parentheses, remembering where each one starts. */

export interface Token {
  text: string
  /** 0-based character offset in the input. */
  position: number
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const re = /[()]|[^\s()]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) tokens.push({ text: m[0], position: m.index })
  return tokens
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

export function isNumber(token: string): boolean {
  return NUMBER.test(token)
}
