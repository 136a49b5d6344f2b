import { FormatError } from '../errors'

/** A region string that is not valid STC-S (or DALI); says which token, and where, was wrong. */
export class StcsSyntaxError extends FormatError {
  override name = 'StcsSyntaxError'
  constructor(
    /** What was wrong, without the location. */
    readonly reason: string,
    /** The offending token ('' at the end of the input). */
    readonly token: string,
    /** 0-based character offset of the token in `text` (`position` is the DalError's line and column). */
    readonly offset: number,
    /** The whole input. */
    readonly text: string,
  ) {
    super(`${reason} at position ${offset}${token ? ` ("${token}")` : ' (end of input)'} in "${clip(text)}"`, undefined, { position: { line: 1, column: offset + 1 } })
  }
}

function clip(text: string): string {
  return text.length > 120 ? text.slice(0, 117) + '…' : text
}
