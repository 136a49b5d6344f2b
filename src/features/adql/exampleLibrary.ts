/**
 * ESO's example queries: a curated library, searchable by what a query shows. Every one runs against the local
 * archive in exampleLibrary.archive.test.ts, except those marked `esoOnly` (tables only ESO's services have),
 * which are checked for parsing only.
 */
export interface LibraryExample {
  id: string
  title: string
  /** What the query shows, in a sentence (searched too). */
  shows: string
  service: 'tap_obs' | 'tap_cat'
  query: string
  /** Why it runs only on ESO's own services (a table the local archive does not have). */
  esoOnly?: string
}

export const EXAMPLE_LIBRARY: LibraryExample[] = [
  {
    id: 'obscore-instrument-target',
    title: 'Products of an instrument on a target',
    shows: 'ObsCore: every HARPS product whose target is NGC 253, with its collection, calibration level and download link.',
    service: 'tap_obs',
    query: `SELECT TOP 100 obs_collection, instrument_name, target_name, dataproduct_type, calib_level, t_min, dp_id, access_url
FROM ivoa.ObsCore
WHERE instrument_name = 'HARPS' AND target_name = 'NGC 253'`,
  },
  {
    id: 'obscore-cone',
    title: 'Products around a position (cone search)',
    shows: 'ObsCore: products whose footprint touches a 0.5° circle around NGC 253, nearest first.',
    service: 'tap_obs',
    query: `SELECT TOP 100 obs_collection, instrument_name, dataproduct_type, target_name, s_ra, s_dec,
  DISTANCE(POINT('ICRS', s_ra, s_dec), POINT('ICRS', 11.888, -25.288)) AS dist, dp_id
FROM ivoa.ObsCore
WHERE INTERSECTS(s_region, CIRCLE('ICRS', 11.888, -25.288, 0.5)) = 1
ORDER BY dist`,
  },
  {
    id: 'footprints-large-overlapping',
    title: 'Footprints of at least 0.8 deg² overlapping a region',
    shows: 'ObsCore: images whose footprint (AREA of s_region, in square degrees) is at least 0.8 deg² and intersects a 5° circle in the bulge. ADQL has no intersection area, so the size is that of the footprint.',
    service: 'tap_obs',
    query: `SELECT TOP 100 obs_collection, obs_id, AREA(s_region) AS area_deg2, s_ra, s_dec, s_region
FROM ivoa.ObsCore
WHERE INTERSECTS(s_region, CIRCLE('ICRS', 270.0, -25.0, 5.0)) = 1
  AND AREA(s_region) >= 0.8
ORDER BY area_deg2 DESC`,
  },
  {
    id: 'spectra-halpha',
    title: 'Spectra that cover H-alpha',
    shows: 'ObsCore: reduced spectra whose wavelength range (em_min, em_max in metres) includes 656.3 nm.',
    service: 'tap_obs',
    query: `SELECT TOP 100 instrument_name, target_name, em_min, em_max, em_res_power, dp_id
FROM ivoa.ObsCore
WHERE dataproduct_type = 'spectrum' AND em_min < 656.3e-9 AND em_max > 656.3e-9`,
  },
  {
    id: 'products-per-instrument',
    title: 'How many products each instrument has',
    shows: 'ObsCore grouped by instrument and product type: counts, most first.',
    service: 'tap_obs',
    query: `SELECT instrument_name, dataproduct_type, COUNT(*) AS n
FROM ivoa.ObsCore
GROUP BY instrument_name, dataproduct_type
ORDER BY n DESC`,
  },
  {
    id: 'harvest-last-mod',
    title: 'Incremental harvest: what changed since a date',
    shows: 'ObsCore rows modified after the last harvest (last_mod_date), oldest first, to fetch page by page.',
    service: 'tap_obs',
    query: `SELECT TOP 1000 dp_id, obs_collection, last_mod_date
FROM ivoa.ObsCore
WHERE last_mod_date > '2024-01-01T00:00:00'
ORDER BY last_mod_date`,
  },
  {
    id: 'raw-programme',
    title: 'Raw frames of a programme',
    shows: 'dbo.raw: every raw frame of programme 98.D-9938(C), with its category, type and exposure, in time order.',
    service: 'tap_obs',
    query: `SELECT dp_id, date_obs, instrument, object, dp_cat, dp_type, dp_tech, exposure, ob_id
FROM dbo.raw
WHERE prog_id = '98.D-9938(C)'
ORDER BY date_obs`,
  },
  {
    id: 'raw-instrument-dates',
    title: 'Science frames of an instrument in a date range',
    shows: 'dbo.raw: FORS2 science frames taken between two dates.',
    service: 'tap_obs',
    query: `SELECT TOP 200 dp_id, date_obs, object, dp_type, dp_tech, exposure, prog_id
FROM dbo.raw
WHERE instrument = 'FORS2' AND dp_cat = 'SCIENCE' AND date_obs BETWEEN '2016-07-01' AND '2016-08-01'
ORDER BY date_obs`,
  },
  {
    id: 'calibrations-of-frame',
    title: 'Calibrations of a frame',
    shows: 'dbo.raw joined with itself: calibration frames of the same instrument within a day of a given science frame.',
    service: 'tap_obs',
    query: `SELECT c.dp_id, c.dp_type, c.date_obs, c.exposure
FROM dbo.raw AS s
JOIN dbo.raw AS c ON c.instrument = s.instrument
WHERE s.dp_id = 'FORS2.2016-07-23T03:32:21.833'
  AND c.dp_cat = 'CALIB'
  AND c.mjd_obs BETWEEN s.mjd_obs - 1 AND s.mjd_obs + 1
ORDER BY c.date_obs`,
  },
  {
    id: 'asm-seeing-night',
    title: 'Seeing over a night at Paranal',
    shows: 'ASM DIMM: seeing (FWHM, arcsec), τ0 and airmass through the night of 4 to 5 May 2021.',
    service: 'tap_obs',
    query: `SELECT midpoint_date, fwhm, tau0, airmass
FROM asm.dimm_paranal
WHERE midpoint_date BETWEEN '2021-05-04T21:00:00' AND '2021-05-05T10:00:00'
ORDER BY midpoint_date`,
  },
  {
    id: 'asm-meteo-night',
    title: 'Weather over a night at Paranal',
    shows: 'ASM meteo: temperature, humidity and wind through the night of 4 to 5 May 2021.',
    service: 'tap_obs',
    query: `SELECT midpoint_date, temp_2m, rhum_2m, wind_speed_10m, wind_dir_10m
FROM asm.meteo_paranal
WHERE midpoint_date BETWEEN '2021-05-04T21:00:00' AND '2021-05-05T10:00:00'
ORDER BY midpoint_date`,
  },
  {
    id: 'tap-cat-cone',
    title: 'Catalogue cone search (tap_cat)',
    shows: 'tap_cat: KiDS DR4 sources within 0.5° of a position, the only spatial form tap_cat accepts: CONTAINS(POINT, CIRCLE) = 1.',
    service: 'tap_cat',
    query: `SELECT TOP 500 id, raj2000, decj2000, mag_auto_r, class_star
FROM safcat.kids_dr4_cat
WHERE CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', 53.0, -28.0, 0.5)) = 1`,
  },
  {
    id: 'tap-cat-bright-stars',
    title: 'Bright point sources of a catalogue',
    shows: 'tap_cat: KiDS DR4 sources that look like stars (class_star > 0.9) brighter than r = 18, with their colours.',
    service: 'tap_cat',
    query: `SELECT TOP 500 id, raj2000, decj2000, mag_auto_r, mag_gaap_g - mag_gaap_r AS g_r
FROM safcat.kids_dr4_cat
WHERE class_star > 0.9 AND mag_auto_r < 18
ORDER BY mag_auto_r`,
  },
  {
    id: 'tap-schema-columns',
    title: 'The columns of a table',
    shows: 'TAP_SCHEMA: names, types, units and descriptions of the columns of ivoa.ObsCore.',
    service: 'tap_obs',
    query: `SELECT column_name, datatype, unit, ucd, description
FROM TAP_SCHEMA.columns
WHERE LOWER(table_name) = 'ivoa.obscore'`,
  },
  {
    id: 'phase3-product-files',
    title: 'Files of a Phase 3 product',
    shows: 'phase3v2.product_files: the files (science, ancillary) that make up one reduced product.',
    service: 'tap_obs',
    query: `SELECT archive_id, original_filename, eso_category
FROM phase3v2.product_files
WHERE product_id = 'ADP.2016-09-21T07:07:14.345'`,
    esoOnly: 'phase3v2.product_files is in ESO’s tap_obs only',
  },
  {
    id: 'ist-sinfoni-target',
    title: 'Instrument-specific table: SINFONI on Sgr A*',
    shows: 'ist.sinfoni: SINFONI frames of the Galactic Centre with the instrument’s own keywords.',
    service: 'tap_obs',
    query: `SELECT TOP 100 *
FROM ist.sinfoni
WHERE target = 'SGRA'`,
    esoOnly: 'the ist.* instrument tables are in ESO’s tap_obs only',
  },
]

/** Examples matching every word of `text` (in title, description, service or query), in library order. */
export function searchExamples(list: readonly LibraryExample[], text: string): LibraryExample[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return [...list]
  return list.filter((x) => {
    const hay = `${x.title}\n${x.shows}\n${x.service}\n${x.query}`.toLowerCase()
    return words.every((w) => hay.includes(w))
  })
}
