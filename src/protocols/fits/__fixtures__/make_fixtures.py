"""Writes the FITS reader's test files with astropy, and what astropy reads back from them (expected.json).
Run with Debian's python3 (python3-astropy): /usr/bin/python3 src/protocols/fits/__fixtures__/make_fixtures.py"""
import json, os
import numpy as np
from astropy.io import fits

here = os.path.dirname(os.path.abspath(__file__))
out = {}

def nan_list(a):
    return [None if (isinstance(x, float) and np.isnan(x)) else x for x in np.asarray(a, dtype=float).tolist()]

# 1. ESO SDP layout: one row of arrays, long string header value (CONTINUE), units, UCDs, utypes
n = 40
wave = np.linspace(5000.0, 5039.0, n)
flux = (1e-13 * (1 + 0.1 * np.sin(wave / 3))).astype(np.float32)
err = (flux / 50).astype(np.float32)
ph = fits.Header()
ph["OBJECT"] = "HD 10700"
ph["HIERARCH ESO OBS TARG NAME"] = ("HD10700", "OB target name")
ph["HIERARCH ESO TEL AIRM START"] = 1.234
ph["ORIGFILE"] = "a_very_long_original_file_name_that_does_not_fit_in_one_card_" + "x" * 60 + ".fits"
cols = [fits.Column(name="WAVE", format=f"{n}D", unit="angstrom", array=wave[None, :]),
        fits.Column(name="FLUX", format=f"{n}E", unit="erg.cm**(-2).s**(-1).angstrom**(-1)", array=flux[None, :]),
        fits.Column(name="ERR", format=f"{n}E", unit="erg.cm**(-2).s**(-1).angstrom**(-1)", array=err[None, :])]
tb = fits.BinTableHDU.from_columns(cols, name="SPECTRUM")
tb.header["TUTYP1"] = "spec:Data.SpectralAxis.Value"
tb.header["TUCD1"] = "em.wl"
tb.header["TUTYP2"] = "spec:Data.FluxAxis.Value"
tb.header["TUTYP3"] = "spec:Data.FluxAxis.Accuracy.StatError"
fits.HDUList([fits.PrimaryHDU(header=ph), tb]).writeto(os.path.join(here, "sdp-arrays.fits"), overwrite=True)
with fits.open(os.path.join(here, "sdp-arrays.fits")) as h:
    d = h[1].data
    out["sdp-arrays"] = {"origfile": h[0].header["ORIGFILE"], "object": h[0].header["OBJECT"],
                         "targ": h[0].header["HIERARCH ESO OBS TARG NAME"], "airm": h[0].header["HIERARCH ESO TEL AIRM START"],
                         "wave": d["WAVE"][0].tolist(), "flux": d["FLUX"][0].astype(float).tolist(), "err": d["ERR"][0].astype(float).tolist(),
                         "units": [h[1].header["TUNIT1"], h[1].header["TUNIT2"]]}

# 2. one row per sample: scaled integers with TNULL, a string column, a logical, bytes
m = 12
wave_nm = np.linspace(600.0, 611.0, m)
raw_flux = np.arange(m, dtype=np.int32) * 100 - 300
raw_flux[5] = -2147483647
raw_err = (np.arange(m, dtype=np.int16) + 10)
names = np.array([f"s{i}" for i in range(m)])
cols = [fits.Column(name="LAMBDA", format="D", unit="nm", array=wave_nm),
        fits.Column(name="NAME", format="6A", array=names),
        fits.Column(name="FLUX", format="J", unit="adu", array=raw_flux),
        fits.Column(name="ERROR", format="I", unit="adu", array=raw_err),
        fits.Column(name="GOOD", format="L", array=np.arange(m) % 2 == 0),
        fits.Column(name="Q", format="B", array=np.arange(m, dtype=np.uint8) + 200)]
hdu = fits.BinTableHDU.from_columns(cols, name="TABLE")
hdu.writeto(os.path.join(here, "rows.fits"), overwrite=True)
# scaling keywords added to the stored integers afterwards (astropy would otherwise scale the given values back)
for key, value in (("TSCAL3", 0.5), ("TZERO3", 1000.0), ("TNULL3", -2147483647), ("TSCAL4", 0.25)):
    fits.setval(os.path.join(here, "rows.fits"), key, value=value, ext=1)
with fits.open(os.path.join(here, "rows.fits")) as h:
    d = h[1].data
    # astropy leaves the TNULL value scaled in; the standard says the cell is undefined
    flux_values = nan_list(d["FLUX"])
    flux_values[5] = None
    out["rows"] = {"wave": d["LAMBDA"].tolist(), "flux": flux_values,
                   "err": d["ERROR"].astype(float).tolist(), "name": [str(x) for x in d["NAME"]], "good": [bool(x) for x in d["GOOD"]],
                   "q": d["Q"].astype(int).tolist(), "rawflux5": int(raw_flux[5])}

# 3. variable-length arrays (P descriptors into the heap)
vla = np.array([np.arange(3, dtype=np.float64), np.arange(5, dtype=np.float64) * 2.5], dtype=object)
hdu = fits.BinTableHDU.from_columns([fits.Column(name="V", format="PD()", array=vla)])
hdu.writeto(os.path.join(here, "heap.fits"), overwrite=True)
with fits.open(os.path.join(here, "heap.fits")) as h:
    out["heap"] = {"rows": [list(map(float, r)) for r in h[1].data["V"]]}

# 4. 1-D image spectrum, float32, linear axis
k = 30
img = (np.linspace(1.0, 2.0, k) ** 2).astype(np.float32)
ph = fits.Header()
ph["CRVAL1"] = 4000.0
ph["CDELT1"] = 2.5
ph["CRPIX1"] = 3.0
ph["CTYPE1"] = "WAVE"
ph["CUNIT1"] = "Angstrom"
ph["BUNIT"] = "erg/s/cm2/Angstrom"
ph["OBJECT"] = "eta Car"
fits.PrimaryHDU(img, header=ph).writeto(os.path.join(here, "image1d.fits"), overwrite=True)
out["image1d"] = {"flux": img.astype(float).tolist(), "wave": [4000.0 + (i + 1 - 3.0) * 2.5 for i in range(k)]}

# 5. 1-D image, int16 with BSCALE/BZERO and BLANK, in an IMAGE extension
raw = np.arange(k, dtype=np.int16) - 5
raw[7] = -32768
ih = fits.ImageHDU(raw, name="SCI")
ih.header["BSCALE"] = 2.0
ih.header["BZERO"] = 10.0
ih.header["BLANK"] = -32768
ih.header["CRVAL1"] = 1.0
ih.header["CD1_1"] = 0.5
fits.HDUList([fits.PrimaryHDU(), ih]).writeto(os.path.join(here, "image-int16.fits"), overwrite=True)
with fits.open(os.path.join(here, "image-int16.fits")) as h:
    out["image-int16"] = {"flux": nan_list(h[1].data), "wave": [1.0 + i * 0.5 for i in range(k)]}

with open(os.path.join(here, "expected.json"), "w") as f:
    json.dump(out, f, indent=1)
