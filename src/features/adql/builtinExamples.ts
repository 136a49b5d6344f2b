/** A few ESO queries every astronomer starts from; shown with the service's own /examples. */
export interface BuiltinExample {
  name: string
  service: 'tap_obs' | 'tap_cat'
  query: string
}

export const BUILTIN_EXAMPLES: BuiltinExample[] = [
  {
    name: 'Cone search on ObsCore (reduced products around NGC 6397)',
    service: 'tap_obs',
    query: `SELECT TOP 100 obs_collection, instrument_name, dataproduct_type, target_name, s_ra, s_dec, t_min, em_min, em_max, dp_id, access_url
FROM ivoa.ObsCore
WHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.175, -53.674, 0.2)) = 1`,
  },
  {
    name: 'Raw frames of an instrument in a date range',
    service: 'tap_obs',
    query: `SELECT TOP 200 dp_id, date_obs, object, dp_cat, dp_type, dp_tech, exposure, prog_id
FROM dbo.raw
WHERE instrument = 'FORS2' AND date_obs BETWEEN '2021-05-01' AND '2021-05-08'
ORDER BY date_obs`,
  },
  {
    name: 'Ambient conditions of a night at Paranal (seeing)',
    service: 'tap_obs',
    query: `SELECT midpoint_date, fwhm, airmass
FROM asm.dimm_paranal
WHERE midpoint_date BETWEEN '2021-05-04T21:00:00' AND '2021-05-05T10:00:00'
ORDER BY midpoint_date`,
  },
  {
    name: 'Catalogue cone search (tap_cat style)',
    service: 'tap_cat',
    query: `SELECT TOP 500 *
FROM safcat.kids_dr4_cat
WHERE CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', 53.1, -27.8, 0.25)) = 1`,
  },
]
