#!/usr/bin/env bash
# Agenda and customer-list latency at 100,000 customers and 1,000,000 follow-ups.
# See README.md in this folder. Needs root (PostgreSQL runs as the postgres user), wrk,
# PostgreSQL 15 server binaries, psql, pgbench, java and python3. Everything it starts is stopped
# on exit, and the temp dir is removed unless KEEP_TMP=1.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DURATION=${DURATION:-20}            # seconds per measurement
WARMUP=${WARMUP:-10}                # seconds of warm-up per endpoint before measuring
CONCURRENCY=${CONCURRENCY:-"1 4"}   # connections; each level measures every endpoint
SKIP_BUILD=${SKIP_BUILD:-0}

ADMIN_EMAIL=admin@bench.canvass.io
ADMIN_PASSWORD=bench-admin-password
REP_EMAIL=rep01@bench.canvass.io
MANAGER_EMAIL=manager1@bench.canvass.io

. "$HERE/../lib.sh"
bench_init wrk pgbench

START=$(date +%s)
build_app

# --- PostgreSQL 15, throwaway -------------------------------------------------------------
# Planner settings stay at their defaults. fsync/synchronous_commit off only speed up loading the
# data set (the measured requests only read). auto_explain is loaded but silent until the plan
# probe at the end switches it on.
start_postgres <<EOF
shared_buffers = 1GB
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 4GB
shared_preload_libraries = 'auto_explain'
EOF
log "PostgreSQL 15 on 127.0.0.1:$PG_PORT ($TMP/pg)"

# --- the app: Flyway creates the schema, the admin is bootstrapped --------------------------
start_app

# --- data set ---------------------------------------------------------------------------------
log "generating 100,000 customers and 1,000,000 follow-ups"
timeout 600 psql -q -X -v admin_email="$ADMIN_EMAIL" -f "$HERE/seed.sql" >"$TMP/seed.log" 2>&1 \
  || { cat "$TMP/seed.log" >&2; die "generating the data set failed"; }
awk '/^Time/ { s += $2 } END { printf "seed statements took %.1f s\n", s / 1000 }' "$TMP/seed.log" >&2
timeout 600 psql -q -X -c "vacuum (analyze) customer, follow_up, app_user, team, team_manager, cadence_policy"
psql -X -c "select (select count(*) from customer) as customers,
                   (select count(*) from customer where deleted_at is null and stage <> 'LOST') as active,
                   (select count(*) from follow_up) as follow_ups,
                   (select count(*) from follow_up where status in ('OPEN', 'SNOOZED')) as pending,
                   pg_size_pretty(pg_database_size('canvass')) as db_size"

DAY=$(psql -Atc "select (now() at time zone 'Asia/Shanghai')::date")
REP_ID=$(psql -Atc "select id from app_user where email = '$REP_EMAIL'")
MANAGER_ID=$(psql -Atc "select id from app_user where email = '$MANAGER_EMAIL'")
MANAGER_TEAMS=$(psql -Atc "select '{' || string_agg(team_id::text, ',') || '}' from team_manager where user_id = '$MANAGER_ID'")
psql -X -c "select count(*) filter (where c.owner_id = '$REP_ID') as rep01_customers,
                   count(*) filter (where c.team_id = any('$MANAGER_TEAMS')) as manager1_team_customers,
                   (select count(*) from follow_up f join customer k on k.id = f.customer_id
                     where f.owner_id = '$REP_ID' and f.status in ('OPEN', 'SNOOZED') and f.due_on <= '$DAY' and k.deleted_at is null) as rep01_agenda_items
            from customer c where c.deleted_at is null"

login() {
  curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$ADMIN_PASSWORD\"}" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])'
}
login "$REP_EMAIL" >"$TMP/rep.tokens"
login "$MANAGER_EMAIL" >"$TMP/manager.tokens"
: >"$TMP/none.tokens"

AGENDA="$BASE/api/v1/agenda?date=$DAY"
LIST="$BASE/api/v1/customers?limit=50"
HEALTH="$MGMT/q/health/live"   # the management interface: the same process on its own port
for url in "$AGENDA" "$LIST"; do
  code=$(curl -s -o "$TMP/probe.json" -w '%{http_code}' -H "Authorization: Bearer $(cat "$TMP/rep.tokens")" "$url")
  [ "$code" = 200 ] || { cat "$TMP/probe.json" >&2; die "$url answered $code"; }
  printf '%s: %s bytes\n' "$url" "$(wc -c <"$TMP/probe.json")" >&2
done

# --- measurements -----------------------------------------------------------------------------
# name|tokens file|url
ENDPOINTS=(
  "health-live|none|$HEALTH"
  "agenda-rep|rep|$AGENDA"
  "list-rep|rep|$LIST"
  "list-manager|manager|$LIST"
)

run_wrk() { # tokens-file connections seconds url -> RESULT line
  BENCH_TOKENS="$TMP/$1.tokens" timeout $(( $3 + 30 )) wrk -t1 -c"$2" -d"$3"s --timeout 10s \
    -s "$HERE/bearer.lua" "$4" | grep '^RESULT' || echo "RESULT failed"
}

log "warm-up: ${WARMUP}s per endpoint at 4 connections"
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name tokens url <<<"$e"
  run_wrk "$tokens" 4 "$WARMUP" "$url" >/dev/null
done

