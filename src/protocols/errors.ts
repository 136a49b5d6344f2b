/** Errors of the protocol layer, modelled on pyvo's DAL error hierarchy. */

/** The service could not be used (unreachable, HTTP failure, unexpected response). */
export class ServiceError extends Error {
  override name = 'ServiceError'
  constructor(message: string, readonly url?: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The service rejected the query itself; `message` is the service's own text. */
export class QueryError extends ServiceError {
  override name = 'QueryError'
}

/** The response could not be read as the expected format. */
export class FormatError extends ServiceError {
  override name = 'FormatError'
}
