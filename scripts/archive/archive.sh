#!/bin/bash
# archive.sh -- local ESO-like science archive (GAVO DaCHS 2.7 on PostgreSQL 15
# + pgsphere) on loopback.  See README.md in this directory.
#
#   bash scripts/archive/archive.sh start|stop|status|verify|restart|rebuild
#
# Env: ARCHIVE_PORT (default 18080), ARCHIVE_CORS (origin regex),
#      ESOTEAM_PW (password of test user esoteam, default s3cret),
#      ARCHIVE_LOCK_DIR (default /run/lock)
#
# Several runs may share the machine (two test runs, a test run and a developer): start, stop,
# restart and rebuild take an exclusive lock, so a second `start` waits and then finds the archive
# running. A test run holds a shared "user" lock while it uses the archive (see `hold`), and
# `stop-if-unused` stops only when no other run holds one.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PORT=${ARCHIVE_PORT:-18080}
BASE="http://127.0.0.1:$PORT"
CORS=${ARCHIVE_CORS:-'https?://(localhost|127\.0\.0\.1)(:[0-9]+)?'}
ESOTEAM_PW=${ESOTEAM_PW:-s3cret}
PGVER=15
PY=/usr/bin/python3
GAVO_ROOT=/var/gavo
RESDIR=$GAVO_ROOT/inputs/eso
STAMP=$GAVO_ROOT/state/eso-archive.stamp
PKGS_PG="postgresql-$PGVER postgresql-$PGVER-pgsphere postgresql-$PGVER-q3c curl"
PKGS_DACHS="gavodachs2-server python3-astropy python3-numpy"
PGSPHERE_SQL=/usr/share/postgresql/$PGVER/extension/pg_sphere--1.2.0.sql
export DEBIAN_FRONTEND=noninteractive
APT="apt-get -o DPkg::Lock::Timeout=900 -y --no-install-recommends"

LOCK_DIR=${ARCHIVE_LOCK_DIR:-/run/lock}
[ -d "$LOCK_DIR" ] && [ -w "$LOCK_DIR" ] || LOCK_DIR=${TMPDIR:-/tmp}
LOCK=$LOCK_DIR/eso-archive-$PORT.lock        # held (exclusive) while starting or stopping
USERS=$LOCK_DIR/eso-archive-$PORT.users      # held (shared) by every run that uses the archive

T0=$(date +%s.%N)
log() { printf '[archive %6.1fs] %s\n' "$(awk "BEGIN{print $(date +%s.%N) - $T0}")" "$*" >&2; }
die() { echo "archive.sh: $*" >&2; exit 1; }