RESULTS="$TMP/results.txt"
: >"$RESULTS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for c in $CONCURRENCY; do
  for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name tokens url <<<"$e"
    log "HTTP $name, $c connection(s), ${DURATION}s"
    line=$(run_wrk "$tokens" "$c" "$DURATION" "$url")
    echo "$line" >&2
    echo "http $name c=$c ${line#RESULT }" >>"$RESULTS"
  done
done

# The same SQL straight to PostgreSQL with pgbench (extended protocol, prepared, like the app's
# Vert.x client): what the database alone costs, so the HTTP figures can be read as ratios.
run_pgbench() { # name script connections -D...
  local name=$1 script=$2 c=$3; shift 3
  rm -f "$TMP"/pgbtx.*
  (cd "$TMP" && timeout $(( DURATION + 30 )) pgbench -n -M prepared -c "$c" -j 1 -T "$DURATION" -l --log-prefix=pgbtx \
      -f "$HERE/$script" "$@" canvass >"$TMP/pgbench.out" 2>&1) || { cat "$TMP/pgbench.out" >&2; echo "sql $name c=$c failed" >>"$RESULTS"; return; }
  local stats
  stats=$(cat "$TMP"/pgbtx.* | awk '{print $3}' | sort -n | awk -v d="$DURATION" '
    { v[NR] = $1 } END {
      if (NR == 0) { print "requests=0"; exit }
      i50 = int(NR * 0.50); if (i50 < 1) i50 = 1
      i95 = int(NR * 0.95); if (i95 < 1) i95 = 1
      i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
      printf "requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=0\n", NR, NR / d,
        v[i50] / 1000, v[i95] / 1000, v[i99] / 1000, v[NR] / 1000 }')
  echo "$stats" >&2
  echo "sql $name c=$c $stats" >>"$RESULTS"
}

for c in $CONCURRENCY; do
  log "SQL agenda-rep, $c connection(s), ${DURATION}s"
  run_pgbench agenda-rep agenda.pgbench.sql "$c" -D owner="$REP_ID" -D day="$DAY"
  log "SQL list-rep, $c connection(s), ${DURATION}s"
  run_pgbench list-rep list-rep.pgbench.sql "$c" -D owner="$REP_ID" -D lim=51
  log "SQL list-manager, $c connection(s), ${DURATION}s"
  run_pgbench list-manager list-manager.pgbench.sql "$c" -D owner="$MANAGER_ID" -D teams="$MANAGER_TEAMS" -D lim=51
done

# --- plans as issued: auto_explain on for one request of each kind ---------------------------------
log "plans of the statements the app issues (auto_explain, ANALYZE + BUFFERS)"
psql -q -X -c "alter system set auto_explain.log_min_duration = 0" -c "alter system set auto_explain.log_analyze = on" \
  -c "alter system set auto_explain.log_buffers = on" -c "alter system set auto_explain.log_timing = on" \
  -c "select pg_reload_conf()" >/dev/null
sleep 1
probe() { # label tokens url
  printf '\n########## %s: %s\n' "$1" "$3"
  local from
  from=$(stat -c %s "$TMP/pg/server.log")
  curl -s -o /dev/null -H "Authorization: Bearer $(cat "$TMP/$2.tokens")" "$3"
  sleep 1
  # every statement the request ran, with its plan (the user-profile lookup included)
  tail -c +$(( from + 1 )) "$TMP/pg/server.log" | sed -e 's/^[0-9-]* [0-9:.]* [A-Z]* \[[0-9]*\] //'
}
{
  probe "agenda, rep01" rep "$AGENDA"
  probe "customer list, rep01" rep "$LIST"
  probe "customer list, manager1" manager "$LIST"
} | tee "$TMP/plans.txt"
psql -q -X -c "alter system reset all" -c "select pg_reload_conf()" >/dev/null

# --- summary --------------------------------------------------------------------------------
log "summary (latencies in ms; ratio = endpoint p95 / baseline p95)"
python3 - "$RESULTS" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    kind, name, conc, *kv = line.split()
    d = dict(x.split("=", 1) for x in kv if "=" in x)
    rows[(kind, name, conc)] = d
def f(d, k):
    return float(d[k]) if d and k in d else float("nan")
concs = sorted({c for (_, _, c) in rows}, key=lambda c: int(c[2:]))
print(f"{'endpoint':<14}{'conc':>5}{'p50':>8}{'p95':>8}{'p99':>8}{'req/s':>9}{'err':>5} | {'sql p50':>8}{'sql p95':>8}{'sql req/s':>10} | {'p95/live':>9}{'p95/sql':>8}")
for c in concs:
    live = rows.get(("http", "health-live", c))
    for name in ("health-live", "agenda-rep", "list-rep", "list-manager"):
        h = rows.get(("http", name, c))
        s = rows.get(("sql", name, c))
        print(f"{name:<14}{c[2:]:>5}{f(h,'p50_ms'):>8.2f}{f(h,'p95_ms'):>8.2f}{f(h,'p99_ms'):>8.2f}{f(h,'rps'):>9.0f}{h.get('errors','?') if h else '?':>5} | "
              f"{f(s,'p50_ms'):>8.2f}{f(s,'p95_ms'):>8.2f}{f(s,'rps'):>10.0f} | "
              f"{f(h,'p95_ms')/f(live,'p95_ms'):>9.1f}{f(h,'p95_ms')/f(s,'p95_ms') if s else float('nan'):>8.1f}")
print("\ntarget: agenda-rep and list-rep p95 <= 20 ms")
EOF
echo "load average (1/5/15 min) on this $(nproc)-core machine: $LOAD_BEFORE before the measurements, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "total run time: $(( $(date +%s) - START )) s" >&2
