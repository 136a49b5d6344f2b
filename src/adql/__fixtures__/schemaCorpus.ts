/**
 * Queries for the local archive's schema (local-tap-schema.json): correct ones, which must give no schema warning,
 * and wrong ones, each with the warning it must give. `fails` marks those the archive itself rejects (unknown
 * tables and columns); schemaCorpus.archive.test.ts runs every correct query and every `fails` one there, so the
 * corpus cannot claim what the archive does not do. Type warnings are about queries PostgreSQL may still run
 * (it casts '10' to a number) but that do not mean what they say.
 */
export interface WrongQuery {
  query: string
  /** a piece of the expected warning's message */
  expect: string
  /** the fix-it the warning must offer (its replacement text) */
  fix?: string
  /** the archive rejects the query */
  fails?: boolean
  /** checked with tap_cat's rules */
  tapCat?: boolean
}

export const CORRECT: string[] = [
  'SELECT TOP 5 obs_id, s_ra, s_dec FROM ivoa.ObsCore',
  'SELECT TOP 5 * FROM ivoa.obscore',
  'SELECT TOP 5 o.obs_id, o.target_name FROM ivoa.ObsCore AS o',
  'SELECT TOP 5 o.obs_id FROM ivoa.ObsCore o WHERE o.calib_level >= 2',
  'SELECT TOP 5 ivoa.ObsCore.obs_id FROM ivoa.ObsCore',
  "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE instrument_name = 'FORS2'",
  "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE dataproduct_type IN ('image', 'spectrum')",
  'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE s_ra BETWEEN 10 AND 300',
  "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.175, -53.674, 1)) = 1",
  "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', 265.175, -53.674, 1)) = 1",
  "SELECT TOP 5 obs_id, DISTANCE(POINT('ICRS', s_ra, s_dec), POINT('ICRS', 265.175, -53.674)) AS d FROM ivoa.ObsCore ORDER BY d",
  'SELECT TOP 5 obs_id, t_exptime AS exptime FROM ivoa.ObsCore ORDER BY exptime DESC',
  'SELECT instrument_name, COUNT(*) AS n FROM ivoa.ObsCore GROUP BY instrument_name ORDER BY n DESC',
  'SELECT instrument_name, COUNT(*) AS n FROM ivoa.ObsCore GROUP BY instrument_name HAVING COUNT(*) > 1',
  "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE last_mod_date > '2020-01-01T00:00:00'",
  'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE t_min > 50000 AND t_max < 70000',
  'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE em_min < 1e-6',
  "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE target_name LIKE 'NGC%'",
  'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE s_fov IS NOT NULL',
  'SELECT TOP 5 obs_id, LOWER(instrument_name) AS ins FROM ivoa.ObsCore',
  'SELECT TOP 5 r.dp_id, r.object FROM dbo.raw AS r',
  "SELECT TOP 5 dp_id, date_obs FROM dbo.raw WHERE instrument = 'FORS2' AND dp_cat = 'SCIENCE' ORDER BY date_obs",
  "SELECT TOP 5 dp_id FROM dbo.raw WHERE date_obs BETWEEN '2000-01-01' AND '2030-01-01'",
  'SELECT TOP 5 dp_id, exposure FROM dbo.raw WHERE exposure > 10 AND det_ndit >= 1',
  "SELECT TOP 5 dp_id FROM dbo.raw WHERE prog_id LIKE '%' AND period > 60",
  'SELECT TOP 5 dp_id, mjd_obs FROM dbo.raw WHERE mjd_obs > 50000',
  "SELECT TOP 5 dp_id FROM dbo.raw WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 10, -30, 90)) = 1",
  'SELECT TOP 5 o.obs_id, r.dp_id FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON o.dp_id = r.dp_id',
  'SELECT TOP 5 o.obs_id, r.instrument FROM ivoa.ObsCore AS o LEFT OUTER JOIN dbo.raw AS r ON r.dp_id = o.dp_id',
  'SELECT TOP 5 dp_id FROM ivoa.ObsCore JOIN dbo.raw USING (dp_id)',
  'SELECT TOP 5 obs_id, instrument FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON o.dp_id = r.dp_id',
  'SELECT TOP 5 s.n FROM (SELECT COUNT(*) AS n FROM ivoa.ObsCore) AS s',
  'SELECT TOP 5 sub.obs_id FROM (SELECT obs_id, s_ra FROM ivoa.ObsCore) AS sub WHERE sub.s_ra > 0',
  'SELECT TOP 5 sub.obs_id, sub.s_dec FROM (SELECT * FROM ivoa.ObsCore) AS sub',
  'SELECT TOP 5 x.ins FROM (SELECT instrument_name AS ins FROM ivoa.ObsCore) AS x ORDER BY x.ins',
  'WITH recent AS (SELECT obs_id, t_min FROM ivoa.ObsCore WHERE t_min > 50000) SELECT TOP 5 obs_id FROM recent',
  'WITH r AS (SELECT dp_id, instrument FROM dbo.raw) SELECT TOP 5 r.instrument, o.obs_id FROM r JOIN ivoa.ObsCore AS o ON o.dp_id = r.dp_id',
  'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE dp_id IN (SELECT r.dp_id FROM dbo.raw AS r)',
  'SELECT TOP 5 o.obs_id FROM ivoa.ObsCore AS o WHERE EXISTS (SELECT 1 FROM dbo.raw AS r WHERE r.dp_id = o.dp_id)',
  'SELECT TOP 5 midpoint_date, fwhm, airmass FROM asm.dimm_paranal ORDER BY midpoint_date',
  "SELECT TOP 5 midpoint_date, fwhm FROM asm.dimm_paranal WHERE midpoint_date BETWEEN '2000-01-01T00:00:00' AND '2030-01-01T00:00:00' AND fwhm < 2",
  'SELECT AVG(fwhm) AS seeing, MIN(tau0) AS tau FROM asm.dimm_paranal WHERE valid = 1',
  'SELECT TOP 5 start_date, temp_2m, wind_speed_10m FROM asm.meteo_paranal WHERE rhum_2m < 50',
  'SELECT TOP 5 d.midpoint_date, m.temp_2m FROM asm.dimm_paranal AS d JOIN asm.meteo_paranal AS m ON m.start_date = d.start_date',
  "SELECT TOP 5 id, raj2000, decj2000 FROM safcat.kids_dr4_cat WHERE CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', 53.1, -27.8, 10)) = 1",
  'SELECT TOP 5 id, mag_auto_r - mag_gaap_r AS d FROM safcat.kids_dr4_cat WHERE class_star < 0.5',
  "SELECT TOP 5 id FROM safcat.kids_dr4_cat WHERE tile LIKE 'KIDS%' AND flags = 0",
  'SELECT TOP 5 ssa_pubdid, ssa_targname FROM dbo.ssa',
  "SELECT TOP 5 ssa_pubdid FROM dbo.ssa WHERE CONTAINS(ssa_location, CIRCLE('ICRS', 10, -30, 90)) = 1",
  'SELECT TOP 5 table_name, description FROM TAP_SCHEMA.tables',
  "SELECT column_name, datatype, unit FROM TAP_SCHEMA.columns WHERE table_name = 'ivoa.obscore'",
  'SELECT TOP 5 "obs_id" FROM ivoa.ObsCore',
  'SELECT TOP 5 obs_id AS id FROM ivoa.ObsCore UNION SELECT dp_id AS id FROM dbo.raw',
  'SELECT TOP 5 COUNT(DISTINCT instrument_name) AS n FROM ivoa.ObsCore',
  "SELECT TOP 5 obs_id, CAST(calib_level AS REAL) AS lvl FROM ivoa.ObsCore WHERE calib_level = 2",
  "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE obs_id = 'x' OR calib_level = 3",
]

