#!/usr/bin/python3
"""Deterministic ESO-shaped data collection for the local DaCHS archive.

Usage: /usr/bin/python3 make_data.py OUTDIR BASE_URL

Writes into OUTDIR (normally /var/gavo/inputs/eso/data):
  img/ cube/ spec/   FITS files of the products that have real files
                     (named <dp_id with ':' -> '_'>.fits, see PRODUCTS)
  raw/               small raw FITS frames (progenitors + calibrations of
                     those products), served by the static renderer
  aux/               ancillary files (white-light image of the cube, READMEs)
  obscore.jsonl      rows of ivoa.ObsCore (ESO's 55 columns)
  raw.jsonl          rows of dbo.raw
  meteo.jsonl, dimm.jsonl   rows of asm.meteo_paranal / asm.dimm_paranal
  safcat.jsonl       rows of the tap_cat-like catalogue
  links.json         DataLink extras: progenitors, auxiliary files, raw
                     calibration associations (read by the RD's metaMakers)

Everything is derived from fixed seeds, so two runs give identical files.
Run it with Debian's /usr/bin/python3 (needs python3-astropy, numpy).
The FITS writers are adapted from the DaCHS reference recipe (make_fits.py).
"""
import datetime as dt
import json
import math
import os
import sys

import numpy as np
from astropy.io import fits
from astropy.time import Time
from astropy.wcs import WCS
from astropy.coordinates import SkyCoord
import astropy.units as u

