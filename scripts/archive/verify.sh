#!/bin/bash
# verify.sh -- curl checks against the local archive (archive.sh verify).
# Adapted from the DaCHS reference recipe's verify_dachs.sh.  PASS/FAIL per
# check; exit status non-zero if any check fails.
set -u
B=${ARCHIVE_URL:-http://127.0.0.1:${ARCHIVE_PORT:-18080}}
ORIGIN=${ORIGIN:-http://localhost:5173}
PW=${ESOTEAM_PW:-s3cret}
T=$(mktemp -d); trap 'rm -rf $T' EXIT
fail=0
check() { local name=$1; shift
  if "$@" >/dev/null 2>&1; then echo "PASS  $name"; else echo "FAIL  $name"; fail=1; fi; }
tap() { curl -fs "$B/tap/sync" -d REQUEST=doQuery -d LANG=ADQL "$@"; }
csv1() { tap -d RESPONSEFORMAT=csv --data-urlencode "QUERY=$1" | tr -d '\r' | tail -1; }
ge() { [ "$1" -ge "$2" ]; }

IMG=ivo://eso.localtest/ID?ADP.2021-05-10T12:00:01.001
CUBE=ivo://eso.localtest/ID?ADP.2020-03-01T10:20:04.004
SPEC=ivo://eso.localtest/ID?ADP.2021-05-20T14:40:06.006
EMB=ADP.2019-01-15T15_50_07.007
RAW=ivo://eso.localtest/ID?FORS2.2021-05-04T05:10:01.000

check "VOSI capabilities" grep -q 'ivo://ivoa.net/std/TAP' <(curl -fs $B/tap/capabilities)
check "VOSI tables lists ivoa.obscore, dbo.raw, asm, safcat" bash -c "curl -fs $B/tap/tables | grep -q '<name>ivoa.obscore</name>' && curl -fs $B/tap/tables | grep -q '<name>dbo.raw</name>' && curl -fs $B/tap/tables | grep -q '<name>asm.dimm_paranal</name>' && curl -fs $B/tap/tables | grep -q '<name>safcat.kids_dr4_cat</name>'"
check "SELECT TOP 10 * FROM ivoa.ObsCore -> 10 rows" grep -qx 11 <(tap -d RESPONSEFORMAT=csv --data-urlencode 'QUERY=SELECT TOP 10 * FROM ivoa.ObsCore' | python3 -c 'import csv,sys; print(len(list(csv.reader(sys.stdin))))')
check "ObsCore has 55 columns" grep -qx 55 <(csv1 "SELECT COUNT(*) FROM TAP_SCHEMA.columns WHERE table_name='ivoa.obscore'")
check "ObsCore >= 3000 rows" ge "$(csv1 'SELECT COUNT(*) FROM ivoa.obscore')" 3000
check "TAP_SCHEMA: em_min unit m, ucd em.wl;stat.min" grep -q 'm,em.wl;stat.min' <(tap -d RESPONSEFORMAT=csv --data-urlencode "QUERY=SELECT unit, ucd FROM TAP_SCHEMA.columns WHERE table_name='ivoa.obscore' AND column_name='em_min'")
check "INTERSECTS(s_region, CIRCLE) finds FORS2 image" grep -q ADP.2021-05-10T12:00:01.001 <(tap -d RESPONSEFORMAT=csv --data-urlencode "QUERY=SELECT dp_id FROM ivoa.obscore WHERE INTERSECTS(s_region, CIRCLE('ICRS', 265.18, -53.67, 0.01))=1")
check "CONTAINS(POINT, s_region) finds FORS2 image" grep -q ADP.2021-05-10T12:00:01.001 <(tap -d RESPONSEFORMAT=csv --data-urlencode "QUERY=SELECT dp_id FROM ivoa.obscore WHERE CONTAINS(POINT('ICRS', 265.18, -53.67), s_region)=1")
check "s_region serialised as STC-S Polygon ICRS" grep -q '^Polygon ICRS' <(csv1 "SELECT TOP 1 s_region FROM ivoa.obscore")
check "embargoed rows (obs_release_date in future)" ge "$(csv1 "SELECT COUNT(*) FROM ivoa.obscore WHERE obs_release_date > '2030-01-01'")" 10
check "obscore result carries datalink descriptor" grep -q 'ivo://ivoa.net/std/DataLink#links-1.0' <(tap --data-urlencode 'QUERY=SELECT TOP 1 obs_publisher_did FROM ivoa.obscore')
check "RESPONSEFORMAT=json" grep -q '"columns"' <(tap -d RESPONSEFORMAT=json --data-urlencode 'QUERY=SELECT TOP 1 dp_id FROM ivoa.obscore')
check "MAXREC overflow" grep -q 'QUERY_STATUS" value="OVERFLOW"' <(tap -d MAXREC=2 --data-urlencode 'QUERY=SELECT dp_id FROM ivoa.obscore')
check "dbo.raw >= 500 rows, INTERSECTS on position" grep -q FORS2.2021-05-04 <(tap -d RESPONSEFORMAT=csv --data-urlencode "QUERY=SELECT dp_id FROM dbo.raw WHERE dp_cat='SCIENCE' AND 1=INTERSECTS(s_region, CIRCLE('', 265.175, -53.674, 0.1))")
check "dbo.raw row count" ge "$(csv1 'SELECT COUNT(*) FROM dbo.raw')" 500
check "asm.meteo_paranal night query" ge "$(csv1 "SELECT COUNT(*) FROM asm.meteo_paranal WHERE start_date BETWEEN '2021-05-03T21:00:00' AND '2021-05-04T10:00:00' AND valid=1")" 700
check "asm.dimm_paranal fwhm/airmass" ge "$(csv1 "SELECT COUNT(*) FROM asm.dimm_paranal WHERE fwhm > 0 AND airmass >= 1")" 1000
check "asm.lhatpros_paranal PWV at a FORS2 frame" ge "$(csv1 "SELECT COUNT(*) FROM asm.lhatpros_paranal WHERE start_date BETWEEN '2021-05-04T05:00:00' AND '2021-05-04T05:20:00' AND iwv > 0")" 5
check "asm covers a raw frame outside the first five nights" ge "$(csv1 "SELECT COUNT(*) FROM asm.dimm_paranal WHERE start_date BETWEEN '2014-12-09T00:00:00' AND '2014-12-11T12:00:00'")" 10
check "metadata-only product: #preview PNG via pdl" bash -c "curl -fsL -A curl '$B/eso/q/dl/dlmeta?ID=ivo://eso.localtest/ID?ADP.2016-02-09T12:16:50.686' | grep -q '#preview'"
check "SVG preview is served as image/svg+xml" bash -c "curl -fsI '$B/eso/q/files/static/preview/ADP.2013-12-24T01_09_14.238.svg' | grep -qi 'content-type: image/svg+xml'"
check "safcat cone search" ge "$(csv1 "SELECT COUNT(*) FROM safcat.kids_dr4_cat WHERE CONTAINS(POINT('', raj2000, decj2000), CIRCLE('', 53.12, -27.8, 0.1)) = 1")" 5
check "safcat RA UCD pos.eq.ra;meta.main" grep -q raj2000 <(tap -d RESPONSEFORMAT=csv --data-urlencode "QUERY=SELECT column_name FROM TAP_SCHEMA.columns WHERE table_name='safcat.kids_dr4_cat' AND ucd='pos.eq.ra;meta.main'")

# async (UWS); DaCHS ignores PHASE=RUN in the creation POST -> separate RUN
JOB=$(curl -fs -o /dev/null -w '%{redirect_url}' $B/tap/async -d REQUEST=doQuery -d LANG=ADQL -d RESPONSEFORMAT=csv --data-urlencode 'QUERY=SELECT TOP 5 dp_id FROM ivoa.obscore')
curl -fs -o /dev/null -d PHASE=RUN "$JOB/phase"
curl -fs -o /dev/null "$JOB?WAIT=30&PHASE=QUEUED"; curl -fs -o /dev/null "$JOB?WAIT=30&PHASE=EXECUTING"
check "TAP async job COMPLETED" grep -qx COMPLETED <(curl -fs "$JOB/phase")
curl -fs -o /dev/null -d ACTION=DELETE "$JOB"

check "SSAP POS/SIZE finds XSHOOTER spectrum" grep -q 'NGC 6397 star 1' <(curl -fs "$B/eso/q/ssap/ssap.xml?REQUEST=queryData&POS=265.176,-53.674&SIZE=0.01")
check "dbo.ssa has 3 spectra" grep -qx 3 <(csv1 'SELECT COUNT(*) FROM dbo.ssa')

curl -fsG $B/eso/q/dl/dlmeta --data-urlencode "ID=$IMG" > $T/dl.xml
for s in '#this' '#preview' '#progenitor' '#auxiliary' 'ivo://ivoa.net/std/SODA#sync-1.0'; do
  check "datalink image $s" grep -q "$s" $T/dl.xml; done
check "datalink cube BAND param" grep -q 'name="BAND"' <(curl -fsG $B/eso/q/dl/dlmeta --data-urlencode "ID=$CUBE")
check "datalink metadata-only row -> NotFoundFault" grep -q NotFoundFault <(curl -fsLG -A curl $B/eso/q/dl/dlmeta --data-urlencode "ID=ivo://eso.localtest/ID?$(csv1 "SELECT TOP 1 dp_id FROM ivoa.obscore WHERE dp_id LIKE 'ADP.2012%'")")
check "datalink spectrum (sdl) #this + #progenitor" bash -c "curl -fsG $B/eso/q/sdl/dlmeta --data-urlencode 'ID=$SPEC' | grep -q '#progenitor'"
curl -fsG $B/eso/q/dl/dlget --data-urlencode "ID=$IMG" --data-urlencode 'CIRCLE=265.1755 -53.6744 0.005' -o $T/cut.fits
check "SODA CIRCLE cutout (image)" bash -c "head -c 6 $T/cut.fits | grep -q SIMPLE && [ \$(stat -c %s $T/cut.fits) -lt 167040 ]"
curl -fsG $B/eso/q/dl/dlget --data-urlencode "ID=$CUBE" --data-urlencode 'BAND=6.4e-7 6.7e-7' -o $T/cube.fits
check "SODA BAND cutout (cube)" bash -c "head -c 6 $T/cube.fits | grep -q SIMPLE && [ \$(stat -c %s $T/cube.fits) -lt 1008000 ]"
check "SODA SDM spectrum BAND + csv" grep -q '^spectral' <(curl -fsG $B/eso/q/sdl/dlget --data-urlencode "ID=$SPEC" --data-urlencode 'BAND=6e-7 6.5e-7' --data-urlencode 'FORMAT=text/csv')
curl -fsG $B/eso/q/rawdl/dlmeta --data-urlencode "ID=$RAW" > $T/raw.xml
check "raw datalink #calibration" grep -q '#calibration' $T/raw.xml
check "raw datalink calSelector link" grep -q 'eso#calSelector_raw2raw' $T/raw.xml
check "calselector lists calibrations" grep -q 'mode=&quot;Raw2Raw&quot;\|mode="Raw2Raw"' <(curl -fsG $B/eso/q/calselector/dlmeta --data-urlencode "ID=$RAW")
check "raw file download (static)" bash -c "curl -fs $B/eso/q/files/static/raw/FORS2.2021-05-04T05_10_01.000.fits | head -c 6 | grep -q SIMPLE"
check "CORS: ACAO on TAP" grep -qi "^access-control-allow-origin: $ORIGIN" <(curl -s -o /dev/null -D - -H "Origin: $ORIGIN" $B/tap/capabilities)
check "basic auth: protected SSAP 401 without" grep -qx 401 <(curl -s -o /dev/null -w '%{http_code}' "$B/eso/q/pssa/ssap.xml?REQUEST=queryData&MAXREC=1")
check "basic auth: protected SSAP 200 with" grep -qx 200 <(curl -s -o /dev/null -w '%{http_code}' -u esoteam:$PW "$B/eso/q/pssa/ssap.xml?REQUEST=queryData&MAXREC=1")
check "image #preview is a PNG made from the pixels" bash -c "curl -fs '$B/getproduct/eso/data/img/ADP.2021-05-10T12_00_01.001.fits?preview=True' | head -c 8 | grep -q PNG"
check "cube #preview is a PNG of the white-light image" bash -c "curl -fs '$B/getproduct/eso/data/cube/ADP.2020-03-01T10_20_04.004.fits?preview=True' | head -c 8 | grep -q PNG"
check "embargoed file 401 without auth" grep -qx 401 <(curl -s -o /dev/null -w '%{http_code}' $B/getproduct/eso/data/spec/$EMB.fits)
check "embargoed file 200 with esoteam" grep -qx 200 <(curl -s -o /dev/null -w '%{http_code}' -u esoteam:$PW $B/getproduct/eso/data/spec/$EMB.fits)
check "embargoed file 401 with wrong password" grep -qx 401 <(curl -s -o /dev/null -w '%{http_code}' -u esoteam:wrong $B/getproduct/eso/data/spec/$EMB.fits)
exit $fail
