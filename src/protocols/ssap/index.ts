/** SSAP 1.04 queryData client; typed access to key columns under ESO's and DaCHS's column names. Modelled on pyvo's dal/ssa.py. */
export { ssapQuery, ssapParams, mjdToIso, type SsapQuery, type SsapResult } from './query'
export { spectrumColumns, spectrumRecord, type SpectrumRecord, type SpectrumColumns } from './columns'
