/** Error thrown when the input is not a VOTable this reader can read. */
export class VOTableError extends Error {
  /** character offset in the decoded text (byte offset for binary-level errors), when known */
  readonly position?: number
  /** 1-based line, when known */
  readonly line?: number
  /** 1-based column, when known */
  readonly column?: number

  constructor(message: string, position?: number, line?: number, column?: number) {
    super(line !== undefined ? `${message} (line ${line}, column ${column ?? 1})` : message)
    this.name = 'VOTableError'
    this.position = position
    this.line = line
    this.column = column
  }
}

/** 1-based line and column of character offset `pos` in `text`. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(pos, text.length)
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: end - lineStart + 1 }
}

/** Build a VOTableError located at character offset `pos` of `text`. */
export function errorAt(text: string, pos: number, message: string): VOTableError {
  const { line, column } = lineColumn(text, pos)
  return new VOTableError(message, pos, line, column)
}
