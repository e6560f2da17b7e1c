#!/usr/bin/env bash
# Team dashboard latency: GET /api/v1/kpis/teams/{id}?period=<year> for a team of 50 reps with a
# year of records (200,000 check-ins, 10,000 customers, 50,000 follow-ups, 50,000 deals with their
# stage history, contracts, instalments and payments). See README.md in this folder. Needs root, wrk, PostgreSQL 15 server binaries, psql,
# java and python3; everything it starts is stopped on exit.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
CONCURRENCY=${CONCURRENCY:-"1 4"}
SKIP_BUILD=${SKIP_BUILD:-0}
YEAR=${YEAR:-2025}

ADMIN_EMAIL=admin@bench.canvass.io
ADMIN_PASSWORD=bench-admin-password
MANAGER_EMAIL=manager@dash.bench.canvass.io

. "$HERE/../lib.sh"
bench_init wrk

START=$(date +%s)
build_app
start_postgres <<EOC
shared_buffers = 512MB
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 4GB
jit = ${PG_JIT:-on}
EOC
log "PostgreSQL 15 on 127.0.0.1:$PG_PORT ($TMP/pg)"
start_app

log "generating a year of a 50-rep team"
timeout 900 psql -q -X -v admin_email="$ADMIN_EMAIL" -v year="$YEAR" -f "$HERE/seed.sql" >"$TMP/seed.log" 2>&1 \
  || { cat "$TMP/seed.log" >&2; die "generating the data set failed"; }
timeout 600 psql -q -X -c "vacuum (analyze)"
psql -X -c "select (select count(*) from check_in) as check_ins, (select count(*) from customer) as customers,
                   (select count(*) from follow_up) as follow_ups, (select count(*) from target) as targets,
                   (select count(*) from deal) as deals, (select count(*) from deal_stage_change) as deal_moves,
                   (select count(*) from instalment) as instalments, (select count(*) from payment) as payments,
                   (select count(*) from kpi_rep_day) as rollup_rows,
                   pg_size_pretty(pg_database_size('canvass')) as db_size"

log "EXPLAIN ANALYZE of the dashboard's statements for the year"
psql -X -v year="$YEAR" -f "$HERE/explain.sql" >"$TMP/explain.txt" 2>&1 || { cat "$TMP/explain.txt" >&2; die "explain failed"; }
awk '/^###/ { label = $0 } /Execution Time/ { printf "%-90s %s\n", label, $3 " ms" }' "$TMP/explain.txt" >&2
[ -n "${EXPLAIN_OUT:-}" ] && cp "$TMP/explain.txt" "$EXPLAIN_OUT"

TEAM_ID=$(psql -Atc "select id from team where name = 'Bench dashboard'")
curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$MANAGER_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])' >"$TMP/manager.tokens"

YEAR_URL="$BASE/api/v1/kpis/teams/$TEAM_ID?period=$YEAR"
MONTH_URL="$BASE/api/v1/kpis/teams/$TEAM_ID?period=$YEAR-11"
for url in "$YEAR_URL" "$MONTH_URL"; do
  code=$(curl -s -o "$TMP/probe.json" -w '%{http_code}' -H "Authorization: Bearer $(cat "$TMP/manager.tokens")" "$url")
  [ "$code" = 200 ] || { cat "$TMP/probe.json" >&2; die "$url answered $code"; }
  printf '%s: %s bytes\n' "$url" "$(wc -c <"$TMP/probe.json")" >&2
done
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("month: effective visits", d["indicators"]["effectiveVisits"], "reps", len(d["reps"]))' "$TMP/probe.json" >&2

run_wrk() { # connections seconds url -> RESULT line
  BENCH_TOKENS="$TMP/manager.tokens" timeout $(( $2 + 30 )) wrk -t1 -c"$1" -d"$2"s --timeout 10s \
    -s "$HERE/../customers/bearer.lua" "$3" | grep '^RESULT' || echo "RESULT failed"
}

log "warm-up: ${WARMUP}s per period"
run_wrk 2 "$WARMUP" "$YEAR_URL" >/dev/null
run_wrk 2 "$WARMUP" "$MONTH_URL" >/dev/null

for c in $CONCURRENCY; do
  for p in year month; do
    url=$YEAR_URL; [ "$p" = month ] && url=$MONTH_URL
    log "team dashboard ($p), $c connection(s), ${DURATION}s"
    printf 'team-dashboard-%s c=%s %s\n' "$p" "$c" "$(run_wrk "$c" "$DURATION" "$url" | sed 's/^RESULT //')"
  done
done
echo "target: p95 <= 100 ms. load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; total $(( $(date +%s) - START )) s" >&2
