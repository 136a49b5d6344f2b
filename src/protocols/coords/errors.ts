/** A position or angle the user typed that cannot be read, or is out of range; `message` is fit to show. */
export class CoordinateError extends Error {
  override name = 'CoordinateError'
  constructor(
    message: string,
    /** The text that was being read. */
    readonly input: string,
  ) {
    super(message)
  }
}
