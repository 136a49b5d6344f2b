/**
 * Low-precision ephemerides for observing conditions (pure, unit-tested against astropy, see
 * scripts/ephemeris-astropy.py): the Sun and the Moon after P. Schlyter's "How to compute planetary positions"
 * (mean orbital elements plus the largest lunar perturbations, ~2′ for the Moon), sidereal time (IAU 1982 GMST),
 * J2000 → mean equator of date precession (Meeus, Astronomical Algorithms ch. 21), the Moon's topocentric parallax,
 * altitude, airmass (sec z) and the Moon's illuminated fraction. Nutation, aberration and refraction are left out
 * (each < 0.01°). Times are Unix ms (UTC); TT = UTC + 69 s.
 */

import { separation } from '../stcs'

/** Angular separation of two positions, degrees (the one the regions use). */
export { separation }

const RAD = Math.PI / 180
const DAY = 86_400_000
/** TT − UTC in the 2015–2030 range (leap seconds + 32.184 s), good to a second. */
const TT_MINUS_UTC_MS = 69_184
const JD_UNIX_EPOCH = 2440587.5

export interface Site {
  name: string
  /** geodetic latitude, degrees (north +) */
  lat: number
  /** longitude, degrees (east +) */
  lon: number
  /** metres above the ellipsoid */
  height: number
}

/** ESO's sites (ESO's published coordinates). */
export const SITES = {
  paranal: { name: 'Paranal', lat: -24.62733, lon: -70.40417, height: 2635 },
  lasilla: { name: 'La Silla', lat: -29.25667, lon: -70.73, height: 2400 },
  chajnantor: { name: 'Chajnantor (APEX)', lat: -23.00578, lon: -67.75917, height: 5105 },
} as const satisfies Record<string, Site>
export type SiteId = keyof typeof SITES

const rev = (x: number) => x - 360 * Math.floor(x / 360)
const sind = (x: number) => Math.sin(x * RAD)
const cosd = (x: number) => Math.cos(x * RAD)

export function julianDate(t: number): number {
  return t / DAY + JD_UNIX_EPOCH
}

/** Schlyter's day number: days (TT) since 1999-12-31T00:00. */
const dayNumber = (t: number) => julianDate(t + TT_MINUS_UTC_MS) - 2451543.5

/** Obliquity of the ecliptic of date, degrees. */
const obliquity = (d: number) => 23.4393 - 3.563e-7 * d

/** Greenwich mean sidereal time, degrees. */
export function gmst(t: number): number {
  const d = julianDate(t) - 2451545.0
  const T = d / 36525
  return rev(280.46061837 + 360.98564736629 * d + 0.000387933 * T * T - (T * T * T) / 38710000)
}

function kepler(M: number, e: number): number {
  let E = M + (e / RAD) * sind(M) * (1 + e * cosd(M))
  for (let i = 0; i < 5; i++) E -= (E - (e / RAD) * sind(E) - M) / (1 - e * cosd(E))
  return E
}

interface Ecliptic {
  /** ecliptic longitude and latitude of date, degrees */
  lon: number
  lat: number
  /** distance: AU for the Sun, Earth radii for the Moon */
  r: number
}

function sunElements(d: number) {
  return { w: 282.9404 + 4.70935e-5 * d, e: 0.016709 - 1.151e-9 * d, M: rev(356.047 + 0.9856002585 * d) }
}

/** The Sun, geocentric, ecliptic of date. */
function sunEcliptic(d: number): Ecliptic {
  const { w, e, M } = sunElements(d)
  const E = kepler(M, e)
  const xv = cosd(E) - e
  const yv = Math.sqrt(1 - e * e) * sind(E)
  return { lon: rev(Math.atan2(yv, xv) / RAD + w), lat: 0, r: Math.hypot(xv, yv) }
}

/** The Moon, geocentric, ecliptic of date, with its largest perturbations. */
function moonEcliptic(d: number): Ecliptic {
  const N = rev(125.1228 - 0.0529538083 * d)
  const i = 5.1454
  const w = rev(318.0634 + 0.1643573223 * d)
  const a = 60.2666
  const e = 0.0549
  const M = rev(115.3654 + 13.0649929509 * d)
  const E = kepler(M, e)
  const xv = a * (cosd(E) - e)
  const yv = a * Math.sqrt(1 - e * e) * sind(E)
  const v = Math.atan2(yv, xv) / RAD
  let r = Math.hypot(xv, yv)
  const xh = r * (cosd(N) * cosd(v + w) - sind(N) * sind(v + w) * cosd(i))
  const yh = r * (sind(N) * cosd(v + w) + cosd(N) * sind(v + w) * cosd(i))
  const zh = r * sind(v + w) * sind(i)
  let lon = Math.atan2(yh, xh) / RAD
  let lat = Math.atan2(zh, Math.hypot(xh, yh)) / RAD
  const sun = sunElements(d)
  const Ms = sun.M
  const Ls = Ms + sun.w
  const Lm = M + w + N
  const D = Lm - Ls
  const F = Lm - N
  lon +=
    -1.274 * sind(M - 2 * D) + 0.658 * sind(2 * D) - 0.186 * sind(Ms) - 0.059 * sind(2 * M - 2 * D) - 0.057 * sind(M - 2 * D + Ms) +
    0.053 * sind(M + 2 * D) + 0.046 * sind(2 * D - Ms) + 0.041 * sind(M - Ms) - 0.035 * sind(D) - 0.031 * sind(M + Ms) -
    0.015 * sind(2 * F - 2 * D) + 0.011 * sind(M - 4 * D)
  lat += -0.173 * sind(F - 2 * D) - 0.055 * sind(M - F - 2 * D) - 0.046 * sind(M + F - 2 * D) + 0.033 * sind(F + 2 * D) + 0.017 * sind(2 * M + F)
  r += -0.58 * cosd(M - 2 * D) - 0.46 * cosd(2 * D)
  return { lon: rev(lon), lat, r }
}

