/** ESO calSelector (calibration associations of raw frames) read as DataLink. */
export {
  fetchCalibrations, fetchCalibrationsFromLink, readCalSelector, calSelectorUrl,
  type CalSelectorRequest, type CalSelectorOptions, type CalSelectorResult, type CalSelectorStyle,
} from './associations'
export { parseCascadeDescription, normaliseMode, type CascadeSummary, type CalSelectorMode } from './description'
