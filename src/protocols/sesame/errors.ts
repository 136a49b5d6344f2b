import { QueryError } from '../errors'

/** Sesame answered, but none of the resolvers asked knows the name. */
export class NameNotFoundError extends QueryError {
  override name = 'NameNotFoundError'
  constructor(
    /** The name as the user typed it. */
    readonly objectName: string,
    /** Sesame's own INFO lines (e.g. "*** Nothing found ***"), for the curious. */
    readonly details: string[] = [],
    url?: string,
  ) {
    super(`No object named "${objectName}" was found by Sesame (SIMBAD, NED, VizieR)`, url)
  }
}
