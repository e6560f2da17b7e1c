#!/usr/bin/env bash
# Reminder dispatch throughput: REMINDERS due reminders (default 100,000) pushed by two replicas of
# the packaged app to a local push service; reports reminders/s, lateness (due → sent) and
# duplicates. See README.md in this folder. Needs root (PostgreSQL runs as the postgres user),
# PostgreSQL 15 server binaries, psql, java, python3, openssl, xxd and curl. Everything it starts
# is stopped on exit, and the temp dir is removed unless KEEP_TMP=1.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
REMINDERS=${REMINDERS:-100000}   # due reminders
USERS=${USERS:-1000}             # reps, one device each
BATCH=${BATCH:-500}              # reminders claimed per batch
PUSH_CONCURRENCY=${PUSH_CONCURRENCY:-64}  # concurrent pushes per batch and replica
MAX_WAIT=${MAX_WAIT:-1800}       # seconds to wait for every reminder to be sent
SKIP_BUILD=${SKIP_BUILD:-0}

ADMIN_EMAIL=admin@bench.canvass.io
ADMIN_PASSWORD=bench-admin-password

. "$HERE/../lib.sh"
bench_init openssl xxd
EXTRA_PIDS=

START=$(date +%s)
build_app

start_postgres <<EOF2
shared_buffers = 256MB
synchronous_commit = off
max_wal_size = 4GB
EOF2
log "PostgreSQL 15 on 127.0.0.1:$PG_PORT ($TMP/pg)"

# --- keys: the app's VAPID pair, and one browser key pair shared by every bench device ---------
b64url() { base64 -w0 | tr '/+' '_-' | tr -d '='; }
openssl ecparam -name prime256v1 -genkey -noout -out "$TMP/vapid.pem" 2>/dev/null
export CANVASS_PUSH_VAPID_PRIVATE_KEY=$(openssl ec -in "$TMP/vapid.pem" -outform DER 2>/dev/null | tail -c +8 | head -c 32 | b64url)
export CANVASS_PUSH_VAPID_PUBLIC_KEY=$(openssl ec -in "$TMP/vapid.pem" -pubout -outform DER 2>/dev/null | tail -c 65 | b64url)
openssl ecparam -name prime256v1 -genkey -noout -out "$TMP/ua.pem" 2>/dev/null
UA_P256DH=$(openssl ec -in "$TMP/ua.pem" -pubout -outform DER 2>/dev/null | tail -c 65 | xxd -p -c 200)
UA_AUTH=$(openssl rand -hex 16)

# --- the push service: counts each message's Topic --------------------------------------------
RECEIVER_PORT=$(free_port)
java "$HERE/Receiver.java" "$RECEIVER_PORT" >"$TMP/receiver.log" 2>&1 &
EXTRA_PIDS="$EXTRA_PIDS $!"
for i in $(seq 1 60); do curl -fs "http://127.0.0.1:$RECEIVER_PORT/stats" >/dev/null 2>&1 && break; sleep 1; done

# --- two replicas (prod mode) dispatching every second ------------------------------------------
export CANVASS_PUSH_ALLOW_LOCAL_ENDPOINTS=true   # the receiver is on loopback: never in production
export CANVASS_PUSH_CONCURRENCY=$PUSH_CONCURRENCY
export CANVASS_REMINDERS_BATCH_SIZE=$BATCH CANVASS_REMINDERS_MAX_BATCHES_PER_RUN=100000
export CANVASS_REMINDERS_DISPATCH_EVERY=1s CANVASS_REMINDERS_DISPATCH_DELAY=1s CANVASS_REMINDERS_SCAN_EVERY=off
export JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
APP_LOG=replica-a.log start_app
EXTRA_PIDS="$EXTRA_PIDS $APP_PID"; BASE_A=$BASE; MGMT_A=$MGMT
APP_LOG=replica-b.log start_app
BASE_B=$BASE; MGMT_B=$MGMT
log "replicas at $BASE_A and $BASE_B, push service at 127.0.0.1:$RECEIVER_PORT"

psql -q -X -v ON_ERROR_STOP=1 -v users="$USERS" -v endpoint_base="http://127.0.0.1:$RECEIVER_PORT/push" \
  -v p256dh="$UA_P256DH" -v auth="$UA_AUTH" -f "$HERE/seed.sql"

# --- the reminders: all due 30 s after the insert starts (it is committed by then) ---------------
log "inserting $REMINDERS reminders for $USERS reps, due in 30 s"
psql -q -X -v ON_ERROR_STOP=1 -c "
  insert into reminder (id, user_id, kind, dedupe_key, args, link, due_at, deliver_at)
  select uuid_v7(), r.id, 'PUSH_TEST', 'bench:' || g, '{}', '/today', now() + interval '30 seconds', now() + interval '30 seconds'
  from generate_series(1, $REMINDERS) g join bench_rep r on r.n = 1 + (g % $USERS)"
DUE=$(psql -Atc "select min(due_at) from reminder where dedupe_key like 'bench:%'")
log "due at $DUE; waiting for every reminder to be sent"

deadline=$(( $(date +%s) + MAX_WAIT + 30 ))
while :; do
  read -r sent pending < <(psql -AtF ' ' -c "select count(*) filter (where state = 'SENT'), count(*) filter (where state = 'PENDING')
                                             from reminder where dedupe_key like 'bench:%'")
  printf '\r  sent %7d  pending %7d ' "$sent" "$pending" >&2
  [ "$pending" = 0 ] && break
  [ "$(date +%s)" -gt "$deadline" ] && { echo >&2; log "gave up waiting after $MAX_WAIT s"; break; }
  sleep 2
done
echo >&2

# --- results ----------------------------------------------------------------------------------
psql -X -P pager=off -c "
  select count(*) as sent,
         round(extract(epoch from max(sent_at) - min(due_at))::numeric, 1) as seconds,
         round((count(*) / extract(epoch from max(sent_at) - min(due_at)))::numeric) as reminders_per_s,
         round(percentile_cont(0.50) within group (order by extract(epoch from sent_at - due_at))::numeric, 1) as p50_lateness_s,
         round(percentile_cont(0.99) within group (order by extract(epoch from sent_at - due_at))::numeric, 1) as p99_lateness_s,
         round(max(extract(epoch from sent_at - due_at))::numeric, 1) as max_lateness_s
  from reminder where dedupe_key like 'bench:%' and state = 'SENT'"
psql -X -P pager=off -c "
  select (select count(*) from reminder where dedupe_key like 'bench:%' and state <> 'SENT') as not_sent,
         (select count(*) from notification n join reminder r on r.id = n.reminder_id where r.dedupe_key like 'bench:%') as inbox_rows,
         (select count(*) from push_delivery d join reminder r on r.id = d.reminder_id where r.dedupe_key like 'bench:%') as devices_reached"
read -r messages distinct duplicates bytes < <(curl -fs "http://127.0.0.1:$RECEIVER_PORT/stats")
echo "push service: $messages messages, $distinct distinct reminders, duplicates: $duplicates, $(( bytes / messages )) bytes per message"
for mgmt in "$MGMT_A" "$MGMT_B"; do
  pushed=$(curl -fs "$mgmt/q/metrics" | awk '/^canvass_reminders_sent_total\{channel="push",kind="PUSH_TEST"/ {print $2}')
  echo "replica with management port $mgmt pushed ${pushed:-0}"
done
log "done in $(( $(date +%s) - START )) s"
