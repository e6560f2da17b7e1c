#!/usr/bin/env bash
# Webhook delivery with two replicas of the packaged app on one PostgreSQL, to a local receiver:
#  1. burst: EVENTS events (default 100,000) written at once; drain throughput, duplicates, lateness;
#  2. steady: events published by pgbench at RATE per second for STEADY seconds; p50/p99 lateness.
# Needs root, PostgreSQL 15 server binaries, psql, pgbench, java, node, python3 and curl.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
EVENTS=${EVENTS:-100000}
RATE=${RATE:-500}
STEADY=${STEADY:-60}
SKIP_BUILD=${SKIP_BUILD:-0}
ADMIN_EMAIL=admin@bench.canvass.io
ADMIN_PASSWORD=bench-admin-password

. "$HERE/../lib.sh"
bench_init pgbench node

build_app
start_postgres <<EOF2
shared_buffers = 256MB
max_wal_size = 4GB
EOF2

RECEIVER_PORT=$(free_port)
node "$HERE/receiver.mjs" "$RECEIVER_PORT" >"$TMP/receiver.log" 2>&1 &
RECEIVER_PID=$!
EXTRA_PIDS="$RECEIVER_PID"

export CANVASS_WEBHOOKS_ALLOW_LOCALHOST_RECEIVERS=true
start_app
BASE_A=$BASE
EXTRA_PIDS="$EXTRA_PIDS $APP_PID"
mv "$TMP/app.log" "$TMP/app-a.log"
start_app
BASE_B=$BASE
log "replicas at $BASE_A and $BASE_B, receiver on $RECEIVER_PORT"

TOKEN=$(curl -fsS -X POST "$BASE_A/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
curl -fsS -X POST "$BASE_B/api/v1/webhooks/endpoints" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://localhost:$RECEIVER_PORT/hook\",\"eventTypes\":[\"checkin.created\"]}" >/dev/null

stats() { curl -fsS "http://127.0.0.1:$RECEIVER_PORT/stats"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

wait_for() {  # wait_for N: until N distinct events arrived and nothing is pending
  for _ in $(seq 1 1800); do
    [ "$(stats | field distinct)" -ge "$1" ] && [ "$(psql -Atc "select count(*) from webhook_delivery where status = 'PENDING'")" = 0 ] && return 0
    sleep 1
  done
  die "not all events were delivered within 30 minutes"
}

# --- 1. burst ----------------------------------------------------------------------------------
log "burst: $EVENTS events at once"
psql -q -X -v n="$EVENTS" <<'SQL'
with event as (
    insert into webhook_event (id, type, payload)
    select uuid_v7(), 'checkin.created', jsonb_build_object('checkInId', gen_random_uuid(), 'n', g)
    from generate_series(1, :n) g returning id
)
insert into webhook_delivery (id, event_id, endpoint_id)
select uuid_v7(), event.id, e.id from event, webhook_endpoint e;
SQL
T0=$(date +%s.%N)
wait_for "$EVENTS"
T1=$(date +%s.%N)
BURST=$(stats)
ATTEMPTS=$(psql -Atc "select sum(attempts) from webhook_delivery")
FAILED=$(psql -Atc "select count(*) from webhook_delivery where status <> 'DELIVERED'")
python3 - "$EVENTS" "$T0" "$T1" "$ATTEMPTS" "$FAILED" "$BURST" <<'PY'
import json, sys
events, t0, t1, attempts, failed = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
burst = json.loads(sys.argv[6])
print(f"\nburst:  {events} events, 2 replicas -> {burst['distinct']} delivered in {t1 - t0:.1f} s = {burst['distinct'] / (t1 - t0):.0f} events/s")
print(f"        duplicates {burst['duplicates']}, attempts {attempts}, not delivered {failed}")
print(f"        lateness (includes waiting in the backlog) p50 {burst['p50_ms']/1000:.1f} s, p99 {burst['p99_ms']/1000:.1f} s", flush=True)
PY

# --- 2. steady ---------------------------------------------------------------------------------
curl -fsS "http://127.0.0.1:$RECEIVER_PORT/reset" >/dev/null
log "steady: $RATE events/s for $STEADY s (pgbench -R)"
pgbench -n -c 4 -j 2 -R "$RATE" -T "$STEADY" -f "$HERE/publish.pgbench.sql" >"$TMP/pgbench.log" 2>&1 || { cat "$TMP/pgbench.log"; die "pgbench failed"; }
PUBLISHED=$(psql -Atc "select count(*) from webhook_delivery") 
wait_for $((PUBLISHED - EVENTS))
STEADY_STATS=$(stats)

python3 - "$STEADY_STATS" "$RATE" <<'PY'
import json, sys
steady, rate = json.loads(sys.argv[1]), sys.argv[2]
print(f"steady: {rate} events/s -> {steady['distinct']} delivered, duplicates {steady['duplicates']}, "
      f"lateness p50 {steady['p50_ms']:.0f} ms, p99 {steady['p99_ms']:.0f} ms, max {steady['max_ms']:.0f} ms")
PY
