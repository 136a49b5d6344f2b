export { runSync, tapErrorMessage, type TapQuery, type TapResult } from './sync'
export { submitAsync, awaitAsyncResult, fetchAsyncResult, resultUrl, type AsyncSubmitOptions } from './async'
