#!/usr/bin/env bash
# A burst of ordinary writes larger than the connection pool, against the packaged app: how another
# user's check-in and readiness fare during it, against the same check-ins with no burst (the
# baseline, measured in the same run). See README.md in this folder. Needs root (PostgreSQL runs as
# the postgres user), PostgreSQL 15 server binaries, psql, java, python3 and curl.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
BURST=${BURST:-200}          # concurrent writes in the burst (customer creates and 10-item batch upserts, 4:1)
CHECKINS=${CHECKINS:-40}     # check-ins by another user, one after the other, in each phase
SKIP_BUILD=${SKIP_BUILD:-0}

ADMIN_EMAIL=admin@bench.canvass.io
ADMIN_PASSWORD=bench-admin-password

. "$HERE/../lib.sh"
bench_init

build_app
start_postgres <<EOF2
shared_buffers = 256MB
EOF2
start_app
log "app ready; pool of ${QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE:-20} connections; burst of $BURST writes"
python3 "$HERE/burst.py" "$BASE" "$MGMT" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$BURST" "$CHECKINS"
grep -c "Database connection failed\|Too many requests waiting" "$TMP/app.log" | xargs -I{} echo "503s logged by the app: {}"
