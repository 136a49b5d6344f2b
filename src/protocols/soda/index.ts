/** SODA 1.0 sync cutouts driven by DataLink service descriptors (ESO: CIRCLE; DaCHS: CIRCLE/POS/POLYGON/BAND). */
export type { SodaCircle, SodaCutout, SodaPos, SodaProblem, SodaRequest } from './types'
export { buildSodaRequest, cutoutParams, posValue, type SodaRequestOptions } from './request'
export { checkSodaCutout, footprint } from './validate'
export { fetchCutout, filenameFromContentDisposition, type SodaCutoutResponse } from './cutout'
export { toMetres, fromMetres, nmToMetres, micronsToMetres, angstromToMetres, bandInMetres, type WavelengthUnit } from './units'
export { separation, boundingCircle } from './geometry'