OUTDIR = sys.argv[1] if len(sys.argv) > 1 else "./data"
BASE = (sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:18080").rstrip("/")
AUTH = "ivo://eso.localtest"
DL_SVC = BASE + "/eso/q/dl/dlmeta"      # DataLink images/cubes/metadata-only
SDL_SVC = BASE + "/eso/q/sdl/dlmeta"    # DataLink + SODA for 1D spectra
RAWDL_SVC = BASE + "/eso/q/rawdl/dlmeta"  # DataLink for raw frames
CALSEL_SVC = BASE + "/eso/q/calselector/dlmeta"
STATIC = BASE + "/eso/q/files/static"   # raw frames and ancillary files
DL_FORMAT = "application/x-votable+xml;content=datalink"

rng = np.random.default_rng(20240101)


def pubdid(dp_id):
    return AUTH + "/ID?" + dp_id


def fname(dp_id):
    return dp_id.replace(":", "_") + ".fits"


def iso(mjd, ms=True):
    t = Time(mjd, format="mjd", scale="utc").isot
    return t if ms else t[:19]


def mjd_of(isot):
    return Time(isot, format="isot", scale="utc").mjd


# ------------------------------------------------------------ geometry

def tan_to_sky(ra0, dec0, pts):
    """gnomonic inverse: pts = [(xi, eta)] in degrees -> [(ra, dec)]"""
    a0, d0 = math.radians(ra0), math.radians(dec0)
    out = []
    for xi, eta in pts:
        x, y = math.radians(xi), math.radians(eta)
        den = math.cos(d0) - y * math.sin(d0)
        ra = a0 + math.atan2(x, den)
        dec = math.atan2(math.sin(d0) + y * math.cos(d0), math.hypot(x, den))
        out.append(((math.degrees(ra) % 360.0), math.degrees(dec)))
    return out


def rot(pts, ang):
    c, s = math.cos(math.radians(ang)), math.sin(math.radians(ang))
    return [(x * c - y * s, x * s + y * c) for x, y in pts]


def rect(w, h):
    return [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]


def circle_pts(r, n=24):
    return [(r * math.cos(2 * math.pi * k / n), r * math.sin(2 * math.pi * k / n))
            for k in range(n)]


def lshape(s):
    """outline of a 2x2 mosaic of s x s pointings with one missing (non-convex)"""
    return [(-s, -s), (s, -s), (s, 0), (0, 0), (0, s), (-s, s)]


def footprint(ra, dec, local, ang=0.0):
    sky = tan_to_sky(ra, dec, rot(local, ang))
    flat = []
    for r, d in sky:
        flat += [round(r, 7), round(d, 7)]
    fov = 2 * max(math.hypot(x, y) for x, y in local)
    return flat, fov


def galactic(ra, dec):
    c = SkyCoord(ra=np.asarray(ra) * u.deg, dec=np.asarray(dec) * u.deg, frame="icrs").galactic
    return c.l.deg, c.b.deg


# ------------------------------------------------------------ FITS writers
# (adapted from the DaCHS reference recipe's make_fits.py)

def stars(shape, n, fwhm_pix, peak=5000.0, bg=100.0, noise=5.0, r=rng):
    ny, nx = shape
    y, x = np.mgrid[0:ny, 0:nx]
    img = np.full(shape, bg, dtype=np.float64)
    sig = fwhm_pix / 2.3548
    for _ in range(n):
        x0, y0 = r.uniform(0, nx), r.uniform(0, ny)
        a = peak * r.uniform(0.05, 1.0)
        img += a * np.exp(-((x - x0) ** 2 + (y - y0) ** 2) / (2 * sig ** 2))
    img += r.normal(0, noise, shape)
    return img


def common_eso(h, p):
    t = Time(p["date"], format="isot", scale="utc")
    h["ORIGIN"] = ("ESO", "European Southern Observatory")
    h["TELESCOP"] = (p["tel"], "ESO Telescope designation")
    h["INSTRUME"] = (p["inst"], "Instrument used")
    h["OBJECT"] = (p["obj"], "Target designation")
    h["RA"] = (p["ra"], "[deg] pointing RA (ICRS)")
    h["DEC"] = (p["dec"], "[deg] pointing Dec (ICRS)")
    h["EQUINOX"] = 2000.0
    h["RADESYS"] = "ICRS"
    h["EXPTIME"] = (p["exptime"], "[s] Total integration time")
    h["TEXPTIME"] = (p["exptime"], "[s] Total integration time of all exposures")
    h["DATE-OBS"] = (p["date"], "Observing date")
    h["MJD-OBS"] = (t.mjd, "[d] Start of observations (days)")
    h["MJD-END"] = (t.mjd + p["exptime"] / 86400.0, "[d] End of observations")
    h["PRODCATG"] = (p["prodcatg"], "Data product category")
    h["PROG_ID"] = (p["prog"], "ESO programme identification")
    h["OBSTECH"] = (p["obstech"], "Technique of observation")
    h["ARCFILE"] = (p["dp_id"] + ".fits", "Archive file name")
    h["PROCSOFT"] = ("make_data.py 1.0", "Reduction software/system")
    h["REFERENC"] = ("", "Bibliographic reference")


def celestial_wcs(h, ra, dec, nx, ny, scale_arcsec, rot_deg=0.0):
    h["CTYPE1"] = "RA---TAN"
    h["CTYPE2"] = "DEC--TAN"
    h["CUNIT1"] = "deg"
    h["CUNIT2"] = "deg"
    h["CRPIX1"] = (nx + 1) / 2.0
    h["CRPIX2"] = (ny + 1) / 2.0
    h["CRVAL1"] = ra
    h["CRVAL2"] = dec
    s = scale_arcsec / 3600.0
    c, si = np.cos(np.radians(rot_deg)), np.sin(np.radians(rot_deg))
    h["CD1_1"] = -s * c
    h["CD1_2"] = s * si
    h["CD2_1"] = s * si
    h["CD2_2"] = s * c


def write_png_preview(pixels, path, zoom=1):
    """An 8-bit grayscale PNG of a 2-D array (asinh stretch, north up): DaCHS serves it as the #preview."""
    import struct
    import zlib
    a = np.asarray(pixels, dtype=np.float64)
    lo, hi = np.percentile(a, 1.0), np.percentile(a, 99.7)
    v = np.arcsinh(np.clip((a - lo) / max(hi - lo, 1e-12), 0, None) * 10) / np.arcsinh(10)
    img = np.clip(v * 255, 0, 255).astype(np.uint8)[::-1]
    if zoom > 1:
        img = np.repeat(np.repeat(img, zoom, axis=0), zoom, axis=1)
    ny, nx = img.shape
    raw = b"".join(b"\x00" + img[y].tobytes() for y in range(ny))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", nx, ny, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def preview_path(path):
    """data/img/X.fits -> data/previews/X.png (the rd binds the same name)"""
    return os.path.join(os.path.dirname(os.path.dirname(path)), "previews", os.path.basename(path)[:-5] + ".png")


def write_image(p, path):
    data = stars((200, 200), 40, fwhm_pix=1.6 / p["scale"]).astype(np.float32)
    write_png_preview(data, preview_path(path))
    h = fits.Header()
    common_eso(h, p)
    celestial_wcs(h, p["ra"], p["dec"], 200, 200, p["scale"], p["rot"])
    h["FILTER"] = (p["filter"], "Filter name")
    h["WAVELMIN"] = (p["wmin"], "[nm] Minimum wavelength")
    h["WAVELMAX"] = (p["wmax"], "[nm] Maximum wavelength")
    h["BUNIT"] = "adu"
    h["HIERARCH ESO INS FILT1 NAME"] = p["filter"]
    h["HIERARCH ESO OBS TARG NAME"] = p["obj"]
    fits.PrimaryHDU(data, header=h).writeto(path, overwrite=True)
    return h


def write_cube(p, path, auxpath):
    nx = ny = 50
    nz = 100
    crval3, cdelt3 = 4750.0, 46.0
    scale = p["scale"]
    wave = crval3 + cdelt3 * np.arange(nz)
    img = stars((ny, nx), 15, fwhm_pix=0.8 / scale, peak=200.0, bg=5.0, noise=0.5)
    shape = 1.0 + 0.3 * (wave - wave.mean()) / np.ptp(wave) + \
        2.0 * np.exp(-0.5 * ((wave - 6563.0) / 60.0) ** 2)
    cube = (img[None, :, :] * shape[:, None, None]
            + rng.normal(0, 0.2, (nz, ny, nx))).astype(np.float32)
    h = fits.Header()
    common_eso(h, p)
    # CDELTn, not a CD matrix: DaCHS 2.7's SODA BAND code ignores CD3_3.
    h["CTYPE1"], h["CTYPE2"] = "RA---TAN", "DEC--TAN"
    h["CUNIT1"], h["CUNIT2"] = "deg", "deg"
    h["CRPIX1"], h["CRPIX2"] = (nx + 1) / 2.0, (ny + 1) / 2.0
    h["CRVAL1"], h["CRVAL2"] = p["ra"], p["dec"]
    h["CDELT1"], h["CDELT2"] = -scale / 3600.0, scale / 3600.0
    h["CTYPE3"], h["CUNIT3"] = "AWAV", "Angstrom"
    h["CRPIX3"], h["CRVAL3"], h["CDELT3"] = 1.0, crval3, cdelt3
    h["SPECSYS"] = "BARYCENT"
    h["WAVELMIN"] = (wave[0] / 10.0, "[nm] Minimum wavelength")
    h["WAVELMAX"] = (wave[-1] / 10.0, "[nm] Maximum wavelength")
    h["SPEC_RES"] = (3000.0, "Spectral resolving power")
    h["BUNIT"] = "10**(-20)*erg/s/cm**2/Angstrom"
    fits.PrimaryHDU(cube, header=h).writeto(path, overwrite=True)
    # white-light image (ESO: ANCILLARY.IMAGE.WHITELIGHT)
    wh = fits.Header()
    common_eso(wh, dict(p, prodcatg="ANCILLARY.IMAGE.WHITELIGHT"))
    for k in ("CTYPE1", "CTYPE2", "CUNIT1", "CUNIT2", "CRPIX1", "CRPIX2",
              "CRVAL1", "CRVAL2", "CDELT1", "CDELT2"):
        wh[k] = h[k]
    fits.PrimaryHDU(cube.sum(axis=0), header=wh).writeto(auxpath, overwrite=True)
    write_png_preview(cube.sum(axis=0), preview_path(path), zoom=4)
    return h, nz


def write_spectrum(p, path):
    wmin, wmax, npix = p["wmin"] * 10, p["wmax"] * 10, p["npix"]
    wave = np.linspace(wmin, wmax, npix)
    cont = 1e-13 * (wave / 5500.0) ** -2.0
    lines = np.ones_like(wave)
    for lc in (4861.3, 5889.95, 5895.92, 6562.8, 8498.0, 8542.1, 8662.1):
        if wmin < lc < wmax:
            lines -= 0.6 * np.exp(-0.5 * ((wave - lc) / 1.2) ** 2)
    flux = cont * lines
    err = flux / p["snr"]
    flux = flux + rng.normal(0, 1, npix) * err
    ph = fits.Header()
    common_eso(ph, p)
    ph["SPECSYS"] = ("BARYCENT", "Reference frame for spectral coordinates")
    ph["WAVELMIN"] = (wmin / 10.0, "[nm] Minimum wavelength")
    ph["WAVELMAX"] = (wmax / 10.0, "[nm] Maximum wavelength")
    ph["SPEC_BIN"] = ((wmax - wmin) / (npix - 1) / 10.0, "[nm] Wavelength bin size")
    ph["SPEC_RES"] = (p["res"], "Spectral resolving power")
    ph["SNR"] = (p["snr"], "Median signal-to-noise ratio")
    ph["APERTURE"] = (1.0 / 3600.0, "[deg] Aperture diameter")
    ph["FLUXCAL"] = ("ABSOLUTE", "Type of flux calibration")
    ph["TOT_FLUX"] = (False, "True if photometric conditions")
    cols = [
        fits.Column(name="WAVE", format=f"{npix}D", unit="angstrom", array=wave[None, :]),
        fits.Column(name="FLUX", format=f"{npix}E", unit="erg.cm**(-2).s**(-1).angstrom**(-1)",
                    array=flux[None, :].astype(np.float32)),
        fits.Column(name="ERR", format=f"{npix}E", unit="erg.cm**(-2).s**(-1).angstrom**(-1)",
                    array=err[None, :].astype(np.float32)),
    ]
    tb = fits.BinTableHDU.from_columns(cols, name="SPECTRUM")
    tb.header["VOCLASS"] = "SPECTRUM V2.0"
    tb.header["VOPUB"] = "ESO/SAF"
    tb.header["NELEM"] = npix
    tb.header["TUTYP1"] = "spec:Data.SpectralAxis.Value"
    tb.header["TUCD1"] = "em.wl"
    tb.header["TUTYP2"] = "spec:Data.FluxAxis.Value"
    tb.header["TUCD2"] = "phot.flux.density;em.wl;src.net;meta.main"
    tb.header["TUTYP3"] = "spec:Data.FluxAxis.Accuracy.StatError"
    tb.header["TUCD3"] = "stat.error;phot.flux.density;meta.main"
    fits.HDUList([fits.PrimaryHDU(header=ph), tb]).writeto(path, overwrite=True)
    return ph


def write_raw(r, path):
    rr = np.random.default_rng(abs(hash(r["dp_id"])) % 2**32 if False else r["seed"])
    data = (rr.normal(200, 5, (32, 32))).astype(np.int16)
    h = fits.Header()
    h["ORIGIN"] = "ESO"
    h["TELESCOP"] = r["telescope"]
    h["INSTRUME"] = r["instrument"]
    h["OBJECT"] = r["object"]
    h["RA"], h["DEC"] = r["ra"], r["dec"]
    h["DATE-OBS"] = r["date_obs"]
    h["MJD-OBS"] = r["mjd_obs"]
    h["EXPTIME"] = r["exposure"]
    h["ARCFILE"] = r["dp_id"] + ".fits"
    h["HIERARCH ESO DPR CATG"] = r["dp_cat"]
    h["HIERARCH ESO DPR TYPE"] = r["dp_type"]
    h["HIERARCH ESO DPR TECH"] = r["dp_tech"]
    h["HIERARCH ESO OBS PROG ID"] = r["prog_id"]
    fits.PrimaryHDU(data, header=h).writeto(path, overwrite=True)


# ------------------------------------------------------------ products with files

PRODUCTS = [
    dict(dp_id="ADP.2021-05-10T12:00:01.001", kind="image", tel="ESO-VLT-U1", inst="FORS2",
         obj="NGC 6397", ra=265.17539, dec=-53.67433, filter="R_SPECIAL", wmin=580.0, wmax=720.0,
         scale=0.5, rot=0.0, exptime=60.0, date="2021-05-04T05:12:31.000", prog="105.20AB.001",
         prodcatg="SCIENCE.IMAGE", obstech="IMAGE", collection="FORS2"),
    dict(dp_id="ADP.2021-03-20T09:10:02.002", kind="image", tel="ESO-VLT-U1", inst="FORS2",
         obj="NGC 5139", ra=201.69683, dec=-47.47958, filter="V_HIGH", wmin=500.0, wmax=600.0,
         scale=0.5, rot=17.0, exptime=30.0, date="2021-03-11T02:45:10.000", prog="105.20AB.001",
         prodcatg="SCIENCE.IMAGE", obstech="IMAGE", collection="FORS2"),
    dict(dp_id="ADP.2019-12-15T08:00:03.003", kind="image", tel="ESO-VLT-U4", inst="HAWKI",
         obj="30 Dor", ra=84.67650, dec=-69.10092, filter="Ks", wmin=1990.0, wmax=2310.0,
         scale=0.5, rot=0.0, exptime=120.0, date="2019-12-01T03:30:00.000", prog="0104.C-0123(A)",
         prodcatg="SCIENCE.IMAGE", obstech="IMAGE,JITTER", collection="HAWKI"),
    dict(dp_id="ADP.2020-03-01T10:20:04.004", kind="cube", tel="ESO-VLT-U4", inst="MUSE",
         obj="NGC 3201", ra=154.40343, dec=-46.41248, scale=0.2, exptime=600.0,
         date="2020-02-15T04:01:02.000", prog="0104.D-0456(B)", prodcatg="SCIENCE.CUBE.IFS",
         obstech="IFU", collection="MUSE"),
    dict(dp_id="ADP.2018-11-02T11:30:05.005", kind="spectrum", tel="ESO-VLT-U2", inst="UVES",
         obj="HD 10700", ra=26.01701, dec=-15.93748, wmin=480.0, wmax=680.0, npix=2000,
         res=42310.0, snr=85.0, exptime=300.0, date="2018-10-20T01:10:00.000",
         prog="0102.D-0789(A)", prodcatg="SCIENCE.SPECTRUM", obstech="ECHELLE",
         collection="UVES"),
    dict(dp_id="ADP.2021-05-20T14:40:06.006", kind="spectrum", tel="ESO-VLT-U2", inst="XSHOOTER",
         obj="NGC 6397 star 1", ra=265.17600, dec=-53.67400, wmin=550.0, wmax=1020.0, npix=1500,
         res=8900.0, snr=40.0, exptime=900.0, date="2021-05-05T06:00:00.000",
         prog="105.20CD.002", prodcatg="SCIENCE.SPECTRUM", obstech="ECHELLE,SLIT,NODDING",
         collection="XSHOOTER"),
    # embargoed: owner esoteam, release 2099-12-31 (protected on /getproduct)
    dict(dp_id="ADP.2019-01-15T15:50:07.007", kind="spectrum", tel="ESO-VLT-U2", inst="UVES",
         obj="eta Car", ra=161.26477, dec=-59.68445, wmin=480.0, wmax=680.0, npix=2000,
         res=42310.0, snr=150.0, exptime=60.0, date="2019-01-02T07:00:00.000",
         prog="0102.D-0999(A)", prodcatg="SCIENCE.SPECTRUM", obstech="ECHELLE",
         collection="UVES", embargo="2099-12-31T00:00:00"),
]
SUBDIR = {"image": "img", "cube": "cube", "spectrum": "spec"}

# ------------------------------------------------------------ generic metadata

INSTR = {
    # inst: telescope, collections, product kinds
    "FORS2": "ESO-VLT-U1", "HAWKI": "ESO-VLT-U4", "MUSE": "ESO-VLT-U4",
    "UVES": "ESO-VLT-U2", "XSHOOTER": "ESO-VLT-U2", "VIRCAM": "ESO-VISTA",
    "OMEGACAM": "ESO-VST", "HARPS": "ESO-3.6", "ESPRESSO": "ESO-VLT-U1",
    "ALMA": "ALMA", "KMOS": "ESO-VLT-U1",
}
FILTERS = {
    "FORS2": [("B_HIGH", 380, 500), ("V_HIGH", 500, 600), ("R_SPECIAL", 580, 720), ("I_BESS", 700, 950)],
    "HAWKI": [("J", 1180, 1360), ("H", 1480, 1780), ("Ks", 1990, 2310), ("BrG", 2150, 2180)],
    "VIRCAM": [("Z", 830, 925), ("Y", 970, 1070), ("J", 1170, 1330), ("H", 1480, 1780), ("Ks", 1990, 2300)],
    "OMEGACAM": [("u_SDSS", 320, 380), ("g_SDSS", 400, 550), ("r_SDSS", 560, 700), ("i_SDSS", 690, 840)],
}
SPEC = {  # wmin, wmax (nm), R, obstech
    "UVES": (300.0, 1100.0, 42310.0, "ECHELLE"),
    "XSHOOTER": (300.0, 2480.0, 8900.0, "ECHELLE,SLIT,NODDING"),
    "HARPS": (378.0, 691.0, 115000.0, "ECHELLE,ABSORPTION-CELL"),
    "ESPRESSO": (380.0, 788.0, 140000.0, "ECHELLE"),
}
NAMED = [
    ("NGC 6397", 265.1754, -53.6743), ("NGC 5139", 201.6968, -47.4796),
    ("30 Dor", 84.6765, -69.1009), ("NGC 3201", 154.4034, -46.4125),
    ("HD 10700", 26.0170, -15.9375), ("eta Car", 161.2648, -59.6844),
    ("Sgr A*", 266.4168, -29.0078), ("NGC 253", 11.8880, -25.2884),
    ("M 83", 204.2538, -29.8658), ("NGC 4993", 197.4488, -23.3839),
    ("SN 1987A", 83.8667, -69.2697), ("Orion Nebula", 83.8221, -5.3911),
    ("CDFS", 53.1228, -27.8050), ("COSMOS", 150.1191, 2.2058),
    ("Fornax Cluster", 54.6208, -35.4507), ("NGC 300", 13.7229, -37.6844),
    ("47 Tuc", 6.0236, -72.0813), ("HD 37903", 85.4100, -2.2590),
    ("Centaurus A", 201.3651, -43.0191), ("Tarantula", 84.6500, -69.0800),
    ("NGC 4666", 191.2863, -0.4619), ("Abell 1689", 197.8730, -1.3410),
    ("HR 8799", 346.8697, 21.1342), ("Proxima Cen", 217.4290, -62.6795),
    ("Bullet Cluster", 104.6200, -55.9470), ("M 87", 187.7059, 12.3911),
]
PI = ["Smith, J.", "Garcia, M.", "Rossi, L.", "Mueller, K.", "Dubois, A.",
      "Jansen, P.", "Silva, R.", "Novak, T.", "Kowalski, E.", "Andersen, H."]


def rand_sky(r, decmax=45.0):
    ra = r.uniform(0, 360)
    dec = math.degrees(math.asin(r.uniform(-1, math.sin(math.radians(decmax)))))
    return ra, dec


def near(r, ra, dec, rad):
    return tan_to_sky(ra, dec, [(r.normal(0, rad), r.normal(0, rad))])[0]


def progid(r, mjd):
    per = int(75 + (mjd - 53736) / 182.6)
    if r.random() < 0.5:
        return "%d.%s-%04d(%s)" % (per, "ABCDEFGHL"[r.integers(0, 9)], r.integers(1, 9999),
                                   "ABCD"[r.integers(0, 4)])
    return "%d.%02d%s%s.%03d" % (per + 30, r.integers(10, 40), "ABCDEFGH"[r.integers(0, 8)],
                                  "ABCDEFGH"[r.integers(0, 8)], r.integers(1, 20))


_used_ids = set()


def make_dp_id(prefix, mjd):
    t = Time(mjd, format="mjd", scale="utc").isot  # YYYY-MM-DDTHH:MM:SS.sss
    did = prefix + "." + t
    while did in _used_ids:
        mjd += 0.001 / 86400
        did = prefix + "." + Time(mjd, format="mjd", scale="utc").isot
    _used_ids.add(did)
    return did


def obscore_row(**kw):
    cols = ["abmaglim", "access_estsize", "access_format", "access_url", "bib_reference",
            "calib_level", "dataproduct_subtype", "dataproduct_type", "dp_id", "em_max",
            "em_min", "em_res_power", "em_xel", "facility_name", "filter", "gal_lat", "gal_lon",
            "instrument_name", "is_solar", "last_mod_date", "multi_ob", "n_obs",
            "o_calib_status", "o_ucd", "obs_collection", "obs_creator_did", "obs_creator_name",
            "obs_id", "obs_publisher_did", "obs_release_date", "obs_title", "obstech", "p3orig",
            "pol_states", "pol_xel", "preview_html", "proposal_id", "publication_date",
            "release_description", "s_dec", "s_fov", "s_pixel_scale", "s_ra", "s_region",
            "s_resolution", "s_xel1", "s_xel2", "snr", "strehl", "t_exptime", "t_max", "t_min",
            "t_resolution", "t_xel", "target_name"]
    row = {c: None for c in cols}
    row.update(kw)
    assert set(row) == set(cols), set(row) ^ set(cols)
    return row


def finish_row(row, r, mjd_start, exptime, embargo=None):
    """fills the time/curation columns common to all rows"""
    row["t_min"] = round(mjd_start, 6)
    row["t_max"] = round(mjd_start + exptime * (1.15 if row.get("n_obs", 1) == 1 else 3) / 86400, 6)
    row["t_exptime"] = exptime
    row["t_resolution"] = round((row["t_max"] - row["t_min"]) * 86400, 3)
    row["t_xel"] = 1
    pub_mjd = row["t_max"] + r.uniform(30, 400)
    row["publication_date"] = iso(pub_mjd)[:19] + "Z"
    row["last_mod_date"] = iso(pub_mjd + r.uniform(0, 200))[:23] + "Z"
    if embargo:
        row["obs_release_date"] = embargo + "Z"
    else:
        row["obs_release_date"] = iso(row["t_max"] + 365.25)[:23] + "Z"
    row["is_solar"] = 0
    row["pol_xel"] = None
    row["obs_publisher_did"] = pubdid(row["dp_id"])
    row["access_format"] = DL_FORMAT
    return row


def main():
    for sub in ("img", "cube", "spec", "pub/raw", "pub/aux"):
        os.makedirs(os.path.join(OUTDIR, sub), exist_ok=True)

    obscore, raws = [], []
    links = {"progenitors": {}, "auxiliary": {}, "calibrations": {}, "products": {},
             "raw_files": {}}

    # ---------------------------------------------------- raw frames helper
    def add_raw(inst, tel, mjd, cat, typ, tech, prog, obj, ra, dec, exptime, filt=None,
                wl=None, with_file=False, ob_id=None):
        dp_id = make_dp_id(inst, mjd)
        l, b = galactic([ra], [dec]) if ra is not None else ([None], [None])
        if wl is None:
            wl = (300.0, 1100.0)
        rec = dict(
            dp_id=dp_id, instrument=inst, telescope=tel, date_obs=iso(mjd)[:23],
            mjd_obs=round(mjd, 8), exp_start=iso(mjd)[:23], exposure=exptime,
            dp_cat=cat, dp_type=typ, dp_tech=tech, prog_id=prog,
            prog_title=("Calibration plan" if cat == "CALIB" else "Synthetic programme %s" % prog),
            prog_type=(2 if cat == "CALIB" else 0),
            period=int(75 + (mjd - 53736) / 182.6), pi_coi=("ESO" if cat == "CALIB" else PI[int(abs(ra or 0)) % 10]),
            object=obj, target=obj, ra=(round(ra, 6) if ra is not None else None),
            dec=(round(dec, 6) if dec is not None else None),
            ra_pnt=(round(ra, 5) if ra is not None else None),
            dec_pnt=(round(dec, 5) if dec is not None else None),
            gal_lon=(round(float(l[0]), 6) if ra is not None else None),
            gal_lat=(round(float(b[0]), 6) if ra is not None else None),
            ecl_lon=None, ecl_lat=None,
            lambda_min=wl[0], lambda_max=wl[1], filter_path=filt,
            ins_mode=("IMG" if "IMAGE" in tech else "SPEC" if tech != "IFU" else "WFM-NOAO-N"),
            obs_mode="s", ob_id=ob_id if ob_id is not None else (-1 if cat == "CALIB" else int(1000000 + mjd % 1 * 1e6)),
            ob_name=("Calibration" if cat == "CALIB" else "OB_" + obj.replace(" ", "_")),
            origfile="%s_%s_%04d.fits" % (inst, typ.replace(",", "_"), int(mjd * 1000) % 10000),
            det_dit=exptime, det_ndit=1, det_expid=None, det_chip1id=None, det_chop_ncycles=None,
            grat_path=None, gris_path=None, slit_path=None,
            tel_airm_start=(round(1.0 + rng.uniform(0, 0.8), 3) if cat == "SCIENCE" else None),
            tel_airm_end=None, tel_alt=None, tel_az=None,
            tel_ambi_fwhm_start=round(rng.uniform(0.4, 1.8), 2), tel_ambi_fwhm_end=None,
            tel_ambi_pres_start=round(rng.uniform(741, 746), 1), tel_ambi_pres_end=None,
            tel_ambi_rhum=round(rng.uniform(2, 40), 1),
            tpl_id="%s_%s_%s" % (inst, "img" if "IMAGE" in tech else "spec", "cal" if cat == "CALIB" else "obs"),
            tpl_name=typ, tpl_expno=1, tpl_nexp=1, tpl_seqno=1, tpl_start=iso(mjd)[:19],
            release_date=iso(mjd + (0 if cat == "CALIB" else 365.25))[:23] + "Z",
            last_mod_date=iso(mjd + 2)[:23] + "Z",
            access_estsize=(12 if with_file else int(rng.integers(2000, 60000))),
            access_url=(STATIC + "/raw/" + fname(dp_id)) if with_file else (BASE + "/eso/q/files/static/raw/" + fname(dp_id)),
            datalink_url=RAWDL_SVC + "?ID=" + pubdid(dp_id),
            s_region=([round(ra, 6), round(dec, 6)] if ra is not None else None),
            seed=len(raws) + 1,
        )
        raws.append(rec)
        if with_file:
            write_raw(rec, os.path.join(OUTDIR, "pub", "raw", fname(dp_id)))
            links["raw_files"][dp_id] = "raw/" + fname(dp_id)
        return rec

    CALTYPES = {
        "image": [("BIAS", "IMAGE", 0.0), ("FLAT,SKY", "IMAGE", 5.0), ("STD", "IMAGE", 10.0)],
        "cube": [("BIAS", "IFU", 0.0), ("FLAT,LAMP", "IFU", 10.0), ("WAVE", "IFU", 15.0),
                 ("STD", "IFU", 60.0)],
        "spectrum": [("BIAS", "ECHELLE", 0.0), ("LAMP,FLAT", "ECHELLE", 8.0),
                     ("LAMP,WAVE", "ECHELLE", 20.0), ("STD,FLUX", "ECHELLE", 120.0)],
    }

    def night_block(inst, tel, kind, mjd0, prog, obj, ra, dec, exptime, nsci, filt, wl, with_file):
        """science frames + same-night calibrations; returns (sci list, cal list)"""
        cals = []
        night = math.floor(mjd0 - 0.5) + 0.5  # noon-to-noon
        for k, (typ, tech, et) in enumerate(CALTYPES[kind]):
            for j in range(3 if typ == "BIAS" else 2):
                m = night + 0.45 + 0.0005 * (k * 3 + j) if typ != "STD" and not typ.startswith("STD") \
                    else night + 0.6 + 0.001 * j
                cals.append(add_raw(inst, tel, m, "CALIB", typ, tech, "60.A-9" + "%03d(A)" % (k + 1),
                                    typ if "STD" not in typ else "HR 4468", None if "STD" not in typ else 168.05,
                                    None if "STD" not in typ else -40.0, et, filt, wl, with_file))
        scis = []
        tech = {"image": "IMAGE", "cube": "IFU", "spectrum": "ECHELLE"}[kind]
        for j in range(nsci):
            m = mjd0 - (nsci - j) * (exptime / nsci + 30) / 86400.0
            scis.append(add_raw(inst, tel, m, "SCIENCE", "OBJECT", tech, prog, obj, ra, dec,
                                round(exptime / nsci, 3), filt, wl, with_file, ob_id=int(2000000 + j)))
        for s in scis:
            links["calibrations"][s["dp_id"]] = [c["dp_id"] for c in cals]
        return scis, cals

    # ---------------------------------------------------- products with files
    for p in PRODUCTS:
        sub = SUBDIR[p["kind"]]
        path = os.path.join(OUTDIR, sub, fname(p["dp_id"]))
        accref = "eso/data/%s/%s" % (sub, fname(p["dp_id"]))
        mjd0 = mjd_of(p["date"])
        r = np.random.default_rng(7)
        aux = []
        if p["kind"] == "image":
            h = write_image(p, path)
            w = WCS(h)
            fp = w.calc_footprint(axes=(200, 200))
            flat = [round(float(v), 7) for pt in fp for v in pt]
            fov = 200 * p["scale"] / 3600 * math.sqrt(2)
            row = obscore_row(dataproduct_type="image", dataproduct_subtype=None, calib_level=2,
                              em_min=p["wmin"] * 1e-9, em_max=p["wmax"] * 1e-9,
                              em_res_power=round((p["wmin"] + p["wmax"]) / 2 / (p["wmax"] - p["wmin"]), 3),
                              em_xel=1, filter=p["filter"], s_xel1=200, s_xel2=200,
                              s_pixel_scale=p["scale"], s_resolution=0.8,
                              abmaglim=24.1, o_ucd="phot.flux.density;em.wl", o_calib_status="absolute")
            wl = (p["wmin"], p["wmax"])
        elif p["kind"] == "cube":
            auxname = fname(p["dp_id"]).replace(".fits", "_WHITELIGHT.fits")
            h, nz = write_cube(p, path, os.path.join(OUTDIR, "pub", "aux", auxname))
            w = WCS(h).celestial
            fp = w.calc_footprint(axes=(50, 50))
            flat = [round(float(v), 7) for pt in fp for v in pt]
            fov = 50 * p["scale"] / 3600 * math.sqrt(2)
            row = obscore_row(dataproduct_type="cube", calib_level=3,
                              em_min=h["WAVELMIN"] * 1e-9, em_max=h["WAVELMAX"] * 1e-9,
                              em_res_power=3000.0, em_xel=nz, s_xel1=50, s_xel2=50,
                              s_pixel_scale=p["scale"], s_resolution=0.7, abmaglim=22.3,
                              o_ucd="phot.flux.density;em.wl", o_calib_status="absolute")
            aux.append(("aux/" + auxname, "ANCILLARY.IMAGE.WHITELIGHT", "application/fits",
                        "White-light image collapsed from the cube"))
            wl = (h["WAVELMIN"], h["WAVELMAX"])
        else:
            h = write_spectrum(p, path)
            flat, fov = footprint(p["ra"], p["dec"], circle_pts(0.5 / 3600, 6))
            fov = 1.0 / 3600
            row = obscore_row(dataproduct_type="spectrum", calib_level=2,
                              em_min=p["wmin"] * 1e-9, em_max=p["wmax"] * 1e-9,
                              em_res_power=p["res"], em_xel=p["npix"], snr=p["snr"], s_xel1=1,
                              s_xel2=1, s_resolution=1.0, o_ucd="phot.flux.density;em.wl",
                              o_calib_status="absolute")
            wl = (p["wmin"], p["wmax"])
        readme = fname(p["dp_id"]).replace(".fits", "_README.txt")
        with open(os.path.join(OUTDIR, "pub", "aux", readme), "w") as f:
            f.write("Synthetic ESO-like product %s (%s %s, %s).\nGenerated by "
                    "scripts/archive/make_data.py for local tests only.\n"
                    % (p["dp_id"], p["inst"], p["kind"], p["obj"]))
        aux.append(("aux/" + readme, "ANCILLARY.README", "text/plain", "Product README"))
        l, b = galactic([p["ra"]], [p["dec"]])
        svc = SDL_SVC if p["kind"] == "spectrum" else DL_SVC
        row.update(dp_id=p["dp_id"], access_url=svc + "?ID=" + pubdid(p["dp_id"]),
                   access_estsize=int(os.path.getsize(path) / 1024) + 1,
                   facility_name=p["tel"], instrument_name=p["inst"], obs_collection=p["collection"],
                   obs_creator_did="ivo://eso.localtest/origfile?%s_%s.fits" % (p["inst"], p["obj"].replace(" ", "_")),
                   obs_creator_name=PI[0], obs_id=p["dp_id"].replace("ADP", "OBS"),
                   obs_title="%s %s %s" % (p["inst"], p["obj"], p["kind"]),
                   obstech=p["obstech"], p3orig="IDP", multi_ob="S", n_obs=1,
                   proposal_id=p["prog"], target_name=p["obj"], s_ra=p["ra"], s_dec=p["dec"],
                   s_region=flat, s_fov=round(fov, 7), gal_lon=round(float(l[0]), 6),
                   gal_lat=round(float(b[0]), 6),
                   preview_html=(BASE + "/getproduct/" + accref + "?preview=True") if p["kind"] != "spectrum" else None,
                   release_description="https://www.eso.org/rm/api/v1/public/releaseDescriptions/%d" % (100 + PRODUCTS.index(p)),
                   bib_reference=None)
        finish_row(row, r, mjd0, p["exptime"], p.get("embargo"))
        obscore.append(row)
        scis, cals = night_block(p["inst"], p["tel"], p["kind"], mjd0, p["prog"], p["obj"],
                                 p["ra"], p["dec"], p["exptime"], 3, p.get("filter"), wl, True)
        links["progenitors"][p["dp_id"]] = [s["dp_id"] for s in scis]
        links["auxiliary"][p["dp_id"]] = [list(a) for a in aux]
        links["products"][p["dp_id"]] = {"kind": p["kind"], "accref": accref}

    # ---------------------------------------------------- bulk metadata-only rows
    r = np.random.default_rng(1234)

    def bulk(inst, n, kind, collection, make_geom, calib=2, subtype=None, p3orig="IDP",
             decmax=45.0, positions=None, named_frac=0.15, mjd_range=(55197, 60676)):
        for i in range(n):
            if positions is not None:
                ra, dec = positions(r)
                target = "Field %03d" % i
            elif r.random() < named_frac:
                name, ra0, dec0 = NAMED[r.integers(0, len(NAMED))]
                ra, dec = near(r, ra0, dec0, 0.05)
                target = name
            else:
                ra, dec = rand_sky(r, decmax)
                target = "TARGET-%05d" % r.integers(0, 99999)
            mjd = r.uniform(*mjd_range)
            geom = make_geom(r, ra, dec)
            flat, fov = geom["region"]
            exptime = geom.get("exptime", float(round(r.uniform(60, 3600), 1)))
            dp_prefix = "ALMA" if inst == "ALMA" else "ADP"
            pub_mjd = mjd + r.uniform(30, 400)
            dp_id = make_dp_id(dp_prefix, pub_mjd) if inst != "ALMA" else \
                "ALMA.A001_X%04x_X%03x" % (r.integers(0, 65535), i)
            if dp_id in _used_ids and inst == "ALMA":
                dp_id += "_%d" % i
            _used_ids.add(dp_id)
            l, b = galactic([ra], [dec])
            n_obs = int(geom.get("n_obs", 1 if r.random() < 0.7 else r.integers(2, 12)))
            embargo = None
            if r.random() < 0.03:
                embargo = ["2031-01-01T00:00:00", "2035-06-30T12:00:00", "2099-12-31T00:00:00"][r.integers(0, 3)]
            row = obscore_row(
                dataproduct_type=kind, dataproduct_subtype=subtype, calib_level=calib,
                dp_id=dp_id, access_url=(SDL_SVC if False else DL_SVC) + "?ID=" + pubdid(dp_id),
                access_estsize=int(geom.get("size_kb", r.integers(500, 500000))),
                facility_name=INSTR[inst], instrument_name=inst, obs_collection=collection,
                obs_creator_did="ivo://eso.localtest/origfile?%s_%s_%05d.fits" % (collection, kind, i),
                obs_creator_name=PI[r.integers(0, len(PI))], obs_id="%s_%s_%05d" % (collection, kind, i),
                obs_title="%s %s of %s" % (collection, kind, target),
                obstech=geom.get("obstech"), p3orig=p3orig, multi_ob=("M" if n_obs > 1 else "S"),
                n_obs=n_obs, proposal_id=progid(r, mjd) if inst != "ALMA" else "2019.1.%05d.S" % r.integers(0, 99999),
                target_name=target, s_ra=round(ra, 7), s_dec=round(dec, 7), s_region=flat,
                s_fov=round(fov, 7), gal_lon=round(float(l[0]), 6), gal_lat=round(float(b[0]), 6),
                em_min=geom["em"][0], em_max=geom["em"][1], em_res_power=geom.get("R"),
                em_xel=geom.get("em_xel", 1), filter=geom.get("filter"),
                s_xel1=geom.get("xel"), s_xel2=geom.get("xel"), s_pixel_scale=geom.get("pix"),
                s_resolution=geom.get("res"), abmaglim=geom.get("abmaglim"), snr=geom.get("snr"),
                strehl=geom.get("strehl"), o_ucd=geom.get("o_ucd", "phot.flux.density;em.wl"),
                o_calib_status=geom.get("o_calib_status", "absolute"),
                pol_states=geom.get("pol_states"),
                release_description="https://www.eso.org/rm/api/v1/public/releaseDescriptions/%d" % (100 + len(collection) * 7 % 97),
                preview_html=("https://almascience.eso.org/aq/?result_view=observation&mous=" + dp_id) if inst == "ALMA" else None,
            )
            finish_row(row, r, mjd, exptime, embargo)
            if inst == "ALMA":
                row["pol_xel"] = 2
                row["is_solar"] = int(r.random() < 0.01)
            obscore.append(row)

    def g_image(inst, size_deg, chips=None, lshape_frac=0.0, R_scale=None):
        def f(r, ra, dec):
            name, lo, hi = FILTERS[inst][r.integers(0, len(FILTERS[inst]))]
            ang = r.uniform(0, 180)
            if r.random() < lshape_frac:
                local, tag = lshape(size_deg), "mosaic"
            else:
                # multi-chip cameras: outline (hull) of the chip mosaic
                local, tag = rect(size_deg * (1.0 if chips is None else chips[0]),
                                  size_deg * (1.0 if chips is None else chips[1])), None
            pix = {"FORS2": 0.25, "HAWKI": 0.106, "VIRCAM": 0.34, "OMEGACAM": 0.21}[inst]
            return dict(region=footprint(ra, dec, local, ang), em=(lo * 1e-9, hi * 1e-9),
                        R=round((lo + hi) / 2 / (hi - lo), 3), filter=name,
                        xel=int(size_deg * 3600 / pix), pix=pix, res=round(r.uniform(0.5, 1.3), 2),
                        abmaglim=round(r.uniform(20, 25.5), 2),
                        obstech="IMAGE,JITTER" if inst != "FORS2" else "IMAGE",
                        strehl=(round(r.uniform(0.05, 0.4), 3) if inst == "HAWKI" and r.random() < 0.2 else None))
        return f

    def g_muse(r, ra, dec):
        nfm = r.random() < 0.1
        size = 7.5 / 3600 if nfm else 1.0 / 60
        deep = r.random() < 0.15
        local = lshape(size) if (deep and r.random() < 0.5) else rect(size, size)
        return dict(region=footprint(ra, dec, local, r.uniform(0, 360)), em=(4.75e-7, 9.35e-7),
                    R=3000.0, em_xel=3681, xel=int(size * 3600 / (0.025 if nfm else 0.2)),
                    pix=0.025 if nfm else 0.2, res=round(r.uniform(0.05, 0.1) if nfm else r.uniform(0.5, 1.2), 2),
                    abmaglim=round(r.uniform(21, 24), 2), obstech="IFU",
                    n_obs=(r.integers(2, 20) if deep else 1),
                    strehl=(round(r.uniform(0.05, 0.2), 3) if nfm else None))

    def g_alma(r, ra, dec):
        band = r.integers(0, 5)
        lo, hi = [(2.6e-3, 3.6e-3), (1.8e-3, 2.4e-3), (1.1e-3, 1.4e-3), (0.8e-3, 1.1e-3), (0.42e-3, 0.5e-3)][band]
        beam = [28.0, 21.0, 13.0, 9.0, 4.5][band] / 3600
        mosaic = r.random() < 0.1
        radius = beam * (r.uniform(2, 4) if mosaic else 1.0)
        return dict(region=footprint(ra, dec, circle_pts(radius, 24)), em=(lo, hi),
                    R=round(r.uniform(1e3, 1e6), 1), em_xel=int(r.integers(128, 3840)),
                    xel=int(r.integers(64, 1024)), pix=round(radius * 3600 / 50, 4),
                    res=round(radius * 3600 / r.uniform(5, 40), 3), obstech="INTERFEROMETRY",
                    o_ucd="phot.flux.density;em.freq", pol_states="/XX/YY/",
                    exptime=float(round(r.uniform(300, 20000), 1)))

    def g_spec(inst):
        lo, hi, R, tech = SPEC[inst]

        def f(r, ra, dec):
            return dict(region=footprint(ra, dec, circle_pts(0.5 / 3600, 6)), em=(lo * 1e-9, hi * 1e-9),
                        R=R, em_xel=int(r.integers(20000, 300000)), xel=1, res=1.0,
                        snr=round(float(r.gamma(2.0, 20.0)) + 1, 2), obstech=tech,
                        size_kb=int(r.integers(300, 8000)))
        return f

    def g_kids(kind):
        def f(r, ra, dec):
            name, lo, hi = FILTERS["OMEGACAM"][r.integers(0, 4)]
            return dict(region=footprint(ra, dec, rect(1.0, 1.0), 0.0),
                        em=(lo * 1e-9, hi * 1e-9) if kind == "image" else (3.2e-7, 2.3e-6),
                        R=round((lo + hi) / 2 / (hi - lo), 3),
                        filter=name if kind == "image" else None, xel=17000 if kind == "image" else None,
                        pix=0.2 if kind == "image" else None, res=0.8,
                        abmaglim=round(r.uniform(23, 25), 2), obstech="IMAGE,DITHER",
                        n_obs=5, o_ucd=None if kind == "measurements" else "phot.flux.density;em.wl",
                        size_kb=int(r.integers(1e6, 2e6)))
        return f

    def pos_bulge(r):
        l, b = r.uniform(-10, 10), r.uniform(-10, 5)
        c = SkyCoord(l=l * u.deg, b=b * u.deg, frame="galactic").icrs
        return float(c.ra.deg), float(c.dec.deg)

    def pos_kids(r):
        if r.random() < 0.5:
            return r.uniform(0, 52), r.uniform(-35, -27)   # KiDS-South
        return r.uniform(156, 225), r.uniform(-3, 3)       # KiDS-North

    def g_vircam(r, ra, dec):
        return g_image("VIRCAM", 1.0, (1.5, 1.1))(r, ra, dec)

    def g_vircam_paw(r, ra, dec):
        # pawprint: hull of the 4x4 detector array (gaps not represented)
        return g_image("VIRCAM", 0.6, (1.0, 1.0))(r, ra, dec)

    bulk("VIRCAM", 350, "image", "VVV", g_vircam, calib=3, subtype="tile", positions=pos_bulge)
    bulk("VIRCAM", 150, "image", "VVV", g_vircam_paw, calib=2, subtype="pawprint", positions=pos_bulge)
    bulk("VIRCAM", 350, "image", "VHS", g_vircam, calib=3, subtype="tile", decmax=0.0, named_frac=0.05)
    bulk("OMEGACAM", 250, "image", "KIDS", g_kids("image"), calib=3, subtype="tile", positions=pos_kids)
    bulk("OMEGACAM", 60, "measurements", "KIDS", g_kids("measurements"), calib=3, subtype="srctbl",
         positions=pos_kids)
    bulk("FORS2", 300, "image", "FORS2", g_image("FORS2", 6.8 / 60, (1.0, 1.0)))
    bulk("HAWKI", 300, "image", "HAWKI", g_image("HAWKI", 7.5 / 60, (1.0, 1.0), lshape_frac=0.1))
    bulk("MUSE", 500, "cube", "MUSE", g_muse, calib=3)
    bulk("ALMA", 400, "cube", "ALMA", g_alma, calib=2, p3orig="ALMA")
    bulk("UVES", 400, "spectrum", "UVES", g_spec("UVES"))
    bulk("XSHOOTER", 350, "spectrum", "XSHOOTER", g_spec("XSHOOTER"))
    bulk("HARPS", 300, "spectrum", "HARPS", g_spec("HARPS"), named_frac=0.4)
    bulk("ESPRESSO", 200, "spectrum", "ESPRESSO", g_spec("ESPRESSO"), named_frac=0.4)

    # ---------------------------------------------------- more raw frames
    r2 = np.random.default_rng(99)
    rawspec = [("FORS2", "image", "R_SPECIAL", (580, 720)), ("HAWKI", "image", "Ks", (1990, 2310)),
               ("MUSE", "cube", None, (465, 930)), ("UVES", "spectrum", None, (300, 1100)),
               ("XSHOOTER", "spectrum", None, (300, 2480)), ("ESPRESSO", "spectrum", None, (380, 788)),
               ("HARPS", "spectrum", None, (378, 691))]
    for k in range(60):
        inst, kind, filt, wl = rawspec[k % len(rawspec)]
        if r2.random() < 0.3:
            name, ra0, dec0 = NAMED[r2.integers(0, len(NAMED))]
            ra, dec = near(r2, ra0, dec0, 0.02)
        else:
            ra, dec = rand_sky(r2)
            name = "TARGET-%05d" % r2.integers(0, 99999)
        night_block(inst, INSTR[inst], kind, r2.uniform(57000, 60600), progid(r2, 58000), name, ra, dec,
                    float(round(r2.uniform(100, 3000), 1)), int(r2.integers(2, 8)), filt, wl, False)

    # ---------------------------------------------------- write tables
    def dump(name, rows):
        with open(os.path.join(OUTDIR, name), "w") as f:
            for row in rows:
                f.write(json.dumps(row, sort_keys=True) + "\n")

    dump("obscore.jsonl", obscore)
    for rr in raws:
        rr.pop("seed", None)
    dump("raw.jsonl", raws)

    # ---------------------------------------------------- asm (5 nights, 1-minute cadence)
    r3 = np.random.default_rng(5)
    meteo, dimm = [], []
    for night in range(5):
        start = dt.datetime(2021, 5, 2 + night, 21, 0, 0)
        temp0 = 12 + r3.normal(0, 1.5)
        for m in range(13 * 60):
            t0 = start + dt.timedelta(minutes=m)
            tm = t0 + dt.timedelta(seconds=30)
            frac = m / (13 * 60)
            temp = temp0 - 3.0 * frac + r3.normal(0, 0.1)
            ws = max(0.0, 6 + 4 * math.sin(frac * 3 + night) + r3.normal(0, 0.8))
            wd = (300 + 40 * math.sin(frac * 2 + night) + r3.normal(0, 5)) % 360
            rh = float(np.clip(10 + 8 * frac + r3.normal(0, 1), 1, 100))
            pr = 743.5 + 0.8 * math.sin(frac * 6) + r3.normal(0, 0.05)
            valid = 0 if r3.random() < 0.01 else 1
            meteo.append(dict(
                start_date=t0.isoformat() + "Z", midpoint_date=tm.isoformat() + "Z",
                integration=60, valid=valid,
                press_0m=round(pr, 2), presqnh=round(pr + 272.1, 2), prestrend_0m=round(r3.normal(0, 0.3), 2),
                rhum_2m=round(rh), rhum_30m=round(rh - 1), rhum_m20m=round(rh + 2),
                temp_0m=round(temp + 0.5, 2), temp_2m=round(temp, 2), temp_30m=round(temp - 0.4, 2),
                temp_2m_min=round(temp - 0.2, 2), temp_2m_max=round(temp + 0.2, 2),
                temp_2m_dev=round(abs(r3.normal(0.05, 0.02)), 3),
                tempdew_2m=round(temp - 25 + 8 * frac, 2),
                wind_speed_10m=round(ws, 2), wind_speed_30m=round(ws * 1.15, 2),
                wind_speed_10m_max=round(ws * 1.4, 2),
                wind_dir_10m=round(wd, 1), wind_dir_30m=round((wd + 5) % 360, 1),
                wind_speedu_20m=round(ws * math.cos(math.radians(wd)), 2),
                wind_speedv_20m=round(ws * math.sin(math.radians(wd)), 2),
                wind_speedw_20m=round(r3.normal(0, 0.3), 2),
                rain_m20m=0))
            if m % 1 == 0:
                see = float(np.clip(0.4 + abs(r3.normal(0.5, 0.25)) + 0.3 * math.sin(frac * 5 + night), 0.3, 3.5))
                am = 1.0 + abs(r3.normal(0.2, 0.15))
                dimm.append(dict(
                    start_date=t0.isoformat() + "Z", midpoint_date=tm.isoformat() + "Z",
                    integration=60, valid=1 if r3.random() > 0.02 else 0,
                    ra=round((100 + m * 0.25) % 360, 4), dec=-30.0 + 10 * math.sin(m / 100.0),
                    airmass=round(am, 3), fwhm=round(see, 3), fwhm_ab=round(see / am ** 0.6, 3),
                    tau0=round(max(0.0005, r3.normal(0.004, 0.0015)), 5),
                    theta0=round(max(0.5, r3.normal(2.0, 0.4)), 3),
                    rfl=round(r3.uniform(50, 400), 1), rfl_rms=round(r3.uniform(0.5, 5), 2),
                    star_name="HD %d" % (100000 + (m // 60) * 17)))
    lhat = add_asm(obscore, raws, meteo, dimm)
    dump("meteo.jsonl", meteo)
    dump("dimm.jsonl", dimm)
    dump("lhatpro.jsonl", lhat)
    add_previews(obscore, links)

    # ---------------------------------------------------- safcat catalogue
    r4 = np.random.default_rng(11)
    cat = []
    fields = [(53.1228, -27.8050), (150.1191, 2.2058), (54.6208, -35.4507), (265.1754, -53.6743),
              (13.7229, -37.6844), (30.0, -31.0)]
    n = 0
    for fi, (ra0, dec0) in enumerate(fields):
        for k in range(700):
            ra, dec = tan_to_sky(ra0, dec0, [(r4.uniform(-0.5, 0.5), r4.uniform(-0.5, 0.5))])[0]
            rmag = float(r4.uniform(16, 25))
            col = float(r4.normal(0.6, 0.3))
            n += 1
            cat.append(dict(
                id="KIDS J%s" % SkyCoord(ra * u.deg, dec * u.deg).to_string("hmsdms", sep="", precision=1).replace(" ", ""),
                seqnr=n, raj2000=round(ra, 7), decj2000=round(dec, 7),
                mag_auto_r=round(rmag, 3), magerr_auto_r=round(0.01 * 10 ** ((rmag - 20) / 5), 4),
                mag_gaap_u=round(rmag + col + 0.9 + r4.normal(0, 0.1), 3),
                mag_gaap_g=round(rmag + col + r4.normal(0, 0.05), 3),
                mag_gaap_r=round(rmag + r4.normal(0, 0.03), 3),
                mag_gaap_i=round(rmag - 0.3 * col + r4.normal(0, 0.05), 3),
                class_star=round(float(r4.uniform(0, 1)), 3),
                fwhm_world=round(float(r4.uniform(0.6, 2.5)) / 3600, 7),
                flags=int(r4.integers(0, 4) if r4.random() < 0.1 else 0),
                z_b=round(float(r4.gamma(2, 0.25)), 3),
                tile="KIDS_%.1f_%.1f" % (ra0, dec0)))
    dump("safcat.jsonl", cat)

    with open(os.path.join(OUTDIR, "links.json"), "w") as f:
        json.dump(links, f, indent=1, sort_keys=True)

    print("obscore %d, raw %d, meteo %d, dimm %d, lhatpro %d, safcat %d, products %d, previews %d" %
          (len(obscore), len(raws), len(meteo), len(dimm), len(lhat), len(cat), len(PRODUCTS), len(links["previews"])))


# ---------------------------------------------------------------- additions (issue 21)
# Everything below only ADDS rows/files (own random generators), so the tables and values above
# stay exactly as they were: asm rows for the nights of the Paranal raw frames and products,
# asm.lhatpros_paranal (PWV), and #preview images for most metadata-only products.
PARANAL = ("ESO-VLT-U1", "ESO-VLT-U2", "ESO-VLT-U3", "ESO-VLT-U4", "ESO-VISTA", "ESO-VST")
NO_PREVIEW = {"ADP.2012-11-06T12:38:33.553"}      # e2e: a metadata-only row without any link
SVG_PREVIEW = {"ADP.2013-12-24T01:09:14.238"}     # e2e: a scriptable preview that must not run
OLD_ASM = (dt.datetime(2021, 5, 2, 21), dt.datetime(2021, 5, 7, 10))


def dt_of_mjd(mjd):
    return dt.datetime(1858, 11, 17) + dt.timedelta(days=float(mjd))


def asm_windows(obscore, raws):
    """UTC minute windows [start, end) to cover: each Paranal raw frame and each Paranal product near a
    named target (or with a file), widened by 40 min; merged per night. Nights already generated
    (2021-05-02..06) are left out."""
    spans = []
    for r in raws:
        if r["telescope"] in PARANAL:
            t0 = dt_of_mjd(r["mjd_obs"])
            spans.append((t0, t0 + dt.timedelta(seconds=float(r["exposure"] or 0))))
    named = np.array([(ra, dec) for _, ra, dec in NAMED])
    for o in obscore:
        if o["facility_name"] not in PARANAL or o["t_min"] is None or o["s_ra"] is None \
                or o["t_max"] - o["t_min"] > 0.5:
            continue
        d = np.hypot((named[:, 0] - o["s_ra"]) * math.cos(math.radians(o["s_dec"])), named[:, 1] - o["s_dec"])
        if d.min() < 0.2 or o["dp_id"] in SVG_PREVIEW or o["obs_id"].startswith("OBS."):
            spans.append((dt_of_mjd(o["t_min"]), dt_of_mjd(o["t_max"])))
    pad = dt.timedelta(minutes=40)
    wins = []
    for a, b in sorted(spans):
        a = (a - pad).replace(second=0, microsecond=0)
        b = (b + pad).replace(second=0, microsecond=0)
        if wins and a <= wins[-1][1]:
            wins[-1] = (wins[-1][0], max(b, wins[-1][1]))
        else:
            wins.append((a, b))
    return wins


def add_asm(obscore, raws, meteo, dimm):
    """More asm rows (1-minute meteo/DIMM, 2-minute LHATPRO) for the windows; returns the LHATPRO rows."""
    r = np.random.default_rng(2121)
    lhat = []
    z = lambda t: t.isoformat() + "Z"  # noqa: E731
    for a, b in asm_windows(obscore, raws):
        n = int((b - a).total_seconds() // 60)
        base_see, base_rh, base_pwv = r.uniform(0.5, 1.3), r.uniform(4, 35), r.uniform(0.8, 6.0)
        for m in range(n):
            t0 = a + dt.timedelta(minutes=m)
            ph = m / 90.0
            if m % 2 == 0:
                lhat.append(dict(
                    start_date=z(t0), midpoint_date=z(t0 + dt.timedelta(seconds=60)), integration=120, valid=1,
                    lhatpro_id=1, platform="UT3", alt=90.0, az=0.0,
                    irt0=round(-95 + r.normal(0, 3), 2), lwp0=0.0,
                    iwv=round(max(0.2, base_pwv + 0.4 * math.sin(ph / 2) + r.normal(0, 0.05)), 3)))
            if OLD_ASM[0] <= t0 < OLD_ASM[1] and (t0.hour >= 21 or t0.hour < 10):
                continue  # the five nights generated above already have this minute of meteo and DIMM
            tm = t0 + dt.timedelta(seconds=30)
            ws = max(0.0, 5 + 3 * math.sin(ph) + r.normal(0, 0.8))
            wd = (290 + 30 * math.sin(ph / 2) + r.normal(0, 5)) % 360
            rh = float(np.clip(base_rh + 4 * math.sin(ph / 3) + r.normal(0, 1), 1, 100))
            temp = 11 + 3 * math.cos(ph / 4) + r.normal(0, 0.1)
            pr = 743.5 + 0.6 * math.sin(ph / 5) + r.normal(0, 0.05)
            meteo.append(dict(
                start_date=z(t0), midpoint_date=z(tm), integration=60, valid=0 if r.random() < 0.01 else 1,
                press_0m=round(pr, 2), presqnh=round(pr + 272.1, 2), prestrend_0m=round(r.normal(0, 0.3), 2),
                rhum_2m=round(rh), rhum_30m=round(rh - 1), rhum_m20m=round(rh + 2),
                temp_0m=round(temp + 0.5, 2), temp_2m=round(temp, 2), temp_30m=round(temp - 0.4, 2),
                temp_2m_min=round(temp - 0.2, 2), temp_2m_max=round(temp + 0.2, 2),
                temp_2m_dev=round(abs(r.normal(0.05, 0.02)), 3), tempdew_2m=round(temp - 22, 2),
                wind_speed_10m=round(ws, 2), wind_speed_30m=round(ws * 1.15, 2), wind_speed_10m_max=round(ws * 1.4, 2),
                wind_dir_10m=round(wd, 1), wind_dir_30m=round((wd + 5) % 360, 1),
                wind_speedu_20m=round(ws * math.cos(math.radians(wd)), 2),
                wind_speedv_20m=round(ws * math.sin(math.radians(wd)), 2),
                wind_speedw_20m=round(r.normal(0, 0.3), 2), rain_m20m=0))
            see = float(np.clip(base_see + 0.25 * math.sin(ph) + abs(r.normal(0, 0.12)), 0.3, 3.5))
            am = 1.0 + abs(r.normal(0.2, 0.15))
            dimm.append(dict(
                start_date=z(t0), midpoint_date=z(tm), integration=60, valid=1 if r.random() > 0.02 else 0,
                ra=round((100 + m * 0.25) % 360, 4), dec=round(-30.0 + 10 * math.sin(m / 100.0), 4),
                airmass=round(am, 3), fwhm=round(see, 3), fwhm_ab=round(see / am ** 0.6, 3),
                tau0=round(max(0.0005, 0.006 / see + r.normal(0, 0.0008)), 5),
                theta0=round(max(0.5, r.normal(2.0, 0.4)), 3),
                rfl=round(r.uniform(50, 400), 1), rfl_rms=round(r.uniform(0.5, 5), 2),
                star_name="HD %d" % (100000 + (m // 60) * 17)))
    return lhat


def spectrum_plot(r, nx=96, ny=64):
    """A tiny line plot of a synthetic spectrum (continuum + absorption lines) as a 2-D array."""
    x = np.linspace(0, 1, nx)
    y = 0.6 + 0.25 * np.sin(x * r.uniform(2, 5) + r.uniform(0, 3))
    for _ in range(int(r.integers(3, 9))):
        y -= r.uniform(0.05, 0.3) * np.exp(-((x - r.uniform(0, 1)) ** 2) / (2 * r.uniform(0.003, 0.01) ** 2))
    y += r.normal(0, 0.01, nx)
    img = np.zeros((ny, nx))
    rows = np.clip(((y - y.min()) / max(np.ptp(y), 1e-9) * (ny - 9) + 4).astype(int), 0, ny - 1)
    for i in range(nx):
        lo, hi = sorted((rows[i], rows[i - 1] if i else rows[i]))
        img[lo:hi + 1, i] = 1.0
    return img + 0.02


def add_previews(obscore, links):
    """#preview files for most metadata-only products: PNG star fields (images, cubes), PNG line plots
    (spectra), one SVG. links["previews"][dp_id] = [relative path, content type]."""
    r = np.random.default_rng(4242)
    links["previews"] = {}
    os.makedirs(os.path.join(OUTDIR, "pub", "preview"), exist_ok=True)
    for o in obscore:
        dp = o["dp_id"]
        if dp in links["products"] or dp in NO_PREVIEW or o["dataproduct_type"] not in ("image", "cube", "spectrum"):
            continue
        if o["instrument_name"] == "ALMA" or sum(map(ord, dp)) % 7 == 0:
            continue
        base = os.path.join(OUTDIR, "pub", "preview", fname(dp)[:-5])
        if dp in SVG_PREVIEW:
            with open(base + ".svg", "w") as f:
                f.write('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="window.__svgRan=1">'
                        '<script>window.__svgRan=1;document.title="pwned"</script>'
                        '<rect width="64" height="64" fill="red"/></svg>\n')
            links["previews"][dp] = ["preview/" + fname(dp)[:-5] + ".svg", "image/svg+xml"]
            continue
        if o["dataproduct_type"] == "spectrum":
            write_png_preview(spectrum_plot(r), base + ".png")
        else:
            write_png_preview(stars((48, 48), int(r.integers(8, 30)), 2.0, r=r), base + ".png")
        links["previews"][dp] = ["preview/" + fname(dp)[:-5] + ".png", "image/png"]


if __name__ == "__main__":
    main()
