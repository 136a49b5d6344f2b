export { runSync, tapErrorMessage, type TapQuery, type TapResult } from './sync'