export const WRONG: WrongQuery[] = [
  // unknown columns, with and without a near name
  { query: 'SELECT foo_bar FROM ivoa.ObsCore', expect: "No column 'foo_bar' in ivoa.obscore", fails: true },
  { query: 'SELECT obs_idd FROM ivoa.ObsCore', expect: "No column 'obs_idd'", fix: 'obs_id', fails: true },
  { query: 'SELECT TOP 5 s_raa, s_dec FROM ivoa.ObsCore', expect: "No column 's_raa'", fix: 's_ra', fails: true },
  { query: 'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE instrument = \'FORS2\'', expect: "No column 'instrument'", fix: 'instrument_name', fails: true },
  { query: 'SELECT TOP 5 obs_id FROM ivoa.ObsCore ORDER BY t_mni', expect: "No column 't_mni'", fix: 't_min', fails: true },
  { query: 'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE calib_levle = 2', expect: "No column 'calib_levle'", fix: 'calib_level', fails: true },
  { query: 'SELECT TOP 5 o.obs_id, o.targetname FROM ivoa.ObsCore AS o', expect: "No column 'targetname' in ivoa.obscore", fix: 'target_name', fails: true },
  { query: 'SELECT TOP 5 o.s_ra FROM ivoa.ObsCore AS o WHERE o.s_decl < 0', expect: "No column 's_decl'", fix: 's_dec', fails: true },
  { query: 'SELECT TOP 5 r.dp_id, r.instrument_name FROM dbo.raw AS r', expect: "No column 'instrument_name' in dbo.raw", fix: 'instrument', fails: true },
  { query: 'SELECT TOP 5 dp_id FROM dbo.raw WHERE dateobs > \'2020-01-01\'', expect: "No column 'dateobs'", fix: 'date_obs', fails: true },
  { query: 'SELECT TOP 5 dp_id, exptime FROM dbo.raw', expect: "No column 'exptime'", fails: true },
  { query: 'SELECT TOP 5 dp_id FROM dbo.raw ORDER BY mjdobs', expect: "No column 'mjdobs'", fix: 'mjd_obs', fails: true },
  { query: 'SELECT TOP 5 midpoint_date, seeing FROM asm.dimm_paranal', expect: "No column 'seeing'", fails: true },
  { query: 'SELECT TOP 5 midpoint_date, fwhm FROM asm.dimm_paranal WHERE airmas < 1.5', expect: "No column 'airmas'", fix: 'airmass', fails: true },
  { query: 'SELECT TOP 5 temp_2m, wind_speed FROM asm.meteo_paranal', expect: "No column 'wind_speed'", fix: 'wind_speed_10m', fails: true },
  { query: 'SELECT TOP 5 id, ra, dec FROM safcat.kids_dr4_cat', expect: "No column 'ra'", fails: true },
  { query: 'SELECT TOP 5 id, mag_auto_g FROM safcat.kids_dr4_cat', expect: "No column 'mag_auto_g'", fix: 'mag_auto_r', fails: true },
  { query: 'SELECT TOP 5 ssa_pubdid, ssa_target FROM dbo.ssa', expect: "No column 'ssa_target'", fails: true },
  { query: 'SELECT TOP 5 table_name, descr FROM TAP_SCHEMA.tables', expect: "No column 'descr'", fails: true },
  // through joins, subqueries and WITH
  { query: 'SELECT TOP 5 o.obs_id, r.object FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON o.dp_id = r.dp_idd', expect: "No column 'dp_idd' in dbo.raw", fix: 'dp_id', fails: true },
  { query: 'SELECT TOP 5 o.obs_id FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON o.dp_id = r.dp_id WHERE r.prog = \'x\'', expect: "No column 'prog' in dbo.raw", fails: true },
  { query: 'SELECT TOP 5 o.obs_id, r.object FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON o.dp_id = r.dp_id WHERE o.object = \'x\'', expect: "No column 'object' in ivoa.obscore", fails: true },
  { query: 'SELECT TOP 5 obs_id, objekt FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON o.dp_id = r.dp_id', expect: "No column 'objekt' in the tables of this query", fix: 'object', fails: true },
  { query: 'SELECT TOP 5 sub.target_name FROM (SELECT obs_id, s_ra FROM ivoa.ObsCore) AS sub', expect: "No column 'target_name' in sub", fails: true },
  { query: 'SELECT TOP 5 sub.obs_id FROM (SELECT obs_idx FROM ivoa.ObsCore) AS sub', expect: "No column 'obs_idx'", fix: 'obs_id', fails: true },
  { query: 'SELECT TOP 5 x.instrument_name FROM (SELECT instrument_name AS ins FROM ivoa.ObsCore) AS x', expect: "No column 'instrument_name' in x", fails: true },
  { query: 'WITH recent AS (SELECT obs_id, t_min FROM ivoa.ObsCore) SELECT TOP 5 s_ra FROM recent', expect: "No column 's_ra' in recent", fails: true },
  { query: 'WITH recent AS (SELECT obs_id, t_mim FROM ivoa.ObsCore) SELECT TOP 5 obs_id FROM recent', expect: "No column 't_mim'", fix: 't_min', fails: true },
  { query: 'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE dp_id IN (SELECT dpid FROM dbo.raw)', expect: "No column 'dpid'", fix: 'dp_id', fails: true },
  { query: 'SELECT TOP 5 o.obs_id FROM ivoa.ObsCore AS o WHERE EXISTS (SELECT 1 FROM dbo.raw AS r WHERE r.dp_id = o.dpid)', expect: "No column 'dpid' in ivoa.obscore", fix: 'dp_id', fails: true },
  { query: 'SELECT TOP 5 s.n FROM (SELECT COUNT(*) AS n FROM ivoa.ObsCore) AS s ORDER BY s.m', expect: "No column 'm' in s", fails: true },
  { query: 'SELECT TOP 5 obs_id AS x FROM ivoa.ObsCore WHERE x > 0', expect: "No column 'x'", fails: true },
  // qualifiers that name nothing
  { query: 'SELECT TOP 5 p.obs_id FROM ivoa.ObsCore AS o', expect: "'p' is not a table or alias of this query", fix: 'o', fails: true },
  { query: 'SELECT TOP 5 q.* FROM ivoa.ObsCore AS o', expect: "'q' is not a table or alias of this query", fails: true },
  { query: 'SELECT TOP 5 raw.dp_id FROM ivoa.ObsCore', expect: "'raw' is not a table or alias", fails: true },
  // unknown tables
  { query: 'SELECT TOP 5 * FROM ivoa.ObsCor', expect: "No table 'ivoa.ObsCor'", fix: 'ivoa.obscore', fails: true },
  { query: 'SELECT TOP 5 * FROM dbo.raws', expect: "No table 'dbo.raws'", fix: 'dbo.raw', fails: true },
  { query: 'SELECT TOP 5 * FROM asm.dimm', expect: "No table 'asm.dimm'", fails: true },
  { query: 'SELECT TOP 5 * FROM safcat.kids_dr3_cat', expect: "No table 'safcat.kids_dr3_cat'", fix: 'safcat.kids_dr4_cat', fails: true },
  { query: 'SELECT TOP 5 * FROM phase3v2.files', expect: "No table 'phase3v2.files'", fails: true },
  { query: 'SELECT TOP 5 * FROM obscore', expect: "names the table 'ivoa.obscore'", fix: 'ivoa.obscore', fails: true },
  { query: 'SELECT TOP 5 * FROM raw', expect: "names the table 'dbo.raw'", fix: 'dbo.raw', fails: true },
  { query: 'SELECT TOP 5 o.obs_id FROM ivoa.ObsCore AS o JOIN dbo.rawdata AS r ON o.dp_id = r.dp_id', expect: "No table 'dbo.rawdata'", fails: true },
  // types in comparisons
  { query: 'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE obs_id = 42', expect: 'obs_id is text, compared here with the number 42', fix: "'42'" },
  { query: "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE s_ra > '10'", expect: "s_ra is a number, compared here with the string '10'", fix: '10' },
  { query: "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE t_min > '2021-01-01'", expect: 't_min is a number', fails: true },
  { query: 'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE last_mod_date > 59000', expect: 'last_mod_date is a timestamp', fails: true },
  { query: "SELECT TOP 5 dp_id FROM dbo.raw WHERE exposure BETWEEN '1' AND 100", expect: 'exposure is a number', fix: '1' },
  { query: "SELECT TOP 5 dp_id FROM dbo.raw WHERE prog_type IN ('0', 1)", expect: 'prog_type is a number', fix: '0' },
  { query: 'SELECT TOP 5 dp_id FROM dbo.raw WHERE instrument = 3', expect: 'instrument is text', fix: "'3'" },
  { query: 'SELECT TOP 5 o.obs_id FROM ivoa.ObsCore AS o JOIN dbo.raw AS r ON o.s_ra = r.object', expect: 'o.s_ra (number) is compared with r.object (string)', fails: true },
  { query: 'SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE s_region = 1', expect: 's_region is a geometry', fails: true },
  // geometry function arguments
  { query: "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE CONTAINS(CIRCLE('ICRS', 10, 10, 1), POINT('ICRS', s_ra, s_dec)) = 1", expect: 'the point goes first', fix: "POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', 10, 10, 1)" },
  { query: "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE CONTAINS(s_region, POINT('ICRS', 10, 10)) = 1", expect: 'the point goes first' },
  { query: "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE INTERSECTS(s_ra, CIRCLE('ICRS', 10, 10, 1)) = 1", expect: 'INTERSECTS takes geometries', fails: true },
  { query: "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE CONTAINS(POINT('ICRS', target_name, s_dec), CIRCLE('ICRS', 10, 10, 1)) = 1", expect: 'POINT takes coordinates in degrees: target_name is text', fails: true },
  { query: "SELECT TOP 5 obs_id FROM ivoa.ObsCore WHERE CONTAINS(POINT('ICRS', s_region, s_dec), CIRCLE('ICRS', 10, 10, 1)) = 1", expect: 'POINT takes coordinates in degrees: s_region is a geometry', fails: true },
  // tap_cat's rule
  { query: "SELECT TOP 5 id FROM safcat.kids_dr4_cat WHERE INTERSECTS(POINT('', raj2000, decj2000), CIRCLE('', 53.1, -27.8, 1)) = 1", expect: 'tap_cat: this service accepts only CONTAINS', fix: 'CONTAINS', tapCat: true },
  { query: "SELECT TOP 5 id FROM safcat.kids_dr4_cat WHERE CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', 53.1, -27.8, 1)) = 0", expect: 'only as CONTAINS(…) = 1', tapCat: true },
  { query: "SELECT TOP 5 id FROM safcat.kids_dr4_cat WHERE CONTAINS(POINT('', raj2000, decj2000), BOX('', 53.1, -27.8, 1, 1)) = 1", expect: 'a point and a circle', tapCat: true },
  { query: "SELECT TOP 5 id FROM safcat.kids_dr4_cat WHERE 1 = CONTAINS(POINT('', raj2000, decj2000), POLYGON('', 53, -28, 54, -28, 54, -27))", expect: 'a point and a circle', tapCat: true },
]