type Vec = [number, number, number]

/** Ecliptic (of date) → equatorial (of date) cartesian, in the unit of r. */
function equatorialVector(p: Ecliptic, d: number): Vec {
  const ecl = obliquity(d)
  const x = p.r * cosd(p.lon) * cosd(p.lat)
  const y = p.r * sind(p.lon) * cosd(p.lat)
  const z = p.r * sind(p.lat)
  return [x, y * cosd(ecl) - z * sind(ecl), y * sind(ecl) + z * cosd(ecl)]
}

const toRaDec = ([x, y, z]: Vec) => ({ ra: rev(Math.atan2(y, x) / RAD), dec: Math.atan2(z, Math.hypot(x, y)) / RAD })

/** J2000 (ICRS, to this precision) → mean equator and equinox of date (Meeus 21.2–21.4). */
export function precessFromJ2000(ra: number, dec: number, t: number): { ra: number; dec: number } {
  const T = (julianDate(t + TT_MINUS_UTC_MS) - 2451545.0) / 36525
  const zeta = (2306.2181 * T + 0.30188 * T * T + 0.017998 * T ** 3) / 3600
  const z = (2306.2181 * T + 1.09468 * T * T + 0.018203 * T ** 3) / 3600
  const theta = (2004.3109 * T - 0.42665 * T * T - 0.041833 * T ** 3) / 3600
  const A = cosd(dec) * sind(ra + zeta)
  const B = cosd(theta) * cosd(dec) * cosd(ra + zeta) - sind(theta) * sind(dec)
  const C = sind(theta) * cosd(dec) * cosd(ra + zeta) + cosd(theta) * sind(dec)
  return { ra: rev(Math.atan2(A, B) / RAD + z), dec: Math.atan2(C, Math.hypot(A, B)) / RAD }
}

/** Local mean sidereal time, degrees. */
const lst = (t: number, site: Site) => rev(gmst(t) + site.lon)

/** The observer's geocentric position, equatorial of date, Earth radii. */
function observerVector(t: number, site: Site): Vec {
  const f = 0.99664719
  const u = Math.atan(f * Math.tan(site.lat * RAD))
  const h = site.height / 6378140
  const rs = f * Math.sin(u) + h * sind(site.lat)
  const rc = Math.cos(u) + h * cosd(site.lat)
  const s = lst(t, site)
  return [rc * cosd(s), rc * sind(s), rs]
}

/** Altitude (degrees, geometric, no refraction) of an equatorial-of-date position. */
export function altitudeOf(raDate: number, decDate: number, t: number, site: Site): number {
  const H = lst(t, site) - raDate
  return Math.asin(sind(site.lat) * sind(decDate) + cosd(site.lat) * cosd(decDate) * cosd(H)) / RAD
}

/** Airmass as sec z of the geometric altitude; undefined below 5° (sec z means little there). */
export function airmassOf(altitude: number): number | undefined {
  return altitude >= 5 ? 1 / sind(altitude) : undefined
}

/** The Moon seen from a site: topocentric equatorial of date and its distance (Earth radii). */
export function moonTopocentric(t: number, site: Site): { ra: number; dec: number; r: number } {
  const d = dayNumber(t)
  const g = equatorialVector(moonEcliptic(d), d)
  const o = observerVector(t, site)
  const v: Vec = [g[0] - o[0], g[1] - o[1], g[2] - o[2]]
  return { ...toRaDec(v), r: Math.hypot(...v) }
}

/** The geocentric Sun and Moon, equatorial of date (for tests and the phase). */
export function sunMoonGeocentric(t: number): { sun: { ra: number; dec: number }; moon: { ra: number; dec: number } } {
  const d = dayNumber(t)
  return { sun: toRaDec(equatorialVector(sunEcliptic(d), d)), moon: toRaDec(equatorialVector(moonEcliptic(d), d)) }
}

const EARTH_RADII_PER_AU = 149_597_870.7 / 6378.137

/** The Moon's illuminated fraction (0–1): from the Sun–Moon elongation and their distances (geocentric). */
export function moonIllumination(t: number): number {
  const d = dayNumber(t)
  const s = sunEcliptic(d)
  const m = moonEcliptic(d)
  const sv = equatorialVector(s, d)
  const mv = equatorialVector(m, d)
  const psi = Math.acos(Math.max(-1, Math.min(1, (sv[0] * mv[0] + sv[1] * mv[1] + sv[2] * mv[2]) / (s.r * m.r))))
  const R = s.r * EARTH_RADII_PER_AU
  const phase = Math.atan2(R * Math.sin(psi), m.r - R * Math.cos(psi))
  return (1 + Math.cos(phase)) / 2
}

export interface SkyAt {
  /** target altitude, degrees (geometric) */
  altitude: number
  airmass?: number
  moonAltitude: number
  /** 0–1 */
  moonIllumination: number
  /** Moon–target separation, degrees (topocentric) */
  moonSeparation: number
}

/** Target (ICRS/J2000 RA, Dec in degrees) and Moon as seen from a site at one moment. */
export function skyAt(ra: number, dec: number, t: number, site: Site): SkyAt {
  const p = precessFromJ2000(ra, dec, t)
  const altitude = altitudeOf(p.ra, p.dec, t, site)
  const moon = moonTopocentric(t, site)
  return {
    altitude,
    airmass: airmassOf(altitude),
    moonAltitude: altitudeOf(moon.ra, moon.dec, t, site),
    moonIllumination: moonIllumination(t),
    moonSeparation: separation(p.ra, p.dec, moon.ra, moon.dec),
  }
}
