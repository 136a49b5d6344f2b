/**
 * The DAL layer shared by TAP, SSAP, DataLink, calSelector and SODA: one error root (DalError with a kind),
 * one reader of error bodies, one reader of VOTable responses, one way to turn a failed request into words.
 */
export {
  DalError, abortError, isAbortError, errorPosition,
  type DalErrorKind, type DalErrorOptions, type QueryPosition,
} from './errors'
export { serviceErrorMessage, votableErrorMessage, markupToText } from './messages'
export {
  readDalResponse, dalResult, resultTable, partialReason, notAVOTable, toDalError, readInThread, readInWorker,
  type VOTableReader, type DalResult, type DalReadOptions, type PartialResult,
} from './response'
export { withParams, encodeQueryValue } from './params'