pkg_ok() { dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

require_root_debian() {
  local missing=() p
  for p in $PKGS_PG $PKGS_DACHS; do pkg_ok "$p" || missing+=("$p"); done
  if [ "$(id -u)" != 0 ] || ! grep -qs 'ID=debian' /etc/os-release; then
    if [ ${#missing[@]} -gt 0 ] || [ "$(id -u)" != 0 ]; then
      cat >&2 <<MSG
archive.sh needs root on Debian 12 (bookworm). To set it up by hand, as root:
  apt-get install $PKGS_PG
  sed -i '/minimal set of backwards-compatible operators for GAVO DaCHS/,/^-- debugging/{/^ *\\(COMMUTATOR\\|NEGATOR\\) *=/d}' $PGSPHERE_SQL
  apt-get install $PKGS_DACHS
then re-run: sudo bash $HERE/archive.sh start
Missing packages here: ${missing[*]:-none}
MSG
      exit 1
    fi
  fi
}

patch_pgsphere() {
  # pgsphere 1.1.1 (bookworm) + PostgreSQL >= 15.10: CREATE EXTENSION pg_sphere
  # fails ("commutator operator @> is already the commutator of operator <@")
  # in two legacy DaCHS-compat operators; drop their COMMUTATOR/NEGATOR lines.
  [ -f "$PGSPHERE_SQL" ] || die "missing $PGSPHERE_SQL"
  if sed -n '/minimal set of backwards-compatible operators for GAVO DaCHS/,/^-- debugging/p' "$PGSPHERE_SQL" \
      | grep -Eq '^ *(COMMUTATOR|NEGATOR) *='; then
    log "patching $PGSPHERE_SQL (pgsphere/PG>=15.10 commutator clash)"
    sed -i '/minimal set of backwards-compatible operators for GAVO DaCHS/,/^-- debugging/{/^ *\(COMMUTATOR\|NEGATOR\) *=/d}' "$PGSPHERE_SQL"
  fi
}

write_gavo_rc() {
  local tmp; tmp=$(mktemp)
  cat > "$tmp" <<RC
# written by scripts/archive/archive.sh -- do not edit by hand
[general]
rootDir: $GAVO_ROOT

[web]
bindAddress: 127.0.0.1
serverPort: $PORT
serverURL: $BASE
sitename: Local ESO-archive stand-in (DaCHS)
realm: ESO-local-test
corsOriginPat: $CORS

[ivoa]
authority: eso.localtest

[async]
defaultExecTime: 3600
RC
  if ! cmp -s "$tmp" /etc/gavo.rc; then cp "$tmp" /etc/gavo.rc; chmod 644 /etc/gavo.rc; RC_CHANGED=1; fi
  rm -f "$tmp"
}

start_pg() {
  pg_lsclusters -h | grep -q "^$PGVER  *main " || pg_createcluster $PGVER main
  if ! pg_ctlcluster $PGVER main status >/dev/null 2>&1; then
    log "starting PostgreSQL $PGVER/main"
    pg_ctlcluster $PGVER main start 9>&- 8>&-   # daemons must not inherit (and so hold) our locks
  fi
}

install_packages() {
  local missing=() p
  for p in $PKGS_PG; do pkg_ok "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    $APT install "${missing[@]}" || { apt-get -o DPkg::Lock::Timeout=900 update && $APT install "${missing[@]}"; }
  fi
  patch_pgsphere
  start_pg
  write_gavo_rc   # BEFORE installing DaCHS (its postinst reads it)
  missing=()
  for p in $PKGS_DACHS; do pkg_ok "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    $APT install "${missing[@]}" || { apt-get -o DPkg::Lock::Timeout=900 update && $APT install "${missing[@]}" || true; }
  fi
  # a half-configured gavodachs2-server (earlier failed postinst) -> finish it
  if dpkg -l gavodachs2-server 2>/dev/null | grep -q '^i[^i]\|^.[FHUW]' || ! pkg_ok gavodachs2-server; then
    log "dpkg --configure -a"
    dpkg --configure -a
  fi
  pkg_ok gavodachs2-server || die "gavodachs2-server did not install"
}


dachs_as_root() { dachs "$@"; }
as_dachsroot() { su dachsroot -s /bin/bash -c "cd $RESDIR 2>/dev/null || cd /; $*"; }

answers() { curl -fs -m 5 -o /dev/null "$BASE/tap/capabilities"; }

inputs_checksum() {
  (cd "$HERE" && cat make_data.py rd/*.rd; echo "$BASE $ESOTEAM_PW") | sha256sum | cut -d' ' -f1
}

import_data() {
  local sum; sum=$(inputs_checksum)
  if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$sum" ] && [ -f "$RESDIR/data/links.json" ]; then
    log "data and RDs unchanged (stamp $STAMP) -- no re-import"
    return 1
  fi
  log "generating data + importing resource descriptors"
  install -d -o dachsroot -g gavo "$RESDIR"
  rm -rf "$RESDIR/data.new"
  "$PY" "$HERE/make_data.py" "$RESDIR/data.new" "$BASE" 2> >(grep -v FITSFixedWarning >&2) >&2   # stdout: only the URL
  rm -rf "$RESDIR/data"; mv "$RESDIR/data.new" "$RESDIR/data"
  install -m 644 "$HERE"/rd/*.rd "$RESDIR/"
  chown -R dachsroot:gavo "$RESDIR"; chmod -R g+rX "$RESDIR"
  # test user for HTTP basic auth (group esoteam)
  as_dachsroot "dachs adm adduser esoteam '$ESOTEAM_PW'" >/dev/null 2>&1 \
    || as_dachsroot "dachs adm changeuser esoteam '$ESOTEAM_PW'" >/dev/null
  local rd
  for rd in obscore q asm safcat priv; do
    log "dachs imp eso/$rd"
    as_dachsroot "dachs imp $rd" 2>&1 | grep -i 'error\|rows affected' >&2 || true
  done
  as_dachsroot "dachs pub q" >/dev/null 2>&1 || true
  # sanity: everything really imported?
  local n
  n=$(runuser -u postgres -- psql -d gavo -Atc "select (select count(*) from ivoa.obscore)||','||(select count(*) from dbo.raw)||','||(select count(*) from dbo.ssa)||','||(select count(*) from asm.meteo_paranal)||','||(select count(*) from safcat.kids_dr4_cat)" 2>/dev/null || true)
  log "row counts obscore,raw,ssa,meteo,safcat = $n"
  case "$n" in *,0*|"") die "import failed (row counts: '$n')";; esac
  echo "$sum" > "$STAMP"
  return 0
}

start_dachs() {
  local reimported=$1
  if answers && [ "$reimported" = 0 ] && [ "${RC_CHANGED:-0}" = 0 ]; then
    log "DaCHS already running"
    return
  fi
  if [ -f "$GAVO_ROOT/state/web.pid" ] && kill -0 "$(cat "$GAVO_ROOT/state/web.pid")" 2>/dev/null; then
    log "restarting DaCHS"
    dachs serve stop >/dev/null 2>&1 || true
  fi
  rm -f "$GAVO_ROOT/state/web.pid"
  log "dachs serve start (127.0.0.1:$PORT)"
  dachs serve start >/dev/null 9>&- 8>&-   # the server must not inherit (and so hold) our locks
  local i
  for i in $(seq 1 300); do answers && break; sleep 0.1; done
  answers || die "DaCHS does not answer on $BASE/tap/capabilities (see $GAVO_ROOT/logs/)"
}

# Serialises start/stop/rebuild between processes: the second one waits (up to 30 min) for the first.
take_lock() {
  local wait=${1:-1800}
  exec 9>>"$LOCK"
  if ! flock -n 9; then
    log "another archive.sh is starting or stopping the archive; waiting for it"
    flock -w "$wait" 9 || die "waited $wait s for $LOCK; is an archive.sh stuck? (see: fuser -v $LOCK)"
  fi
}

cmd_start() {
  require_root_debian
  install_packages
  RC_CHANGED=${RC_CHANGED:-0}
  local re=0
  if import_data; then re=1; fi
  start_dachs $re
  log "ready"
  echo "$BASE"
}

cmd_stop() {
  if command -v dachs >/dev/null 2>&1; then dachs serve stop >/dev/null 2>&1 || true; fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && pg_ctlcluster $PGVER main status >/dev/null 2>&1; then
    pg_ctlcluster $PGVER main stop
  fi
  echo "stopped"
}

cmd_status() {
  if answers; then echo "running: $BASE (TAP $BASE/tap)"; return 0; fi
  echo "not answering on $BASE"; return 1
}

# Stops only when no other run holds the shared user lock.
cmd_stop_if_unused() {
  exec 8>>"$USERS"
  if flock -n -x 8; then cmd_stop; else echo "still in use by another run; left running"; fi
}

case "${1:-}" in
  start) take_lock; cmd_start ;;
  stop) take_lock; cmd_stop ;;
  # a run that ends never waits long to stop: if another archive.sh holds the lock, it is busy with the archive
  stop-if-unused) take_lock 60 || exit 0; cmd_stop_if_unused ;;
  # runs a command while holding the shared user lock: `archive.sh hold -- npx playwright test`
  hold) shift; [ "${1:-}" = -- ] && shift; exec flock -s "$USERS" "$@" ;;
  restart) take_lock; cmd_stop; cmd_start ;;
  status) cmd_status ;;
  verify) ARCHIVE_URL=$BASE exec bash "$HERE/verify.sh" ;;
  rebuild) take_lock; rm -f "$STAMP"; cmd_start ;;
  install-only) take_lock; require_root_debian; install_packages ;;
  *) echo "usage: $0 start|stop|stop-if-unused|hold -- CMD|status|verify|restart|rebuild" >&2; exit 2 ;;
esac
