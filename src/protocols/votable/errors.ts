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

/** Where a piece of text starts inside the whole input (streaming keeps only a window of it). */
export interface TextOrigin {
  /** character offset of text[0] in the input */
  position: number
  /** 1-based line and column of text[0] */
  line: number
  column: number
}

export const START_OF_INPUT: TextOrigin = { position: 0, line: 1, column: 1 }

/** Location in the whole input of offset `pos` of a window `text` that starts at `origin`. */
export function locate(text: string, pos: number, origin: TextOrigin): TextOrigin {
  const lc = lineColumn(text, pos)
  return {
    position: origin.position + Math.min(pos, text.length),
    line: origin.line + lc.line - 1,
    column: lc.line === 1 ? origin.column + lc.column - 1 : lc.column,
  }
}

/** Build a VOTableError at a known location. */
export function errorAtLocation(at: TextOrigin, message: string): VOTableError {
  return new VOTableError(message, at.position, at.line, at.column)
}

/** Build a VOTableError located at character offset `pos` of `text`. */
export function errorAt(text: string, pos: number, message: string): VOTableError {
  const { line, column } = lineColumn(text, pos)
  return new VOTableError(message, pos, line, column)
}
