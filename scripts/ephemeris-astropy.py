#!/usr/bin/env python3
"""Reference figures for src/protocols/ephemeris (provenance of ephemeris.astropy.json).

Run with Debian's python3-astropy (no internet needed):
  /usr/bin/python3 scripts/ephemeris-astropy.py > src/protocols/ephemeris/ephemeris.astropy.json

astropy's built-in ephemeris ('builtin'), its bundled IERS-B table (no download), no refraction (pressure 0).
Per case: the target's geometric altitude and sec z, the Moon's topocentric altitude, the topocentric
Moon-target separation (both in the AltAz frame) and the Moon's illuminated fraction from the geocentric
Sun-Moon elongation and distances (astroplan's formula: k = (1 + cos i) / 2).
"""
import json
import warnings

import numpy as np
from astropy import units as u
from astropy.coordinates import AltAz, EarthLocation, SkyCoord, get_body, solar_system_ephemeris
from astropy.time import Time
from astropy.utils import iers

iers.conf.auto_download = False
iers.conf.auto_max_age = None
warnings.simplefilter('ignore')
solar_system_ephemeris.set('builtin')

# the same coordinates as SITES in src/protocols/ephemeris/index.ts
SITES = {
    'paranal': (-24.62733, -70.40417, 2635),
    'lasilla': (-29.25667, -70.73, 2400),
    'chajnantor': (-23.00578, -67.75917, 5105),
}
CASES = [
    # the local archive's first FORS2 science frame on NGC 6397 (dbo.raw), mid-exposure
    ('paranal', '2021-05-04T05:10:26', 265.175, -53.674),
    ('paranal', '2019-03-12T01:30:00', 83.633, 22.0145),
    ('paranal', '2018-07-27T23:40:00', 201.365, -43.019),
    ('paranal', '2020-12-30T04:00:00', 10.684, 41.269),
    ('paranal', '2016-09-16T03:12:00', 339.0, -30.0),
    ('paranal', '2022-01-17T06:00:00', 150.0, -60.0),
    ('lasilla', '2017-02-11T02:00:00', 88.79, 7.407),
    ('lasilla', '2021-10-20T08:30:00', 60.0, -10.0),
    ('chajnantor', '2019-08-15T23:00:00', 266.417, -29.008),
    ('chajnantor', '2015-04-04T12:00:00', 180.0, 0.0),
]

out = []
for site, iso, ra, dec in CASES:
    lat, lon, h = SITES[site]
    loc = EarthLocation.from_geodetic(lon * u.deg, lat * u.deg, h * u.m)
    t = Time(iso, scale='utc')
    frame = AltAz(obstime=t, location=loc, pressure=0 * u.hPa)
    target = SkyCoord(ra * u.deg, dec * u.deg, frame='icrs').transform_to(frame)
    moon_topo = get_body('moon', t, loc, ephemeris='builtin').transform_to(frame)
    sun = get_body('sun', t, ephemeris='builtin')
    moon = get_body('moon', t, ephemeris='builtin')
    elong = sun.separation(moon)
    phase = np.arctan2(sun.distance * np.sin(elong), moon.distance - sun.distance * np.cos(elong))
    out.append({
        'site': site, 'utc': iso + 'Z', 'ra': ra, 'dec': dec,
        'altitude': round(float(target.alt.deg), 4),
        'secz': round(float(target.secz), 4) if target.alt.deg > 5 else None,
        'moonAltitude': round(float(moon_topo.alt.deg), 4),
        'moonSeparation': round(float(moon_topo.separation(target).deg), 4),
        'moonIllumination': round(float((1 + np.cos(phase)) / 2), 4),
    })
print(json.dumps({'generator': 'scripts/ephemeris-astropy.py', 'astropy': __import__('astropy').__version__, 'cases': out}, indent=1))
