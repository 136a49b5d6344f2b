/** String literals for generated code: whatever the text holds (quotes, newlines, `$(…)`, backticks), it stays data. */

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0')

function pyEscape(c: string): string {
  if (c === '\\') return '\\\\'
  if (c === '"') return '\\"'
  if (c === '\n') return '\\n'
  if (c === '\r') return '\\r'
  if (c === '\t') return '\\t'
  // other controls, line separators a reader would not see, lone surrogates (unencodable as UTF-8)
  return c.charCodeAt(0) > 0xff ? `\\u${hex(c, 4)}` : `\\x${hex(c, 2)}`
}

/**
 * A Python 3 str literal. Multi-line text becomes a triple-quoted literal (readable queries); every quote and
 * backslash is escaped, so no `"""` can close it early and no `\` starts an escape the text did not mean.
 */
export function pyString(s: string): string {
  if (!s.includes('\n')) return `"${s.replace(/[\\"\u2028\u2029]|\p{Cc}|\p{Cs}/gu, pyEscape)}"`
  return `"""${s.replace(/[\\"\u2028\u2029]|(?!\n)\p{Cc}|\p{Cs}/gu, pyEscape)}"""`
}

/** A POSIX shell word in single quotes: nothing inside is expanded; a `'` is closed, escaped and reopened. */
export function shellString(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}
