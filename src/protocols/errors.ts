/** Errors of the protocol layer, modelled on pyvo's DAL error hierarchy; all are DalErrors (dal/errors.ts) with a kind. */
import { DalError, type DalErrorKind, type DalErrorOptions } from './dal/errors'

type ServiceErrorOptions = Omit<DalErrorOptions, 'url'> & { kind?: DalErrorKind }

/** The service could not be used (HTTP failure, unexpected response); kind 'http' unless told. */
export class ServiceError extends DalError {
  override name = 'ServiceError'
  constructor(message: string, url?: string, options: ServiceErrorOptions = {}) {
    super(options.kind ?? 'http', message, { ...options, url })
  }
}

/** The service (or the request check before it) rejected the query itself; `message` is the service's own text. */
export class QueryError extends ServiceError {
  override name = 'QueryError'
  constructor(message: string, url?: string, options: ServiceErrorOptions = {}) {
    super(message, url, { kind: 'query-rejected', ...options })
  }
}

/** The response could not be read as the expected format. */
export class FormatError extends ServiceError {
  override name = 'FormatError'
  constructor(message: string, url?: string, options: ServiceErrorOptions = {}) {
    super(message, url, { kind: 'bad-response', ...options })
  }
}
