#!/bin/sh
# Start a throw-away PostgreSQL server for the database test suite and print its URL.
#
#   url=$(sh installer/ci-postgres.sh) && JDM_CTP_TEST_DATABASE_URL="$url" pytest tests/db
#
# Debian/Ubuntu, as root (CI containers). Installs `postgresql` from the distribution's
# packages if missing, creates a cluster in a temporary folder owned by the `postgres`
# user, listening on 127.0.0.1 only (port $JDM_CTP_PG_PORT, default 55432), with a
# database and user made up for this run. Only the URL goes to stdout; progress goes
# to stderr. Stop it with:  sh installer/ci-postgres.sh --stop
set -eu

PORT="${JDM_CTP_PG_PORT:-55432}"
ROOT="${JDM_CTP_PG_DIR:-/tmp/jdm-ctp-pg-$PORT}"
DB_NAME="jdm_ctp_test"
DB_USER="jdm_ctp_test"

log() { echo "ci-postgres: $*" >&2; }

pg_bin() {
    # Newest installed major version's binaries (initdb, pg_ctl are not on PATH on Debian).
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] || return 1
    echo "$dir"
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

if [ "${1:-}" = "--stop" ]; then
    bin=$(pg_bin) || exit 0
    [ -d "$ROOT/data" ] && as_postgres "'$bin/pg_ctl' -D '$ROOT/data' -m fast -w stop" >&2 || true
    rm -rf "$ROOT"
    exit 0
fi

if ! bin=$(pg_bin); then
    [ "$(id -u)" = 0 ] || { log "postgresql is not installed and this is not root"; exit 1; }
    log "installing postgresql from the Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends postgresql >&2
    bin=$(pg_bin)
fi

# Debian's package may start its own cluster on 5432; ours is separate and disposable.
if [ -f "$ROOT/data/postmaster.pid" ] && as_postgres "'$bin/pg_ctl' -D '$ROOT/data' status" >/dev/null 2>&1; then
    log "already running in $ROOT"
    PASSWORD=$(cat "$ROOT/password")
else
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    echo "$PASSWORD" > "$ROOT/password"
    if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$ROOT"; fi
    chmod 700 "$ROOT"
    log "creating a cluster in $ROOT/data"
    as_postgres "'$bin/initdb' -D '$ROOT/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >&2 \
        || as_postgres "'$bin/initdb' -D '$ROOT/data' -U postgres -A trust -E UTF8 --no-locale" >&2
    # Only this machine, password auth over TCP; unix socket in our own folder.
    cat > "$ROOT/data/pg_hba.conf" <<HBA
local   all all                trust
host    all all 127.0.0.1/32   scram-sha-256
HBA
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$ROOT/data/pg_hba.conf"; fi
    as_postgres "'$bin/pg_ctl' -D '$ROOT/data' -l '$ROOT/server.log' -w \
        -o \"-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT -c fsync=off\" start" >&2
    as_postgres "'$bin/psql' -h '$ROOT' -p $PORT -U postgres -v ON_ERROR_STOP=1 -q \
        -c \"CREATE ROLE $DB_USER LOGIN PASSWORD '$PASSWORD'\" \
        -c \"CREATE DATABASE $DB_NAME OWNER $DB_USER\"" >&2
    log "running on 127.0.0.1:$PORT (log: $ROOT/server.log)"
fi

echo "postgresql+psycopg://$DB_USER:$PASSWORD@127.0.0.1:$PORT/$DB_NAME"
